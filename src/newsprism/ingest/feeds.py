"""RSS and Atom feeds -> one RawDocument per entry that carries text."""

from __future__ import annotations

import re
from typing import Any

from newsprism.errors import InputError
from newsprism.nlp.dates import absolute_date
from newsprism.model import RawDocument

# A feed is recognised by its root element within the first few kilobytes.
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(html|body|head|!doctype html)\b", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """True when ``text`` starts like an RSS/Atom document rather than a web page."""
    head = text[:4096]
    return bool(_FEED_ROOT.search(head)) and not _HTML_ROOT.search(head)


def parse_feed(
    text: str, origin: str, path: str | None
) -> tuple[list[RawDocument], list[InputError]]:
    """Documents for the entries of a feed that have content or a summary.

    Entries with neither are link-only items, not broken input, so they are
    skipped; a feed where *no* entry has text is reported as one error.
    """
    import feedparser  # lazy: only feeds need it

    parsed = feedparser.parse(text)
    outlet = (parsed.feed.get("title") or "").strip() or None
    docs = []
    for number, entry in enumerate(parsed.entries, start=1):
        doc = _entry_document(entry, f"{origin}#{number}", outlet, path)
        if doc is not None:
            docs.append(doc)
    if docs:
        return docs, []
    if parsed.bozo and not parsed.entries:
        problem = f"not a readable RSS/Atom feed ({parsed.bozo_exception})"
    else:
        problem = "feed has no entries with content or a summary"
    return [], [InputError(origin, problem)]


def _entry_document(
    entry: Any, origin: str, outlet: str | None, path: str | None
) -> RawDocument | None:
    body, mime = _entry_body(entry)
    if not body.strip():
        return None
    date = entry.get("published_parsed") or entry.get("updated_parsed")
    return RawDocument(
        origin=origin,
        body=body,
        format="html" if "html" in mime else "text",
        title=(entry.get("title") or "").strip() or None,
        url=entry.get("link") or None,
        source=outlet,
        published=absolute_date(date) if date else None,
        author=_author(entry),
        path=path,
        record_id=entry.get("id") or None,
    )


def _author(entry: Any) -> str | None:
    """The author's name; RSS gives "desk@example.com (Name)", of which the name is wanted."""
    author = (entry.get("author") or "").strip()
    # feedparser's own split of this form cuts the name mid-word, so it is redone here
    match = _EMAIL_AND_NAME.match(author)
    return (match.group(1).strip() if match else author) or None


_EMAIL_AND_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def _entry_body(entry: Any) -> tuple[str, str]:
    """The fullest text of an entry (content beats summary) and its MIME type."""
    for item in entry.get("content") or []:
        if (item.get("value") or "").strip():
            return item["value"], item.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"

"""RSS and Atom feeds -> one RawDocument per entry that carries text, or items to poll."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsprism.errors import InputError
from newsprism.nlp.dates import absolute_date
from newsprism.model import RawDocument, content_id

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
    parsed, outlet = _parse(text)
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


def _parse(text: str) -> tuple[Any, str | None]:
    """The parsed feed and its title (the outlet), feedparser imported only when needed."""
    import feedparser

    parsed = feedparser.parse(text)
    return parsed, (parsed.feed.get("title") or "").strip() or None


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


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a polled feed.

    ``doc`` is the entry's own text when it carries the article; when it only
    carries a teaser, ``full`` is False and the linked page is to be read.
    """

    guid: str  # the entry's id, else its link, else a hash of its title and text
    url: str | None
    doc: RawDocument
    full: bool


def feed_items(text: str, origin: str, teaser_words: int) -> tuple[str | None, list[FeedItem]]:
    """The feed's title and its entries; raises InputError when ``text`` is not a feed.

    An entry is a teaser when it has no full content and its summary is shorter
    than ``teaser_words`` words (or it has no text at all but a link).
    """
    parsed, outlet = _parse(text)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise InputError(origin, f"not a readable RSS/Atom feed ({reason})")
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        item = _feed_item(entry, f"{origin}#{number}", outlet, teaser_words)
        if item is not None:
            items.append(item)
    return outlet, items


def _feed_item(entry: Any, origin: str, outlet: str | None, teaser_words: int) -> FeedItem | None:
    link = entry.get("link") or None
    doc = _entry_document(entry, origin, outlet, None)
    if doc is None:
        if link is None:
            return None  # neither text nor a page to read it from
        doc = RawDocument(origin=origin, body="", format="text", url=link, source=outlet,
                          title=(entry.get("title") or "").strip() or None)
    full = bool(entry.get("content")) or _word_count(doc.body) >= teaser_words or link is None
    guid = entry.get("id") or link or content_id(f"{doc.title}\n{doc.body}", prefix="g")
    return FeedItem(guid=guid, url=link, doc=doc, full=full)


def _word_count(body: str) -> int:
    return len(_TAG.sub(" ", body).split())


_TAG = re.compile(r"<[^>]*>")

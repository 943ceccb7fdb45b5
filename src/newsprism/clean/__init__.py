"""Clean stage: RawDocument -> Article (main text, metadata, boilerplate removed and recorded).

The cleaned ``Article.text`` holds one paragraph per line, paragraphs
separated by a blank line; later stages cite character offsets into exactly
this string. Everything taken out on the way is listed in ``Article.removed``
with its kind, so nothing disappears silently.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.clean.boilerplate import (
    Verdict,
    classify,
    headline_shaped,
    is_heading,
    is_link_cue_only,
    paragraph_kind,
    split_credit,
)
from newsprism.clean.duplicates import find_duplicates, same_paragraph, tokens
from newsprism.clean.header import (
    Head,
    drop_repeated_title,
    first_full_date,
    take_dateline,
    take_title_line,
)
from newsprism.clean.html import extract_page
from newsprism.clean.length import cap_paragraphs
from newsprism.clean.wire import clean_title, strip_wire
from newsprism.config import Options
from newsprism.errors import ExtractionError
from newsprism.model import Article, RawDocument, Removed, content_id
from newsprism.nlp.dates import absolute_date

__all__ = ["clean_document", "clean_paragraphs", "outlet_name"]

PARAGRAPH_SEPARATOR = "\n\n"
_HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.")


def clean_document(doc: RawDocument, options: Options) -> Article:
    """The cleaned article of ``doc``; raises ExtractionError when no text is left."""
    if doc.format == "html":
        page = extract_page(doc.body, doc.origin, doc.url)
        lines, title = page.text, doc.title or page.title
        published = doc.published or _date_or_none(page.date)
        sitename, author, url = page.sitename, doc.author or page.author, doc.url or page.url
        dropped, kinds, links = page.dropped, page.kinds, page.links
    else:
        lines, title, published = doc.body, doc.title, doc.published
        sitename, author, url = None, doc.author, doc.url
        dropped, kinds, links = (), {}, frozenset()
    paragraphs, over = cap_paragraphs(split_paragraphs(lines), options.max_article_chars,
                                      doc.origin)
    paragraphs, wire = strip_wire(paragraphs)
    head = Head(paragraphs, title=clean_title(title), published=published, removed=wire)
    take_dateline(head)
    if doc.format != "html":
        take_title_line(head)
    drop_repeated_title(head)
    kept, removed = clean_paragraphs(head.paragraphs, links)
    removed += explain_dropped(dropped, kept)
    kept, trailing = drop_trailing_headings(kept, kinds)
    removed += trailing + over
    text, marks = join_paragraphs(kept, kinds)
    if not text.strip():
        raise ExtractionError(doc.origin, _nothing_left(head.removed + removed))
    guessed = None if head.published or doc.format == "html" else first_full_date(doc.body)
    return Article(
        id=content_id(text),
        name=outlet_name(doc.source or sitename, url, doc.path or doc.origin),
        text=text,
        title=head.title,
        url=url,
        published=head.published or guessed,
        published_time=doc.published_time if doc.published and head.published == doc.published
        else None,
        author=author or _byline_author(removed),
        path=doc.path,
        record_id=doc.record_id,
        removed=tuple(head.removed + removed),
        date_guessed=guessed is not None,
        marks=marks,
    )


def drop_trailing_headings(
    paragraphs: list[str], kinds: dict[str, str]
) -> tuple[list[str], list[Removed]]:
    """``paragraphs`` without the headings that nothing but headings follow, and those removed.

    A heading of the body introduces text, a list or a table; a run of headings
    closing the text introduces nothing (teasers of other pages, section names).
    """
    kind = [kinds.get(p) or paragraph_kind(p) for p in paragraphs]
    last_text = max((i for i, k in enumerate(kind) if k != "heading"), default=-1)
    kept: list[str] = []
    removed: list[Removed] = []
    for i, para in enumerate(paragraphs):
        if kind[i] == "heading" and i > last_text:
            removed.append(Removed("heading", para))
        else:
            kept.append(para)
    return kept, removed


def join_paragraphs(
    paragraphs: list[str], kinds: dict[str, str]
) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """The article text, and the (start, end, kind) of its headings and list items.

    ``kinds`` maps a paragraph to the kind its markup gave it (an HTML heading or
    list item); a plain-text paragraph is a heading when shaped like one, an item
    when it opens with a bullet.
    """
    marks = []
    pos = 0
    for para in paragraphs:
        kind = kinds.get(para) or paragraph_kind(para)
        if kind != "text":
            marks.append((pos, pos + len(para), kind))
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(paragraphs), tuple(marks)


def split_paragraphs(text: str) -> list[str]:
    """Non-blank lines of ``text``, each with its inner whitespace collapsed to single spaces."""
    paragraphs = (" ".join(line.split()) for line in text.splitlines())
    return [p for p in paragraphs if p]


def clean_paragraphs(
    paragraphs: list[str], links: frozenset[str] = frozenset()
) -> tuple[list[str], list[Removed]]:
    """Paragraphs left after boilerplate and repeats are taken out, and what was taken.

    ``links`` are paragraphs the markup showed to be mostly link text: removed as links.
    """
    kept: list[str] = []
    removed: list[Removed] = []
    after_cue = False
    for para in paragraphs:
        verdict = Verdict((Removed("link", para),)) if para in links \
            else classify(para, after_link_cue=after_cue)
        # a bare "Related:" opens a list of headlines; any real paragraph closes it
        after_cue = is_link_cue_only(para) or (after_cue and verdict is not None
                                               and headline_shaped(para))
        if verdict is None or is_heading(verdict):
            kept.append(para)  # a heading of the body is content: kept, and marked later
        else:
            removed.extend(verdict.removed)
    duplicates = find_duplicates(kept)
    removed.extend(Removed("duplicate", kept[i]) for i in sorted(duplicates))
    return [p for i, p in enumerate(kept) if i not in duplicates], removed


def explain_dropped(dropped: tuple[tuple[str, str], ...], kept: list[str]) -> list[Removed]:
    """Removed entries for blocks the HTML extractor skipped inside the article.

    Each gets the kind our own rules give it (a figure caption is a caption
    whatever its wording; a copy of a kept paragraph is a duplicate), else
    "boilerplate" for a block the extractor judged not to be article text.
    """
    out: list[Removed] = []
    for tag, block in dropped:
        verdict = classify(block)
        if tag == "figcaption":
            out.extend(_as_caption(block, verdict))
        elif verdict is not None:
            out.extend(verdict.removed)
        elif any(same_paragraph(tokens(block), tokens(k)) for k in kept):
            out.append(Removed("duplicate", block))
        else:
            out.append(Removed("boilerplate", block))
    return out


def _as_caption(block: str, verdict: Verdict | None) -> list[Removed]:
    if verdict is not None and {r.kind for r in verdict.removed} <= {"caption", "credit"}:
        return list(verdict.removed)
    body, credit = split_credit(block)
    return [Removed("caption", body)] + ([Removed("credit", credit)] if credit else [])


def outlet_name(source: str | None, url: str | None, path: str | None) -> str:
    """The outlet as users know it: metadata, else the URL's domain, else the file name."""
    if source and source.strip():
        return source.strip()
    host = (urlsplit(url).hostname or "") if url else ""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
            break
    if host:
        return host
    if path in (None, "", "<stdin>"):
        return "stdin"
    stem = Path(re.sub(r":\d+$", "", path)).stem  # "feed.jsonl:3" -> "feed"
    # "capital_post" reads as "Capital Post"; a stem with digits (an id, a date) is kept
    # as it is, since title-casing it would only make it harder to match to the file.
    if re.fullmatch(r"[a-z]+(?:[_-][a-z]+)*", stem):
        return " ".join(w.capitalize() for w in re.split(r"[_-]", stem))
    return stem or "unknown"


def _date_or_none(value: str | None) -> str | None:
    return absolute_date(value) if value else None


def _byline_author(removed: list[Removed]) -> str | None:
    for item in removed:
        if item.kind == "byline":
            return re.sub(r"^by\s+", "", item.text, flags=re.IGNORECASE).strip() or None
    return None


def _nothing_left(removed: list[Removed]) -> str:
    if not removed:
        return "no article text found"
    kinds = sorted({r.kind for r in removed})
    return (f"no article text left after removing {len(removed)} boilerplate line(s) "
            f"({', '.join(kinds)})")

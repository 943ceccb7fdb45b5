"""HTML pages -> main text (one paragraph per line) and the page's own metadata."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsprism.clean.lead import lead_paragraphs
from newsprism.errors import ExtractionError


@dataclass(frozen=True, slots=True)
class Page:
    """Main text of a page, paragraphs separated by newlines, and its metadata."""

    text: str
    title: str | None
    sitename: str | None
    author: str | None
    date: str | None
    url: str | None
    # blocks inside the article that the extractor left out: (tag, text), in page order
    dropped: tuple[tuple[str, str], ...] = ()
    # paragraph text -> "heading" for the headings the extractor kept in the text
    kinds: dict[str, str] = field(default_factory=dict)
    # kept paragraphs whose text is mostly the text of links: teasers of other pages
    links: frozenset[str] = frozenset()


def extract_page(html: str, origin: str, url: str | None = None) -> Page:
    """Main text and metadata of ``html`` via trafilatura (date via htmldate).

    Comments are left out: they are reader talk, not the report. Tables are kept,
    one row per line ("| cell | cell |"), without the rule lines that only draw them.
    The standfirst under the headline opens the text when the extractor left it out.
    Raises ExtractionError when trafilatura finds no main text.
    """
    import trafilatura  # lazy: a large import, needed only for HTML
    from trafilatura.xml import xmltotxt

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, deduplicate=False,
        )
    except (ValueError, TypeError) as exc:  # malformed markup trafilatura cannot parse
        raise ExtractionError(origin, f"no article text: the HTML could not be parsed ({exc})") \
            from None
    root = _parse(html)
    if doc is None or doc.body is None:
        return _fragment(html, root, origin)
    text = _TABLE_RULE.sub("", xmltotxt(doc.body, include_formatting=False) or "")
    if root is not None:
        text = "\n".join([*lead_paragraphs(root, text), text])
    sitename = _clean(doc.sitename)
    return Page(
        text=text,
        title=refine_title(_clean(doc.title), root, sitename),
        sitename=sitename,
        author=_clean(doc.author),
        date=_clean(doc.date) or _htmldate(html),
        url=_clean(doc.url) or url,
        dropped=tuple(dropped_blocks(root, text)) if root is not None else (),
        kinds=heading_kinds(doc.body),
        links=linked_paragraphs(root, text) if root is not None else frozenset(),
    )


# "|---|---|" lines under a table's header row: drawing, not text
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$", re.MULTILINE)


def heading_kinds(body: Any) -> dict[str, str]:
    """The extractor's kept headings (``<head>`` in its XML), as paragraph text -> "heading".

    List items need no map: the extractor writes them with a leading "- ".
    """
    return {" ".join("".join(el.itertext()).split()): "heading" for el in body.iter("head")}


# A paragraph is a link to another page when at least this share of its characters
# is link text (boilerpipe's "link density", Kohlschütter et al. 2010). Chosen on the
# tune half of the extraction set: teasers ("Read also: <headline>") ran 0.72-1.0,
# while article paragraphs with a link in them stayed under 0.65 but for three.
MIN_LINK_SHARE = 0.7
# ... and has at most this many words: a teaser with its deck runs to about 40,
# whereas the only longer fully linked paragraphs there were article text.
MAX_LINK_WORDS = 40


def linked_paragraphs(root: Any, text: str) -> frozenset[str]:
    """The kept lines of ``text`` printed on the page as a ``<p>`` mostly made of link text.

    Such a paragraph points the reader elsewhere (a teaser, "Read also: ..."),
    it does not report. List items and table cells are not judged: a list of
    links can be the article's own content. A line printed several times counts
    as linked only if every printing is. When every kept line would count,
    none does, so a page of links is not emptied.
    """
    kept = {" ".join(line.split()) for line in text.splitlines() if line.strip()}
    shares: dict[str, float] = {}
    for para in root.iter("p"):
        block = " ".join(para.text_content().split())
        if block in kept and len(block.split()) <= MAX_LINK_WORDS:
            linked = sum(len(" ".join(a.text_content().split())) for a in para.iter("a"))
            shares[block] = min(shares.get(block, 1.0), linked / len(block))
    links = frozenset(block for block, share in shares.items() if share >= MIN_LINK_SHARE)
    return links if links != kept else frozenset()


# Leaf text blocks of a page: the units a reader sees as paragraphs or captions.
BLOCK_TAGS = frozenset(
    ["p", "figcaption", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "caption", "dd"]
)


def dropped_blocks(root: Any, text: str) -> list[tuple[str, str]]:
    """Text blocks lying *between* the first and last kept paragraph that were not kept.

    Main-text extraction drops captions, ad slots and repeated paragraphs inside
    an article without saying so; listing the blocks it skipped within the
    article's own span makes those drops visible, while the navigation and
    footers around the article stay out of the list.
    """
    kept = {" ".join(line.split()) for line in text.splitlines() if line.strip()}
    blocks = [(el.tag, " ".join(el.text_content().split())) for el in root.iter(*BLOCK_TAGS)
              if not any(True for _ in el.iterdescendants(*BLOCK_TAGS))]
    hits = [i for i, (_, block) in enumerate(blocks) if block in kept]
    if len(hits) < 2:
        return []
    # count copies: a paragraph printed twice but kept once was dropped once
    remaining = Counter(" ".join(line.split()) for line in text.splitlines() if line.strip())
    dropped = []
    for tag, block in blocks[hits[0]:hits[-1]]:
        if remaining[block] > 0:
            remaining[block] -= 1
        elif block:
            dropped.append((tag, block))
    return dropped


def _htmldate(html: str) -> str | None:
    """The page date from markup only; no guessing from the text's background dates."""
    from htmldate import find_date

    try:
        return find_date(html, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


# Separators between a headline and the site name in <title>: "Story | Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|›|»|::|·)\s+")


def refine_title(title: str | None, root: Any, sitename: str | None) -> str | None:
    """The headline without the site name that ``<title>`` tags often add.

    A part of the title that is also the page's ``<h1>`` wins; otherwise parts
    naming the site are dropped and the longest remaining part is kept. A title
    with no part recognised as either stays whole: a dash may belong to the
    headline itself.
    """
    if not title:
        return title
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    headings = set()
    if root is not None:
        headings = {" ".join(h.text_content().split()).casefold() for h in root.iter("h1")}
    for part in parts:
        if part.casefold() in headings:
            return part
    site = (sitename or "").casefold()
    rest = [p for p in parts if not site or (p.casefold() not in site and site not in p.casefold())]
    if not rest or len(rest) == len(parts):
        return title
    return max(rest, key=len)


def _fragment(html: str, root: Any, origin: str) -> Page:
    """The text of an HTML *fragment* (a feed summary, a record's ``html``), block by block.

    Main-text extraction needs a page to compare blocks against and rejects
    short fragments; a fragment is all content, so its blocks are kept as they
    are. A whole page that yields nothing is reported instead of scraped.
    """
    if root is None or _WHOLE_PAGE.search(html[:2048]):
        raise ExtractionError(origin, "no article text found in the HTML page")
    blocks = [" ".join(el.text_content().split()) for el in root.iter(*BLOCK_TAGS)
              if not any(True for _ in el.iterdescendants(*BLOCK_TAGS))]
    text = "\n".join(b for b in blocks if b) or " ".join(root.text_content().split())
    return Page(text=text, title=None, sitename=None, author=None, date=None, url=None)


_WHOLE_PAGE = re.compile(r"<(?:html|body|!doctype)\b", re.IGNORECASE)


def _parse(html: str) -> Any:
    import lxml.html  # installed with trafilatura

    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None

"""The standfirst: the lead paragraph printed between a page's headline and its body.

News and magazine pages print a summary sentence or two under the headline,
in a block of its own ("lead", "intro", "chapo", "teaser" in the markup).
Main-text extraction judges the body's container and so often leaves this
block out, though a reader takes it as the article's first paragraph. It is
found by position, not by class names: prose-shaped blocks lying between the
headline (the last ``<h1>`` before the body) and the body's first kept line.
"""

from __future__ import annotations

from typing import Any

from newsprism.clean.boilerplate import ends_like_sentence

# A lead is prose: at least this many words, ending like a sentence. Bylines,
# dates, reading times, kickers and labels between headline and body are shorter
# or unpunctuated. (On the tune half of the extraction set, 8 recovered 33 wanted
# snippets for 7 unwanted ones, before the boilerplate rules; 5 or 12 did no better.)
MIN_LEAD_WORDS = 8
# The headline belongs to the body only when at most this many text blocks lie
# between them; further apart, menus or teaser lists separate the two. (On the
# tune half, standfirsts lay 1-25 blocks below the headline, and the three
# unwanted blocks more than 30 below it were a sidebar, a pop-up and a slogan.)
MAX_HEADLINE_GAP = 30

# Elements that lay out text blocks; a block with none of them inside is a leaf.
_LAYOUT = frozenset([
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "header", "footer", "figure", "figcaption", "table", "tr", "td", "blockquote", "aside",
    "nav", "main", "dl", "dd", "dt", "form",
])
# A block inside one of these is not prose of the article: media, menus, controls.
_NOT_PROSE = frozenset([
    "script", "style", "noscript", "template", "button", "select", "figure", "figcaption",
    "nav", "aside",
])


def lead_paragraphs(root: Any, text: str) -> list[str]:
    """The prose blocks between the headline and the first line of ``text``, in page order.

    Empty when the page has no ``<h1>`` closely above the body's first line, or when
    the first line cannot be found among the page's blocks. Lines already in
    ``text`` are not returned again.
    """
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    blocks = _leaf_blocks(root)
    start = next((i for i, (_, block) in enumerate(blocks) if _same_start(block, lines[0])), None)
    if start is None:
        return []
    headline = max((i for i, (el, _) in enumerate(blocks[:start]) if el.tag == "h1"), default=None)
    if headline is None or start - headline - 1 > MAX_HEADLINE_GAP:
        return []
    kept = set(lines)
    return [
        block for el, block in blocks[headline + 1:start]
        if len(block.split()) >= MIN_LEAD_WORDS and ends_like_sentence(block)
        and block not in kept and not any(a.tag in _NOT_PROSE for a in el.iterancestors())
    ]


def _leaf_blocks(root: Any) -> list[tuple[Any, str]]:
    """Layout elements with no layout element inside, with their text, in page order."""
    inner: set[Any] = set()
    for el in root.iter(*_LAYOUT):
        for parent in el.iterancestors(*_LAYOUT):
            if parent in inner:
                break
            inner.add(parent)
    return [(el, " ".join(el.text_content().split())) for el in root.iter(*_LAYOUT)
            if el not in inner and el.tag not in _NOT_PROSE]


def _same_start(block: str, line: str, width: int = 60) -> bool:
    """True when ``block`` is the page's printing of ``line`` (the extractor may merge blocks)."""
    if not block:
        return False
    if block == line:
        return True
    return min(len(block), len(line)) >= width and block[:width] == line[:width]

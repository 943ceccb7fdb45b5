"""Segment stage: cleaned text -> sentences with exact character offsets.

Sentences never cross a paragraph (a line break in the cleaned text), so a
caption or heading left in a paragraph of its own cannot glue onto a sentence.
"""

from __future__ import annotations

import bisect
import logging
import re

import blingfire

from newsprism.model import Article, Sentence

log = logging.getLogger("newsprism")

_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text``, stripped of outer spaces."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    _, offsets = blingfire.text_to_sentences_and_offsets(chunk)
    if not offsets:
        return [(start, end)]
    # blingfire works on UTF-8 bytes in some versions; trust it only when the
    # spans round-trip, else fall back to the whole paragraph.
    spans = []
    for s, e in offsets:
        s, e = start + s, start + e
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans or [(start, end)]


# Titles and ranks written before a name ("Army Spc. Charles Graner", "Sen. Max Baucus",
# "Ms. Ward"): they never end a sentence, though the splitter cuts after them when the
# next word is capitalised. Left out on purpose: "St." (a street ends sentences), "Jr.",
# and state abbreviations ("Col." is Colorado too).
_TITLE_END = re.compile(r"(?:^|[\s(\"\u201c])(?:Mr|Mrs|Ms|Dr|Prof|Rev|Msgr|Sen|Rep|Gov|Amb|Gen"
                        r"|Lt|Maj|Capt|Cmdr|Adm|Brig|Sgt|Cpl|Spc|Pfc|Pvt|Supt|Insp)\.$")


def _join_titles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a sentence the splitter cut after a title ("Sgt." | "Santos Cardona ...")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _TITLE_END.search(text[out[-1][0]:out[-1][1]]) and text[start].isupper():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# A quotation is kept whole when it closes within this many sentences.
_MAX_QUOTE_SENTENCES = 4


def _open_quote(text: str) -> bool:
    """True when ``text`` opens a quotation it does not close."""
    return text.count('"') % 2 == 1 or text.count("\u201c") > text.count("\u201d")


_CLOSE_THEN_TEXT = re.compile(r"[\"\u201d][^\"\u201c\u201d]*\w[^\"\u201c\u201d]*$")


def _join_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge sentences split inside a quotation whose attribution follows it.

    A splitter cuts '"Our first thought is with them. Our second is ...," she said.'
    in two, and the halves read as an unattributed fragment and a quote tail. They
    are joined only when the closing sentence goes on after the quote ("she said"):
    a multi-sentence quote with its attribution in front stays split, so each of its
    sentences can still be aligned with other outlets on its own.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        j = i
        if _open_quote(text[start:end]):
            for k in range(i + 1, min(i + _MAX_QUOTE_SENTENCES, len(spans))):
                if not _open_quote(text[start : spans[k][1]]):
                    if _CLOSE_THEN_TEXT.search(text[spans[k][0] : spans[k][1]]):
                        j = k
                    break
        out.append((start, spans[j][1]))
        i = j + 1
    return out


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of ``article`` in reading order; ``text == article.text[start:end]``.

    A sentence of a paragraph the clean stage marked as a heading or list item
    (``article.marks``) has that kind; every other sentence is "text".
    """
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(article.text)):
        kind = paragraph_kind(article.marks, p_start, p_end)
        spans = _join_quotes(article.text, _join_titles(
            article.text, _sentence_spans(article.text, p_start, p_end)))
        for s, e in spans:
            out.append(Sentence(article.id, s, e, article.text[s:e], len(out), p_index, kind))
    return tuple(out)


def paragraph_kind(marks: tuple[tuple[int, int, str], ...], start: int, end: int) -> str:
    """The kind of the mark covering ``start:end``, else "text".

    ``marks`` are paragraph spans in text order (as the clean stage writes them),
    so the one that can cover ``start`` is found by bisection.
    """
    i = bisect.bisect_right(marks, start, key=lambda m: m[0]) - 1
    if i >= 0 and marks[i][0] <= start and end <= marks[i][1]:
        return marks[i][2]
    return "text"


def leading_sentences(
    by_article: dict[str, tuple[Sentence, ...]], max_sentences: int
) -> dict[str, tuple[Sentence, ...]]:
    """Each article's first ``k`` sentences, ``k`` the largest keeping the total within
    ``max_sentences`` (at least 1); ``by_article`` itself when every sentence fits.

    A story's analysis compares every sentence with every other, so its cost grows with
    the square of their number; news puts its facts first, so the leads are kept.
    """
    sizes = [len(ss) for ss in by_article.values()]
    if sum(sizes) <= max_sentences:
        return by_article
    low, high = 1, max(sizes)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(n, middle) for n in sizes) <= max_sentences:
            low = middle
        else:
            high = middle - 1
    log.warning("a story of %d articles and %d sentences: only each article's first %d "
                "sentences are compared (max_story_sentences = %d)",
                len(sizes), sum(sizes), low, max_sentences)
    return {aid: ss[:low] for aid, ss in by_article.items()}


def split_text(text: str, source: str = "doc") -> tuple[Sentence, ...]:
    """Sentences of bare text (used by evaluation, where documents are already clean)."""
    return split_sentences(Article(id=source, name=source, text=text))

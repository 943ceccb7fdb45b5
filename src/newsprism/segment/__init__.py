"""Segment stage: cleaned text -> sentences with exact character offsets.

Sentences never cross a paragraph (a line break in the cleaned text), so a
caption or heading left in a paragraph of its own cannot glue onto a sentence.
"""

from __future__ import annotations

import re

import blingfire

from newsprism.model import Article, Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+", re.UNICODE)


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


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of ``article`` in reading order; ``text == article.text[start:end]``."""
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(article.text)):
        for s, e in _sentence_spans(article.text, p_start, p_end):
            out.append(Sentence(article.id, s, e, article.text[s:e], len(out), p_index))
    return tuple(out)


def split_text(text: str, source: str = "doc") -> tuple[Sentence, ...]:
    """Sentences of bare text (used by evaluation, where documents are already clean)."""
    return split_sentences(Article(id=source, name=source, text=text))


def words(text: str) -> list[str]:
    """Word tokens (letters and digits), in order."""
    return _WORD.findall(text)

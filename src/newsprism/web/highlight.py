"""An article's cleaned text as HTML paragraphs, with a search's matches highlighted.

Everything from the text is escaped here; the only markup added is ``<mark>`` around the
sentences holding a match (the first one with ``id="match"``, which a hit's link scrolls
to) and ``<strong>`` around the matched words.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

Span = tuple[int, int]
ANCHOR = "match"  # the id of the first matching sentence; search hits link to #match
_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str, sentences: list[Span], words: list[Span]) -> list[Markup]:
    """One HTML fragment per non-blank line of ``text``, each of ``sentences`` in one <mark>
    (the first with id="match") and ``words`` in <strong> (both sorted, as
    :func:`~newsprism.pipeline.article.article_view` gives them). Linear in the text and
    the spans."""
    cuts = sorted({p for span in (*sentences, *words) for p in span})
    tags = _Tags(_Cover(sentences), _Cover(words))
    out, c = [], 0
    for line in _LINE.finditer(text):
        start, end = line.span()
        while c < len(cuts) and cuts[c] <= start:
            c += 1
        points = [start]
        while c < len(cuts) and cuts[c] < end:
            points.append(cuts[c])
            c += 1
        html = [tags.at(a) + escape(text[a:b]) for a, b in zip(points, [*points[1:], end])]
        if text[start:end].strip():
            out.append(Markup("").join([*html, tags.close()]))
        else:
            tags.close()
    return out


class _Tags:
    """The tags to write where the text enters or leaves a marked sentence or word,
    so that <strong> always nests inside <mark>."""

    def __init__(self, sentence_at: _Cover, word_at: _Cover) -> None:
        self.sentence_at, self.word_at = sentence_at, word_at
        self.sentence = self.word = self.anchored = False

    def at(self, pos: int) -> Markup:
        """Tags to write before the text at ``pos`` (a cut or a line start)."""
        sentence, word = self.sentence_at(pos), self.word_at(pos)
        tags = ""
        if self.word and (not word or sentence != self.sentence):
            tags += "</strong>"
        if sentence != self.sentence:
            tags += "</mark>" if self.sentence else self._open_mark()
        if word and (not self.word or sentence != self.sentence):
            tags += "<strong>"
        self.sentence, self.word = sentence, word
        return Markup(tags)  # noqa: S704 (constant tags only)

    def close(self) -> Markup:
        """Close what is open (at a line end)."""
        tags = ("</strong>" if self.word else "") + ("</mark>" if self.sentence else "")
        self.sentence = self.word = False
        return Markup(tags)  # noqa: S704 (constant tags only)

    def _open_mark(self) -> str:
        first, self.anchored = not self.anchored, True
        return f'<mark id="{ANCHOR}">' if first else "<mark>"


class _Cover:
    """Is a position inside one of these sorted, disjoint spans? Positions asked in
    increasing order, so each call moves a pointer forward: linear overall."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.i = 0

    def __call__(self, pos: int) -> bool:
        while self.i < len(self.spans) and self.spans[self.i][1] <= pos:
            self.i += 1
        return self.i < len(self.spans) and self.spans[self.i][0] <= pos

"""Where a search's words occur in a text, and the snippet shown for a hit: one pass each.

SQLite's own ``snippet()`` and ``highlight()`` are quadratic in the matches of a long
article (a 450 KB article with 64,000 matches: 6.5 s for ``snippet``; ``highlight``
rebuilds its growing result on every match), so both are done here instead, in time
linear in the text: the text is cut into tokens as SQLite's unicode61 tokenizer cuts it
(runs of letters and digits), each folded as it folds them (case and accents dropped),
and every wanted term is checked where its last word could end.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable

Span = tuple[int, int]
HIT, END = "\x02", "\x03"  # around each matched word in a snippet (callers make marks of them)
_TOKEN = re.compile(r"[^\W_]+")


def fold(word: str) -> str:
    """``word`` lower-cased and without accents, as the store's full-text index sees it."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Matcher:
    """Finds terms, each a tuple of words whose last may be a prefix (``prefix=True``)."""

    def __init__(self, terms: Iterable[tuple[tuple[str, ...], bool]]) -> None:
        self.exact: dict[str, list[tuple[str, ...]]] = {}  # last word -> earlier words
        self.prefixes: list[tuple[str, tuple[str, ...]]] = []
        self.longest = 1
        for words, prefix in terms:
            folded = tuple(fold(w) for w in words)
            self.longest = max(self.longest, len(folded))
            if prefix:
                self.prefixes.append((folded[-1], folded[:-1]))
            else:
                self.exact.setdefault(folded[-1], []).append(folded[:-1])

    def spans(self, text: str) -> list[Span]:
        """(start, end) of every occurrence of a term in ``text``, in order, overlaps merged."""
        out: list[Span] = []
        recent: deque[tuple[int, str]] = deque(maxlen=self.longest)  # (start, folded)
        folded_of: dict[str, str] = {}
        for m in _TOKEN.finditer(text):
            token = m.group()
            word = folded_of.get(token) or folded_of.setdefault(token, fold(token))
            recent.append((m.start(), word))
            back = self._longest_match(word, recent)
            if back:
                _add(out, (recent[-back][0], m.end()))
        return out

    def _longest_match(self, word: str, recent: deque[tuple[int, str]]) -> int:
        """How many of the recent tokens (ending with ``word``) the longest term ending
        here spans; 0 when none ends here."""
        best = 0
        for before in self.exact.get(word, ()):
            if len(before) >= best and _ends_with(recent, before):
                best = len(before) + 1
        for stem, before in self.prefixes:
            if word.startswith(stem) and len(before) >= best and _ends_with(recent, before):
                best = len(before) + 1
        return best


def _ends_with(recent: deque[tuple[int, str]], before: tuple[str, ...]) -> bool:
    """Do the tokens just before the last one read ``before``?"""
    if len(before) >= len(recent):
        return False
    n = len(recent) - 1
    return all(recent[n - len(before) + i][1] == w for i, w in enumerate(before))


def _add(spans: list[Span], span: Span) -> None:
    start, end = span
    while spans and spans[-1][1] > start:  # a phrase reaching back over earlier matches
        start = min(start, spans.pop()[0])
    spans.append((start, end))


def snippet(text: str, spans: list[Span], width: int = 160) -> str:
    """About ``width`` characters of ``text`` around the window of that size holding the
    most different matched words, each between HIT and END, "…" where text was cut;
    the text's start when nothing matched."""
    if not spans:
        return _cut(text, 0, width, [])
    first, last = _best_window(text, spans, width)
    # a little context before the first word, as long as the last one still fits
    lead = max(0, spans[first][0] - width // 4, spans[last][1] - width)
    end = _word_end(text, lead + width, spans[last][1])
    return _cut(text, _word_start(text, lead), end, spans[first:])


def _best_window(text: str, spans: list[Span], width: int) -> tuple[int, int]:
    """Indices of the first and last span of the window with the most distinct words."""
    counts: Counter[str] = Counter()
    best, best_distinct, lo = (0, 0), 0, 0
    for hi, (start, end) in enumerate(spans):
        counts[fold(text[start:end])] += 1
        while spans[lo][0] < end - width:
            key = fold(text[spans[lo][0]:spans[lo][1]])
            counts[key] -= 1
            if not counts[key]:
                del counts[key]
            lo += 1
        if len(counts) > best_distinct:
            best, best_distinct = (lo, hi), len(counts)
    return best


def _word_start(text: str, pos: int) -> int:
    """``pos`` moved back to the start of the word it falls in (at most 20 characters)."""
    floor = max(0, pos - 20)
    while pos > floor and text[pos - 1].isalnum():
        pos -= 1
    return pos


def _word_end(text: str, pos: int, floor: int) -> int:
    """``pos`` moved back to the end of the word before the one it cuts (not below
    ``floor``, at most 20 characters)."""
    floor = max(floor, pos - 20)
    if pos >= len(text) or not text[pos].isalnum():
        return pos
    while pos > floor and text[pos - 1].isalnum():
        pos -= 1
    return pos


def _cut(text: str, start: int, end: int, spans: list[Span]) -> str:
    end = min(len(text), end)
    parts, pos = [], start
    for s, e in spans:
        if s >= end:
            break
        parts += [text[pos:s], HIT, text[s:min(e, end)], END]
        pos = min(e, end)
    parts.append(text[pos:end])
    body = "".join(parts).replace("\n", " ")
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")

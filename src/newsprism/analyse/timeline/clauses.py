"""The clauses of a sentence and the date each one happened at.

A sentence that names several dates usually tells several events ("relations were
restored in 2016, and two years later they broke"), or names a date only as a
reference point ("the first visit since 2008"). So a sentence is cut into clauses at
coordinating boundaries, and each clause is placed at the first date that is its own:

* a date after "since" is a reference point, not an event, unless a "when" clause
  follows it ("rocky since 2011, when Ankara expelled ...": that clause is 2011's);
* a clause opening with "and"/"but" plus a date starts a new event ("... in 2018 and
  in August announced ..."), and so does the last conjunction between two dates
  ("opened in 1998 and was privatised in 2009", "... following a 2010 raid");
* one sentence yields at most one event per date: clauses at the same date are one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Sentence
from newsprism.nlp import parse
from newsprism.nlp.dates import DateMention

# Where a new clause may start: after ";" or a comma followed by a conjunction or
# relative adverb; a conjunction without a comma only next to a date (see _cuts).
_BOUNDARY = re.compile(
    r";\s+|,\s+(?=(?:and|but|while|whereas|when|where|after|before|then|though|although)\b)",
    re.I)
_DATE_OPENER = re.compile(r"(?:^|\s)(?:and|but|then|while)\s+(?:(?:on|in|at|by|from)\s+)?$", re.I)
_JOIN = re.compile(r"\s(?:and|but|following|after|before|amid)\s", re.I)
_REFERENCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_WHEN = re.compile(r"(?:and\s+|but\s+)?when\b", re.I)
_LEADING = re.compile(r"^(?:[,;:\s]|and\b|but\b|then\b|while\b|whereas\b)+", re.I)


@dataclass(frozen=True, slots=True)
class DatedClause:
    """``sentence.text[start:end]`` (offsets within the sentence) happened at ``date``."""

    sentence: Sentence
    date: str
    start: int
    end: int

    @property
    def text(self) -> str:
        """The clause as shown: leading connectives dropped, first letter capitalised."""
        raw = self.sentence.text[self.start:self.end]
        body = _LEADING.sub("", raw).rstrip(" ,;:—-")
        return body[:1].upper() + body[1:] if body else raw.strip()

    def shown(self) -> str:
        """What a timeline shows for it: the clause when it reads as a clause, else its whole
        sentence. A clause cut after "and" that opens with a verb ("were refurbished last
        year") or a participle ("Following a 2010 raid ...") has its subject elsewhere in
        the sentence (part-of-speech tags of its first word)."""
        text = self.text
        if self.start == 0 and self.end >= len(self.sentence.text.rstrip()):
            return text
        first = parse.parse(text)[0] if text else None
        return self.sentence.text.strip() if first is not None and \
            first.pos_ in ("VERB", "AUX") else text


def dated_clauses(sentence: Sentence, mentions: list[DateMention]) -> list[DatedClause]:
    """One clause per date the sentence tells an event at, in sentence order.

    ``mentions`` are the resolved date mentions inside the sentence, offsets relative
    to the article (as :func:`newsprism.nlp.dates.find_dates` returns them). A clause
    with no date of its own belongs to the event before it (the first one: to the
    event after it), so a sentence telling one event is shown whole.
    """
    spans = _own_dates(sentence, mentions)
    found: dict[str, tuple[int, int]] = {}
    pending: int | None = None  # start of undated clauses before the first dated one
    last: str | None = None
    for begin, end, date in spans:
        if date is None and last is None:
            pending = begin if pending is None else pending
            continue
        date = date or last
        assert date is not None
        first, _ = found.get(date, (begin if pending is None else pending, end))
        found[date] = (min(first, begin), end)
        pending, last = None, date
    return sorted((DatedClause(sentence, d, s, e) for d, (s, e) in found.items()),
                  key=lambda c: c.start)


def _own_dates(sentence: Sentence, mentions: list[DateMention]
               ) -> list[tuple[int, int, str | None]]:
    """The sentence's clauses, each with the first date that is its own (or None)."""
    text = sentence.text
    local = [(m.start - sentence.start, m.end - sentence.start, m.value) for m in mentions
             if m.value is not None]
    out: list[tuple[int, int, str | None]] = []
    inherited: str | None = None
    for begin, end in _clauses(text, [(s, e) for s, e, _ in local]):
        inside = [(s, e, v) for s, e, v in local if begin <= s < end]
        own = [v for s, _, v in inside if not _REFERENCE.search(text, 0, s)]
        when = inherited if _WHEN.match(text[begin:end].lstrip(" ,;")) else None
        out.append((begin, end, when or (own[0] if own else None)))
        inherited = inside[-1][2] if inside and inside[-1][1] >= end - 2 else None
    return out


def _clauses(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text`` in order, cut at clause boundaries."""
    cuts = sorted({m.start() for m in _BOUNDARY.finditer(text)} | set(_cuts(text, dates)))
    edges = [0, *[c for c in cuts if 0 < c < len(text)], len(text)]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if text[a:b].strip(" ,;")]


def _cuts(text: str, dates: list[tuple[int, int]]) -> list[int]:
    """Starts of clauses that open with a conjunction: right before a date ("and in
    August ..."), or the last conjunction between two dates ("opened in 1998 and was
    privatised in 2009", "expelled the ambassador in 2011 following a 2010 raid"); never
    inside a span of time ("between 2010 and 2012")."""
    out = []
    for i, (start, _) in enumerate(dates):
        prev_end = dates[i - 1][1] if i else 0
        m = _DATE_OPENER.search(text, 0, start)
        if m and not (i and not text[prev_end:m.start()].strip() and text[start].isdigit()):
            out.append(m.start())
        elif i and not m:
            between = list(_JOIN.finditer(text, prev_end, start))
            if between and text[between[-1].end():start].strip():
                out.append(between[-1].start())
    return out

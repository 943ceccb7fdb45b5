"""Same thing, same time: what two stated values must share before they can conflict.

A story may be a series of reports spanning weeks (one earthquake, then another; a
toll updated day by day). Two values only answer the same question when they are about
the same event at the same time, so each stated value carries:

* the day it was reported: the article's publication day, else the date its text opens
  with when that line is nothing but a date (a Wikinews-style dateline);
* the date of the event it belongs to: the date of the clause that holds it
  (:func:`newsprism.analyse.timeline.clauses.dated_clauses`, relative words read
  against the report's day, a reporting day such as "police said Monday" left out);
* the places its sentence names (named-entity places).

Values whose events carry different dates, or whose sentences name places and share
none, are about different things (:func:`apart`). Whether values at different times
are a dispute or a change over time is :func:`newsprism.analyse.disputes.find.section`'s.
"""

from __future__ import annotations

import re

from newsprism.analyse.disputes.values import Value, values
from newsprism.analyse.timeline.clauses import dated_clauses
from newsprism.model import Article, Sentence
from newsprism.nlp import ner
from newsprism.nlp.dates import DateMention, find_dates

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_LABELS = _PLACE_LABELS | {"ORG", "PERSON", "NORP"}
# A name right after a locative phrase is a place whatever NER labels it ("12 km north
# of Orlen", "near Tamsk": small towns are often tagged PERSON or ORG)
_LOCATIVE = re.compile(r"\b(?:in|near|off|outside|(?:north|south|east|west)(?:-?(?:east|west))?"
                       r"\s+of)\s+(?:the\s+)?$", re.I)
_WORD = re.compile(r"[^\W\d_]+")


def report_day(article: Article) -> str:
    """The day ``article`` reports from (``YYYY-MM-DD``), or "" when it says none."""
    if article.published:
        return article.published
    first = article.text.lstrip().split("\n", 1)[0]
    found = find_dates(first)
    rest = first
    for d in sorted(found, key=lambda d: -d.start):
        rest = rest[:d.start] + rest[d.end:]
    days = [d.value for d in found if d.value and len(d.value) == 10]
    return days[-1] if days and not re.search(r"\w", rest) else ""


def event_date(sentence: Sentence, value: Value, day: str) -> str:
    """The date (ISO, any precision) of the event ``value`` belongs to, "" when its clause
    states none. A date value is itself what is compared, so it has no event date here."""
    if value.kind == "date":
        return ""
    dates = [v for v in values(sentence.text, day or None) if v.kind == "date" and v.iso]
    mentions = [DateMention(sentence.start + v.start, sentence.start + v.start + len(v.shown),
                            v.shown, v.iso, v.relative) for v in dates]
    for clause in dated_clauses(sentence, mentions):
        if clause.start <= value.start < clause.end:
            return clause.date
    return ""


def places(sentences: list[Sentence], meta: dict[str, Article]) -> list[frozenset[str]]:
    """Per sentence, the capitalised words of the places it names, lower-cased ("the
    United States": united, states); one NER pass per article, cached across the story."""
    ids = sorted({s.source for s in sentences})
    found = dict(zip(ids, ner.mentions(meta[i].text for i in ids), strict=True))
    return [frozenset(w.lower() for m in found[s.source]
                      if s.start <= m.start < s.end and _place(m, meta[s.source].text)
                      for w in _WORD.findall(m.text) if w[:1].isupper())
            for s in sentences]


def _place(m: ner.Mention, text: str) -> bool:
    return m.label in _PLACE_LABELS or (
        m.label in _NAME_LABELS and bool(_LOCATIVE.search(text, max(0, m.start - 20), m.start)))


def relation(a: str, b: str) -> str:
    """"same" when both event dates are known and one contains the other ("2025-03" holds
    "2025-03-04"), "different" when both are known otherwise, else "unknown"."""
    if not (a and b):
        return "unknown"
    return "same" if a.startswith(b) or b.startswith(a) else "different"


def apart(places_a: frozenset[str], places_b: frozenset[str]) -> bool:
    """Both sentences name places and share none: about different things."""
    return bool(places_a) and bool(places_b) and not places_a & places_b

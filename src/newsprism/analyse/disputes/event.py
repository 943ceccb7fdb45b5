"""Same thing, same time: what two stated values must share before they can conflict.

A story may be a series of reports spanning weeks (one earthquake, then another; a
toll updated day by day). Two values only answer the same question when they are about
the same event at the same time, so each stated value carries:

* the day it was reported: the article's publication day, else the date its text opens
  with when that line is nothing but a date (a Wikinews-style dateline);
* the date of the event it belongs to: the date of the clause that holds it
  (:func:`newsprism.analyse.timeline.clauses.dated_clauses`, relative words read
  against the report's day, a reporting day such as "police said Monday" left out);
* the places its sentence names (capitalised names after "in", "near", "north of" ...).

Sentences that name places and share none are about different things (:func:`apart`).
How event dates (:func:`relation`) and report days decide between a dispute, a change
over time and nothing is :func:`newsprism.analyse.disputes.find.section`'s.
"""

from __future__ import annotations

import re

from newsprism.analyse.disputes.values import Value, values
from newsprism.analyse.timeline.clauses import dated_clauses
from newsprism.model import Article, Sentence
from newsprism.nlp.dates import DateMention, find_dates

# A place is named after a locative phrase; NER labels small towns PERSON or ORG as
# often as GPE, and a regex reads the same in every build of a story.
_PLACE = re.compile(r"\b(?:in|near|off|outside|(?:north|south|east|west)(?:-?(?:east|west))?"
                    r"\s+of)\s+(?:the\s+)?(?:(?:town|city|village|province|region|island)\s+of"
                    r"\s+)?(?P<name>(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))*)\b(?!')", re.I)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split())


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


def report_days(articles: tuple[Article, ...]) -> dict[str, str]:
    """:func:`report_day` of each article, by id (read once per story)."""
    return {a.id: report_day(a) for a in articles}


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


def places(sentence: Sentence) -> frozenset[str]:
    """The lower-cased words of the places the sentence names after a locative phrase
    ("12 km north of Orlen", "near Tamsk", "in the Kessary highlands": orlen, tamsk,
    kessary); month and day names are not places ("in March")."""
    return frozenset(w.lower() for m in _PLACE.finditer(sentence.text)
                     for w in m.group("name").split() if w.lower() not in _CALENDAR)


def relation(a: str, b: str) -> str:
    """"same" when both event dates are known and one contains the other ("2025-03" holds
    "2025-03-04"), "different" when both are known otherwise, else "unknown"."""
    if not (a and b):
        return "unknown"
    return "same" if a.startswith(b) or b.startswith(a) else "different"


def apart(places_a: frozenset[str], places_b: frozenset[str]) -> bool:
    """Both sentences name places and share none: about different things."""
    return bool(places_a) and bool(places_b) and not places_a & places_b

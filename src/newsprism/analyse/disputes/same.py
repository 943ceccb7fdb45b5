"""What two sentences share apart from the values they give: the measures the learned
decision of :mod:`.learned` reads.

* the words right around each value (what it measures: "injuring 45 people" /
  "injuring 40 people", not "restored in 2016" / "expelled in 2018");
* the sentences' content stems with every value masked out (a preseason
  cancellation and regular-season games share "games" but little else);
* whether a sentence is a forecast ("is expected to cost" / "cost").
"""

from __future__ import annotations

import re

from newsprism.analyse.disputes.values import Value
from newsprism.model import Sentence

_STOP = frozenset(
    "a an the and or but of in on at to for from by with as is was were be been has have had "
    "it its this that these those he she they we who which when after before since than "
    "more over about some said says say two three four five six seven eight nine ten one "
    "people not no also their his her our there than into out up down will would could "
    "other others".split()
)
# A statement about what may happen, as opposed to what did ("may", not the month "May")
_FORECAST = re.compile(
    r"\b(?:expected|expects|expect|will|would|could|(?-i:may)|might|estimated|estimates|estimate|"
    r"projected|projects|forecast|forecasts|predicted|predicts|likely|plans?\s+to|planned|"
    r"aims?\s+to|set\s+to|due\s+to|scheduled|should|hopes?\s+to|target|goal)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+")
# The figure inside a value's words: digits, number words, scale and hedges ("about 45")
_FIGURE = re.compile(
    r"[$€£]|\b(?:US|\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousands|dozens?|"
    r"million|billion|thousand|more|than|over|at|least|about|around|nearly|almost|some|"
    r"roughly|approximately|up|to|fewer|less|under)\b", re.I)


# Casualty words are one stem each way: "killed 60" and "67 dead" say the same thing
_CASUALTY_STEMS = {"kille": "dead", "killi": "dead", "died": "dead", "death": "dead",
                   "injur": "hurt", "wound": "hurt"}


def stems(text: str) -> set[str]:
    """Content-word stems (first five letters, lower case) of ``text``."""
    words = (w.lower() for w in _WORD.findall(text))
    return {_CASUALTY_STEMS.get(w[:5], w[:5]) for w in words if w not in _STOP and len(w) > 2}


def masked(sentence: Sentence, stated: tuple[Value, ...]) -> set[str]:
    """Content-word stems of the sentence with every stated value cut out.

    A date, share, amount or duration goes whole: both sides name the same unit by
    construction, which would only inflate the overlap ("12 percent since 1991" / "the
    average increase was 3 percent"). A count keeps what it counts ("killed 60" /
    "67 dead" still say who died); how the things are qualified is compared apart.
    """
    text = sentence.text
    for v in sorted(stated, key=lambda v: -v.start):
        kept = _FIGURE.sub(" ", v.shown) if v.kind == "number" else ""
        text = f"{text[: v.start]} {kept} {text[v.start + len(v.shown):]}"
    return stems(text)


def near(value: Value, sent: Sentence, width: int) -> set[str]:
    before = sent.text[: value.start].split()[-width:]
    after = sent.text[value.start + len(value.shown):].split()[:width]
    return stems(" ".join(before + after))


def other_things(a: Value, b: Value) -> bool:
    """Counts of differently qualified things: "five bronze medals" / "three gold medals"
    (but "21 Corvanians" / "24 people": one side names no more than the other)."""
    if a.kind != "number":
        return False
    x, y = stems(_FIGURE.sub(" ", a.shown)), stems(_FIGURE.sub(" ", b.shown))
    return bool(x - y) and bool(y - x)


def overlap(a: set[str], b: set[str]) -> float:
    """Shared stems over the smaller set (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def is_forecast(text: str) -> bool:
    """True when the sentence speaks of what is expected, planned or possible."""
    return bool(_FORECAST.search(text))

"""A learned decision: do two stated values answer the same question?

Two values of one kind that cannot both hold (:meth:`Value.conflicts`), stated by
different outlets, are a candidate. Whether they measure the same attribute of the
same thing at the same time is decided by a logistic regression over what the two
sentences share (the statement with the figures masked, the words beside each
value, named entities), what sets them apart (forecast words in one sentence, another
date or span in the sentence, the ratio of the values) and
where and when they were written (lead sentence, days between the reports).

Weights are fitted by ``benchmarks/fit_disputes.py`` on hand-labelled candidates of
the TUNE half of the trust benchmark, the dev pairs and the planted fictional
stories, and stored in ``weights.json`` next to this module; the threshold is
``Options.dispute_confidence``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsprism.analyse.disputes.same import is_forecast, near, overlap
from newsprism.analyse.disputes.values import Value
from newsprism.model import Sentence

_WEIGHTS = Path(__file__).with_name("weights.json")
_KINDS = ("number", "amount", "percent", "duration", "date")
# A capitalised word inside a sentence: a name, an organisation, a place
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-zA-Z]+")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today".split())
_HEDGE = re.compile(r"\b(?:about|around|nearly|almost|some|roughly|approximately|more than|"
                    r"over|at least|up to|fewer than|less than|under|estimated|reportedly)\b", re.I)


@dataclass(frozen=True, slots=True)
class Stated:
    """A value as one sentence states it, with what is needed to compare it."""

    value: Value
    sentence: Sentence
    masked: frozenset[str]  # the sentence's content stems, every value cut out
    day: str  # publication day ("" when unknown)
    time: str  # "HH:MM" or ""
    rank: int  # position of the sentence in its group (story order)
    frame: tuple[Value, ...] = ()  # the sentence's other dates and durations
    event: str = ""  # the date of the event the value belongs to ("" when not stated)
    places: frozenset[str] = frozenset()  # words of the places the sentence names


def features(x: Stated, y: Stated, when: str, width: int) -> dict[str, float]:
    """The candidate pair described by named numbers (see the module docstring)."""
    a, b = x.value, y.value
    near_a, near_b = near(a, x.sentence, width), near(b, y.sentence, width)
    names_a, names_b = names(x.sentence.text), names(y.sentence.text)
    f = {f"kind_{k}": float(a.kind == k) for k in _KINDS}
    f.update({
        "key_toll": float(a.key in ("dead", "injured")),
        "key_person": float(a.key == "person"),
        "key_age": float(a.key == "age"),
        "masked_overlap": overlap(set(x.masked), set(y.masked)),
        "masked_shared": math.log1p(len(x.masked & y.masked)),
        "masked_small": math.log1p(min(len(x.masked), len(y.masked))),
        "near_overlap": overlap(near_a, near_b),
        "near_none": float(not near_a & near_b),
        "forecast_one": float(is_forecast(x.sentence.text) != is_forecast(y.sentence.text)),
        "relative": float(a.relative or b.relative),
        "when_same": float(when == "same"),
        "when_unknown": float(when == "unknown"),
        "days_apart": math.log1p(_days_apart(x.day, y.day)),
        "log_ratio": min(_log_ratio(a, b), 5.0),
        "hedged": float(bool(_HEDGE.search(a.shown)) or bool(_HEDGE.search(b.shown))),
        "lead": float(min(x.sentence.index, y.sentence.index) == 0),
        "both_lead": float(max(x.sentence.index, y.sentence.index) == 0),
        "value_first": float(min(a.start, b.start) < 3),
        "frame_clash": float(any(p.conflicts(q) for p in x.frame for q in y.frame)),
        "names_overlap": overlap(names_a, names_b),
        "names_apart": float(bool(names_a) and bool(names_b) and not names_a & names_b),
    })
    return f


def one_sided_span(x: Stated, y: Stated) -> bool:
    """One figure is given over a span the other does not state ("100,000 calls a day" /
    "36 million calls", "over the next decade" / "next year")."""
    return any(v.kind == "duration" for v in x.frame) != any(v.kind == "duration" for v in y.frame)


def confidence(f: dict[str, float]) -> float:
    """Probability that the pair described by ``f`` is one statement with two values."""
    model = _model()
    z = model["bias"] + sum(w * (f[name] - mu) / sd for name, w, mu, sd in model["terms"])
    return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    raw = json.loads(_WEIGHTS.read_text(encoding="utf-8"))
    terms = [(n, raw["weights"][n], raw["mean"][n], raw["scale"][n]) for n in raw["features"]]
    return {"bias": raw["bias"], "terms": terms}


def forecast_one(x: Stated, y: Stated) -> bool:
    """Only one value is forecast: a forecast word among the six words before it ("is
    expected to fall to 300,000 tonnes" / "fell to 350,000 tonnes")."""
    return _forecast_before(x) != _forecast_before(y)


def _forecast_before(s: Stated) -> bool:
    return is_forecast(" ".join(s.sentence.text[:s.value.start].split()[-6:]))


def names(text: str) -> set[str]:
    """Capitalised words inside the sentence, but not month and day names (values)."""
    return {w.lower() for w in _NAME.findall(text)} - _CALENDAR


def _days_apart(a: str, b: str) -> float:
    try:
        return float(abs((date.fromisoformat(a) - date.fromisoformat(b)).days))
    except ValueError:
        return 0.0


def _log_ratio(a: Value, b: Value) -> float:
    """How far apart the values are, in log units (dates: log of the days between)."""
    if a.kind == "date":
        return math.log1p(_days_apart(_pad(a.iso), _pad(b.iso)) / 30)
    mid_a, mid_b = _mid(a), _mid(b)
    if mid_a <= 0 or mid_b <= 0:
        return 5.0
    return abs(math.log(mid_a / mid_b))


def _pad(iso: str) -> str:
    """A year or month written as a full day ("1998" -> "1998-01-01")."""
    parts = (iso.split("-") + ["01", "01"])[:3]
    return "-".join(p.zfill(2) for p in parts) if parts[0] else ""


def _mid(v: Value) -> float:
    return v.low if math.isinf(v.high) else (v.low + v.high) / 2

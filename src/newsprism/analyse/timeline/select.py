"""Which of a story's days matter most: a small learned ranker over date features.

A story followed over weeks mentions many days; when they are more than a reader's
timeline holds, the most timeline-worthy are kept. Each candidate day (a day some
report mentions, or a day reports were published) gets the :data:`FEATURES` below,
scaled within the story so that a 5-article story and a 300-article one read alike,
and a linear model scores it. Ghalandari & Ifrim (2020) select dates with a supervised
model over such features; here it is a pairwise ranker (logistic regression on the
feature differences of a journalist's date and a date left out, within one story),
fitted by ``benchmarks/timeline17.py --write`` on the Timeline17 development topics and
shipped in ``select_weights.json``. Held out by topic it selects the journalists' dates
with F1 0.576, against 0.541 for ranking by the number of reports mentioning a day
(benchmarks/results/timeline17.md).
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

FEATURES = (
    "mentions",  # log(1 + mentions of the day) / log(1 + most mentions of any day)
    "articles",  # the same for distinct reports mentioning it
    "published",  # the same for reports published that day
    "next_day",  # the same for reports published the day after (next-day coverage)
    "later",  # share of the reports mentioning it that were published after it
    "lasting",  # log(1 + reports mentioning it a week or more later) / log(1 + reports)
    "burst",  # share of its mentioning reports published within two days of it
    "relative",  # share of its mentions written relatively ("on Tuesday", "yesterday")
    "position",  # where it falls in the publication span, 0 (first) .. 1 (last), clipped
    "outside",  # it falls before the first or after the last publication
)
_ARTICLES = FEATURES.index("articles")


@dataclass(frozen=True, slots=True)
class Report:
    """What one article says about days: its publication day and each day it mentions
    (``(day, written relatively)``, once per mention)."""

    published: str | None
    days: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class Model:
    """A fitted ranker: ``coef`` per feature name (a subset of :data:`FEATURES`) and
    ``intercept`` (0 for a pairwise ranker). With ``rerank`` set, only the ``rerank * k`` days mentioned by the
    most reports are reordered by the model (the rest follow by that count), since it
    was fitted on those candidates only."""

    coef: dict[str, float]
    intercept: float
    rerank: int | None = None

    def score(self, row: Sequence[float]) -> float:
        """How timeline-worthy a day with these :data:`FEATURES` is (higher: more)."""
        return self.intercept + sum(w * row[FEATURES.index(f)] for f, w in self.coef.items())


def rank_days(reports: Sequence[Report], k: int, model: Model | None = None) -> list[str]:
    """Candidate days, the ``k`` most timeline-worthy first (ties: earlier day first)."""
    table = day_features(reports)
    model = model or shipped()
    by_count = sorted(table, key=lambda d: (-table[d][_ARTICLES], d))
    head = by_count[: model.rerank * k] if model.rerank else by_count
    score = {d: model.score(table[d]) for d in head}
    return sorted(head, key=lambda d: (-score[d], d)) + by_count[len(head):]


def day_features(reports: Sequence[Report]) -> dict[str, list[float]]:
    """Every candidate day of the story with its :data:`FEATURES` (in that order)."""
    stats = _Stats.of(reports)
    return {d: stats.row(d) for d in sorted(stats.candidates())}


@dataclass
class _Stats:
    mentions: Counter[str]
    relative: Counter[str]
    mentioned_by: dict[str, list[date | None]]
    published: Counter[str]
    span: tuple[date, date] | None
    reports: int

    @staticmethod
    def of(reports: Sequence[Report]) -> _Stats:
        mentions: Counter[str] = Counter()
        relative: Counter[str] = Counter()
        by: dict[str, list[date | None]] = defaultdict(list)
        for r in reports:
            pub = _day(r.published)
            for d, rel in r.days:
                mentions[d] += 1
                relative[d] += rel
            for d in dict.fromkeys(d for d, _ in r.days):
                by[d].append(pub)
        pubs = Counter(r.published for r in reports if _day(r.published))
        days = sorted(_day(p) for p in pubs)
        span = (days[0], days[-1]) if days else None
        return _Stats(mentions, relative, by, pubs, span, len(reports))

    def candidates(self) -> set[str]:
        return {d for d in set(self.mentions) | set(self.published) if _day(d)}

    def row(self, d: str) -> list[float]:
        day = _day(d)
        assert day is not None
        readers = self.mentioned_by.get(d, [])
        after = [p for p in readers if p and p > day]
        lasting = [p for p in after if (p - day).days >= 7]
        near = [p for p in readers if p and abs((p - day).days) <= 2]
        next_day = self.published.get((day + timedelta(days=1)).isoformat(), 0)
        position, outside = self._position(day)
        return [
            _scaled(self.mentions[d], max(self.mentions.values(), default=0)),
            _scaled(len(readers), max((len(v) for v in self.mentioned_by.values()), default=0)),
            _scaled(self.published.get(d, 0), max(self.published.values(), default=0)),
            _scaled(next_day, max(self.published.values(), default=0)),
            len(after) / len(readers) if readers else 0.0,
            _scaled(len(lasting), self.reports),
            len(near) / len(readers) if readers else 0.0,
            self.relative[d] / self.mentions[d] if self.mentions[d] else 0.0,
            position,
            outside,
        ]

    def _position(self, day: date) -> tuple[float, float]:
        if self.span is None:
            return 0.5, 0.0
        first, last = self.span
        length = max((last - first).days, 1)
        where = (day - first).days / length
        return min(max(where, 0.0), 1.0), float(day < first or day > last)


def _scaled(n: int, most: int) -> float:
    return math.log1p(n) / math.log1p(most) if most > 0 else 0.0


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@functools.cache
def shipped() -> Model:
    """The ranker in ``select_weights.json``."""
    data = json.loads(resources.files(__package__).joinpath("select_weights.json")
                      .read_text("utf-8"))
    return Model(dict(data["coef"]), data["intercept"], data.get("rerank"))

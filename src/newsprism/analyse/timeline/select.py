"""Which of a story's days matter most: the days the most reports mention.

A story followed over weeks mentions many days; when they are more than a reader's
timeline holds, the days mentioned by the most distinct reports are kept (relative
mentions resolved: "on Tuesday" counts for its day). On Timeline17 this ranking
selects the journalists' dates with F1 0.541; a logistic regression over ten date
features (publication counts, later references, burstiness, position, ...) chosen and
fitted leave-one-topic-out scored 0.524 on the held-out topics, so it is not shipped
(benchmarks/timeline17.py runs both; benchmarks/results/timeline17.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Report:
    """What one article says about days: its publication day and each day it mentions
    (``(day, written relatively)``, once per mention)."""

    published: str | None
    days: tuple[tuple[str, bool], ...]


def rank_days(reports: Sequence[Report]) -> list[str]:
    """Every day mentioned, by the number of distinct reports mentioning it (ties: earlier
    day first)."""
    counts: Counter[str] = Counter()
    for r in reports:
        counts.update({d for d, _ in r.days})
    return sorted(counts, key=lambda d: (-counts[d], d))

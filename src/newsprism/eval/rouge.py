"""ROUGE as the literature reports it, on top of the ``rouge-score`` package.

Porter stemming on, stop words kept, the summary truncated to the word budget
before scoring; a cluster's score is the mean over its references; a set's
score is the mean over clusters, with a 95% bootstrap interval over clusters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsprism.errors import DependencyError

METRICS = ("rouge1", "rouge2")
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20260  # fixed: the same scores always give the same interval


@dataclass(frozen=True, slots=True)
class Score:
    """ROUGE-1/2 recall and F1 of one summary (mean over its references), as fractions."""

    r1_recall: float
    r1_f1: float
    r2_recall: float
    r2_f1: float

    FIELDS = ("r1_recall", "r1_f1", "r2_recall", "r2_f1")

    def values(self) -> tuple[float, ...]:
        return tuple(getattr(self, f) for f in self.FIELDS)


def truncate(text: str, words: int | None) -> str:
    """The first ``words`` whitespace-separated words of ``text`` (all when None)."""
    tokens = text.split()
    return " ".join(tokens if words is None else tokens[:words])


class Scorer:
    """Scores summaries against references; build once, reuse (the stemmer caches)."""

    def __init__(self, words: int | None) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError:
            raise DependencyError("rouge-score", "eval") from None
        self.words = words
        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, summary: str, references: list[str] | tuple[str, ...]) -> Score:
        """Mean over ``references`` of ROUGE-1/2 recall and F1 of the truncated ``summary``."""
        if not references:
            raise ValueError("at least one reference is needed to score a summary")
        text = truncate(summary, self.words)
        rows = []
        for ref in references:
            s = self._scorer.score(ref, text)
            rows.append((s["rouge1"].recall, s["rouge1"].fmeasure,
                         s["rouge2"].recall, s["rouge2"].fmeasure))
        return Score(*(float(v) for v in np.mean(rows, axis=0)))


@dataclass(frozen=True, slots=True)
class Summary:
    """Mean of each field over clusters, with its 95% bootstrap interval (fractions)."""

    mean: dict[str, float]
    low: dict[str, float]
    high: dict[str, float]
    n: int


def aggregate(scores: list[Score], samples: int = BOOTSTRAP_SAMPLES,
              seed: int = BOOTSTRAP_SEED) -> Summary:
    """Average per-cluster scores; percentile bootstrap over clusters with a fixed seed."""
    if not scores:
        zero = {f: 0.0 for f in Score.FIELDS}
        return Summary(zero, zero, zero, 0)
    table = np.array([s.values() for s in scores], dtype=np.float64)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(table), size=(samples, len(table)))
    means = table[picks].mean(axis=1)  # samples x fields
    low, high = np.percentile(means, [2.5, 97.5], axis=0)
    names = Score.FIELDS
    return Summary(
        mean=dict(zip(names, table.mean(axis=0).tolist())),
        low=dict(zip(names, low.tolist())),
        high=dict(zip(names, high.tolist())),
        n=len(scores),
    )

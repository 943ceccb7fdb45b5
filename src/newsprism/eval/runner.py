"""One evaluation run: NewsPrism and the baselines on the same clusters, same scorer.

Each system is a callable ``(cluster, words) -> summary text``. Every system gets
one untimed warm-up call (model loading, imports), so seconds per cluster measure
the steady state that a user digesting many stories sees.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsprism.eval.baselines import get_baseline
from newsprism.eval.datasets import Cluster
from newsprism.eval.rouge import Score, Scorer, Summary, aggregate

System = Callable[[Cluster, int], str]
OURS = "newsprism"


def newsprism_system(embedder: str | None = None, focus: bool = True) -> System:
    """NewsPrism's summary of a cluster, via the same pipeline as ``digest``."""
    from newsprism.config import Options
    from newsprism.pipeline import summarise

    def run(cluster: Cluster, words: int) -> str:
        # Packaged defaults only, not the user's config file: the same command gives the
        # same numbers on every machine.
        options = Options(words=words, embedder=embedder or Options().embedder, quiet=True,
                          focus=cluster.query if focus else None)
        items = summarise(cluster.articles(), options)
        return " ".join(item.text for item in items)

    return run


@dataclass
class SystemResult:
    name: str
    scores: list[Score] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def summary(self) -> Summary:
        return aggregate(self.scores)

    @property
    def seconds_per_cluster(self) -> float:
        return self.seconds / max(len(self.scores), 1)


@dataclass
class Report:
    dataset: str
    words: int
    focus: bool
    embedder: str
    systems: list[SystemResult]
    cluster_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        def pct(d: dict[str, float]) -> dict[str, float]:
            return {k: round(100 * v, 2) for k, v in d.items()}

        return {
            "dataset": self.dataset,
            "clusters": len(self.cluster_ids),
            "words": self.words,
            "focus": self.focus,
            "embedder": self.embedder,
            "scorer": "rouge-score, Porter stemming, stop words kept, truncated to words",
            "systems": {
                r.name: {
                    "mean": pct(r.summary.mean),
                    "ci95_low": pct(r.summary.low),
                    "ci95_high": pct(r.summary.high),
                    "seconds_per_cluster": round(r.seconds_per_cluster, 4),
                }
                for r in self.systems
            },
        }


def build_systems(baselines: list[str], embedder: str | None, focus: bool) -> dict[str, System]:
    systems: dict[str, System] = {OURS: newsprism_system(embedder, focus)}
    for name in baselines:
        systems[name] = get_baseline(name)
    return systems


def evaluate(
    clusters: list[Cluster],
    words: int,
    systems: dict[str, System],
    progress: Callable[[int], None] | None = None,
) -> list[SystemResult]:
    """Score every system on every cluster; ``progress(1)`` after each cluster."""
    scorer = Scorer(words)
    results = {name: SystemResult(name) for name in systems}
    if clusters:
        for system in systems.values():
            system(clusters[0], words)  # warm-up: start-up cost is not per-cluster cost
    for cluster in clusters:
        for name, system in systems.items():
            start = time.perf_counter()
            text = system(cluster, words)
            results[name].seconds += time.perf_counter() - start
            results[name].scores.append(scorer.score(text, cluster.references))
        if progress:
            progress(1)
    return list(results.values())


def format_table(report: Report) -> str:
    """The human-readable table: percentages with 95% bootstrap intervals."""
    head = (f"{report.dataset} · {len(report.cluster_ids)} clusters · {report.words} words"
            f" · embedder {report.embedder} · focus {'on' if report.focus else 'off'}")
    cols = ("r1_recall", "r2_recall", "r1_f1", "r2_f1")
    lines = [head, f"{'system':<10} {'R1 recall':>19} {'R2 recall':>19} {'R1 F1':>7}"
                   f" {'R2 F1':>7} {'s/cluster':>10}"]
    for r in report.systems:
        s = r.summary
        cells = []
        for c in cols[:2]:
            cells.append(f"{100 * s.mean[c]:6.2f} [{100 * s.low[c]:5.2f}-{100 * s.high[c]:5.2f}]")
        lines.append(
            f"{r.name:<10} {cells[0]:>19} {cells[1]:>19} {100 * s.mean['r1_f1']:7.2f}"
            f" {100 * s.mean['r2_f1']:7.2f} {r.seconds_per_cluster:10.3f}"
        )
    return "\n".join(lines)

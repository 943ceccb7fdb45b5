"""Story-clustering quality against gold clusters (``clustering/*.jsonl``), beside a baseline.

One line per article: ``{"id", "cluster", "title", "text", "date", "source",
"lang"}``; ``id``, ``cluster`` and ``text`` are required. The articles are
streamed in date order (the order a news stream arrives in) through
:class:`newsprism.cluster.StoryClusterer` with the shipped
:class:`~newsprism.cluster.ClusterConfig` defaults and, in the same call,
through the textbook first-story-detection baseline; both are scored with
B-cubed precision / recall / F1.

Examples:
    >>> path = "tests/fixtures/eval/tiny_clusters.jsonl"
    >>> articles = date_order(read_gold(path))                   # doctest: +SKIP
    >>> report = evaluate_clusters(articles, dataset="tiny")   # doctest: +SKIP
    >>> print(format_cluster_table(report))                    # doctest: +SKIP

Notes:
    ``benchmarks/cluster_quality.py`` runs the same functions on every gold
    file, on halves and on one mixed stream, so ``newsprism eval`` and the
    benchmark print the same numbers for the same file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.cluster import ClusterConfig, JoinModel, StoryClusterer, bcubed
from newsprism.errors import InputError
from newsprism.eval.datasets import json_lines, json_record

OURS = "newsprism"
BASELINE = "tfidf-nearest"
BASELINE_THRESHOLD = 0.3
# The gold files mix these; anything else counts as undated.
_DATE_FORMATS = ("%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")
# Rows of the baseline's similarity matrix computed at once: bounds its memory to
# _BLOCK x n floats instead of n x n, with the same numbers (each row of a sparse
# product depends only on that row).
_BLOCK = 512

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a gold-cluster file; ``date`` is ISO ``YYYY-MM-DD`` or None."""

    key: str
    gold: str
    text: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class SystemScore:
    """One system's clustering of the articles, scored against the gold stories."""

    name: str
    stories: int
    precision: float
    recall: float
    f1: float
    articles: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True, slots=True)
class ClusterReport:
    dataset: str
    articles: int
    gold_stories: int
    undated: int
    config: ClusterConfig
    systems: tuple[SystemScore, ...]

    def to_dict(self) -> dict[str, Any]:
        """The machine report of ``newsprism eval --json`` for a gold-cluster file."""
        return {
            "dataset": self.dataset,
            "kind": "clusters",
            "articles": self.articles,
            "gold_stories": self.gold_stories,
            "undated": self.undated,
            "order": "date, then file position",
            "metric": "B-cubed precision / recall / F1 over articles",
            "clusterer": {"join_probability": self.config.join_probability,
                          "window_days": self.config.window_days},
            "baseline": f"TF-IDF cosine to the nearest earlier article >= {BASELINE_THRESHOLD},"
                        " no window",
            "systems": {
                s.name: {
                    "stories": s.stories,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "articles_per_second": round(s.articles_per_second, 1),
                }
                for s in self.systems
            },
        }


# ------------------------------------------------------------------ reading
def iso_date(value: object) -> str | None:
    """``MM/DD/YYYY HH:MM:SS`` or ``YYYY-MM-DD[ HH:MM]`` -> ``YYYY-MM-DD``; None otherwise."""
    if not isinstance(value, str) or not value.strip():
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _label(record: dict, field: str, origin: str) -> str:
    value = record.get(field)
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise InputError(origin, f"each article needs '{field}' (a string or number)")
    return str(value)


def _article(record: object, origin: str) -> GoldArticle:
    if not isinstance(record, dict):
        raise InputError(origin, "expected a JSON object per line")
    key, gold = _label(record, "id", origin), _label(record, "cluster", origin)
    if not isinstance(record.get("text"), str):
        raise InputError(origin, "each article needs a 'text' string")
    title = record.get("title")
    return GoldArticle(key=key, gold=gold, text=record["text"],
                       title=title if isinstance(title, str) and title else None,
                       date=iso_date(record.get("date")))


def read_gold(path: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of a gold-cluster file in file order (the first ``limit`` when given).

    An id may repeat: the DUC sets put the same article in two gold stories.

    Raises:
        InputError: the file is missing, or a line is not JSON or lacks ``id`` /
            ``cluster`` / ``text`` (the message names the file and line).
    """
    articles: list[GoldArticle] = []
    for origin, line in json_lines(Path(path)):
        if limit is not None and len(articles) >= limit:
            break
        articles.append(_article(json_record(origin, line), origin))
    return articles


def halves(articles: list[GoldArticle]) -> tuple[list[GoldArticle], list[GoldArticle]]:
    """(even, odd): articles of the gold stories with even / odd index in sorted label order.

    The fixed split rule of benchmarks/results/cluster_quality.md: on DUC 2003
    the even half trains and tunes, the odd half is held out.
    """
    even = set(sorted({a.gold for a in articles})[::2])
    return ([a for a in articles if a.gold in even], [a for a in articles if a.gold not in even])


def mixed(sets: dict[str, list[GoldArticle]], align_start: bool = False) -> list[GoldArticle]:
    """One stream of every set in date order, ids and gold labels prefixed by the set's name.

    ``align_start`` shifts each set's dates so that all sets begin on the same
    day: stories of different sets then interleave in time (a harder stream).
    """
    out = []
    for name, articles in sets.items():
        starts = sorted(a.date for a in articles if a.date)
        shift = (date.fromisoformat(starts[0]).toordinal() - _COMMON_START
                 if align_start and starts else 0)
        out.extend(replace(a, key=f"{name}/{a.key}", gold=f"{name}/{a.gold}",
                           date=_shifted(a.date, shift)) for a in articles)
    return date_order(out)


_COMMON_START = date(2030, 1, 1).toordinal()


def _shifted(day: str | None, shift: int) -> str | None:
    if day is None or not shift:
        return day
    return date.fromordinal(date.fromisoformat(day).toordinal() - shift).isoformat()


def date_order(articles: list[GoldArticle]) -> list[GoldArticle]:
    """Oldest first; undated articles after the dated ones, ties in their given order."""
    return sorted(articles, key=lambda a: a.date or "9999")  # sorted() is stable


# ------------------------------------------------------------------ systems
def run_ours(articles: list[GoldArticle], config: ClusterConfig | None = None,
             progress: Progress | None = None, model: JoinModel | None = None) -> list[str]:
    """Story label per article, streaming them in the given order; ``progress(1)`` each.

    ``model``: join weights to use instead of the shipped ones (experiments).
    """
    clusterer = StoryClusterer(config or ClusterConfig(), model=model)
    labels = []
    for a in articles:
        labels.append(clusterer.add(a.key, a.title, a.text, a.date).story)
        if progress:
            progress(1)
    return labels


def run_baseline(articles: list[GoldArticle], threshold: float = BASELINE_THRESHOLD) -> list[str]:
    """Single pass, TF-IDF cosine to the nearest earlier article, fixed threshold, no window.

    The textbook first-story-detection baseline: it compares each article with
    *every* earlier one (all pairs), which is exactly what cannot scale. The
    vectoriser is fitted on the whole set, which favours the baseline.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    try:
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # no words left after stop words: nothing links to anything
        return [str(i) for i in range(len(articles))]
    labels: list[int] = []
    for start in range(0, len(articles), _BLOCK):
        sims = (X[start:start + _BLOCK] @ X.T).toarray()
        for i in range(start, min(start + _BLOCK, len(articles))):
            row = sims[i - start]
            j = int(np.argmax(row[:i])) if i else -1
            labels.append(labels[j] if i and row[j] >= threshold else i)
    return [str(x) for x in labels]


def evaluate_clusters(articles: list[GoldArticle], dataset: str = "",
                      config: ClusterConfig | None = None,
                      progress: Progress | None = None,
                      model: JoinModel | None = None) -> ClusterReport:
    """Cluster ``articles`` (in the given order) with NewsPrism and the baseline; score both.

    Pass the articles through :func:`date_order` first to stream them as a news
    feed would arrive. ``progress(1)`` is called after each article NewsPrism places.
    """
    import sklearn.feature_extraction.text  # noqa: F401 (import cost is not per-article cost)

    config = config or ClusterConfig()
    gold = [a.gold for a in articles]
    scores = []
    for name, run in ((OURS, lambda: run_ours(articles, config, progress, model)),
                      (BASELINE, lambda: run_baseline(articles))):
        start = time.perf_counter()
        labels = run()
        seconds = time.perf_counter() - start
        p, r, f = bcubed(labels, gold)
        scores.append(SystemScore(name, len(set(labels)), p, r, f, len(articles), seconds))
    return ClusterReport(dataset=dataset, articles=len(articles), gold_stories=len(set(gold)),
                         undated=sum(a.date is None for a in articles), config=config,
                         systems=tuple(scores))


def format_cluster_table(report: ClusterReport) -> str:
    """The human-readable table of ``newsprism eval`` for a gold-cluster file."""
    head = (f"{report.dataset} · {report.articles} articles · {report.gold_stories} gold stories"
            f" · streamed in date order ({report.undated} undated)")
    columns = (f"{'system':<14} {'stories':>7} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6}"
               f" {'articles/s':>10}")
    lines = [head, columns]
    for s in report.systems:
        lines.append(f"{s.name:<14} {s.stories:7d} {s.precision:6.3f} {s.recall:6.3f}"
                     f" {s.f1:6.3f} {s.articles_per_second:10.0f}")
    lines.append(f"baseline: {BASELINE}, TF-IDF cosine to the nearest earlier article"
                 f" >= {BASELINE_THRESHOLD}, no window, all pairs")
    return "\n".join(lines)

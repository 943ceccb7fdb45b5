"""Story clustering quality: B-cubed P/R/F1 on the gold clusters of ../shared/data/clustering/.

Each set is streamed in date order (the order a news stream arrives in)
through :class:`newsprism.cluster.StoryClusterer` and, in the same run,
through a baseline: single-pass TF-IDF cosine to the nearest earlier article
with a fixed threshold and no time window (scikit-learn's vectoriser, fitted on
the whole set, which favours the baseline). A last row mixes every file into one
stream, the hardest case: stories from different sets interleave. The DUC
2003 events are also scored in two halves (clusters with even / odd index in
sorted order): settings are chosen on the even half and the other sets, the
odd half is held out.

Reading, date order, both systems and the scoring live in
:mod:`newsprism.eval.clusters`, shared with ``newsprism eval FILE.jsonl`` (which
prints the same numbers for one file); this script adds the halves, the mixed
stream, the sweep and the config flags.

Usage:
    python benchmarks/cluster_quality.py [--data DIR] [--join P] [--window DAYS] [--model JSON]
    python benchmarks/cluster_quality.py --sweep   # join probabilities on the training sets only
    python benchmarks/cluster_quality.py --sets duc2003_even,mixed_all  # only these rows
    python benchmarks/cluster_quality.py --training  # the training sets only (never duc2003_odd)
    python benchmarks/cluster_quality.py --errors    # why articles left their event (training sets)

``--errors`` counts, per training set, where each article went against its gold
event's earlier articles: with them ("ok"), into another piece of its event
("piece": the event was split earlier), or away from them, and then why: their
story was never offered to the join model ("not retrieved": no shared index term
or beyond ``max_candidates``; "out of window"), it was offered but scored under
``join_probability`` ("declined"), or another story scored higher ("other won"),
or a near-duplicate of another event's article took it ("copy"). An event's first
article either starts a story ("first") or joins another event ("first joined").

Skips with a message (exit 0) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from newsprism.cluster import (
    Assignment,
    ClusterConfig,
    JoinModel,
    StoryClusterer,
    bcubed,
    day_number,
)
from newsprism.eval.clusters import (
    BASELINE_THRESHOLD,
    GoldArticle,
    date_order,
    evaluate_clusters,
    halves,
    mixed,
    read_gold,
    run_ours,
)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "clustering"
FILES = {
    "duc2003_tdt_events": "duc2003_tdt_event_clusters.jsonl",
    "duc2006_topics": "duc2006_topic_clusters.jsonl",
    "duc2007_topics": "duc2007_topic_clusters.jsonl",
    "multiling2011_en": "multiling2011_en_clusters.jsonl",
}
# the split of benchmarks/results/cluster_quality.md: duc2003_odd is held out
TUNING = ("duc2006_topics", "duc2007_topics", "multiling2011_en", "duc2003_even", "mixed_all")


def datasets(data: Path) -> dict[str, list[GoldArticle]]:
    sets = {name: date_order(read_gold(data / file)) for name, file in FILES.items()}
    sets["duc2003_even"], sets["duc2003_odd"] = halves(sets["duc2003_tdt_events"])
    sets["mixed_all"] = mixed({name: sets[name] for name in FILES})
    return sets


def score_row(name: str, rows: list[GoldArticle], config: ClusterConfig,
              model: JoinModel | None) -> str:
    report = evaluate_clusters(rows, dataset=name, config=config, model=model)
    ours, base = report.systems
    return (f"{name:20s} {report.articles:6d} {report.gold_stories:5d} {ours.stories:6d} "
            f"{ours.precision:6.3f} {ours.recall:6.3f} {ours.f1:6.3f}   "
            f"{base.precision:6.3f} {base.recall:6.3f} {base.f1:6.3f}  "
            f"{ours.articles_per_second:8.0f}")


def sweep(sets: dict[str, list[GoldArticle]], config: ClusterConfig,
          model: JoinModel | None) -> None:
    for p in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
        cfg = replace(config, join_probability=p)
        fs = [bcubed(run_ours(sets[n], cfg, model=model), [a.gold for a in sets[n]])[2]
              for n in TUNING]
        print(f"join {p:.2f}  " + "  ".join(f"{n}={f:.3f}" for n, f in zip(TUNING, fs))
              + f"  mean={sum(fs)/len(fs):.3f}", flush=True)


class _Watched(StoryClusterer):
    """A clusterer that keeps the candidates (story, P(join)) of the last article."""

    last: dict[str, float]

    def _scored(self, *args):  # type: ignore[no-untyped-def]
        out = super()._scored(*args)
        self.last = {sid: p for sid, _, p in out}
        return out


def error_causes(rows: list[GoldArticle], config: ClusterConfig) -> Counter[str]:
    """How many articles of ``rows`` went where, and why (see the module docstring)."""
    c = _Watched(config)
    pieces: dict[str, set[str]] = defaultdict(set)  # gold event -> stories holding it
    causes: Counter[str] = Counter()
    for a in rows:
        c.last = {}
        mates = set(pieces[a.gold])
        where = c.add(a.key, a.title, a.text, a.date)
        causes[_cause(c, a, where, mates)] += 1
        pieces[a.gold].add(where.story)
    return causes


def _cause(c: _Watched, a: GoldArticle, where: Assignment, mates: set[str]) -> str:
    """Why the article ``a`` went to ``where`` given the stories ``mates`` of its event."""
    if not mates:
        return "first" if where.created else "first joined"
    if where.story in mates:
        return "ok" if len(mates) == 1 else "piece"
    if where.duplicate_of is not None:
        return "copy"
    offered = mates & set(c.last)
    if offered:
        return "declined" if where.created else "other won"
    day = day_number(a.date)
    if all(m in c.stories and not c._meets(c.stories[m], day) for m in mates):
        return "out of window"
    return "not retrieved"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--join", type=float, default=None, help="join_probability")
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--model", type=Path, default=None, help="join weights JSON (default: shipped)")
    ap.add_argument("--sets", default=None, help="comma-separated rows to score (default: all)")
    ap.add_argument("--training", action="store_true",
                    help="score the training sets only (skip the held-out duc2003_odd and full DUC 2003)")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--errors", action="store_true",
                    help="count why articles left their event, training sets only")
    args = ap.parse_args()
    if not (args.data / FILES["duc2003_tdt_events"]).exists():
        print(f"SKIP: clustering data not found in {args.data} (see shared/data/README.md)")
        return 0
    config = ClusterConfig()
    if args.join is not None:
        config = replace(config, join_probability=args.join)
    if args.window is not None:
        config = replace(config, window_days=args.window)
    model = (JoinModel.from_dict(json.loads(args.model.read_text(encoding="utf-8")))
             if args.model else None)
    sets = datasets(args.data)
    if args.sweep:
        sweep(sets, config, model)
        return 0
    if args.errors:
        for name in TUNING:
            causes = error_causes(sets[name], config)
            print(f"{name:18s} " + "  ".join(f"{k}={n}" for k, n in causes.most_common()))
        return 0
    print(f"config: join_probability={config.join_probability} window_days={config.window_days} "
          f"member_links={config.member_links} dup_threshold={config.dup_threshold}; "
          f"model: {args.model or 'shipped'}; baseline: tfidf nearest-earlier-article cosine >= "
          f"{BASELINE_THRESHOLD}")
    print(f"{'set':20s} {'docs':>6s} {'gold':>5s} {'ours':>6s} "
          f"{'B3-P':>6s} {'B3-R':>6s} {'B3-F1':>6s}   {'base-P':>6s} {'base-R':>6s} {'base-F':>6s}"
          f"  {'docs/s':>8s}")
    names = args.sets.split(",") if args.sets else list(TUNING if args.training else sets)
    for name in names:
        print(score_row(name, sets[name], config, model), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
    python benchmarks/cluster_quality.py [--data DIR] [--threshold T] [--window DAYS]
                                          [--decay D] [--gap-days G] [--members K]
    python benchmarks/cluster_quality.py --before  # the previous defaults, for comparison
    python benchmarks/cluster_quality.py --sweep   # thresholds on the tuning sets only

Skips with a message (exit 0) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from newsprism.cluster import ClusterConfig, bcubed
from newsprism.eval.clusters import (
    BASELINE_THRESHOLD,
    GoldArticle,
    date_order,
    evaluate_clusters,
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
TUNING = ("duc2006_topics", "duc2007_topics", "multiling2011_en", "duc2003_even", "mixed_all")


def datasets(data: Path) -> dict[str, list[GoldArticle]]:
    sets = {name: date_order(read_gold(data / file)) for name, file in FILES.items()}
    events = sets["duc2003_tdt_events"]
    even = set(sorted({a.gold for a in events})[::2])
    sets["duc2003_even"] = [a for a in events if a.gold in even]  # tuning half
    sets["duc2003_odd"] = [a for a in events if a.gold not in even]  # held out
    mixed = []
    for name, file in FILES.items():
        # prefixed, so ids and gold labels of different sets never collide
        mixed.extend(replace(a, key=f"{name}/{a.key}", gold=f"{name}/{a.gold}")
                     for a in read_gold(data / file))
    sets["mixed_all"] = date_order(mixed)
    return sets


def score_row(name: str, rows: list[GoldArticle], config: ClusterConfig) -> str:
    report = evaluate_clusters(rows, dataset=name, config=config)
    ours, base = report.systems
    return (f"{name:20s} {report.articles:6d} {report.gold_stories:5d} {ours.stories:6d} "
            f"{ours.precision:6.3f} {ours.recall:6.3f} {ours.f1:6.3f}   "
            f"{base.precision:6.3f} {base.recall:6.3f} {base.f1:6.3f}  "
            f"{ours.articles_per_second:8.0f}")


def sweep(sets: dict[str, list[dict]], config: ClusterConfig) -> None:
    for t in (0.06, 0.08, 0.10, 0.12, 0.15, 0.18, 0.22):
        cfg = replace(config, threshold=t)
        fs = [bcubed(run_ours(sets[n], cfg), [a.gold for a in sets[n]])[2] for n in TUNING]
        print(f"threshold {t:.2f}  " + "  ".join(f"{n}={f:.3f}" for n, f in zip(TUNING, fs))
              + f"  mean={sum(fs)/len(fs):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--decay", type=float, default=None)
    ap.add_argument("--gap-days", type=float, default=None)
    ap.add_argument("--members", type=int, default=None, help="member_links (0: centroid only)")
    ap.add_argument("--before", action="store_true",
                    help="the previous defaults: threshold 0.12, window 14, centroid only")
    ap.add_argument("--sweep", action="store_true")
    args = ap.parse_args()
    if not (args.data / FILES["duc2003_tdt_events"]).exists():
        print(f"SKIP: clustering data not found in {args.data} (see shared/data/README.md)")
        return 0
    config = ClusterConfig()
    if args.before:
        config = replace(config, threshold=0.12, window_days=14, member_links=0)
    if args.members is not None:
        config = replace(config, member_links=args.members)
    if args.threshold is not None:
        config = replace(config, threshold=args.threshold)
    if args.window is not None:
        config = replace(config, window_days=args.window)
    if args.decay is not None:
        config = replace(config, decay=args.decay)
    if args.gap_days is not None:
        config = replace(config, gap_days=args.gap_days)
    sets = datasets(args.data)
    if args.sweep:
        sweep(sets, config)
        return 0
    print(f"config: threshold={config.threshold} window_days={config.window_days} "
          f"member_links={config.member_links} link_mix={config.link_mix} "
          f"decay={config.decay} gap_days={config.gap_days} "
          f"dup_threshold={config.dup_threshold}; baseline: tfidf nearest-earlier-article cosine >= "
          f"{BASELINE_THRESHOLD}")
    print(f"{'set':20s} {'docs':>6s} {'gold':>5s} {'ours':>6s} "
          f"{'B3-P':>6s} {'B3-R':>6s} {'B3-F1':>6s}   {'base-P':>6s} {'base-R':>6s} {'base-F':>6s}"
          f"  {'docs/s':>8s}")
    for name, rows in sets.items():
        print(score_row(name, rows, config), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

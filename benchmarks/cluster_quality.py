"""Story clustering quality: B-cubed P/R/F1 on the gold clusters of ../shared/data/clustering/.

Each set is streamed in date order (the order a news stream arrives in)
through :class:`newsprism.cluster.StoryClusterer` and, in the same run,
through a baseline: single-pass TF-IDF cosine to cluster centroids with a
fixed threshold and no time window (scikit-learn's vectoriser, fitted on the
whole set, which favours the baseline). A last row mixes every file into one
stream, the hardest case: stories from different sets interleave. The DUC
2003 events are also scored in two halves (clusters with even / odd index in
sorted order): settings are chosen on the even half and the other sets, the
odd half is held out.

Usage:
    python benchmarks/cluster_quality.py [--data DIR] [--threshold T] [--window DAYS]
                                          [--decay D] [--gap-days G] [--members K]
    python benchmarks/cluster_quality.py --before  # the previous defaults, for comparison
    python benchmarks/cluster_quality.py --sweep   # thresholds on the tuning sets only

Skips with a message (exit 0) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import numpy as np

from newsprism.cluster import ClusterConfig, StoryClusterer, bcubed

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "clustering"
FILES = {
    "duc2003_tdt_events": "duc2003_tdt_event_clusters.jsonl",
    "duc2006_topics": "duc2006_topic_clusters.jsonl",
    "duc2007_topics": "duc2007_topic_clusters.jsonl",
    "multiling2011_en": "multiling2011_en_clusters.jsonl",
}
BASELINE_THRESHOLD = 0.3
TUNING = ("duc2006_topics", "duc2007_topics", "multiling2011_en", "duc2003_even", "mixed_all")


def iso_date(value: str | None) -> str | None:
    """The gold files mix ``MM/DD/YYYY HH:MM:SS`` and ``YYYY-MM-DD[ HH:MM]``."""
    if not value:
        return None
    for fmt in ("%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def load(path: Path, prefix: str = "") -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    for r in rows:
        r["iso"] = iso_date(r.get("date"))
        r["gold"] = prefix + r["cluster"]
        r["key"] = prefix + r["id"]
    return rows


def date_order(rows: list[dict]) -> list[dict]:
    # undated articles keep their file position after the dated ones of the same set
    return sorted(rows, key=lambda r: (r["iso"] or "9999", r["_pos"]))


def run_ours(rows: list[dict], config: ClusterConfig) -> list[str]:
    clusterer = StoryClusterer(config)
    return [clusterer.add(r["key"], r.get("title"), r["text"], r["iso"]).story for r in rows]


def run_baseline(rows: list[dict], threshold: float = BASELINE_THRESHOLD) -> list[str]:
    """Single pass, TF-IDF cosine to the nearest earlier article, fixed threshold, no window.

    The textbook first-story-detection baseline: it compares each article with
    *every* earlier one (all pairs), which is exactly what cannot scale.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{r.get('title') or ''}\n{r['text']}" for r in rows]
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    sims = (X @ X.T).toarray()
    labels: list[int] = []
    for i in range(len(rows)):
        j = int(np.argmax(sims[i, :i])) if i else -1
        labels.append(labels[j] if i and sims[i, j] >= threshold else i)
    return [str(x) for x in labels]


def datasets(data: Path) -> dict[str, list[dict]]:
    sets = {}
    for name, file in FILES.items():
        rows = load(data / file)
        for i, r in enumerate(rows):
            r["_pos"] = i
        sets[name] = date_order(rows)
    events = sets["duc2003_tdt_events"]
    even = set(sorted({r["gold"] for r in events})[::2])
    sets["duc2003_even"] = [r for r in events if r["gold"] in even]  # tuning half
    sets["duc2003_odd"] = [r for r in events if r["gold"] not in even]  # held out
    mixed = []
    for name, file in FILES.items():
        mixed.extend(load(data / file, prefix=name + "/"))
    for i, r in enumerate(mixed):
        r["_pos"] = i
    sets["mixed_all"] = date_order(mixed)
    return sets


def score_row(name: str, rows: list[dict], config: ClusterConfig) -> str:
    gold = [r["gold"] for r in rows]
    t0 = time.perf_counter()
    ours = run_ours(rows, config)
    secs = time.perf_counter() - t0
    p, r, f = bcubed(ours, gold)
    bp, br, bf = bcubed(run_baseline(rows), gold)
    return (f"{name:20s} {len(rows):6d} {len(set(gold)):5d} {len(set(ours)):6d} "
            f"{p:6.3f} {r:6.3f} {f:6.3f}   {bp:6.3f} {br:6.3f} {bf:6.3f}  {len(rows)/secs:8.0f}")


def sweep(sets: dict[str, list[dict]], config: ClusterConfig) -> None:
    for t in (0.06, 0.08, 0.10, 0.12, 0.15, 0.18, 0.22):
        cfg = replace(config, threshold=t)
        fs = [bcubed(run_ours(sets[n], cfg), [r["gold"] for r in sets[n]])[2] for n in TUNING]
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

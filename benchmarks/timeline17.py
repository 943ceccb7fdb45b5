"""Date selection on Timeline17 (dev): our dates vs the most-frequently-mentioned baseline.

For each collection and each gold timeline: keep as many of the top-ranked
dates as the gold timeline has; precision = shared / ours, recall = shared /
gold (day granularity); F1 per timeline, averaged over timelines and then
over collections.

* baseline: explicit day dates written in the text ("25 April 2009"), ranked
  by how often they are mentioned;
* ours: the same plus relative dates ("on Thursday", "yesterday") resolved by
  :mod:`newsprism.nlp.dates` against each article's publication date, ranked by
  the number of distinct articles that mention the date.

Run: .venv/bin/python benchmarks/timeline17.py
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from collections import Counter
from pathlib import Path

from newsprism.nlp.dates import find_dates

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timelines" / \
    "timeline17_dev.jsonl"


def rank(articles: list[dict], relative: bool, by_article: bool) -> list[str]:
    counts: Counter[str] = Counter()
    for a in articles:
        days = [m.value for m in find_dates(a["text"], a["date"])
                if m.value and len(m.value) == 10 and (relative or not m.relative)]
        counts.update(set(days) if by_article else days)
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def prf(ranked: list[str], gold: set[str]) -> tuple[float, float, float]:
    ours = set(ranked[: len(gold)])
    shared = len(ours & gold)
    p = shared / len(ours) if ours else 0.0
    r = shared / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N collections (smoke runs)")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} not found (needs ../shared/data)")
        return 0
    systems = {"baseline (most mentioned explicit dates)": (False, False),
               "ours (relative resolved, by article)": (True, True)}
    totals = {name: [] for name in systems}
    collections = (c for c in map(json.loads, DATA.open(encoding="utf-8")) if c["articles"])
    for coll in islice(collections, args.limit):
        for name, (relative, by_article) in systems.items():
            ranked = rank(coll["articles"], relative, by_article)
            scores = [prf(ranked, {e["date"] for e in t["entries"]}) for t in coll["timelines"]]
            totals[name].append([sum(s[i] for s in scores) / len(scores) for i in range(3)])
    for name, rows in totals.items():
        p, r, f = (sum(row[i] for row in rows) / len(rows) for i in range(3))
        print(f"{name:45s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(rows)} collections)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Date selection on Timeline17 (dev), leave one topic out, beside two baselines.

For each collection and each gold timeline: keep as many of the top-ranked days as
the gold timeline has distinct dates; precision = shared / ours, recall = shared /
gold (day granularity); F1 per timeline, averaged over timelines and then over
collections (the split and protocol: benchmarks/results/timeline17.md).

* baseline: explicit day dates written in the text ("25 April 2009"), ranked by how
  often they are mentioned;
* baseline: the same plus relative dates ("on Thursday", "yesterday") resolved by
  :mod:`newsprism.nlp.dates` against each article's publication date, ranked by the
  number of distinct articles mentioning them (the ranking shipped before);
* learned (:mod:`newsprism.analyse.timeline.select`): a pairwise ranker over day
  features. For each held-out topic, the feature set and whether to rerank only the 3k
  most-reported days are chosen by an inner leave-one-topic-out over the other topics,
  then the ranker is fitted on them (C fixed at 1.0; each collection weighs the same).

Run:  PYTHONPATH=src nice .venv/bin/python benchmarks/timeline17.py [--write]   (~2 min)
``--write`` refits on all topics (configuration chosen the same way) and writes the
shipped ``select_weights.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsprism.analyse.timeline import select
from newsprism.nlp.dates import find_dates

WEIGHTS = Path(select.__file__).with_name("select_weights.json")
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timelines" / \
    "timeline17_dev.jsonl"


def load(per_topic: int | None = None) -> list[dict]:
    """Collections with articles, each with its reports and gold day sets (at most
    ``per_topic`` collections of each topic when given: smoke runs)."""
    out = []
    taken: dict[str, int] = {}
    for line in DATA.open(encoding="utf-8"):
        coll = json.loads(line)
        if not coll["articles"]:
            continue
        taken[coll["topic"]] = taken.get(coll["topic"], 0) + 1
        if per_topic is not None and taken[coll["topic"]] > per_topic:
            continue
        reports = [select.Report(a["date"], tuple(
            (m.value, m.relative) for m in find_dates(a["text"], a["date"])
            if m.value and len(m.value) == 10)) for a in coll["articles"]]
        golds = [{e["date"] for e in t["entries"]} for t in coll["timelines"]]
        out.append({"id": coll["id"], "topic": coll["topic"], "reports": reports,
                    "golds": golds, "features": select.day_features(reports)})
    return out


def by_articles(reports: list[select.Report]) -> list[str]:
    """Days (relative mentions resolved) by number of distinct reports mentioning them."""
    counts: Counter[str] = Counter(d for r in reports for d in {d for d, _ in r.days})
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def most_mentioned(reports: list[select.Report]) -> list[str]:
    """Explicit days by number of mentions (the baseline)."""
    counts: Counter[str] = Counter(d for r in reports for d, rel in r.days if not rel)
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def prf(ranked: list[str], gold: set[str]) -> tuple[float, float, float]:
    ours = set(ranked[: len(gold)])
    shared = len(ours & gold)
    p = shared / len(ours) if ours else 0.0
    r = shared / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(coll: dict, ranked: list[str]) -> list[float]:
    rows = [prf(ranked, g) for g in coll["golds"]]
    return [sum(r[i] for r in rows) / len(rows) for i in range(3)]


# The choices made inside each fold (by an inner leave-one-topic-out over the training
# topics): which feature set, and whether to rerank only the 3k most-reported days.
SUBSETS = {
    "core": ("articles", "published", "lasting"),
    "counts": ("articles", "published", "lasting", "mentions", "next_day"),
    "shape": ("articles", "published", "lasting", "later", "burst", "relative", "outside"),
    "all": select.FEATURES,
}
CONFIGS = [(name, rerank) for name in SUBSETS for rerank in (None, 3)]


def fit(train: list[dict], subset: str, rerank: int | None) -> select.Model:
    """Pairwise ranker: logistic regression (C = 1, no intercept) on the feature
    differences of (journalist's day, other candidate day) pairs of one collection, both
    orders; each collection weighs the same."""
    cols = [select.FEATURES.index(f) for f in SUBSETS[subset]]
    xs, ys, ws = [], [], []
    for coll in train:
        gold = set().union(*coll["golds"])
        days = _candidates(coll, rerank)
        rows = {d: np.array([coll["features"][d][i] for i in cols]) for d in days}
        pairs = [(p, q) for p in days if p in gold for q in days if q not in gold]
        for p, q in pairs:
            xs += [rows[p] - rows[q], rows[q] - rows[p]]
            ys += [1, 0]
            ws += [1.0 / len(pairs)] * 2
    w = np.array(ws)
    model = LogisticRegression(C=1.0, max_iter=3000, fit_intercept=False)
    model.fit(np.array(xs), np.array(ys), sample_weight=w / w.mean())
    coef = dict(zip(SUBSETS[subset], (round(float(c), 4) for c in model.coef_[0]), strict=True))
    return select.Model(coef, 0.0, rerank)


def _candidates(coll: dict, rerank: int | None) -> list[str]:
    feats = coll["features"]
    days = sorted(feats, key=lambda d: (-feats[d][1], d))
    return days[: rerank * max(len(g) for g in coll["golds"])] if rerank else days


def held_out(colls: list[dict], config: tuple[str, int | None]) -> dict[str, list[float]]:
    """Leave-one-topic-out scores of one fixed configuration."""
    out = {}
    for topic in dict.fromkeys(c["topic"] for c in colls):
        model = fit([c for c in colls if c["topic"] != topic], *config)
        out |= {c["id"]: score(c, rank(c, model)) for c in colls if c["topic"] == topic}
    return out


def choose(colls: list[dict]) -> tuple[str, int | None]:
    """The configuration with the best leave-one-topic-out F1 on ``colls``."""
    def mean_f1(config: tuple[str, int | None]) -> float:
        return float(np.mean([v[2] for v in held_out(colls, config).values()]))
    return max(CONFIGS, key=mean_f1)


def rank(coll: dict, model: select.Model) -> list[str]:
    k = max(len(g) for g in coll["golds"])
    return select.rank_days(coll["reports"], k, model)


def report(name: str, rows: dict[str, list[float]], topics: dict[str, str]) -> None:
    p, r, f = (np.mean([v[i] for v in rows.values()]) for i in range(3))
    per = {t: np.mean([rows[c][2] for c in rows if topics[c] == t])
           for t in dict.fromkeys(topics.values())}
    detail = "  ".join(f"{t} {v:.3f}" for t, v in per.items())
    print(f"{name:48s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   | {detail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true",
                        help="refit on all topics and write the shipped select_weights.json")
    parser.add_argument("--limit", type=int,
                        help="only the first N collections of each topic (smoke runs)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (needs ../shared/data)")
        return 0
    colls = load(args.limit)
    topics = {c["id"]: c["topic"] for c in colls}
    base = {c["id"]: score(c, most_mentioned(c["reports"])) for c in colls}
    count = {c["id"]: score(c, by_articles(c["reports"])) for c in colls}
    held: dict[str, list[float]] = {}
    for topic in dict.fromkeys(topics.values()):
        train = [c for c in colls if c["topic"] != topic]
        config = choose(train)
        model = fit(train, *config)
        print(f"fold {topic}: chose {config} on the other topics; {model.coef}")
        held |= {c["id"]: score(c, rank(c, model)) for c in colls if c["topic"] == topic}
    config = choose(colls)
    final = fit(colls, *config)
    shipped = {c["id"]: score(c, rank(c, select.shipped())) for c in colls}
    print(f"{len(colls)} collections, {len(set(topics.values()))} topics; per-topic F1 after |")
    report("baseline: most-mentioned explicit days", base, topics)
    report("baseline: days by reports mentioning them", count, topics)
    report("learned pairwise, topic held out (nested)", held, topics)
    report("shipped weights, all topics seen (not a result)", shipped, topics)
    if args.write:
        WEIGHTS.write_text(json.dumps({
            "coef": final.coef, "intercept": final.intercept, "rerank": final.rerank,
            "fitted_on": f"Timeline17 dev, all 4 topics, config {config[0]!r} chosen by "
                         "leave-one-topic-out (benchmarks/timeline17.py --write)",
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}: {final}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

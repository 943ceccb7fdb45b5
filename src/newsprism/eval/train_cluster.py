"""Fit the clusterer's join-or-new model on gold clusters (teacher forcing).

    python -m newsprism.eval.train_cluster [--data ../shared/data/clustering]
        [-o src/newsprism/cluster/join_weights.json]

Training streams (the split is fixed in benchmarks/results/cluster_quality.md):
DUC 2006 topics, DUC 2007 topics, MultiLing 2011 (en), the even half of the DUC
2003 events, and one stream mixing all four with their dates shifted to a
common start, so stories of different sets interleave. The odd half of DUC 2003
is never read here.

Each stream is fed in date order through :meth:`StoryClusterer.add_labelled`:
every article is compared with the candidate stories the clusterer retrieves
(the gold stories built so far), giving one row per (article, candidate) pair,
positive when the candidate is the article's gold story. Every stream weighs the
same. The fit is a weighted L2 logistic regression (lbfgs: deterministic).

``--cv 0.6,0.7`` writes nothing: for each of the four training sets it fits on
the other three (and their mixed stream) and scores the left-out set at each
join probability (leave-one-set-out cross-validation; a gain here must still
show on the held-out half of DUC 2003, which this never reads).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsprism import cluster
from newsprism.cluster import ClusterConfig, JoinModel, StoryClusterer, bcubed
from newsprism.eval.clusters import GoldArticle, date_order, halves, mixed, read_gold, run_ours

DATA = Path("../shared/data/clustering")
FILES = {
    "duc2006_topics": "duc2006_topic_clusters.jsonl",
    "duc2007_topics": "duc2007_topic_clusters.jsonl",
    "multiling2011_en": "multiling2011_en_clusters.jsonl",
    "duc2003_even": "duc2003_tdt_event_clusters.jsonl",
}
C = 1.0  # inverse L2 penalty: 13 features and ~10^5 rows, the penalty barely matters


def training_streams(data: Path, leave_out: tuple[str, ...] = ()) -> dict[str, list[GoldArticle]]:
    """The training streams by name, each in date order (never the held-out DUC 2003 half).

    ``leave_out``: sets to leave out of every stream, to validate a choice on them.
    """
    sets = {name: date_order(read_gold(data / file)) for name, file in FILES.items()
            if name not in leave_out}
    if "duc2003_even" in sets:
        sets["duc2003_even"] = halves(sets["duc2003_even"])[0]
    sets["mixed_train"] = mixed(dict(sets), align_start=True)
    return sets


def rows_for(articles: list[GoldArticle],
             config: ClusterConfig | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 targets of every (article, candidate story) pair of one stream."""
    clusterer = StoryClusterer(config, model=JoinModel(0.0, ()))
    xs, ys = [], []
    for a in articles:
        for x, is_gold in clusterer.add_labelled(a.key, a.title, a.text, a.date, a.gold):
            xs.append(x)
            ys.append(float(is_gold))
    return np.array(xs, dtype=float).reshape(-1, len(cluster.join.FEATURES)), np.array(ys)


def fit(streams: dict[str, tuple[np.ndarray, np.ndarray]]) -> JoinModel:
    """Weighted logistic regression; each stream's rows weigh 1 / its row count."""
    x = np.vstack([s[0] for s in streams.values()])
    y = np.concatenate([s[1] for s in streams.values()])
    w = np.concatenate([np.full(len(s[1]), 1.0 / max(len(s[1]), 1)) for s in streams.values()])
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(x, y, sample_weight=w * len(w) / w.sum())
    return JoinModel(float(model.intercept_[0]), tuple(float(c) for c in model.coef_[0]))


def cross_validate(data: Path, config: ClusterConfig, joins: list[float]) -> None:
    """Print leave-one-set-out B-cubed P/R/F1 of each training set at each join probability,
    then the mean over the four sets."""
    sets = training_streams(data)
    del sets["mixed_train"]
    rows = {name: rows_for(articles, config) for name, articles in sets.items()}
    scores: dict[float, list[tuple[float, float, float]]] = {p: [] for p in joins}
    for held in sets:
        others = {name: articles for name, articles in sets.items() if name != held}
        streams = {name: rows[name] for name in others}
        streams["mixed_train"] = rows_for(mixed(others, align_start=True), config)
        model = fit(streams)
        for p in joins:
            labels = run_ours(sets[held], replace(config, join_probability=p), model=model)
            scores[p].append(bcubed(labels, [a.gold for a in sets[held]]))
            print(f"join {p:.2f} {held:18s} P={scores[p][-1][0]:.3f} R={scores[p][-1][1]:.3f} "
                  f"F1={scores[p][-1][2]:.3f}", flush=True)
    for p, s in scores.items():
        print(f"join {p:.2f} mean P={np.mean([x[0] for x in s]):.3f} "
              f"F1={np.mean([x[2] for x in s]):.3f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-o", "--output", type=Path,
                        default=Path(cluster.__file__).with_name("join_weights.json"))
    parser.add_argument("--window", type=int, default=None, help="window_days while training")
    parser.add_argument("--leave-out", default="", help="comma-separated sets to leave out")
    parser.add_argument("--cv", default="", help="join probabilities to cross-validate (no fit)")
    args = parser.parse_args(argv)
    config = ClusterConfig()
    if args.window is not None:
        config = replace(config, window_days=args.window)
    if args.cv:
        cross_validate(args.data, config, [float(p) for p in args.cv.split(",")])
        return
    leave_out = tuple(n for n in args.leave_out.split(",") if n)
    streams = {name: rows_for(articles, config)
               for name, articles in training_streams(args.data, leave_out).items()}
    for name, (_, y) in streams.items():
        print(f"{name}: {len(y)} pairs, {int(y.sum())} positive")
    model = fit(streams)
    data = model.to_dict(trained_on=sorted(streams), window_days=config.window_days,
                         model="logistic regression; target = the candidate is the gold story")
    args.output.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()

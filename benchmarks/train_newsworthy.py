"""Fit the newsworthiness model of "only in some outlets" (analyse/exclusive/newsworthy.py).

Training data: the TUNE half of the trust labels (``benchmarks/data/trust_labels.jsonl``,
kind ``exclusive``; target = ``newsworthy`` yes/no), each labelled sentence found again in
the story as the trust benchmark reads it and described by ``newsworthy.features``. The
report half is never read. A logistic regression (standardised features, L2, Newton
steps; numpy only) is checked by story-grouped 5-fold cross-validation inside the tune
half; the table shows, per threshold, the share of candidates kept and the newsworthy
share among them (what ``Options.exclusive_newsworthy`` is chosen from). The final model,
fitted on the whole tune half, is written to ``newsworthy.json``.

    PYTHONPATH=$PWD/src /work/main/.venv/bin/python benchmarks/train_newsworthy.py [--write]
        [--limit N]

``--limit N`` reads only the first N tune stories where labels are found (a quick smoke run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trust  # noqa: E402

from newsprism.analyse.exclusive import newsworthy  # noqa: E402
from newsprism.config import Options  # noqa: E402
from newsprism.pipeline import align_story  # noqa: E402

OUT = trust.ROOT / "src" / "newsprism" / "analyse" / "exclusive" / "newsworthy.json"
FOLDS = 5
L2 = 1.0  # ridge penalty on the standardised coefficients


def dataset(limit: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, targets (1 = newsworthy) and story index of every tune label found, in
    the first ``limit`` tune stories where labels are found (all when None)."""
    labels = [lab for lab in trust.load_labels().values() if lab["kind"] == "exclusive"]
    xs, ys, groups = [], [], []
    for k, story in enumerate(trust.load_split("tune")):
        mine = {(lab["refs"][0]["doc"], lab["refs"][0]["start"]): lab["newsworthy"] == "yes"
                for lab in labels if lab["story"] == story.id}
        if not mine:
            continue
        if limit is not None and len(set(groups)) >= limit:
            break
        articles = trust.story_articles(story)
        al = align_story(articles, Options(embedder="tfidf"))
        doc = {a.id: trust._doc(a) for a in articles}
        name = {a.id: a.name for a in articles}
        rows = [i for i, s in enumerate(al.sentences) if (doc[s.source], s.start) in mine]
        outlet = [name[s.source] for s in al.sentences]
        x = newsworthy.features(al.sentences, al.lexical, al.facts, rows, outlet, Options())
        xs.append(x)
        ys += [mine[(doc[al.sentences[r].source], al.sentences[r].start)] for r in rows]
        groups += [k] * len(rows)
        print(f"  {story.id}: {len(rows)} / {len(mine)} labelled sentences found", file=sys.stderr)
    return np.vstack(xs), np.array(ys, dtype=float), np.array(groups)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    """Logistic regression on standardised features (Newton's method, L2 on coefficients)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"features": list(newsworthy.FEATURES), "coef": w[:-1].round(6).tolist(),
            "intercept": round(float(w[-1]), 6), "mean": mean.round(6).tolist(),
            "scale": scale.round(6).tolist()}


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    """The fitted model's probabilities for rows of features."""
    z = ((x - np.array(model["mean"])) / np.array(model["scale"])) @ np.array(model["coef"])
    return 1 / (1 + np.exp(-(z + model["intercept"])))


def fold_of(story: int) -> int:
    """A story's cross-validation fold (a fixed hash of its index)."""
    return int(hashlib.sha1(str(story).encode()).hexdigest(), 16) % FOLDS


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities, folds made of whole stories."""
    folds = np.array([fold_of(g) for g in groups])
    p = np.zeros(len(y))
    for f in range(FOLDS):
        test = folds == f
        p[test] = predict(fit(x[~test], y[~test]), x[test])
    return p


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (ties count half)."""
    pos, neg = p[y == 1], p[y == 0]
    wins = (pos[:, None] > neg[None, :]).mean()
    return float(wins + 0.5 * (pos[:, None] == neg[None, :]).mean())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    ap.add_argument("--limit", type=int, help="only the first N tune stories with labels found")
    args = ap.parse_args(argv)
    x, y, groups = dataset(args.limit)
    p = cross_validate(x, y, groups)
    print(f"tune half: {len(y)} labelled sentences, {int(y.sum())} newsworthy "
          f"({y.mean():.2f}); story-grouped {FOLDS}-fold CV AUC {auc(p, y):.3f}")
    print("threshold | kept | newsworthy among kept | newsworthy kept / all newsworthy")
    for t in np.arange(0.2, 0.81, 0.05):
        kept = p >= t
        print(f"{t:.2f} | {kept.mean():.2f} | {y[kept].mean() if kept.any() else 0:.2f} | "
              f"{y[kept].sum() / max(y.sum(), 1):.2f}")
    model = fit(x, y)
    print("coefficients (standardised):", dict(zip(newsworthy.FEATURES, model["coef"])))
    if args.write:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

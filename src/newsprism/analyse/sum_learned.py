"""A tiny learned salience scorer: a linear model over a handful of sentence features.

The coefficients (``sum_weights.json``, a few hundred bytes) were fitted by
``python -m newsprism.eval.train`` on the development sets except DUC 2003 (held
out): the target is a weighted mean (0.3 / 0.7) of the shares of a sentence's bigrams
and words that appear in the human references. ``NEWSPRISM_SUM_WEIGHTS`` names another
coefficients file (used to compare fits). Without the file the
scorer returns zeros and the summary falls back to concept coverage alone.
"""

from __future__ import annotations

import functools
import json
import os
import re
from importlib import resources
from pathlib import Path

import numpy as np

from newsprism.analyse import sum_features as F

FEATURES = (
    "density",  # concept weight per word, relative to the cluster's best sentence
    "first",  # 1 / (1 + position in its article)
    "relpos",  # position / sentences in the article
    "length",  # words / 30
    "support",  # share of the story's outlets stating the aligned fact
    "central",  # cosine with the story centroid, relative to the best sentence
    "quote",  # holds a quotation mark
    "opener",  # opens with a pronoun or connective (needs context to read)
    "digit",  # holds a number
    "query",  # share of the focus question's content words it holds
    "wordsupport",  # mean share of the story's outlets using each of its content words
)
OPENER = re.compile(r"^(?:He|She|It|They|This|That|These|Those|But|And|However|Also|Still|"
                     r"His|Her|Their|Its|So|Yet)\b")


def matrix(cands, weights: dict, vectors: np.ndarray, query: set[str],
           count: dict[str, int], n_sources: int, word_outlets: dict | None = None) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate."""
    rows = [c.row for c in cands]
    sub = vectors[rows]
    central = sub @ vectors.mean(axis=0)
    central = central / max(float(central.max()), 1e-9)
    density = np.array([sum(weights.get(b, 0.0) for b in c.concepts) / c.words for c in cands])
    density = density / max(float(density.max()), 1e-9)
    out = np.zeros((len(cands), len(FEATURES)))
    for k, c in enumerate(cands):
        s = c.sentence
        words = F.content_words(c.text)
        out[k] = (
            density[k],
            1.0 / (1 + s.index),
            s.index / max(count[s.source], 1),
            c.words / 30,
            len(c.fact.sources) / max(n_sources, 1),
            central[k],
            float(any(q in c.text for q in "\"“”")),
            float(bool(OPENER.match(c.text))),
            float(any(ch.isdigit() for ch in c.text)),
            len(words & query) / len(query) if query else 0.0,
            (sum(word_outlets.get(w, 0) for w in words) / max(len(words), 1) / max(n_sources, 1)
             if word_outlets else 0.0),
        )
    return out


@functools.cache
def coefficients() -> tuple[np.ndarray, float] | None:
    """(coefficients, intercept) from the packaged file, or None when it is absent."""
    path = os.environ.get("NEWSPRISM_SUM_WEIGHTS")  # experiments: another fit
    try:
        raw = (Path(path).read_text(encoding="utf-8") if path else
               resources.files("newsprism.analyse").joinpath("sum_weights.json").read_text())
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    coef = np.array([data["coefficients"].get(name, 0.0) for name in FEATURES])
    return coef, float(data["intercept"])


def salience(x: np.ndarray) -> np.ndarray:
    """Predicted reference-bigram share per row of ``x`` (zeros without coefficients)."""
    model = coefficients()
    if model is None or not len(x):
        return np.zeros(len(x))
    coef, intercept = model
    return x @ coef + intercept

"""Is a single-outlet fact something a reader wants? A small learned decision.

A logistic regression over :data:`FEATURES` of the sentence, fitted by
``benchmarks/train_newsworthy.py`` on the tune half of the trust labels
(``benchmarks/data/trust_labels.jsonl``, kind ``exclusive``, ``newsworthy`` yes/no) and
shipped as coefficients in ``newsworthy.json`` (no learning library at run time). The
features say what the summary knows about importance (its learned salience), where the
sentence stands in its article, what it holds (numbers, names, quotation, reaction words)
and how central it is to the story.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

import numpy as np

from newsprism.analyse import summary
from newsprism.analyse.summary import features as F
from newsprism.config import Options
from newsprism.model import Fact, Sentence

FEATURES = (
    "salience",  # the summary's learned salience, among the story's prose sentences
    "first",  # 1 / (1 + position in its article)
    "relpos",  # position / sentences in its article
    "length",  # words / the story's median sentence length, at most 2
    "digit",  # holds a number, in digits or words
    "names",  # share of its words (after the first) that are capitalised
    "quoted",  # share of its words inside quotation marks
    "said",  # attributed to someone ("..., the minister said")
    "central",  # cosine with the story centroid, relative to the most central sentence
    "wordsupport",  # mean share of the outlets using each of its content words
)
_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")
_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                     r"|dozens?|hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|according to|added|stated)\b", re.IGNORECASE)


def features(sentences: list[Sentence], vectors: np.ndarray, facts: tuple[Fact, ...],
             rows: list[int], outlet: list[str], options: Options) -> np.ndarray:
    """One row of :data:`FEATURES` per row of ``rows`` (``outlet[i]`` is sentences[i]'s
    outlet). Story-relative features are taken over all prose sentences, so a sentence's
    features do not depend on which others are candidates."""
    if not rows:
        return np.zeros((0, len(FEATURES)))
    prose = [i for i, s in enumerate(sentences) if s.kind == "text"]
    salience = dict(zip(prose, _relative(summary.importance(sentences, vectors, facts, prose,
                                                            options))))
    centroid = vectors.mean(axis=0)
    central = dict(zip(prose, _relative(vectors[prose] @ centroid)))
    length: dict[str, int] = {}
    for s in sentences:
        length[s.source] = length.get(s.source, 0) + 1
    users: dict[str, set[str]] = {}
    for s, o in zip(sentences, outlet):
        for w in F.content_words(s.text):
            users.setdefault(w, set()).add(o)
    n_outlets = len(set(outlet))
    typical = max(float(np.median([len(sentences[i].text.split()) for i in prose] or [1])), 1.0)
    out = np.zeros((len(rows), len(FEATURES)))
    for k, row in enumerate(rows):
        s = sentences[row]
        words = max(len(s.text.split()), 1)
        content = F.content_words(s.text)
        out[k] = (
            salience.get(row, 0.0),
            1.0 / (1 + s.index),
            s.index / max(length[s.source], 1),
            min(words / typical, 2.0),
            float(bool(_NUMBER.search(s.text))),
            sum(w[0].isupper() for w in s.text.split()[1:]) / max(words - 1, 1),
            min(sum(len(q.split()) for q in _QUOTED.findall(s.text)) / words, 1.0),
            float(bool(_SAID.search(s.text))),
            central.get(row, 0.0),
            sum(len(users.get(w, ())) for w in content) / max(len(content), 1)
            / max(n_outlets, 1),
        )
    return out


def probability(x: np.ndarray) -> np.ndarray:
    """The model's probability that each row of :data:`FEATURES` is newsworthy."""
    coef, intercept, mean, scale = _model()
    z = ((x - mean) / scale) @ coef + intercept
    return 1.0 / (1.0 + np.exp(-z))


def _relative(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    if not len(values):
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / max(high - low, 1e-9)


@functools.cache
def _model() -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    raw = json.loads(resources.files(__package__).joinpath("newsworthy.json")
                     .read_text(encoding="utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError("newsworthy.json was fitted on other features; refit it")
    return (np.array(raw["coef"]), float(raw["intercept"]), np.array(raw["mean"]),
            np.array(raw["scale"]))

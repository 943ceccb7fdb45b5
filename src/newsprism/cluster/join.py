"""The learned join-or-new decision: features of one (article, story) pair and their weights.

After Miranda et al. 2018 ("Multilingual Clustering of Streaming News"): an
article is compared with each candidate story through several
sub-representations (whole lead, headline, first sentences, names, the
story's latest members) and the story's time statistics; a logistic
regression turns the features into the probability that the article belongs
to that story. The best candidate wins if its probability clears the
decision threshold, else the article starts a story.

The coefficients ship in ``join_weights.json`` (a few hundred bytes), fitted by
``python -m newsprism.eval.train_cluster`` on gold clusters.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from newsprism.errors import ConfigError

# The order of the vector :func:`pair_features` returns; the weights file names them.
FEATURES = (
    "body",  # TF-IDF cosine, article title + lead vs the story's centroid
    "recent",  # best cosine to the story's latest members (what it is about now)
    "title",  # headline vs the story's headlines (0 when either has none)
    "lead",  # first sentences vs the story's first sentences
    "names",  # capitalised names vs the story's names
    "titled",  # 1 when both the article and the story have headlines
    "gap",  # log(1 + days between the article and the story's first..last span)
    "off_mean",  # log(1 + days between the article and the story's mean date)
    "spread",  # log(1 + standard deviation of the story's dates, days)
    "size",  # log(1 + articles in the story)
    "undated",  # 1 when the article or the story has no date
    "body_gap",  # body x gap: a story that has not grown for days must be closer to join
)


@dataclass(frozen=True, slots=True)
class Similarities:
    """Cosines between one article and one story, each in [0, 1]."""

    body: float
    recent: float
    title: float
    lead: float
    names: float
    titled: bool


@dataclass(frozen=True, slots=True)
class StoryTime:
    """A story's dates as ordinal days: the span, the mean, the spread (std), the size."""

    first: int | None
    last: int | None
    mean: float | None
    spread: float
    size: int


def pair_features(sim: Similarities, time: StoryTime, day: int | None) -> list[float]:
    """The feature vector of one (article, story) pair, in :data:`FEATURES` order."""
    dated = day is not None and time.first is not None and time.last is not None
    gap = off_mean = 0.0
    if dated:
        gap = math.log1p(max(0, time.first - day, day - time.last))
        off_mean = math.log1p(abs(day - (time.mean if time.mean is not None else time.last)))
    return [sim.body, sim.recent, sim.title, sim.lead, sim.names, float(sim.titled),
            gap, off_mean, math.log1p(time.spread), math.log1p(time.size),
            0.0 if dated else 1.0, sim.body * gap]


@dataclass(frozen=True, slots=True)
class JoinModel:
    """Logistic regression over :data:`FEATURES`: P(article belongs to story)."""

    intercept: float
    coefficients: tuple[float, ...]

    def probability(self, x: Sequence[float]) -> float:
        """P(join) for one feature vector (same order as :data:`FEATURES`)."""
        z = self.intercept + sum(map(operator.mul, self.coefficients, x))
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    def to_dict(self, **meta: object) -> dict[str, object]:
        return {**meta, "intercept": round(self.intercept, 5),
                "coefficients": {n: round(w, 5) for n, w in zip(FEATURES, self.coefficients)}}

    @classmethod
    def from_dict(cls, data: dict) -> JoinModel:
        """Read the weights file's shape; every feature must have a coefficient.

        Raises:
            ConfigError: a feature is missing (the file predates a feature change:
                refit with ``python -m newsprism.eval.train_cluster``).
        """
        coef = data.get("coefficients", {})
        missing = [n for n in FEATURES if n not in coef]
        if missing:
            raise ConfigError(f"join weights lack {', '.join(missing)}: refit them with "
                              "python -m newsprism.eval.train_cluster")
        return cls(float(data["intercept"]), tuple(float(coef[n]) for n in FEATURES))


def shipped_model() -> JoinModel:
    """The packaged join model (``cluster/join_weights.json``)."""
    raw = resources.files("newsprism.cluster").joinpath("join_weights.json").read_text("utf-8")
    return JoinModel.from_dict(json.loads(raw))

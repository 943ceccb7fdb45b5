"""Merging two stories whose cores became close: the pair's features, the learned
decision's weights, and the fold of one story's state into the other.

An article that the join model declined to place in its story starts a second
story of the same event; later reports then split between the two
(benchmarks/results/cluster_quality.md counts this as the largest cause of
splits on the training sets). After each join, the grown story is compared with
the article's other candidate stories *core to core* (centroid, headlines,
first sentences and names of both, never their loosest members), and a small
logistic regression over these cosines and the two stories' dates and sizes
gives P(same event). Its weights ship in ``merge_weights.json``, fitted by
``python -m newsprism.eval.train_cluster`` on the clusterer's own runs over
the training sets (a pair is positive when both stories' majority gold event
is the same).
"""

from __future__ import annotations

import json
import math
from importlib import resources

from newsprism.cluster.join import JoinModel
from newsprism.cluster.state import StoryState

# The order of the vector :func:`merge_features` returns; the weights file names them.
MERGE_FEATURES = (
    "centroid",  # TF-IDF cosine of the two centroids (title + lead of every member)
    "title",  # of their headlines (0 when either has none)
    "lead",  # of their first sentences
    "names",  # of their names
    "gap",  # log(1 + days between the two first..last spans; 0 when they overlap)
    "size",  # log(1 + articles in the story that grew)
    "other_size",  # log(1 + articles in the other story)
    "titled",  # 1 when both stories have headlines
)


def merge_features(cosines: list[float], grown: StoryState, other: StoryState) -> list[float]:
    """The feature vector of (the story that grew, another story), in
    :data:`MERGE_FEATURES` order; ``cosines`` are their centroid, headline,
    first-sentence and names cosines."""
    gap = 0.0
    if None not in (grown.first, grown.last, other.first, other.last):
        gap = math.log1p(max(0, grown.first - other.last, other.first - grown.last))  # type: ignore[operator]
    return [*cosines[:4], gap, math.log1p(grown.size), math.log1p(other.size),
            float(grown.titled > 0 and other.titled > 0)]


def survivor(a: StoryState, b: StoryState) -> tuple[StoryState, StoryState]:
    """(kept, absorbed): the larger story keeps its id; on a tie the older, then the
    smaller id (deterministic)."""
    def rank(s: StoryState) -> tuple[int, int, str]:
        return (-s.size, s.first if s.first is not None else 1 << 30, s.id)
    return (a, b) if rank(a) <= rank(b) else (b, a)


def fold(kept: StoryState, gone: StoryState, member_links: int) -> None:
    """Add ``gone``'s counts, dates and latest members to ``kept`` (its vectors are
    summed by the caller, who cuts them to size)."""
    kept.members = [*gone.members, *kept.members][-member_links:] if member_links else []
    kept.size += gone.size
    kept.titled += gone.titled
    kept.dated += gone.dated
    kept.day_sum += gone.day_sum
    kept.day_sq += gone.day_sq
    if gone.first is not None:
        kept.first = gone.first if kept.first is None else min(kept.first, gone.first)
    if gone.last is not None:
        kept.last = gone.last if kept.last is None else max(kept.last, gone.last)
    kept.cache.clear()


def shipped_merge_model() -> JoinModel:
    """The packaged merge model (``cluster/merge_weights.json``)."""
    raw = resources.files("newsprism.cluster").joinpath("merge_weights.json").read_text("utf-8")
    return JoinModel.from_dict(json.loads(raw), MERGE_FEATURES)

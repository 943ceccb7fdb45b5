"""Cluster stage: articles -> stories, incrementally, cheap features and a learned join.

:class:`StoryClusterer` places one article at a time; :func:`bcubed` scores
a clustering against gold labels (used by tests and benchmarks).
"""

from newsprism.cluster import join
from newsprism.cluster.features import FeatureConfig, signature, term_counts
from newsprism.cluster.incremental import Assignment, ClusterConfig, StoryClusterer
from newsprism.cluster.state import EPOCH, Changes, StoryState, day_number
from newsprism.cluster.join import JoinModel
from newsprism.cluster.metrics import bcubed

__all__ = [
    "EPOCH",
    "Assignment",
    "Changes",
    "ClusterConfig",
    "FeatureConfig",
    "JoinModel",
    "StoryClusterer",
    "StoryState",
    "bcubed",
    "day_number",
    "join",
    "signature",
    "term_counts",
]

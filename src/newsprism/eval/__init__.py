"""Evaluation: dataset readers, the ROUGE scorer, baselines and the run that compares them.

``newsprism eval`` is a thin layer over :func:`newsprism.eval.runner.evaluate`.
The scorer and the sumy baselines need the ``[eval]`` extra; the dataset reader
and NewsPrism's own summariser do not. Story clustering against gold clusters
lives in :mod:`newsprism.eval.clusters` (no extra needed); it is not re-exported
here, so summary evaluation does not import the clusterer.
"""

from newsprism.eval.datasets import Cluster, Document, default_words, read_clusters

__all__ = ["Cluster", "Document", "default_words", "read_clusters"]

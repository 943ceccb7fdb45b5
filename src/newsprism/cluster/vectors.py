"""TF-IDF over hashed terms, vectorised: document frequencies and batched cosines.

Every article is compared with several vectors of each candidate story
(centroid, latest members, headlines, first sentences, names), so the cosines
are computed in one numpy pass per part instead of one Python loop per vector:
the document frequencies live in a dense array indexed by term bucket
(2**20 buckets, 8 MB), and the article's weights are scattered into a dense
scratch array for the dot products.

Results are deterministic: the same sums in the same order every run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from newsprism.cluster.features import HASH_BITS

SIZE = 1 << HASH_BITS
Sparse = tuple[np.ndarray, np.ndarray]  # (term buckets int64, log-tf float64)


def sparse(vector: Mapping[int, float]) -> Sparse:
    """A ``term -> log-tf`` map as two aligned arrays (in the map's order)."""
    n = len(vector)
    return (np.fromiter(vector.keys(), dtype=np.int64, count=n),
            np.fromiter(vector.values(), dtype=np.float64, count=n))


def log_tf(counts: Mapping[int, float]) -> dict[int, float]:
    """``1 + log(count)`` of every positive count."""
    return {t: 1.0 + math.log(n) for t, n in counts.items() if n > 0}


class TermStats:
    """Document frequencies of a stream and the TF-IDF arithmetic built on them.

    ``idf(t) = ln((N + 1) / (df(t) + 1)) + 1`` with N the documents counted so far.
    """

    def __init__(self) -> None:
        self.n_docs = 0
        self.df = np.zeros(SIZE, dtype=np.int64)
        self._delta: list[np.ndarray] = []
        self._scratch = np.zeros(SIZE, dtype=np.float64)

    def count(self, terms: Mapping[int, float]) -> None:
        """Count one document holding ``terms``."""
        self.n_docs += 1
        ids = np.fromiter(terms, dtype=np.int64, count=len(terms))
        self.df[ids] += 1
        self._delta.append(ids)

    def drain(self) -> dict[int, int]:
        """Document-frequency increments since the last call, term -> count."""
        if not self._delta:
            return {}
        ids, counts = np.unique(np.concatenate(self._delta), return_counts=True)
        self._delta.clear()
        return dict(zip(ids.tolist(), counts.tolist()))

    def restore(self, n_docs: int, df: Mapping[int, int] | np.ndarray) -> None:
        """Document frequencies saved by a previous run (a map, or another run's array)."""
        self.n_docs = n_docs
        self.df[:] = 0
        if isinstance(df, np.ndarray):
            self.df[:] = df
        elif df:
            self.df[np.fromiter(df, dtype=np.int64, count=len(df))] = list(df.values())

    def idf(self, terms: np.ndarray) -> np.ndarray:
        return math.log(self.n_docs + 1) + 1.0 - np.log(self.df[terms] + 1.0)

    def weighted(self, vector: Mapping[int, float]) -> Sparse:
        """(terms, log-tf x idf) of a count map."""
        terms, tf = sparse(log_tf(vector))
        return terms, tf * self.idf(terms)

    def ranked(self, vector: Mapping[int, float]) -> list[int]:
        """Terms of a ``term -> log-tf`` map, heaviest (x idf) first; ties by term."""
        terms, tf = sparse(vector)
        return terms[np.lexsort((terms, -(tf * self.idf(terms))))].tolist()

    def cosines(self, article: Sparse, stories: list[Sparse]) -> np.ndarray:
        """TF-IDF cosine of ``article`` (already weighted) with each log-tf vector."""
        out = np.zeros(len(stories))
        terms, weights = article
        norm = float(np.sqrt(weights @ weights))
        if not stories or norm == 0.0:
            return out
        lengths = [len(t) for t, _ in stories]
        if not sum(lengths):
            return out
        ids = np.concatenate([t for t, _ in stories])
        w = np.concatenate([v for _, v in stories]) * self.idf(ids)
        seg = np.repeat(np.arange(len(stories)), lengths)
        self._scratch[terms] = weights
        dots = np.bincount(seg, weights=self._scratch[ids] * w, minlength=len(stories))
        self._scratch[terms] = 0.0
        norms = np.sqrt(np.bincount(seg, weights=w * w, minlength=len(stories)))
        np.divide(dots, norm * norms, out=out, where=norms > 0)
        return out

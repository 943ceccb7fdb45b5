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

from newsprism.cluster.features import HASH_BITS, ArticleParts

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


def log_tf_parts(parts: ArticleParts) -> ArticleParts:
    """``parts`` with every count map made its :func:`log_tf` map (computed once per
    article: it is both scored and added to a story)."""
    return ArticleParts(log_tf(parts.body), log_tf(parts.title), log_tf(parts.lead),
                        log_tf(parts.names))


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

    def weighted(self, tf: Mapping[int, float]) -> Sparse:
        """(terms, log-tf x idf) of a log-tf map."""
        terms, values = sparse(tf)
        return terms, values * self.idf(terms)

    def ranked(self, vector: Mapping[int, float]) -> list[int]:
        """Terms of a ``term -> log-tf`` map, heaviest (x idf) first; ties by term."""
        terms, tf = sparse(vector)
        return terms[np.lexsort((terms, -(tf * self.idf(terms))))].tolist()

    def cosines_many(self, pairs: list[tuple[Sparse, list[Sparse]]]) -> list[np.ndarray]:
        """For each (article, stories) pair, the TF-IDF cosine of the article (already
        weighted) with each log-tf vector of ``stories``, all in one numpy pass.

        Each cosine is summed in the same order as it would be alone, so the
        numbers do not depend on what else is in the batch.
        """
        vectors = [v for _, stories in pairs for v in stories]
        out = np.zeros(len(vectors))
        lengths = [len(t) for t, _ in vectors]
        if sum(lengths):
            ids = np.concatenate([t for t, _ in vectors])
            w = np.concatenate([v for _, v in vectors]) * self.idf(ids)
            products, norms = self._products(pairs, lengths, ids, w)
            seg = np.repeat(np.arange(len(vectors)), lengths)
            dots = np.bincount(seg, weights=products, minlength=len(vectors))
            lens = np.sqrt(np.bincount(seg, weights=w * w, minlength=len(vectors)))
            np.divide(dots, norms * lens, out=out, where=(lens > 0) & (norms > 0))
        ends = np.cumsum([len(stories) for _, stories in pairs]).tolist()
        return np.split(out, ends[:-1]) if pairs else []

    def _products(self, pairs: list[tuple[Sparse, list[Sparse]]], lengths: list[int],
                  ids: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per term of the stacked story vectors, its weight times its article's weight
        of that term; per story vector, the norm of its article."""
        products = np.empty(len(ids))
        norms = np.empty(len(lengths))
        start = first = 0
        for (terms, weights), stories in pairs:
            end = start + sum(lengths[first:first + len(stories)])
            self._scratch[terms] = weights
            products[start:end] = self._scratch[ids[start:end]] * w[start:end]
            self._scratch[terms] = 0.0
            norms[first:first + len(stories)] = float(np.sqrt(weights @ weights))
            start, first = end, first + len(stories)
        return products, norms

"""TF-IDF over hashed terms, vectorised: document frequencies and batched cosines.

Every article is compared with several vectors of each candidate story
(centroid, latest members, headlines, first sentences, names), so all its
cosines are computed in one numpy pass instead of one Python loop per vector:
each story keeps its vectors laid end to end (a :class:`Stack`), the document
frequencies live in a dense array indexed by term bucket (2**20 buckets,
8 MB), and the article's vectors are scattered into a dense scratch array
(term x slot, 32 MB) that one gather reads for every dot product.

Results are deterministic: the same sums in the same order every run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from newsprism.cluster.features import HASH_BITS, ArticleParts

SIZE = 1 << HASH_BITS
SLOTS = 4  # article vectors a Stack's vectors can meet (body, title, lead, names)
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
        # ln(df + 1) per bucket, kept in step with df: idf needs it for ~8,000 stacked
        # terms per article, and only the terms of the article counted last change
        self._log_df = np.zeros(SIZE, dtype=np.float64)
        self._delta: list[np.ndarray] = []
        self._scratch = np.zeros(SIZE * SLOTS, dtype=np.float64)  # article weights, term x slot

    def count(self, terms: Mapping[int, float]) -> None:
        """Count one document holding ``terms``."""
        self.n_docs += 1
        ids = np.fromiter(terms, dtype=np.int64, count=len(terms))
        self.df[ids] += 1
        self._log_df[ids] = np.log(self.df[ids] + 1.0)
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
        np.log(self.df + 1.0, out=self._log_df)

    def idf(self, terms: np.ndarray) -> np.ndarray:
        return math.log(self.n_docs + 1) + 1.0 - self._log_df[terms]

    def weighted(self, tf: Mapping[int, float]) -> Sparse:
        """(terms, log-tf x idf) of a log-tf map."""
        terms, values = sparse(tf)
        return terms, values * self.idf(terms)

    def ranked(self, vector: Mapping[int, float]) -> list[int]:
        """Terms of a ``term -> log-tf`` map, heaviest (x idf) first; ties by term."""
        return ranked_terms(self.weighted(vector))

    def stacked_cosines(self, article: list[Sparse], stacks: list[Stack]) -> np.ndarray:
        """The TF-IDF cosine of every vector of ``stacks``, in order, with the article
        vector (already weighted) of its slot; all in one numpy pass.

        Each cosine is summed in its vector's own order, as it would be alone, so
        the numbers do not depend on what else is in the batch.
        """
        lengths = [n for s in stacks for n in s.lengths]
        out = np.zeros(len(lengths))
        if not sum(lengths):
            return out
        terms = np.concatenate([s.terms for s in stacks])
        w = np.concatenate([s.values for s in stacks]) * self.idf(terms)
        products = self._article_weights(article, np.concatenate([s.keys for s in stacks])) * w
        seg = np.repeat(np.arange(len(lengths)), lengths)
        dots = np.bincount(seg, weights=products, minlength=len(lengths))
        lens = np.sqrt(np.bincount(seg, weights=w * w, minlength=len(lengths)))
        slots = [slot for s in stacks for slot in s.slots]
        norms = np.array([float(np.sqrt(v @ v)) for _, v in article])[slots]
        np.divide(dots, norms * lens, out=out, where=(lens > 0) & (norms > 0))
        return out

    def _article_weights(self, article: list[Sparse], keys: np.ndarray) -> np.ndarray:
        """The weight of each stacked term in the article vector of its slot (0 if absent)."""
        for slot, (terms, weights) in enumerate(article):
            self._scratch[terms * SLOTS + slot] = weights
        found = self._scratch[keys]
        for slot, (terms, _) in enumerate(article):
            self._scratch[terms * SLOTS + slot] = 0.0
        return found


def ranked_terms(vector: Sparse) -> list[int]:
    """The terms of a weighted vector, heaviest first; ties by term."""
    terms, weights = vector
    return terms[np.lexsort((terms, -weights))].tolist()


@dataclass(frozen=True, slots=True)
class Stack:
    """Log-tf vectors laid end to end, each to meet the article vector of its slot.

    ``keys`` are ``term * SLOTS + slot``: one gather reads the article weight of
    every term of every vector (a term's slots share a cache line).
    """

    terms: np.ndarray
    keys: np.ndarray
    values: np.ndarray
    lengths: list[int]
    slots: list[int]


def stack(vectors: list[tuple[int, Sparse]]) -> Stack:
    """``(slot, vector)`` pairs laid end to end (see :class:`Stack`)."""
    lengths = [len(terms) for _, (terms, _) in vectors]
    slots = [slot for slot, _ in vectors]
    terms = np.concatenate([t for _, (t, _) in vectors] or [np.zeros(0, dtype=np.int64)])
    values = np.concatenate([v for _, (_, v) in vectors] or [np.zeros(0)])
    keys = terms * SLOTS + np.repeat(np.array(slots, dtype=np.int64), lengths)
    return Stack(terms, keys, values, lengths, slots)

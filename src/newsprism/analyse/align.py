"""Cross-source alignment: group sentences of different outlets that state the same fact.

Groups grow greedily from the most similar pair down, and two groups merge only
when *every* cross-outlet pair between them is similar enough. That "complete
link" rule is what stops chaining (A~B, B~C, but A and C say different things),
which would otherwise credit an outlet with a fact it never stated.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix, issparse

from newsprism.analyse.disputes.values import values
from newsprism.analyse.summary.features import content_words, stating
from newsprism.model import Fact, Sentence, content_id

# Below this many word characters a "sentence" is a fragment (a dangling quote
# close, a byline); it may still be aligned but never seeds a group on its own.
_MIN_CHARS = 20


# Weight of the lexical (TF-IDF) cosine added to the semantic one. MiniLM alone rates
# topically close but different facts ("restored ties in 2016" / "expelled envoys in
# 2018", 0.745) as high as true paraphrases ("we must adopt a steady approach" / "must
# keep an open dialogue", 0.746); story-level TF-IDF discounts the names every sentence
# shares and separates those pairs. Chosen by hand-labelling the 0.66-0.82 band of
# cross-outlet pairs in the seed story (see the closing note of issue 2).
LEXICAL_WEIGHT = 0.5


def similarity(
    sentences: list[Sentence], semantic: np.ndarray | csr_matrix,
    lexical: np.ndarray | csr_matrix | None = None
) -> np.ndarray:
    """Pairwise support score (cosine, plus weighted lexical cosine when given); rows
    dense or sparse (TF-IDF rows are cheapest multiplied sparse).

    Pairs from the same source are set to -1: an outlet never supports itself.
    """
    sims = _gram(semantic)
    if lexical is not None:
        sims = sims + LEXICAL_WEIGHT * _gram(lexical)
    sources = np.array([s.source for s in sentences])
    sims[sources[:, None] == sources[None, :]] = -1.0
    return sims


def _gram(rows: np.ndarray | csr_matrix) -> np.ndarray:
    """``rows @ rows.T`` as a dense matrix."""
    if issparse(rows):
        return (rows @ rows.T).toarray()
    return rows @ rows.T


def align(sentences: list[Sentence], sims: np.ndarray, threshold: float,
          same_values: bool = False, carried: float = 0.0) -> tuple[Fact, ...]:
    """Every sentence in exactly one Fact; multi-outlet Facts hold mutually similar sentences.

    Args:
        sentences: all sentences of the story, in source then position order.
        sims: the :func:`similarity` matrix of those sentences.
        threshold: score at or above which two sentences count as the same fact.
        same_values: also require that no two sentences of a Fact give different values
            for one quantity or date ("killed 60" / "killed 67"): a Fact is then what
            every member's outlet can be cited for. The looser groups where disputes are
            sought leave this off, since such pairs are exactly what they look for.
    """
    n = len(sentences)
    stated = [values(s.text, None) for s in sentences] if same_values else None
    words = [content_words(s.text) for s in sentences] if same_values and carried else None
    group = list(range(n))  # group id of each sentence
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    rows, cols = np.nonzero(np.triu(sims >= threshold, k=1))
    pairs = sorted(zip(rows.tolist(), cols.tolist()), key=lambda p: (-sims[p], p))
    for i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj or not _can_merge(members[gi], members[gj], sentences, sims, threshold,
                                      stated) \
                or (words and not carries(members[gi], members[gj], words, carried)):
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
    rank: dict[str, int] = {}
    for s in sentences:
        rank.setdefault(s.source, len(rank))

    def key(s: Sentence) -> tuple[int, int]:
        return rank[s.source], s.start

    groups = [sorted((sentences[k] for k in ks), key=key) for ks in members.values()]
    groups.sort(key=lambda ss: key(ss[0]))
    return tuple(Fact(id=_fact_id(ss), sentences=tuple(ss)) for ss in groups)


def _can_merge(
    a: list[int], b: list[int], sentences: list[Sentence], sims: np.ndarray, threshold: float,
    stated: list | None,
) -> bool:
    # Each outlet states a fact once: two sentences of one outlet in a group would
    # mean the outlet repeated itself, which cleaning already removed.
    if {sentences[i].source for i in a} & {sentences[j].source for j in b}:
        return False
    if not np.all(sims[np.ix_(a, b)] >= threshold):
        return False
    return stated is None or not any(x.differs(y) for i in a for j in b
                                     for x in stated[i] for y in stated[j])


def carries(a: list[int], b: list[int], words: list[set[str]], share: float) -> bool:
    """Every cross pair of groups ``a`` and ``b``: one sentence holds at least ``share`` of
    the other's content words, so either can be cited for the other (the one saying less
    is contained in the one saying more; a sentence on another event of the same story
    shares its names but not its claim)."""
    return all(len(words[i] & words[j]) >= share * min(len(words[i]), len(words[j]))
               for i in a for j in b)


def coverage(facts: tuple[Fact, ...], n_articles: int, share: float) -> tuple[Fact, ...]:
    """The coverage matrix: a row per fact told by several outlets (every fact of a
    one-article story). A row is shown as one sentence of its Fact and cites the
    sentences that state it (:func:`stating`), as a summary line of that sentence does:
    the sentence most outlets state (the fact's common core; the first on ties) is shown,
    first."""
    rows = (max((stating(f, s, share) for s in f.sentences),
                key=lambda row: len({s.source for s in row})) for f in facts)
    out = (Fact(f.id, row) for f, row in zip(facts, rows))
    return tuple(f for f in out if len(f.sources) > 1 or n_articles == 1)


def _fact_id(sentences: list[Sentence]) -> str:
    key = "|".join(f"{s.source}:{s.start}:{s.end}" for s in sentences)
    return content_id(key, prefix="f", length=8)


def is_substantive(sentence: Sentence) -> bool:
    """Long enough to state a fact on its own."""
    return sum(ch.isalnum() for ch in sentence.text) >= _MIN_CHARS

"""The attributed summary: the story's most important facts, one source sentence each.

Salience = cross-outlet support (how many outlets state the fact) + centrality
(similarity to the story as a whole) + an early-position bonus. Selection is
greedy under the word budget with a redundancy bar, and the chosen facts are
ordered by where they tend to appear in the articles, so the summary reads like
a news lead followed by detail.
"""

from __future__ import annotations

import numpy as np

from newsprism.config import Options
from newsprism.model import Citation, Fact, Sentence, SummaryItem

_REDUNDANT = 0.62  # cosine above which a candidate repeats an already chosen sentence


def summarise(
    sentences: list[Sentence],
    vectors: np.ndarray,
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[SummaryItem, ...]:
    """Pick facts under ``options.words`` and cite every outlet that states each.

    Args:
        sentences: all sentences of the story; row i of ``vectors`` embeds sentences[i].
        facts: the aligned groups covering those sentences.
    """
    if not sentences:
        return ()
    row = {(s.source, s.start): i for i, s in enumerate(sentences)}
    centroid = vectors.mean(axis=0)
    n_sources = len({s.source for s in sentences})
    count = {s.source: 0 for s in sentences}
    for s in sentences:
        count[s.source] += 1
    scored = []
    for fact in facts:
        rep = _representative(fact, row, vectors)
        support = len(fact.sources) / n_sources
        central = float(vectors[row[(rep.source, rep.start)]] @ centroid)
        position = np.mean([1 - s.index / max(count[s.source], 1) for s in fact.sentences])
        score = 2.0 * support + central + 0.5 * float(position)
        scored.append((score, fact, rep))
    scored.sort(key=lambda t: (-t[0], t[1].id))
    chosen: list[tuple[Fact, Sentence]] = []
    used = 0
    for _, fact, rep in scored:
        n_words = len(rep.text.split())
        if n_words < 6 or used + n_words > options.words:
            continue
        v = vectors[row[(rep.source, rep.start)]]
        if any(v @ vectors[row[(c.source, c.start)]] > _REDUNDANT for _, c in chosen):
            continue
        chosen.append((fact, rep))
        used += n_words
    chosen.sort(key=lambda fc: _reading_position(fc[0], count))
    return tuple(
        SummaryItem(text=rep.text, citations=_citations(fact, rep), fact=fact.id)
        for fact, rep in chosen
    )


def _representative(fact: Fact, row: dict, vectors: np.ndarray) -> Sentence:
    """The member most similar to the others (ties: the shorter, then the earlier)."""
    if len(fact.sentences) == 1:
        return fact.sentences[0]
    idx = [row[(s.source, s.start)] for s in fact.sentences]
    sub = vectors[idx] @ vectors[idx].T
    best = max(
        range(len(idx)),
        key=lambda k: (round(float(sub[k].sum()), 4), -len(fact.sentences[k].text), -k),
    )
    return fact.sentences[best]


def _reading_position(fact: Fact, count: dict[str, int]) -> float:
    return float(np.mean([s.index / max(count[s.source], 1) for s in fact.sentences]))


def _citations(fact: Fact, rep: Sentence) -> tuple[Citation, ...]:
    first = [Citation.of(rep)]
    return tuple(first + [Citation.of(s) for s in fact.sentences if s is not rep])

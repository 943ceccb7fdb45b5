"""Only in some outlets: the few facts one outlet reports that no other states.

An *outlet* is a name (``Article.name``); its articles may repeat a fact, and the fact
is listed once, with every article that states it. A fact is listed when (1) its aligned
group (strict and loose) holds sentences of one outlet only and it is not in the summary,
(2) it would read as a statement (:mod:`.worth`: not a headline, a bare quotation or a
line that needs what came before), (3) no other outlet states it in the same words
(:mod:`.verify`: checked against every sentence and the whole vocabulary of each other
outlet, not only against the aligned groups), (4) the learned newsworthiness model
(:mod:`.newsworthy`) gives it at least ``Options.exclusive_newsworthy`` and (5) no other
outlet states it in other words (:mod:`.verify`, MiniLM: asked last, of the few facts
left, so the per-outlet cap fills with verified facts). Each outlet's facts are ranked
by newsworthiness times the summary's importance of the sentence; the first
``Options.exclusive_per_outlet`` are ``top``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from newsprism.analyse import summary
from newsprism.analyse.align import is_substantive
from newsprism.analyse.exclusive import newsworthy
from newsprism.analyse.exclusive.verify import Others
from newsprism.analyse.exclusive.worth import worth_showing
from newsprism.config import Options
from newsprism.model import Exclusive, Fact, Sentence, SummaryItem


def exclusives(
    sentences: list[Sentence], vectors: np.ndarray, facts: tuple[Fact, ...],
    loose: tuple[Fact, ...], shown: tuple[SummaryItem, ...], options: Options,
    support: tuple[np.ndarray, float] | None = None,
    outlet_of: Mapping[str, str] | None = None,
) -> tuple[Exclusive, ...]:
    """Verified single-outlet facts, in outlet order, most important first.

    Args:
        sentences: all sentences of the story (source, then position order); row i of
            ``vectors`` (the story's TF-IDF rows) embeds sentences[i].
        facts: strict aligned groups (what citations rest on); ``loose`` the broader
            groups disputes use.
        shown: the summary; its facts are not repeated here.
        support: the alignment's pairwise support scores and the score of the loose
            groups: a sentence scoring that with another outlet's sentence is not
            exclusive, whatever group it ended in.
        outlet_of: the outlet of each article id; without it every article is its own
            outlet.

    Nothing is exclusive in a one-outlet story.
    """
    outlet = [(outlet_of or {}).get(s.source, s.source) for s in sentences]
    order = list(dict.fromkeys(outlet))
    if len(order) < 2:
        return ()
    others = Others(sentences, vectors, outlet, support)
    groups = [g for g in _candidates(sentences, outlet, facts, loose, shown, options)
              if not any(others.state(r, options) for r in g)]
    reps = [g[0] for g in groups]
    worth = newsworthy.probability(
        newsworthy.features(sentences, vectors, facts, reps, outlet, options))
    weight = summary.importance(sentences, vectors, facts, reps, options)
    kept = [(g, float(p * max(w, 0.0))) for g, p, w in zip(groups, worth, weight)
            if p >= options.exclusive_newsworthy]
    elsewhere = others.paraphrased([r for g, _ in kept for r in g], options)
    kept = [k for k in kept if not elsewhere.intersection(k[0])]
    out = []
    for name in order:
        mine = sorted((k for k in kept if outlet[k[0][0]] == name),
                      key=lambda k: (-k[1], k[0][0]))
        for rank, (group, _) in enumerate(mine, start=1):
            s = sentences[group[0]]
            articles = tuple(dict.fromkeys(sentences[r].source for r in group))
            out.append(Exclusive(s.source, s.text, s.start, s.end, rank,
                                 rank <= options.exclusive_per_outlet, name, articles))
    return tuple(out)


def _candidates(sentences: list[Sentence], outlet: list[str], facts: tuple[Fact, ...],
                loose: tuple[Fact, ...], shown: tuple[SummaryItem, ...],
                options: Options) -> list[list[int]]:
    """Each single-outlet fact outside the summary as the rows of its sentences worth
    showing (first the one cited), skipping facts with none."""
    row_of = {(s.source, s.start): i for i, s in enumerate(sentences)}

    def outlets(f: Fact) -> set[str]:
        return {outlet[row_of[(s.source, s.start)]] for s in f.sentences}

    in_summary = {item.fact for item in shown}
    shared = {(s.source, s.start) for f in loose if len(outlets(f)) > 1 for s in f.sentences}
    groups = []
    for f in facts:
        if f.id in in_summary or len(outlets(f)) > 1 \
                or any((s.source, s.start) in shared for s in f.sentences):
            continue
        rows = sorted(row_of[(s.source, s.start)] for s in f.sentences)
        rows = [r for r in rows if sentences[r].kind == "text" and is_substantive(sentences[r])
                and worth_showing(sentences[r].text, options)]
        if rows:
            groups.append(rows)
    return groups

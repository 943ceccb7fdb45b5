"""Only in some outlets: the few facts one outlet reports that no other states.

A sentence is listed when (1) it stands alone in both its strict and its loose aligned
group and is not in the summary, (2) it is worth a reader's time (:mod:`.worth`: a
complete statement, not a bare quotation, a reaction without content or an opener that
needs context) and (3) no other outlet states it in any wording (:mod:`.verify`: checked
against every sentence and the whole vocabulary of each other outlet, not only against
the aligned groups). Each outlet's exclusives are ranked by what the summary knows about
importance (its learned sentence and word models, :func:`summary.importance`); the first
``Options.exclusive_per_outlet`` are ``top``.
"""

from __future__ import annotations

import numpy as np

from newsprism.analyse import summary
from newsprism.analyse.align import is_substantive
from newsprism.analyse.exclusive.verify import Others
from newsprism.analyse.exclusive.worth import worth_showing
from newsprism.config import Options
from newsprism.model import Exclusive, Fact, Sentence, SummaryItem


def exclusives(
    sentences: list[Sentence], vectors: np.ndarray, facts: tuple[Fact, ...],
    loose: tuple[Fact, ...], shown: tuple[SummaryItem, ...], options: Options,
    support: tuple[np.ndarray, float] | None = None,
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

    Nothing is exclusive in a one-source story.
    """
    order = list(dict.fromkeys(s.source for s in sentences))
    if len(order) < 2:
        return ()
    rows = _candidates(sentences, facts, loose, shown, options)
    others = Others(sentences, vectors, support)
    rows = [r for r in rows if not others.state(r, options)]
    score = dict(zip(rows, summary.importance(sentences, vectors, facts, rows, options)))
    out = []
    for source in order:
        mine = sorted((r for r in rows if sentences[r].source == source),
                      key=lambda r: (-score[r], r))
        for rank, r in enumerate(mine, start=1):
            s = sentences[r]
            out.append(Exclusive(s.source, s.text, s.start, s.end, rank,
                                 rank <= options.exclusive_per_outlet))
    return tuple(out)


def _candidates(sentences: list[Sentence], facts: tuple[Fact, ...], loose: tuple[Fact, ...],
                shown: tuple[SummaryItem, ...], options: Options) -> list[int]:
    """Rows of the sentences alone in their strict and loose groups, outside the summary,
    worth showing."""
    in_summary = {item.fact for item in shown}
    shared = {(s.source, s.start) for f in loose if len(f.sources) > 1 for s in f.sentences}
    single = {(f.sentences[0].source, f.sentences[0].start) for f in facts
              if len(f.sources) == 1 and f.id not in in_summary}
    return [row for row, s in enumerate(sentences)
            if (s.source, s.start) in single and (s.source, s.start) not in shared
            and s.kind == "text" and is_substantive(s) and worth_showing(s.text, options)]

"""The learned "stands alone" decision and the citation check (issue 9), on fictional text."""

from __future__ import annotations

import numpy as np

from newsprism.analyse import align
from newsprism.analyse.summary.features import content_words, stating
from newsprism.analyse.summary.standalone import CUES, cues, misread_after, stands_alone
from newsprism.config import Options
from newsprism.model import Fact, Sentence

ARTICLE = [
    "The Karvelian port authority closed the harbour of Tessport on Monday after a tanker "
    "ran aground, officials said.",
    "Harbour master Ilona Vesk said divers would inspect the hull of the Marigold Star.",
    "The board will meet again on Friday.",
    "Vesk said the spill was smaller than feared.",
]


def _sentences(texts: list[str], source: str = "a") -> list[Sentence]:
    out, start = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(source, start, start + len(t), t, i, i))
        start += len(t) + 1
    return out


def _p(k: int, central: frozenset[str] = frozenset({"harbour", "tanker"})) -> float:
    ss = _sentences(ARTICLE)
    return stands_alone(cues(ss[k].text, ss[:k], central))


def test_a_lead_that_names_who_and_what_stands_alone():
    assert _p(0) >= Options().summary_alone_min


def test_an_undefined_the_x_late_in_the_article_does_not():
    # "The board": which board is left to the article; the summary would not say
    assert _p(2) < Options().summary_alone_min < _p(0)


def test_a_surname_given_in_full_earlier_is_a_cue():
    ss = _sentences(ARTICLE)
    row = dict(zip(CUES, cues(ss[3].text, ss[:3], frozenset())))
    assert row["short_name"] == 1.0
    assert dict(zip(CUES, cues(ss[1].text, ss[:1], frozenset())))["short_name"] == 0.0


def test_a_fact_groups_only_sentences_that_carry_each_others_claim():
    a = _sentences(["Rescuers pulled 14 miners alive from the flooded Dorrin pit on Tuesday."])
    b = _sentences(["Fourteen miners were pulled alive from the flooded Dorrin pit on Tuesday "
                    "by rescuers."], "b")
    c = _sentences(["The Dorrin pit had been flooded once before, in a storm on Tuesday a "
                    "decade ago, the owners recalled."], "c")
    flat = a + b + c
    sims = np.full((3, 3), 0.9)
    sims[np.diag_indices(3)] = -1.0
    facts = align.align(flat, sims, 0.5, same_values=True, carried=0.7)
    groups = sorted(sorted(s.source for s in f.sentences) for f in facts)
    assert groups == [["a", "b"], ["c"]]
    words = [content_words(s.text) for s in flat]
    assert align.carries([0], [1], words, 0.7) and not align.carries([0], [2], words, 0.7)


def test_an_outlet_saying_only_part_of_a_line_is_not_cited_for_it():
    (whole,) = _sentences(["The blast at the Orlov depot killed two guards, wounded 21 "
                           "workers and prompted the port authority to suspend all night "
                           "shifts."], "courier")
    (part,) = _sentences(["The blast at the Orlov depot killed two guards and wounded 21 "
                          "workers."], "ledger")
    (same,) = _sentences(["The blast at the Orlov depot killed two guards, wounded 21 "
                          "workers and led the port authority to suspend its night shifts."],
                         "wire")
    fact = Fact("f-blast", (whole, part, same))
    share = Options().citation_states
    # the ledger never says the port suspended its shifts: not cited for that line
    assert stating(fact, whole, share) == (whole, same)
    # what the ledger says, the courier and the wire say too
    assert stating(fact, part, share) == (part, whole, same)


def test_a_line_is_not_placed_where_its_reference_would_be_misread():
    assert misread_after("The team won three titles last year.",
                         "Norvia's team arrived in Tessport on Sunday.")
    assert not misread_after("The team won three titles last year.",
                             "The Karvelian port authority closed the harbour.")
    assert misread_after("He said the divers would return.", "Harbour master Ilona Vesk spoke.")

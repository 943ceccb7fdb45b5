"""Keyed candidates: sentences that no group joins, paired on the counted thing and names."""

from __future__ import annotations

from newsprism.analyse.disputes import find
from newsprism.analyse.disputes.keyed import keyed_groups
from newsprism.config import Options
from newsprism.model import Article
from newsprism.segment import split_sentences

# A fictional story: two outlets word the same fact far apart (a long report sentence and
# a short one), so no embedding group would hold both; neither is passed as a group below.
_HARLOW = ("The Varn Commission published its report on Tuesday. It found that the 1994 "
           "inquiry into the drowning of 16-year-old Ilse Morrow at Ketterby Lock was "
           "marked by neglect.")
_COURIER = ("Ilse Morrow was 19-year-old when she drowned at Ketterby Lock in 1994, the Varn "
            "Commission said. Her family welcomed the findings.")


def _story(a: str, b: str, day_b: str = "2024-05-14"):
    articles = (Article("harlow", "Harlow Post", a, published="2024-05-14"),
                Article("courier", "Ketterby Courier", b, published=day_b))
    return articles, {art.id: split_sentences(art) for art in articles}


def test_an_age_no_group_joins_is_disputed_through_the_names_both_sentences_share():
    articles, sentences = _story(_HARLOW, _COURIER)
    disputes, changes = find(articles, sentences, (), Options())
    assert [(d.about, sorted(v.value for v in d.variants)) for d in disputes] == \
        [("age", ["16-year-old", "19-year-old"])]
    assert changes == ()
    cited = {c.source for d in disputes for v in d.variants for c in v.citations}
    assert cited == {"harlow", "courier"}


def test_an_age_given_to_another_person_is_not_paired():
    other = ("Judge Pell said a 19-year-old witness at Ketterby Lock was never questioned. "
             "The family welcomed the findings.")
    articles, sentences = _story(_HARLOW, other)
    assert keyed_groups(sentences, 2) == ()  # a witness's age, not Ilse Morrow's
    assert find(articles, sentences, (), Options())[0] == ()


def test_sentences_sharing_fewer_names_than_asked_are_not_paired():
    a = "Officials in Varn counted 300 passengers on the ferry."
    b = "The ferry carried 800 passengers, Lindau police said."
    articles, sentences = _story(a, b)
    assert keyed_groups(sentences, 1) == ()


def test_pairing_can_be_turned_off():
    articles, sentences = _story(_HARLOW, _COURIER)
    assert find(articles, sentences, (), Options(dispute_keyed_names=0)) == ((), ())


def test_different_counted_things_are_not_paired():
    a = "The Ketterby Lock ferry of Varn Lines carried 300 passengers after two days of rain."
    b = "Varn Lines says the Ketterby Lock ferry carries 800 cars a day."
    articles, sentences = _story(a, b)
    assert keyed_groups(sentences, 2) == ()  # passengers / cars: different counted things
    assert find(articles, sentences, (), Options()) == ((), ())


_SURVEY = ("The Orvane Health Ministry survey, released in Talsa on Monday after fieldwork in 40 "
           "districts, found that 62% of children under five in the Kessary highlands are stunted.")


def test_a_share_and_an_amount_worded_apart_are_disputed():
    short = ("In the Kessary highlands, 67% of young children are stunted, the Orvane Health "
             "Ministry said.")
    articles, sentences = _story(_SURVEY, short)
    disputes = find(articles, sentences, (), Options())[0]
    assert [sorted(v.value for v in d.variants) for d in disputes] == [["62%", "67%"]]
    long = ("Grellen Power agreed to pay 4.5 million euros to settle the Marsh Creek spill case, "
            "its lawyers said in a statement on Monday.")
    articles, sentences = _story(long, "Grellen Power agreed a 6 million euros settlement of the "
                                 "Marsh Creek case.")
    assert [d.kind for d in find(articles, sentences, (), Options())[0]] == ["amount"]


def test_shares_of_different_things_in_one_place_are_not_disputed():
    for other in ("In the Kessary highlands, 67% of households have no running water, the Orvane "
                  "Health Ministry said.",
                  "The Orvane Health Ministry spends 12% of its budget in the Kessary highlands."):
        articles, sentences = _story(_SURVEY, other)
        assert find(articles, sentences, (), Options()) == ((), ())

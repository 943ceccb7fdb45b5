"""Disputes: real conflicts inside aligned facts and name variants; rewordings are not disputes."""

from __future__ import annotations

from newsprism.analyse.dispute_values import values
from newsprism.analyse.disputed import find_disputes
from newsprism.config import Options
from newsprism.model import Article, Fact
from newsprism.segment import split_sentences
from tests.fixtures.analyse.story import fact_of, story


def pair(a: str, b: str, pub: str = "2022-10-27"):
    articles = (Article("x", "x", a, published=pub), Article("y", "y", b, published=pub))
    sentences = {art.id: split_sentences(art) for art in articles}
    fact = Fact("f", (sentences["x"][0], sentences["y"][0]))
    return find_disputes(articles, sentences, (fact,), (), Options())


def test_count_conflict_is_reported_with_evidence():
    found = pair("The storm killed ten fishermen.", "The storm killed 12 fishermen.")
    assert len(found) == 1 and found[0].kind == "number"
    assert found[0].about == "number of fishermen"
    assert [v.value for v in found[0].variants] == ["ten fishermen", "12 fishermen"]


def test_same_value_written_differently_is_not_a_dispute():
    assert pair("The works took two years.", "The works took 2 years.") == ()
    assert pair("They met on Oct 27.", "They met on Thursday.") == ()
    assert pair("It was the first visit in over a decade.", "It was the first visit since 2010.") == ()
    assert pair("The defence pact was signed.", "The defense pact was signed.") == ()


def test_qualified_numbers_conflict_only_when_ranges_exclude():
    assert pair("More than 50 homes burned.", "About 60 homes burned.") == ()
    assert pair("Fewer than 20 homes burned.", "About 60 homes burned.")


def test_date_conflict_inside_a_fact():
    found = pair("The embassy reopened in 2016.", "The embassy reopened in 2018.")
    assert [d.kind for d in found] == ["date"]


def test_tolls_written_with_the_verb_first_meet_the_noun_form():
    found = pair("The blaze killed 60 and injured 162, police said.",
                 "The blaze left 67 dead and injured 162.")
    assert [d.about for d in found] == ["number of dead"]
    assert [v.value for v in found[0].variants] == ["killed 60", "67 dead"]
    # "injured 47 people" counts people, like "20 people were injured"
    assert pair("Fewer than 20 people were injured in the crash.",
                "The crash injured 47 people.")
    assert pair("The crash killed 3 of them.", "The crash killed 3 of them.") == ()


def test_ages_of_the_same_person_conflict():
    found = pair("The witness, a 23-year-old secretary, saw the gunman.",
                 "The witness, a 32-year-old secretary, saw the gunman.")
    assert [d.about for d in found] == ["age"]
    assert [v.value for v in found[0].variants] == ["23-year-old", "32-year-old"]
    assert not [v for v in values("a 23-year-old secretary", None) if v.kind == "duration"]


def test_values_read_durations_as_ranges():
    (v,) = [v for v in values("for about a decade", None) if v.kind == "duration"]
    assert (v.low, v.high) == (8.0, 12.0)


def test_story_names_and_fact_numbers():
    articles, sentences = story()
    cost = fact_of(sentences, ("gazette", "cost 40"), ("post", "cost 45"))
    found = find_disputes(articles, sentences, (cost,), (), Options())
    kinds = {d.kind: d for d in found}
    assert "euro" in kinds["number"].about
    name = kinds["name"]
    assert {v.value for v in name.variants} == {"Alexandra Kovač", "Alex Kovač"}
    assert all(v.citations for v in name.variants)
    # "three years" / "3 years" in the same fact must not be a dispute
    assert not any(d.kind == "duration" for d in found)

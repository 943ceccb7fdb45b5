"""Only in some outlets: a sentence is exclusive when no other outlet says anything close."""

from __future__ import annotations

from newsprism.analyse.exclusive import exclusives
from newsprism.model import Fact, Sentence

POST = Sentence("post", 0, 58, "The minister visited the crash site in the early afternoon.", 0, 0)
WIRE = Sentence("wire", 0, 55, "In the afternoon the minister travelled to the crash site.", 0, 0)
ONLY = Sentence("wire", 56, 120, "Investigators will examine whether speed played any part here.",
                1, 0)


def test_a_rewording_in_another_outlet_is_not_exclusive():
    strict = (Fact("f1", (POST,)), Fact("f2", (WIRE,)), Fact("f3", (ONLY,)))
    loose = (Fact("g1", (POST, WIRE)), Fact("g2", (ONLY,)))
    found = exclusives(strict, loose, (), ["post", "wire"])
    assert [(e.source, e.text) for e in found] == [("wire", ONLY.text)]


def test_without_loose_groups_every_single_outlet_fact_counts():
    strict = (Fact("f1", (POST,)), Fact("f2", (WIRE,)), Fact("f3", (ONLY,)))
    found = exclusives(strict, (), (), ["post", "wire"])
    assert {e.text for e in found} == {POST.text, WIRE.text, ONLY.text}
    assert exclusives(strict, (), (), ["post"]) == ()  # one source: nothing is exclusive

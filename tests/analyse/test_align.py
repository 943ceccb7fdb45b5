"""Citations that hold (issue 9): outlets share a Fact, and so cite each other, only when
their sentences carry the same claim. Fictional outlets and events."""

from __future__ import annotations

import numpy as np

from newsprism.analyse import align
from newsprism.model import Sentence


def _facts(texts: dict[str, str], published: dict[str, str] | None = None) -> list[list[str]]:
    """The outlets grouped together when every pair is similar enough to align."""
    flat = [Sentence(src, 0, len(text), text, 0, 0) for src, text in texts.items()]
    sims = np.full((len(flat), len(flat)), 0.9)
    sims[np.diag_indices(len(flat))] = -1.0
    facts = align.align(flat, sims, 0.5, same_values=True, carried=0.5, published=published)
    return sorted(sorted(s.source for s in f.sentences) for f in facts)


def test_another_stage_of_the_race_is_not_support():
    assert _facts({
        "a": "Tomas Vell of Team Orvana won stage 13 of the Tour of Karvelia on Friday.",
        "b": "Tomas Vell of Team Orvana won stage 15 of the Tour of Karvelia.",
    }) == [["a"], ["b"]]


def test_another_tremor_is_not_support():
    assert _facts({
        "a": "The second tremor damaged the old bridge at Dunmere.",
        "b": "The first tremor damaged the old bridge at Dunmere.",
    }) == [["a"], ["b"]]


def test_another_figure_is_not_support():
    assert _facts({
        "a": "Pellmark agreed to buy the Ostra shipyard for $4.8 billion.",
        "b": "Pellmark agreed to buy the Ostra shipyard for $3.75 billion.",
    }) == [["a"], ["b"]]


def test_a_weekday_is_read_against_its_own_articles_day():
    same_day = {
        "a": "Minister Ansel Rook promised new rail safety rules on Tuesday.",
        "b": "Minister Ansel Rook promised new rail safety rules today.",
    }
    # a: published Wednesday 25 March, so "Tuesday" is the 24th, b's "today"
    assert _facts(same_day, {"a": "2026-03-25", "b": "2026-03-24"}) == [["a", "b"]]
    # a month earlier the same words are another announcement
    assert _facts(same_day, {"a": "2026-03-25", "b": "2026-02-24"}) == [["a"], ["b"]]


def test_more_detail_is_still_support():
    assert _facts({
        "a": "Minister Ansel Rook flew to Dunmere on Sunday to meet the flood victims.",
        "b": "Minister Ansel Rook flew to Dunmere on Sunday to meet the flood victims and "
             "was expected in Tessport on Monday.",
    }, {"a": "2026-03-01", "b": "2026-03-01"}) == [["a", "b"]]
    assert _facts({
        "a": "Floods cut 40 villages off from Dunmere.",
        "b": "Floods cut 40 villages off from Dunmere, which has 12,000 people.",
    }) == [["a", "b"]]


def test_claims_name_the_numbered_things_not_counts():
    _, named = align.claim("Vell won stage 15, and 15 riders abandoned in the second week.",
                           None)
    assert named == {("stage", 15), ("week", 2)}


def test_the_same_weekday_read_forward_and_back_is_one_day():
    # "expected" makes the date reader look ahead: one "Friday" is read as the next one
    assert _facts({
        "a": "The results were expected since most reformers had been struck off the "
             "ballot before Friday's vote in Karvelia.",
        "b": "The results came as no surprise since most reformers had been struck off the "
             "ballot before Friday's vote in Karvelia.",
    }, {"a": "2026-03-08", "b": "2026-03-08"}) == [["a", "b"]]

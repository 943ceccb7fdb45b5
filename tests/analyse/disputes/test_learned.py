"""The learned dispute decision: stored weights, read without sklearn; words that are no values."""

from __future__ import annotations

import subprocess
import sys

from newsprism.analyse.disputes.values import values
from tests.analyse.disputes.test_find import found, pair
from tests.conftest import ROOT


def test_words_that_name_or_clock_are_not_values():
    def read(text: str) -> list[str]:
        return [v.shown for v in values(text, "2004-12-27")]

    assert read("The report in USA Today said the wave hit at 1852 UTC.") == []
    assert "Saturday" not in read("An essay in the Saturday Evening Post made the case.")
    # a day of a named event, not 27 earthquakes; a count of people named by an adjective is
    assert read("Survivors of the Aug. 27 earthquake met.") == ["Aug. 27"]
    assert read("The blaze left 67 dead.") == ["67 dead"]
    assert read("The storm killed ten fishermen.") == ["ten fishermen"]


def test_number_words_are_read_whole():
    def read(text: str) -> list[tuple[str, float]]:
        return [(v.shown, v.low) for v in values(text, "1999-06-30")]

    # "Twenty-two states" is 22, never "two states" after the hyphen
    assert read("Twenty-two states now cover the offence.") == [("Twenty-two states", 22.0)]
    assert read("Sixty villagers fled the valley.") == [("Sixty villagers", 60.0)]
    assert read("Rescuers found twenty one survivors.") == [("twenty one survivors", 21.0)]
    assert read("Only two states object.") == [("two states", 2.0)]


def test_datelines_and_leads_of_different_stories_are_not_set_against_each_other():
    assert pair("GENEVA (Reuters) - Talks on the new trade pact opened on Monday.",
                "GENEVA (Reuters) - The aid agency said on Tuesday it would send 40 doctors.") == ()


def test_a_clear_conflict_in_a_wire_story_is_still_found():
    (dispute,) = pair("BRAMWELL (Vastor News) - A gas blast at a Bramwell depot injured 31 workers, "
                      "the fire service said.",
                      "A gas blast at a Bramwell depot injured 13 workers, the fire service said.")
    assert sorted(v.value for v in dispute.variants) == ["13 workers", "31 workers"]


def test_the_decision_runs_without_sklearn():
    code = ("import sys; from tests.analyse.disputes.test_find import pair; "
            "pair('The storm killed ten fishermen.', 'The storm killed 12 fishermen.'); "
            "assert 'sklearn' not in sys.modules")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", "PATH": ""})
    assert run.returncode == 0, run.stderr


def test_an_unchanged_figure_is_no_change():
    disputes, changes = found("Seven people are still missing, the coast guard said.",
                              "Seven people are still missing, the coast guard said.",
                              "2025-06-11", "2025-06-12")
    assert disputes == () and changes == ()

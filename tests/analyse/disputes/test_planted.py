"""Fictional stories with planted conflicts and traps, through the real pipeline.

``tests/fixtures/planted/expected.json`` lists per story the disputes (kind and
values) and changes planted in it, and the traps that must not be shown as
disputes; the trust benchmark reads the same files for dispute recall.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.pipeline.digest import digest
from newsprism.render.markdown import render_markdown
from tests.conftest import assert_traceable

PLANTED = Path(__file__).resolve().parents[2] / "fixtures" / "planted"
EXPECTED = json.loads((PLANTED / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def story(request):
    b = digest([str(PLANTED / f"{request.param}.jsonl")], embedder="tfidf")
    return request.param, b


def test_every_planted_dispute_and_nothing_else_is_shown(story):
    name, b = story
    shown = sorted((d.kind, [v.value for v in d.variants]) for d in b.disputed)
    wanted = sorted((d["kind"], d["values"]) for d in EXPECTED[name]["disputes"])
    assert shown == wanted
    assert_traceable(b)
    for d in b.disputed:  # each variant shows its value as its first sentence words it
        for v in d.variants:
            c = v.citations[0]
            assert v.value in b.source(c.source).text[c.start:c.end]


def test_figures_that_moved_between_reports_are_changes_in_time_order(story):
    name, b = story
    shown = [[r.value for r in c.reports] for c in b.changed]
    assert shown == [c["values"] for c in EXPECTED[name]["changed"]]
    for c in b.changed:
        times = [r.published for r in c.reports]
        assert times == sorted(times) and len(set(times)) > 1


def test_name_forms_are_spellings_never_disputes(story):
    _, b = story
    assert not [d for d in b.disputed if d.kind == "name"]
    for e in b.entities:
        for sp in e.spellings:
            assert sp.sources and all(sp.text in b.source(s).text for s in sp.sources)


def test_rail_strike_names_are_spelled_per_outlet():
    b = digest([str(PLANTED / "tarrow_rail.jsonl")], embedder="tfidf")
    harlan = next(e for e in b.entities if e.name.endswith("Harlan"))
    spelled = {sp.text: [b.source(s).name for s in sp.sources] for sp in harlan.spellings}
    assert spelled == {"Benny Harlan": ["Dunmore Echo", "Ashcombe Journal"],
                       "Benjamin Harlan": ["Glenbrook Standard"]}
    data = b.to_dict()
    assert data["schema"] == "newsprism.briefing/2"
    row = next(e for e in data["entities"] if e["name"] == harlan.name)
    assert {"text": "Benjamin Harlan", "sources": [harlan.spellings[1].sources[0]]} in \
        row["spellings"]


def test_changes_in_json_and_markdown_with_report_times():
    b = digest([str(PLANTED / "selka_ferry.jsonl")], embedder="tfidf")
    changed = b.to_dict()["changed"]
    missing = next(c for c in changed if c["reports"][0]["value"] == "Twelve people")
    assert [r["published"] for r in missing["reports"]] == ["2025-06-11 08:00",
                                                            "2025-06-11 18:30"]
    md = render_markdown(b)
    assert "## Changed" in md and "**40 people** (2025-06-10: " in md


@pytest.mark.slow
def test_minilm_finds_the_same(story):
    """The default embedder shows the same disputes and changes as TF-IDF here."""
    name, _ = story
    b = digest([str(PLANTED / f"{name}.jsonl")])
    shown = sorted((d.kind, [v.value for v in d.variants]) for d in b.disputed)
    assert shown == sorted((d["kind"], d["values"]) for d in EXPECTED[name]["disputes"])
    assert [[r.value for r in c.reports] for c in b.changed] == \
        [c["values"] for c in EXPECTED[name]["changed"]]

"""Smoke runs of build_speed, update_summary, search_cost, train_newsworthy, trim_audit and
entity_quality: each on a few items, writing nothing into the repository (seconds each;
build_speed about ten)."""

from __future__ import annotations

import json
from pathlib import Path

from .test_smoke import ROOT, WIRE, needs_shared, run


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


@needs_shared
def test_build_speed_on_three_articles_writes_nothing() -> None:
    results = ROOT / "benchmarks" / "results" / "build_speed.md"
    before = _bytes(results)
    out = run("build_speed.py", "--articles", "3", "--repeat", "1", "--no-write")
    assert "3 DUC 2006 articles in one story" in out
    for step in ("| first build (2 articles) |", "first view of the built story, page",
                 "| rebuild after 1 new article |", "| baseline: rebuild from scratch (3) |"):
        assert step in out
    assert _bytes(results) == before


@needs_shared
def test_update_summary_on_two_topics_writes_nothing() -> None:
    results = ROOT / "benchmarks" / "results" / "update_summary.md"
    before = _bytes(results)
    out = run("update_summary.py", "--limit", "2", "--grid", "0.84", "--no-write")
    assert "## tuning half (2 sets), " in out
    assert "## report half (2 sets)" in out and "| LexRank of the new set |" in out
    assert _bytes(results) == before


def test_search_cost_on_fictional_clusters(tmp_path: Path) -> None:
    data = tmp_path / "clusters.jsonl"
    clusters: dict[str, list[dict]] = {}
    for record in WIRE:
        clusters.setdefault(record["cluster"], []).append({"text": record["text"]})
    data.write_text("".join(json.dumps({"id": cid, "documents": docs}) + "\n"
                            for cid, docs in clusters.items()), encoding="utf-8")
    out = run("search_cost.py", "--data", str(data), "--docs", "3", "--long-lines", "40")
    assert out.startswith("3 DUC 2003 articles + one article of 1280 words")
    assert "| 'word0' x 25 (long article) |" in out and "refused" in out
    assert "1280 matches" in out


@needs_shared
def test_train_newsworthy_on_three_stories_writes_no_model() -> None:
    model = ROOT / "src" / "newsprism" / "analyse" / "exclusive" / "newsworthy.json"
    before = _bytes(model)
    out = run("train_newsworthy.py", "--limit", "3")
    assert "story-grouped 5-fold CV AUC" in out and "coefficients (standardised)" in out
    assert "wrote" not in out and _bytes(model) == before


@needs_shared
def test_trim_audit_on_two_stories_writes_nothing() -> None:
    judged = ROOT / "benchmarks" / "data" / "trim_judged.jsonl"
    before = _bytes(judged)
    out = run("trim_audit.py", "--limit", "2")
    assert out.startswith("2 stories, ")
    for kind in ("attribution", "dateline", "relative"):
        assert f"\n{kind}" in out or out.startswith(kind)
    assert _bytes(judged) == before


@needs_shared
def test_entity_quality_on_the_seeds_story() -> None:
    out = run("entity_quality.py", "--half", "tune", "--limit", "1")
    assert "| tune |" in out and "| unlabelled |" in out

"""`newsprism digest` through the real entry point: outputs, stdin, and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE_A = """Velmora council approves ferry contract

The Harbour Council of Velmora approved the new ferry contract on Tuesday.
The contract is worth 42 million crowns over ten years.
"""
ARTICLE_B = """Velmora's harbour council voted on Tuesday to approve the ferry contract.
The deal is valued at 45 million crowns across a decade.
"""


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
    )


def test_digest_writes_each_format(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    for ext in ("json", "md", "html"):
        out = tmp_path / f"brief.{ext}"
        r = run("digest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                "--embedder", "tfidf", "-o", str(out))
        assert r.returncode == 0, r.stderr
        assert out.exists() and str(out) in r.stderr
    data = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert data["schema"] == "newsprism.briefing/2"
    for item in data["summary"]:
        for c in item["citations"]:
            text = next(s["text"] for s in data["story"]["sources"] if s["id"] == c["source"])
            assert 0 <= c["start"] < c["end"] <= len(text)


def test_digest_reads_stdin_and_prints_markdown():
    r = run("digest", "-", "--embedder", "tfidf", stdin=ARTICLE_A)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# ")
    assert "42 million" in r.stdout


def test_unknown_output_extension_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    r = run("digest", str(tmp_path / "a.txt"), "-o", str(tmp_path / "x.pdf"))
    assert r.returncode != 0
    assert "x.pdf" in r.stderr and "Traceback" not in r.stderr


def test_two_stories_give_an_index_and_one_briefing_each(tmp_path, examples):
    (tmp_path / "ferry-a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "ferry-b.txt").write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "out" / "brief.json"
    r = run("digest", str(examples), str(tmp_path / "ferry-a.txt"), str(tmp_path / "ferry-b.txt"),
            "--embedder", "tfidf", "-o", str(out))
    assert r.returncode == 0, r.stderr
    index = json.loads(out.read_text(encoding="utf-8"))
    assert index["schema"] == "newsprism.index/1"
    assert len(index["stories"]) == 2
    sizes = sorted(len(s["sources"]) for s in index["stories"])
    assert sizes == [2, len([p for p in examples.iterdir() if p.suffix != ".md"])]
    for story in index["stories"]:
        data = json.loads((out.parent / story["file"]).read_text(encoding="utf-8"))
        assert data["schema"] == "newsprism.briefing/2"


def test_installed_console_script_runs():
    script = Path(sys.executable).with_name("newsprism")
    if not script.exists():
        pytest.skip("the console script is not installed next to this Python")
    r = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    for command in ("digest", "eval", "ingest", "stories", "show", "search", "serve", "batch"):
        assert command in r.stdout

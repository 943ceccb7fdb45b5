"""``newsprism eval`` end to end on the fictional 3-cluster fixture."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli

pytest.importorskip("rouge_score")
pytest.importorskip("sumy")

FIXTURE = str(Path(__file__).parents[1] / "fixtures" / "eval" / "tiny_mds.jsonl")


def test_eval_json_report():
    result = CliRunner().invoke(
        cli, ["eval", FIXTURE, "--embedder", "tfidf", "--baselines", "lead,lexrank", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["clusters"] == 3 and report["words"] == 100
    assert list(report["systems"]) == ["newsprism", "lead", "lexrank"]
    ours = report["systems"]["newsprism"]
    assert 0 < ours["mean"]["r1_recall"] <= 100
    low, mean, high = (ours[k]["r2_recall"] for k in ("ci95_low", "mean", "ci95_high"))
    assert low <= mean <= high
    assert ours["seconds_per_cluster"] >= 0


def test_eval_table_with_words_and_limit():
    result = CliRunner().invoke(
        cli, ["eval", FIXTURE, "--embedder", "tfidf", "--baselines", "none", "--words", "20",
              "--limit", "2", "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert "2 clusters · 20 words" in lines[0]
    assert lines[2].startswith("newsprism")
    assert len(lines) == 3


def test_errors_are_one_line_and_exit_1(tmp_path):
    missing = tmp_path / "missing.jsonl"
    proc = subprocess.run([sys.executable, "-m", "newsprism", "eval", str(missing)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"newsprism: error: {missing}: file not found"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newsprism", "eval", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and f"{bad}:1:" in proc.stderr


def test_unknown_baseline_is_a_clean_error():
    proc = subprocess.run([sys.executable, "-m", "newsprism", "eval", FIXTURE,
                           "--baselines", "oracle"], capture_output=True, text=True)
    assert proc.returncode == 1 and "unknown baseline(s) oracle" in proc.stderr

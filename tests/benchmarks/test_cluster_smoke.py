"""Smoke runs of the clustering benchmarks on a tiny fictional data folder (seconds in all),
so a refactor of a reader or the clusterer cannot break a benchmark script silently."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "fixtures" / "eval" / "tiny_clusters.jsonl"
FILES = ("duc2003_tdt_event_clusters.jsonl", "duc2006_topic_clusters.jsonl",
         "duc2007_topic_clusters.jsonl", "multiling2011_en_clusters.jsonl")


@pytest.fixture
def tiny_data(tmp_path: Path) -> Path:
    """A data folder shaped like ``shared/data/clustering`` holding the fictional fixture."""
    for name in FILES:
        shutil.copy(TINY, tmp_path / name)
    return tmp_path


def run_script(name: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), *args],
                          capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_cluster_quality_scores_every_set(tiny_data: Path) -> None:
    out = run_script("cluster_quality.py", "--data", str(tiny_data))
    for row in ("duc2003_tdt_events", "duc2003_even", "duc2003_odd", "mixed_all"):
        assert row in out
    assert "Traceback" not in out


def test_cluster_quality_training_rows_skip_the_held_out_half(tiny_data: Path) -> None:
    out = run_script("cluster_quality.py", "--data", str(tiny_data), "--training")
    assert "duc2003_even" in out and "mixed_all" in out
    assert "duc2003_odd" not in out and "duc2003_tdt_events" not in out


def test_cluster_quality_error_causes_cover_the_training_sets_only(tiny_data: Path) -> None:
    out = run_script("cluster_quality.py", "--data", str(tiny_data), "--errors")
    assert "duc2003_even" in out and "first=" in out
    assert "duc2003_odd" not in out


def test_cluster_scale_streams_a_small_run(tiny_data: Path, tmp_path: Path) -> None:
    out = run_script("cluster_scale.py", "--data", str(tiny_data), "--n", "60",
                     "--db", str(tmp_path / "scale.db"))
    assert "60 articles stored" in out
    assert "B-cubed vs generated gold" in out


def test_cluster_scale_checks_a_rerun_forms_the_same_stories(tiny_data: Path,
                                                             tmp_path: Path) -> None:
    args = ("--data", str(tiny_data), "--n", "40")
    run_script("cluster_scale.py", *args, "--db", str(tmp_path / "old.db"))
    out = run_script("cluster_scale.py", *args, "--same-as", str(tmp_path / "old.db"))
    assert "same stories and copies as" in out and ": yes" in out


def test_benchmarks_skip_without_data(tmp_path: Path) -> None:
    for name in ("cluster_quality.py", "cluster_scale.py"):
        assert "SKIP" in run_script(name, "--data", str(tmp_path))

"""`newsprism batch` through the real CLI: files written, bad input reported, clean failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pipeline.test_batch import write_ferry_archive

pytest.importorskip("dask.distributed")


def batch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", "batch", "--embedder", "tfidf", *args],
        capture_output=True, text=True, timeout=300,
    )


def test_bad_line_reported_rest_written_exit_non_zero(examples, tmp_path):
    archive = write_ferry_archive(tmp_path, bad_line=True)
    out = tmp_path / "out"
    result = batch(str(examples), str(archive), "--out", str(out), "--workers", "2")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "skipped" in result.stderr and "ferry.jsonl:2: invalid JSON" in result.stderr
    assert f"index: {out / 'index.json'}" in result.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    files = [s["file"] for s in index["stories"]]
    assert len(files) == 2 and all((out / f).is_file() for f in files)
    assert result.stdout == ""


def test_unwritable_out_is_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = batch("examples", "--out", str(blocker / "out"), "--quiet")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the output folder" in lines[0], result.stderr


def test_workers_with_scheduler_is_a_usage_error(tmp_path):
    result = batch("examples", "--out", str(tmp_path), "--workers", "2",
                   "--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2 and "either --workers or --scheduler" in result.stderr


def test_help_names_the_options():
    from click.testing import CliRunner

    from newsprism.cli.batch import batch as command

    text = CliRunner().invoke(command, ["--help"]).output
    for option in ("--out", "--workers", "--scheduler", "--format", "--min-sources", "--quiet"):
        assert option in text


def test_quiet_run_writes_nothing_on_stderr(examples, tmp_path):
    result = batch(str(examples), "--out", str(tmp_path / "q"), "--workers", "1", "--quiet",
                   "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.suffix for p in (tmp_path / "q").iterdir()) == [".md", ".md"]
    assert "](story-s" in Path(tmp_path / "q" / "index.md").read_text(encoding="utf-8")

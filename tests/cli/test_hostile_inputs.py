"""Hostile inputs through the CLI (issue 13): each is one named line on stderr, never a
traceback, and the good inputs of the same run are still processed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.cli import main

GOOD = """Harbour council approves ferry contract

The Harbour Council of Velmora approved the new ferry contract on Tuesday.
The contract is worth 42 million crowns over ten years, officials said.
"""
RECORD = {"text": "The Sellvik library reopened on Friday after a year of repairs, the "
                  "town said. Readers queued before the doors opened.", "source": "Lenk Post"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def stderr_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def test_deeply_nested_json_is_named_and_the_good_file_still_digested(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text(json.dumps(RECORD) + "\n" + "[" * 100_000 + "\n")
    (tmp_path / "good.txt").write_text(GOOD)
    result = run("digest", str(tmp_path), "--embedder", "tfidf", "--json", "--one-story")
    lines = stderr_lines(result)
    assert result.returncode == 1
    assert any("deep.json:" in line and "nested too deeply" in line for line in lines)
    assert any("deep.jsonl:2:" in line and "nested too deeply" in line for line in lines)
    briefing = json.loads(result.stdout)
    assert {s["name"] for s in briefing["story"]["sources"]} >= {"Good", "Lenk Post"}


def test_a_folder_nested_1500_deep_is_read(tmp_path):
    deep = tmp_path / "top"
    folders = [str(deep)]
    for _ in range(1500):  # os.makedirs (and shutil.rmtree) recurse too deep for this
        folders.append(folders[-1] + "/d")
    for folder in folders:
        os.mkdir(folder)
    story = Path(folders[-1], "story.txt")
    story.write_text(GOOD)
    try:
        result = run("digest", str(deep), "--embedder", "tfidf", "--json")
    finally:  # pytest's own clean-up could not remove it
        story.unlink()
        for folder in reversed(folders):
            os.rmdir(folder)
    stderr_lines(result)
    assert result.returncode == 0
    assert "ferry contract" in result.stdout


def test_the_size_cap_applies_per_record_not_per_archive(tmp_path):
    archive = tmp_path / "archive.jsonl"
    padding = " Readers queued before the doors opened." * 200  # ~8 KB per record
    records = [dict(RECORD, text=RECORD["text"] + padding, id=str(i)) for i in range(700)]
    records.append(dict(RECORD, text="x " * 3_000_000))  # one record over 5 MB
    archive.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    assert archive.stat().st_size > 5_000_000
    result = run("ingest", "--db", str(tmp_path / "c.db"), str(archive), "--json")
    lines = stderr_lines(result)
    assert result.returncode == 1
    assert [line for line in lines if "skipped" in line] == [
        f"newsprism: skipped {archive}:701: record is 6.0 MB, over the 5 MB size limit per "
        "record (raise max_bytes to read it)"]


def test_file_names_are_echoed_on_one_line_with_escapes_shown(tmp_path):
    bad = tmp_path / "evil\x1b[31mred\nname.json"
    bad.write_text("{not json")
    result = run("digest", str(bad))
    lines = stderr_lines(result)
    assert "\x1b" not in result.stderr
    assert len(lines) == 1, lines  # printed once, as the error: not also as "skipped"
    assert lines[0].startswith("newsprism: error: ") and "evil\\x1b[31mred\\nname.json" in lines[0]


@pytest.fixture
def read_only_store(tmp_path, monkeypatch):
    """A store that SQLite opens read-only (as a file on a read-only disk would be;
    file permissions do not stop root, which tests may run as)."""
    db = tmp_path / "c.db"
    (tmp_path / "one.txt").write_text(GOOD)
    assert run("ingest", "--db", str(db), str(tmp_path / "one.txt")).returncode == 0
    connect = sqlite3.connect

    def read_only(path, *args, **kwargs):
        return connect(f"file:{path}?mode=ro", *args, **{**kwargs, "uri": True})

    monkeypatch.setattr(sqlite3, "connect", read_only)
    return db


def cli_lines(capsys, *args: str) -> tuple[int, list[str]]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return int(exit_.value.code or 0), err.splitlines()


def test_ingest_into_a_read_only_store_is_one_line(read_only_store, tmp_path, capsys):
    (tmp_path / "two.json").write_text(json.dumps(RECORD))
    code, lines = cli_lines(capsys, "ingest", "--db", str(read_only_store),
                            str(tmp_path / "two.json"))
    assert code == 1 and len(lines) == 1 and "readonly database" in lines[0], lines


def test_show_from_a_read_only_store_is_one_line(read_only_store, capsys):
    story = json.loads(run("stories", "--db", str(read_only_store), "--json").stdout)
    story_id = (story[0] if isinstance(story, list) else story["stories"][0])["id"]
    code, lines = cli_lines(capsys, "show", story_id, "--db", str(read_only_store))
    assert code in (0, 1) and all(line.startswith("newsprism:") for line in lines), lines

"""`ingest`, `stories`, `show`, `search` through click's runner, and a SIGKILL mid-batch."""

from __future__ import annotations

import importlib.util  # noqa: F401  (the lazy CLI group needs it loaded; see report)
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.errors import ConfigError
from tests.conftest import stored_articles

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write_stories(folder: Path) -> Path:
    """Two small invented stories in plain-text files (title on the first line)."""
    folder.mkdir()
    texts = {
        "a1.txt": "Dam bursts above Kelmora\nThe Kelmora dam burst on Monday, flooding the "
                  "valley villages of Kelmora and Tusk. Engineers said the Kelmora dam had "
                  "cracked in March.",
        "a2.txt": "Kelmora flood forces thousands out\nFlood water from the burst Kelmora dam "
                  "forced thousands from Tusk and Kelmora villages on Monday, engineers said.",
        "b1.txt": "Orvane wins chess crown\nGrandmaster Lida Orvane won the Sellvik chess "
                  "championship on Monday after a long final game against Piet Haro.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ingest_then_list_show_and_search(tmp_path: Path) -> None:
    db = str(tmp_path / "np.db")
    code, out, _ = run("ingest", str(write_stories(tmp_path / "in")), "--db", db, "--json")
    assert code == 0
    changed = json.loads(out)
    assert changed["added"] == 3 and len(changed["stories_created"]) == 2
    code, out, _ = run("ingest", str(tmp_path / "in"), "--db", db)
    assert code == 0 and "0 new article(s), 3 duplicate(s) skipped" in out
    code, out, _ = run("stories", "--db", db, "--json")
    stories = json.loads(out)["stories"]
    assert sorted(s["articles"] for s in stories) == [1, 2]
    assert all("record_id" in m and "url" in m for s in stories for m in s["members"])
    kelmora = next(s for s in stories if s["articles"] == 2)
    code, out, _ = run("show", kelmora["id"], "--db", db, "--json", "--embedder", "tfidf")
    assert code == 0 and json.loads(out)["schema"] == "newsprism.briefing/2"
    code, out, _ = run("search", "kelmora", "--db", db, "--json")
    assert {r["story_id"] for r in json.loads(out)["results"]} == {kelmora["id"]}


def test_stories_since_filters_and_checks_the_date(tmp_path: Path) -> None:
    db = str(tmp_path / "np.db")
    run("ingest", str(write_stories(tmp_path / "in")), "--db", db, "-q")
    (tmp_path / "late.txt").write_text("Late news\nA later report on other things entirely.")
    code, _, _ = run("ingest", str(tmp_path / "late.txt"), "--db", db, "-q")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        run("stories", "--db", db, "--since", "yesterday")
    code, out, _ = run("stories", "--db", db, "--since", "2999-01-01", "--json")
    assert code == 0 and json.loads(out)["stories"] == []


def test_environment_variable_names_the_store(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env.db"))
    run("ingest", str(write_stories(tmp_path / "in")), "-q")
    assert (tmp_path / "env.db").exists()


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not in this checkout")
def test_examples_and_seeds_make_two_stories(tmp_path: Path) -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    db = str(tmp_path / "np.db")
    code, _, _ = run("ingest", str(EXAMPLES), str(seeds), "--db", db, "-q")
    assert code == 0
    code, out, _ = run("stories", "--db", db, "--json")
    assert sorted(s["articles"] for s in json.loads(out)["stories"]) == [5, 5]


# ------------------------------------------------------------------ crash safety
WORDS = [f"w{i}" for i in range(400)]


def write_stream(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            topic = i % 40
            words = [f"topic{topic}name"] * 5 + rng.sample(WORDS, 60)
            fh.write(json.dumps({"id": f"rec{i}", "url": f"https://n.example/{i}",
                                 "source": f"Outlet {i % 7}", "title": f"Story {topic} item {i}",
                                 "published": f"2024-01-{1 + (i * 28) // n:02d}",
                                 "text": " ".join(words) + "."}) + "\n")


def ingest_process(stream: Path, db: Path) -> subprocess.Popen[bytes]:
    code = "import importlib.util, sys; from newsprism.cli import main; main(sys.argv[1:])"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", str(stream), "--db", str(db),
                             "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_mid_batch_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    n = 3000
    stream, db = tmp_path / "stream.jsonl", tmp_path / "np.db"
    write_stream(stream, n)
    proc = ingest_process(stream, db)
    deadline = time.monotonic() + 60
    while stored_articles(db) < 200 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = stored_articles(db)
    assert 0 < killed_at < n, "the ingest finished before it could be killed: grow the stream"
    check_consistent(db)
    proc = ingest_process(stream, db)
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    assert stored_articles(db) == n
    check_consistent(db)


def check_consistent(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in con.execute("SELECT record_id FROM articles")]
        assert len(ids) == len(set(ids))
        orphans = con.execute("SELECT count(*) FROM articles a LEFT JOIN stories s "
                              "ON s.id = a.story_id WHERE s.id IS NULL").fetchone()[0]
        assert orphans == 0
        sizes = con.execute("SELECT coalesce(sum(size), 0) FROM stories").fetchone()[0]
        assert sizes == len(ids)
        fts = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == len(ids)


@pytest.mark.parametrize("args", [["stories"], ["show", "s0123456789"], ["search", "dam"],
                                  ["serve", "--port", "8765"]])
def test_read_only_commands_never_create_a_store(tmp_path: Path, capsys, args) -> None:
    from newsprism.cli import main

    db = tmp_path / "nowhere" / "np.db"
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--db", str(db)])
    err = capsys.readouterr().err.strip()
    assert exit_.value.code != 0
    assert err.count("\n") == 0 and str(db) in err and "run newsprism ingest first" in err
    assert not db.exists() and not db.parent.exists()

"""Restarts and concurrent writers (issue 13, defects 4 and 8): an ingest killed with SIGKILL
and run again forms the same stories as one uninterrupted run; two ingests at once add up."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from newsprism.cluster import ClusterConfig
from newsprism.config import Options
from newsprism.pipeline.check import check_store
from newsprism.pipeline.collection import ingest_articles, ingest_inputs
from newsprism.store import Store
from tests.conftest import stored_articles
from tests.store.streams import articles, records

SRC = Path(__file__).resolve().parents[2] / "src"


def write(path: Path, rows: list[dict[str, str | None]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def stories(db: Path) -> dict[str, list[str]]:
    """Story id -> its articles' content keys, as stored."""
    with sqlite3.connect(db) as con:
        out: dict[str, list[str]] = {}
        for sid, key in con.execute("SELECT story_id, id FROM articles ORDER BY seq"):
            out.setdefault(sid, []).append(key)
        return out


def assert_clean(db: Path) -> None:
    with Store(db) as store:
        report = check_store(store, ClusterConfig())
    assert report.clean, [p.line() for p in report.found]


def test_killed_and_resumed_ingest_forms_the_stories_of_one_run(tmp_path: Path) -> None:
    stream = write(tmp_path / "stream.jsonl", records(260, seed=21))
    with Store(tmp_path / "once.db") as store:
        ingest_inputs([str(stream)], store, Options())
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen([sys.executable, "-m", "newsprism", "ingest", str(stream), "--db",
                             str(db), "-q"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored_articles(db) < 60 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored_articles(db) < stored_articles(tmp_path / "once.db"), \
        "not killed mid-ingest: grow the stream"
    assert_clean(db)
    with Store(db) as store:
        ingest_inputs([str(stream)], store, Options())
    assert stories(db) == stories(tmp_path / "once.db")
    assert_clean(db)


def _placements(db: Path) -> dict[str, list[tuple[str, str | None]]]:
    with sqlite3.connect(db) as con:
        out: dict[str, list[tuple[str, str | None]]] = {}
        for sid, key, dup in con.execute(
                "SELECT story_id, id, duplicate_of FROM articles ORDER BY seq"):
            out.setdefault(sid, []).append((key, dup))
        return out


def test_resumed_at_any_article_forms_the_stories_of_one_run(tmp_path: Path) -> None:
    # every chunk is a new run on the store (a restart), cut anywhere inside a batch
    stream = articles(records(250, seed=4))
    with Store(tmp_path / "once.db") as store:
        ingest_articles(stream, store)
    rng, i = random.Random(4), 0
    while i < len(stream):
        j = i + rng.randint(1, 30)
        with Store(tmp_path / "resumed.db") as store:
            ingest_articles(stream[i:j], store)
        i = j
    assert _placements(tmp_path / "resumed.db") == _placements(tmp_path / "once.db")


def _ingest(db: str, rows: list[dict[str, str | None]], start: Any) -> None:
    batch = articles(rows)
    with Store(db) as store:
        start.wait()  # both processes ready: their batches interleave
        ingest_articles(batch, store, batch=10)


def test_two_concurrent_ingests_add_up(tmp_path: Path) -> None:
    # the same stream twice, each process from a different end: every story is
    # written by both, which is where updates were lost (sizes, n_docs)
    rows = records(160, seed=8)
    db = tmp_path / "np.db"
    Store(db).close()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    workers = [ctx.Process(target=_ingest, args=(str(db), part, start))
               for part in (rows, rows[::-1])]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    with Store(db) as store:
        n = store.count("articles")
        assert n == len({(r["source"], r["text"]) for r in rows})
        assert store.term_counts()[0] == n
        assert sum(r["articles"] for r in store.stories(limit=10_000)) == n
    assert_clean(db)


def _years_later() -> tuple[Any, str]:
    """A clusterer holding a 2001 story that a 2009 article left behind (not open)."""
    from newsprism.cluster import StoryClusterer

    live = StoryClusterer()
    old = live.add("a1", "Kelmora dam bursts", "The Kelmora dam burst on Monday, flooding the "
                   "valley villages of Kelmora and Tusk. Engineers said the Kelmora dam had "
                   "cracked in March.", "2001-03-05").story
    live.add("b1", "Orvane wins chess crown", "Grandmaster Lida Orvane won the Sellvik chess "
             "crown on Sunday after a long final game against the defending champion.",
             "2009-06-01")
    live.drain()
    assert old in live.stories  # still in memory: nothing newer has closed it yet
    return live, old


FLOOD = ("Kelmora flood forces thousands out", "Flood water from the burst Kelmora dam forced "
         "thousands from Tusk and Kelmora villages on Monday, engineers said.")


def test_an_undated_article_meets_the_open_stories_and_those_recalled_for_it() -> None:
    # what a run happens to hold in memory must not decide: a resumed run would not hold it
    live, old = _years_later()
    live.recall([])  # the store's full-text search found nothing for this article
    assert live.add("a2", *FLOOD, None).story != old
    live, old = _years_later()
    live.recall([old])  # it found the old story
    assert live.add("a2", *FLOOD, None).story == old
    live, old = _years_later()  # no store (digest, eval): memory holds every story
    assert live.add("a2", *FLOOD, None).story == old

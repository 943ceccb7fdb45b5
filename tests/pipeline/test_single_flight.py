"""One uncached briefing is built once however many requests want it (issue 13, defect 9)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from newsprism.config import Options
from newsprism.model import Article
from newsprism.pipeline import build
from newsprism.pipeline.collection import ingest_articles
from newsprism.store import Store

FERRY = [
    Article(id="x", name="Vellmark Post", title="Ferry runs aground off Vellmark",
            text="The ferry Aldis ran aground off Vellmark on Tuesday with 80 passengers on "
                 "board. Coastguard crews took everyone ashore by noon, the harbour master said.",
            published="2031-04-01"),
    Article(id="x", name="Coast Radio", title="Aldis ferry aground near Vellmark",
            text="All 80 passengers of the ferry Aldis were brought ashore after it ran aground "
                 "near Vellmark on Tuesday, the harbour master said.", published="2031-04-01"),
]


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "np.db"
    with Store(db) as store:
        ingest_articles(FERRY, store)
        (row,) = store.stories()
    return db, row["id"]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the analyses, each slow enough for the others to arrive meanwhile."""
    calls: list[int] = []
    real = build.brief

    def counted(articles, options):  # type: ignore[no-untyped-def]
        calls.append(1)
        time.sleep(0.3)
        return real(articles, options)

    monkeypatch.setattr(build, "brief", counted)
    return calls


def _together(n: int, work) -> list[object]:  # type: ignore[no-untyped-def]
    """Run ``work(i)`` in ``n`` threads started at once; their results in order."""
    results: list[object] = [None] * n
    start = threading.Barrier(n)

    def run(i: int) -> None:
        start.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_concurrent_requests_build_a_briefing_once(story, builds) -> None:  # type: ignore[no-untyped-def]
    db, sid = story
    options = Options(embedder="tfidf")

    def request(i: int) -> object:
        with Store(db) as store:  # one connection per request, as the web app has
            return build.story_briefing(store, sid, options).to_dict()

    results = _together(6, request)
    assert len(builds) == 1
    assert all(r == results[0] for r in results)


def test_the_background_builder_waits_for_a_build_in_progress(story, builds) -> None:  # type: ignore[no-untyped-def]
    db, sid = story
    options = Options(embedder="tfidf")

    def work(i: int) -> object:
        with Store(db) as store:
            if i == 0:
                return build.build_dirty(store, options).built
            return build.story_fragment(store, sid, options)[0]

    results = _together(4, work)
    assert len(builds) == 1 and results[0] == [sid]

"""`serve --poll-every`: the app polls followed feeds in a background thread while it runs."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.config import Options
from newsprism.pipeline.collection import ingest_inputs
from newsprism.render.html import FRAGMENT_VERSION
from newsprism.store import Store
from newsprism.web import create_app

from ..cli.test_feeds import STORY
from ..pipeline.feedserver import Route, feed_server, rss


def test_background_poll_stores_articles_and_stops_with_the_app(tmp_path: Path):
    db = tmp_path / "np.db"
    options = replace(Options(embedder="tfidf"), allow_private=True, fetch_timeout=2.0)
    with feed_server() as srv:
        srv.routes["/a.xml"] = Route(rss("Orlen Courier", [("o-1", srv.url("/o/1"),
                                                            "Valley line reopens", STORY)]))
        with Store(db) as store:
            store.follow(srv.url("/a.xml"))
        app = create_app(db, options, poll_every=0.2)
        with TestClient(app, base_url="http://localhost") as client:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and srv.hits.get("/a.xml", 0) < 2:
                time.sleep(0.1)
            assert srv.hits["/a.xml"] >= 2  # polled again on schedule
            assert client.get("/api/stories").json()["stories"]
        assert not any(t.is_alive() for t in app.state.background.threads)


def test_background_build_makes_changed_stories_ready(tmp_path: Path):
    db = tmp_path / "np.db"
    options = Options(embedder="tfidf")
    examples = Path(__file__).resolve().parents[2] / "examples"
    with Store(db) as store:
        ingest_inputs([str(examples)], store, options)
        assert store.dirty_stories()
    app = create_app(db, options, build_every=0.2)
    with TestClient(app, base_url="http://localhost"):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with Store(db) as store:
                if not store.dirty_stories():
                    break
            time.sleep(0.1)
    with Store(db) as store:
        assert store.dirty_stories() == []
        story = store.stories()[0]["id"]
        assert store.cached_briefing(
            story, f"v{store.story_version(story)}|tfidf|120|None|html{FRAGMENT_VERSION}")

""""New since your last visit": remembered per browser in a cookie, no accounts."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.config import Options
from newsprism.pipeline.collection import ingest_articles, ingest_inputs
from newsprism.store import Store
from newsprism.web import create_app

from ..pipeline.test_since import LATER

OPTIONS = Options(embedder="tfidf")


def test_second_visit_shows_what_arrived_since_the_first(tmp_path: Path, examples):
    db = tmp_path / "np.db"
    with Store(db) as store:
        ingest_inputs([str(examples)], store, OPTIONS)
        story = store.stories()[0]["id"]
    client = TestClient(create_app(db, OPTIONS), base_url="http://localhost")
    first = client.get(f"/stories/{story}")
    assert first.status_code == 200 and "New since your last visit" not in first.text
    seen = first.cookies.get(f"np-seen-{story}")
    assert seen and seen.startswith("20")
    with Store(db) as store:  # the first visit happened before the new report arrived
        store.db.execute("UPDATE articles SET ingested_at = '2024-05-14T12:00:00+00:00'")
        ingest_articles([LATER], store)
    client = TestClient(create_app(db, OPTIONS), base_url="http://localhost",
                        cookies={f"np-seen-{story}": "2024-05-15T00:00:00+00:00"})
    second = client.get(f"/stories/{story}")
    assert "New since your last visit (1 new article)" in second.text
    assert "Teodor Halvik" in second.text and "Lindau Evening Standard" in second.text
    third = client.get(f"/stories/{story}")  # the cookie now holds the second visit
    assert "New since your last visit" not in third.text
    api = client.get(f"/api/stories/{story}/briefing", params={"since": "2024-05-15"}).json()
    assert len(api["since"]["articles"]) == 1 and api["since"]["quotes"]
    bad = client.get(f"/api/stories/{story}/briefing", params={"since": "yesterday"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_option"

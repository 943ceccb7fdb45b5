"""The JSON API, its OpenAPI schema, the one error shape, and escaped pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.web import create_app
from tests.web.conftest import OPTIONS


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path, OPTIONS), base_url="http://localhost")


def story_id(client: TestClient, word: str) -> str:
    stories = client.get("/api/stories").json()["stories"]
    return next(s["id"] for s in stories if word in (s["title"] or ""))


def test_stories_newest_first_with_outlets(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    dates = [s["last_date"] for s in stories]
    assert dates == sorted(dates, reverse=True)
    assert all(s["outlets"] and s["articles"] >= 1 for s in stories)


def test_story_and_briefing_json(client: TestClient) -> None:
    sid = story_id(client, "Qarvel")
    story = client.get(f"/api/stories/{sid}").json()
    assert story["members"][0]["name"] == "Evil <i>Outlet</i>"
    briefing = client.get(f"/api/stories/{sid}/briefing").json()
    assert briefing["schema"] == "newsprism.briefing/2"


def test_search_is_diacritic_insensitive(client: TestClient, tmp_path: Path) -> None:
    from newsprism.model import Article
    from newsprism.pipeline.collection import ingest_articles
    from newsprism.store import Store

    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest_articles([Article(id="x", name="A", text="Erdoğan met Gantz in Ankara.")], store)
    c = TestClient(create_app(db, OPTIONS), base_url="http://localhost")
    assert len(c.get("/api/search", params={"q": "erdogan"}).json()["results"]) == 1
    assert "Erdoğan" in c.get("/search", params={"q": "erdogan"}).text


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/briefing",
                 "/api/search", "/api/ingest"):
        assert path in spec["paths"], path
    assert "ErrorBody" in spec["components"]["schemas"]


@pytest.mark.parametrize("method,url,status", [
    ("get", "/api/stories/nope", 404),
    ("get", "/api/stories/nope/briefing", 404),
    ("get", "/api/no-such-route", 404),
    ("get", "/api/search", 400),
    ("get", "/api/stories?limit=0", 422),
    ("post", "/api/stories", 405),
    ("post", "/api/ingest", 400),
])
def test_every_api_error_has_the_one_shape(client: TestClient, method: str, url: str,
                                           status: int) -> None:
    response = getattr(client, method)(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert isinstance(body["error"]["code"], str) and body["error"]["message"]


def test_pages_render_and_escape_article_text(client: TestClient) -> None:
    sid = story_id(client, "Qarvel")
    for url in ("/", f"/stories/{sid}", "/search?q=qarvel", "/ingest"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "<script>window.__pwned" not in page.text, url
        assert "<img src=x onerror" not in page.text, url
        assert "<i>Outlet</i>" not in page.text, url


def test_upload_form_ingests_a_file(db_path: Path, tmp_path: Path) -> None:
    c = TestClient(create_app(tmp_path / "u.db", OPTIONS), base_url="http://localhost")
    files = [("files", ("note.txt", b"Harbour reopens\nThe Sellvik harbour reopened on Friday."))]
    token = re.search(r'name="form_token" value="([^"]+)"', c.get("/ingest").text)
    page = c.post("/ingest", files=files, data={"form_token": token.group(1)})
    assert page.status_code == 200 and "1</strong> new article" in page.text
    assert [o.lower() for o in c.get("/api/stories").json()["stories"][0]["outlets"]] == ["note"]


def test_an_invalid_since_is_a_400_naming_the_format(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/stories", params={"since": "yesterday"})
    assert r.status_code == 400
    assert "YYYY-MM-DD" in r.json()["error"]["message"]

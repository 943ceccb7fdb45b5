"""Served pages without a browser: the story list's cards, `since` explained, the
favicon, and no inline script or style anywhere (so a strict CSP can hold)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.web import create_app
from newsprism.web.storylist import check_since
from tests.web.conftest import OPTIONS


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path, OPTIONS), base_url="http://localhost")


def test_story_list_cards_say_when_who_and_how_much(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    card = page.text.split("Dozens hurt as landslide", 1)[1].split("</li>\n", 1)[0]
    assert "14 May 2024" in card and "5 outlets, 5 articles" in card
    assert card.count("<rect ") == 5 and "Meridian Wire" in card
    assert 'class="lede"' in card
    assert "np-list-seen" in page.headers["set-cookie"]


def test_an_invalid_since_is_explained_above_all_stories(client: TestClient) -> None:
    page = client.get("/", params={"since": "yesterday"})
    assert page.status_code == 400
    assert "is not a date" in page.text and "YYYY-MM-DD" in page.text
    assert "No stories yet" not in page.text and "Osterfeld" in page.text


def test_a_since_after_every_story_says_so(client: TestClient) -> None:
    page = client.get("/", params={"since": "2099-01-01"})
    assert page.status_code == 200
    assert "No story has articles on or after 2099-01-01" in page.text
    assert "No stories yet" not in page.text


def test_check_since_accepts_real_dates_only() -> None:
    assert check_since("2024-05-14") == "2024-05-14" and check_since(None) is None
    for bad in ("yesterday", "2024-13-01", "2024-5-1", "2024-05-14T10:00"):
        with pytest.raises(Exception, match="YYYY-MM-DD"):
            check_since(bad)


def test_favicon_and_briefing_assets_are_served(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.content[:4] == b"\x00\x00\x01\x00"
    for name in ("briefing.js", "briefing.css", "favicon.svg", "app.css"):
        assert client.get(f"/static/{name}").status_code == 200, name


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    story = next(s["id"] for s in client.get("/api/stories").json()["stories"]
                 if "Osterfeld" in (s["title"] or ""))
    for url in ("/", f"/stories/{story}", "/search?q=osterfeld", "/ingest", "/stories/nope"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html and " style=" not in html, url
        assert html.count("<main") == 1 and 'class="skip"' in html, url

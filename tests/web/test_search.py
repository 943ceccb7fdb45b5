"""Search in the web app: syntax errors as 400s with the one error shape, hits linking to
article pages with the matching sentence highlighted, hostile queries never a 500."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsprism.pipeline.collection import ingest_articles
from newsprism.store import Store
from newsprism.web import create_app
from tests.store.test_search import ARTICLES
from tests.web.conftest import OPTIONS, XSS


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("websearch") / "np.db"
    with Store(db) as store:
        ingest_articles([*ARTICLES, XSS], store)
    return TestClient(create_app(db, OPTIONS), base_url="http://localhost")


def error_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


def test_api_search_understands_the_syntax(client: TestClient) -> None:
    def names(q: str) -> set[str]:
        response = client.get("/api/search", params={"q": q})
        assert response.status_code == 200
        return {h["name"] for h in response.json()["results"]}

    assert names('"ferry sank"') == {"Varnholt Gazette"}
    assert names("harbour -strike") == {"Varnholt Gazette"}
    assert names("capsized OR sank") == {"Varnholt Gazette", "Kestrel Times"}
    assert names("ferr*") == {"Varnholt Gazette", "Kestrel Times", "Ostwen Post"}


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "  "}])
def test_empty_query_is_a_400_with_the_cli_message(client: TestClient, params) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    assert error_of(response) == {"code": "bad_input", "message":
                                  'query: empty; type a word or "a phrase" to search for'}


@pytest.mark.parametrize("q,message", [('"ferry sank', "unbalanced quote"),
                                       ("ferry OR", "OR needs"), ("NOT", "NOT needs"),
                                       ("-ferry", "only excluded"), ("x" * 501, "at most 500")])
def test_unreadable_query_is_a_400_in_the_api_and_a_message_on_the_page(
        client: TestClient, q: str, message: str) -> None:
    api = client.get("/api/search", params={"q": q})
    assert api.status_code == 400 and message in error_of(api)["message"]
    page = client.get("/search", params={"q": q})
    assert page.status_code == 400
    assert re.search(r'<p class="error" role="alert"[^>]*>[^<]*' + re.escape(message), page.text)
    assert 'id="search-help"' in page.text  # the help stays under the box


HOSTILE = ['NEAR(ferry harbour, 2)', "title:ferry", "{title text}: ferry", "^ferry", "ferry*",
           "*", '"', '""', '"ferry', "(ferry", "ferry)", "()", "- -", "--ferry", "NOT NOT x",
           "OR OR", "AND", "\x00", "'; DROP TABLE articles; --", "%", 'ferry" OR "x', "+ferry",
           "\u201cferry", "ferry -", "a:b:c", "ferry\nharbour", "ferry " * 1_500]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_are_answered_or_refused_never_a_500(client: TestClient, q: str) -> None:
    api = client.get("/api/search", params={"q": q})
    page = client.get("/search", params={"q": q})
    assert api.status_code in (200, 400) and page.status_code == api.status_code
    if api.status_code == 400:
        assert error_of(api)["code"] == "bad_input"


def test_search_page_shows_help_and_no_error_before_a_query(client: TestClient) -> None:
    page = client.get("/search")
    assert page.status_code == 200 and 'id="search-help"' in page.text
    assert "OR" in page.text and "harb*" in page.text and 'class="error"' not in page.text


def test_hit_links_to_its_article_page_with_the_sentence_highlighted(client: TestClient) -> None:
    page = client.get("/search", params={"q": "coastguard"})
    (link,) = re.findall(r'href="(/articles/[^"]+)"', page.text)
    assert link.endswith("?q=coastguard#match")
    article = client.get(link.replace("&amp;", "&").split("#")[0])
    assert article.status_code == 200
    marked = re.search(r'<mark id="match">(.*?)</mark>', article.text).group(1)
    assert marked == ("All 40 passengers were rescued by fishing boats, the "
                      "<strong>coastguard</strong> said.")
    assert "Varnholt Gazette" in article.text and "2025-03-03" in article.text
    assert "<h1>Selmar ferry sinks off Varnholt</h1>" in article.text
    hit = client.get("/api/search", params={"q": "coastguard"}).json()["results"][0]
    assert f'href="/stories/{hit["story_id"]}"' in article.text


def test_api_article_gives_text_spans_and_stories(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": '"fishing boats"'}).json()["results"][0]
    body = client.get(f"/api/articles/{hit['id']}", params={"q": '"fishing boats"'}).json()
    text = body["text"]
    assert [text[m["start"]:m["end"]] for m in body["matches"]] == ["fishing boats"]
    (sentence,) = body["sentences"]
    assert text[sentence["start"]:sentence["end"]].startswith("All 40 passengers")
    assert [s["id"] for s in body["stories"]] == [hit["story_id"]]
    plain = client.get(f"/api/articles/{hit['id']}").json()
    assert plain["matches"] == plain["sentences"] == []


def test_unknown_article_is_a_404_with_the_error_shape(client: TestClient) -> None:
    response = client.get("/api/articles/a-nope")
    assert response.status_code == 404 and error_of(response)["code"] == "not_found"
    assert client.get("/articles/a-nope").status_code == 404


def test_article_page_escapes_the_text(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "qarvel"}).json()["results"][0]
    page = client.get(f"/articles/{hit['id']}", params={"q": "qarvel bridge"})
    assert page.status_code == 200 and "<mark" in page.text
    assert "<script>window.__pwned" not in page.text and "<img src=x" not in page.text
    assert "<i>Outlet</i>" not in page.text


def test_openapi_documents_the_article_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/articles/{article_id}" in paths and "/api/search" in paths

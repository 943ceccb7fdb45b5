"""'Add articles' on the web: only uploads and http(s) URLs, named uploads, errors apart,
advice a web user can follow, briefings left to the background builder; a read-only
store answers 503, never 500."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from newsprism.store import Store
from newsprism.web import create_app
from tests.web.conftest import EXAMPLES, OPTIONS

LOCAL = "http://localhost"
NOTE = b"Ferry returns\nThe Tollen ferry returned to service on Saturday after repairs."


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(tmp_path / "np.db", OPTIONS), base_url=LOCAL)


def submit(c: TestClient, files: list | None = None, urls: str = "") -> Response:
    """The form as a browser sends it: fetched first, then posted with its token."""
    token = re.search(r'name="form_token" value="([^"]+)"', c.get("/ingest").text).group(1)
    return c.post("/ingest", files=files or [], data={"form_token": token, "urls": urls})


def stored(c: TestClient) -> list[dict]:
    return c.get("/api/stories").json()["stories"]


@pytest.mark.parametrize("given", [
    "/etc/passwd",
    str(EXAMPLES / "capital_post.txt"),  # a real article file on the server
    str(EXAMPLES),
    "file:///etc/passwd",
    "-",
    "../examples/capital_post.txt",
])
def test_a_server_path_is_refused_and_nothing_stored(client: TestClient, given: str) -> None:
    api = client.post("/api/ingest", data={"urls": given}).json()
    assert api["added"] == 0 and len(api["errors"]) == 1 and api["errors"][0].startswith(given)
    page = submit(client, urls=given)
    assert page.status_code == 400 and "could not be added" in page.text
    assert stored(client) == []
    assert client.get("/api/search", params={"q": "root"}).json()["results"] == []


def test_private_addresses_are_refused_with_web_words(client: TestClient) -> None:
    errors = client.post("/api/ingest", data={"urls": "http://127.0.0.1:9/x"}).json()["errors"]
    assert "private or local address" in errors[0]
    assert "--" not in errors[0] and "public web addresses" in errors[0]


def test_a_too_large_upload_is_refused_with_web_words(client: TestClient) -> None:
    big = b"word " * (OPTIONS.max_bytes // 5 + 1)
    errors = client.post("/api/ingest", files=[("files", ("big.txt", big))]).json()["errors"]
    assert errors[0].startswith("big.txt: ") and "split it into smaller files" in errors[0]
    assert "--" not in errors[0] and "max_bytes" not in errors[0]


@pytest.mark.parametrize("name,expected", [
    ("..", "upload-1"),
    (".", "upload-1"),
    ("../../etc/ferry.txt", "ferry.txt"),
    ("C:\\Users\\ana\\ferry.txt", "ferry.txt"),
    ("\x1b[31mferry\x1b[0m.txt", "[31mferry[0m.txt"),
])
def test_uploads_keep_their_own_base_names(client: TestClient, tmp_path: Path, name: str,
                                          expected: str) -> None:
    result = client.post("/api/ingest", files=[("files", (name, NOTE))]).json()
    assert result["added"] == 1, result
    story = stored(client)[0]
    member = client.get(f"/api/stories/{story['id']}").json()["members"][0]
    outlet = expected.rsplit(".", 1)[0] if expected.endswith(".txt") else expected
    assert member["name"].lower() == outlet.lower()
    with Store(tmp_path / "np.db") as store:  # never a temporary server path
        assert store.db.execute("SELECT path FROM articles").fetchone()[0] == expected


def test_an_upload_error_names_the_file_not_a_temporary_path(client: TestClient) -> None:
    errors = client.post("/api/ingest", files=[("files", ("empty.txt", b"  \n"))]).json()["errors"]
    assert errors == ["empty.txt: empty: no article text"]


def test_successes_and_errors_are_shown_apart(client: TestClient) -> None:
    page = submit(client, files=[("files", ("ferry.txt", NOTE))], urls="/etc/passwd")
    assert page.status_code == 200
    status = page.text.split('role="status"')[1].split("</div>")[0]
    alert = page.text.split('role="alert"')[1].split("</div>")[0]
    assert "1</strong> new article added" in status and "/etc/passwd" not in status
    assert "/etc/passwd: not a web address" in alert and "new article" not in alert


def test_only_errors_show_no_success_box(client: TestClient) -> None:
    page = submit(client, urls="ftp://example.org/feed")
    assert 'role="status"' not in page.text and 'role="alert"' in page.text


def test_an_empty_form_says_what_to_do(client: TestClient) -> None:
    page = submit(client)
    assert page.status_code == 400 and "choose at least one file or give a URL" in page.text


def test_the_upload_leaves_briefings_to_the_background_builder(tmp_path: Path) -> None:
    db = tmp_path / "np.db"
    c = TestClient(create_app(db, OPTIONS), base_url=LOCAL)
    page = submit(c, files=[("files", ("ferry.txt", NOTE))])
    assert "being prepared" in page.text
    story = stored(c)[0]["id"]
    with Store(db) as store:
        assert story in store.dirty_stories()
        assert store.db.execute("SELECT count(*) FROM briefings").fetchone()[0] == 0


# ------------------------------------------------------------------ read-only store
@pytest.fixture()
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """An app over a store file SQLite can only read, as when the file is read-only
    (opened with mode=ro: file modes cannot be used, the tests may run as root).
    Reads work and BEGIN succeeds; the first write fails."""
    from newsprism.pipeline.collection import ingest_inputs

    db = tmp_path / "ro.db"
    with Store(db) as store:
        ingest_inputs([str(EXAMPLES)], store, OPTIONS)
    connect = sqlite3.connect

    def read_only_connect(path: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if path == str(db):
            uri = f"file:{db}?mode=ro"
            return connect(uri, *args, uri=True, **kwargs)  # type: ignore[arg-type]
        return connect(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only_connect)
    return TestClient(create_app(db, OPTIONS), base_url=LOCAL)


def test_a_read_only_store_answers_503_with_the_error_shape(read_only: TestClient) -> None:
    stories = read_only.get("/api/stories").json()["stories"]  # reading still works
    sid = stories[0]["id"]
    for response in (read_only.get(f"/api/stories/{sid}/briefing"),  # must cache: a write
                     read_only.post("/api/ingest", files=[("files", ("ferry.txt", NOTE))])):
        assert response.status_code == 503, response.text
        assert response.json()["error"]["code"] == "store_unavailable"
    page = read_only.get(f"/stories/{sid}")
    assert page.status_code == 503 and "<html" in page.text



@pytest.mark.parametrize("problem,expected", [
    ("refusing to fetch private or local address 10.0.0.1 (use --allow-private to permit it)",
     "refusing to fetch private or local address 10.0.0.1; this server fetches public web "
     "addresses only"),
    ("file is 6.0 MB, over the 5 MB size limit (raise max_bytes in the config file to read it)",
     "file is 6.0 MB, over the 5 MB size limit; split it into smaller files"),
    ("record 3: bad date (use --some-new-flag to skip it)", "record 3: bad date"),
    ("timed out after 15 s (the server is slow)", "timed out after 15 s (the server is slow)"),
])
def test_command_line_advice_becomes_web_advice(problem: str, expected: str) -> None:
    from newsprism.web.deps import web_advice

    assert web_advice(problem) == expected

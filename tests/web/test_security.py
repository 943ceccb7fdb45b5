"""The protected web app: Host names, same-origin writes, form and write tokens, headers."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsprism.web import create_app
from newsprism.web.security import Guard, check_form, guard_for, split_host
from tests.web.conftest import OPTIONS

LOCAL = "http://127.0.0.1:8000"
NOTE = [("files", ("ferry.txt", b"Ferry returns\nThe Tollen ferry returned on Saturday."))]


@pytest.fixture(scope="module")
def app(db_path: Path):  # type: ignore[no-untyped-def]
    return create_app(db_path, OPTIONS, guard=Guard(port=8000))


@pytest.fixture()
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, base_url=LOCAL)


def error_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


# ------------------------------------------------------------------ Host (DNS rebinding)
@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000",
                                  "LOCALHOST.:8000"])
def test_loopback_names_with_the_bound_port_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["rebind.example:8000", "localhost:8001", "127.0.0.1",
                                  "", "localhost:80:80", "[::1", "evil.example@localhost:8000"])
def test_other_host_names_are_refused_with_the_error_shape(client: TestClient, host: str) -> None:
    response = client.get("/api/stories", headers={"host": host})
    assert response.status_code == 400 and error_of(response)["code"] == "bad_host"
    page = client.get("/", headers={"host": host})
    assert page.status_code == 400 and "<html" in page.text  # pages get the HTML form
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_allowed_host_is_answered_on_any_port_unless_one_is_given(db_path: Path) -> None:
    guard = Guard(port=8000, allowed_hosts=("news.example", "proxy.example:443"))
    c = TestClient(create_app(db_path, OPTIONS, guard=guard), base_url=LOCAL)
    assert c.get("/api/stories", headers={"host": "news.example"}).status_code == 200
    assert c.get("/api/stories", headers={"host": "proxy.example:443"}).status_code == 200
    assert c.get("/api/stories", headers={"host": "proxy.example:8443"}).status_code == 400


def test_wildcard_bind_answers_address_literals_but_not_names() -> None:
    guard = Guard(host="0.0.0.0", port=8000)
    assert guard.host_allowed("192.168.1.20:8000") and guard.host_allowed("[fe80::1]:8000")
    assert guard.host_allowed("localhost:8000")
    assert not guard.host_allowed("rebind.example:8000")
    assert Guard(port=80).host_allowed("localhost") and not Guard(port=80).host_allowed(
        "localhost:8000")
    named = Guard(host="news-box.lan", port=8000)
    assert named.host_allowed("news-box.lan:8000") and not named.host_allowed("localhost:8000")


def test_split_host() -> None:
    assert split_host("Example.ORG:80") == ("example.org", 80)
    assert split_host("[::1]") == ("::1", None)
    assert split_host("a:b") is None and split_host("x:0") is None and split_host("") is None


# ------------------------------------------------------------------ same origin (CSRF)
@pytest.mark.parametrize("headers", [
    {"origin": "http://attacker.example"},
    {"origin": "null"},
    {"origin": "http://127.0.0.1:9000"},
    {"referer": "http://attacker.example/page"},
    {"sec-fetch-site": "cross-site"},
    {"sec-fetch-site": "same-site", "origin": LOCAL},
])
def test_writes_from_another_origin_are_refused(client: TestClient, headers: dict) -> None:
    response = client.post("/api/ingest", files=NOTE, headers=headers)
    assert response.status_code == 403 and error_of(response)["code"] == "cross_site"
    assert client.post("/ingest", files=NOTE, headers=headers).status_code == 403


@pytest.mark.parametrize("headers", [{}, {"origin": LOCAL}, {"referer": LOCAL + "/ingest"},
                                     {"sec-fetch-site": "same-origin", "origin": LOCAL}])
def test_same_origin_and_non_browser_writes_pass_the_origin_check(tmp_path: Path,
                                                                  headers: dict) -> None:
    c = TestClient(create_app(tmp_path / "w.db", OPTIONS, guard=Guard(port=8000)),
                   base_url=LOCAL)
    response = c.post("/api/ingest", files=NOTE, headers=headers)
    assert response.status_code == 200 and response.json()["added"] == 1


def test_reads_need_no_origin_check(client: TestClient) -> None:
    assert client.get("/api/stories", headers={"origin": "http://attacker.example"}) \
        .status_code == 200


# ------------------------------------------------------------------ form token
def form_token(c: TestClient) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', c.get("/ingest").text).group(1)


def test_the_form_needs_the_token_signed_for_this_browser(db_path: Path, tmp_path: Path) -> None:
    app = create_app(tmp_path / "f.db", OPTIONS, guard=Guard(port=8000))
    c = TestClient(app, base_url=LOCAL)
    refused = c.post("/ingest", files=NOTE)  # no token: a forged form
    assert refused.status_code == 403 and "Reload the page" in refused.text
    token = form_token(c)
    other = TestClient(app, base_url=LOCAL)  # another browser: another cookie
    assert other.post("/ingest", files=NOTE, data={"form_token": token}).status_code == 403
    assert c.post("/ingest", files=NOTE, data={"form_token": token + "0"}).status_code == 403
    page = c.post("/ingest", files=NOTE, data={"form_token": token})
    assert page.status_code == 200 and "1</strong> new article" in page.text
    restarted = create_app(tmp_path / "f.db", OPTIONS, guard=Guard(port=8000))
    after = TestClient(restarted, base_url=LOCAL, cookies=dict(c.cookies))
    assert after.post("/ingest", files=NOTE, data={"form_token": token}).status_code == 403


def routes(app):  # type: ignore[no-untyped-def]
    """Every route, those of included routers too (newer FastAPI keeps routers nested)."""
    for route in app.routes:
        nested = getattr(route, "effective_candidates", None)
        if nested is None:
            yield route
        else:
            yield from (nested() if callable(nested) else nested)


def test_every_page_route_that_writes_checks_the_form(app) -> None:  # type: ignore[no-untyped-def]
    writing = [r for r in routes(app) if getattr(r, "methods", None)
               and set(r.methods) - {"GET", "HEAD", "OPTIONS"} and not r.path.startswith("/api")]
    assert writing, "the ingest form posts to a page route"
    for route in writing:
        assert any(d.call is check_form for d in route.dependant.dependencies), route.path


# ------------------------------------------------------------------ write token
def test_a_write_token_guards_api_and_form_writes(tmp_path: Path) -> None:
    guard = Guard(host="0.0.0.0", port=8000, token="s3cret-token")
    c = TestClient(create_app(tmp_path / "t.db", OPTIONS, guard=guard), base_url=LOCAL)
    assert c.get("/api/stories").status_code == 200  # reading needs no token
    for auth in ({}, {"authorization": "Bearer wrong"}, {"authorization": "Basic s3cret-token"}):
        response = c.post("/api/ingest", files=NOTE, headers=auth)
        assert response.status_code == 401 and error_of(response)["code"] == "token_required"
        assert response.headers["www-authenticate"] == "Bearer"
    ok = c.post("/api/ingest", files=NOTE, headers={"authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200 and ok.json()["added"] == 1
    form = c.get("/ingest").text
    assert 'name="token"' in form
    token = form_token(c)
    assert c.post("/ingest", files=NOTE, data={"form_token": token}).status_code == 401
    page = c.post("/ingest", files=NOTE, data={"form_token": token, "token": "s3cret-token"})
    assert page.status_code == 200 and "already stored" in page.text


def test_off_loopback_a_token_is_always_set() -> None:
    assert guard_for("127.0.0.1", 8000).token is None
    assert guard_for("::1", 8000).token is None
    generated = guard_for("0.0.0.0", 8000).token
    assert generated and len(generated) >= 20 and generated != guard_for("0.0.0.0", 8000).token
    assert guard_for("192.168.1.20", 8000, token="mine").token == "mine"
    assert guard_for("127.0.0.1", 8000, token="mine").token == "mine"


def test_serve_prints_a_generated_token_off_loopback(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from newsprism.cli import cli
    from newsprism.store import Store

    Store(tmp_path / "s.db").close()
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--host",
                                       "0.0.0.0", "--allowed-host", "news.example"])
    assert result.exit_code == 0, result.output
    guard = started["app"].state.guard
    assert f"write token (needed to add articles): {guard.token}" in result.output
    assert guard.allowed_hosts == ("news.example",) and guard.port == 8000
    quiet = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db")])
    assert "token" not in quiet.output and started["app"].state.guard.token is None


# ------------------------------------------------------------------ headers
@pytest.mark.parametrize("path", ["/", "/ingest", "/search?q=qarvel", "/api/stories",
                                  "/static/app.css", "/openapi.json", "/docs", "/no-such-page",
                                  "/api/no-such-route"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_security_headers_on_a_server_error(app,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.store import Store

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Store, "stories", broken)
    response = TestClient(app, base_url=LOCAL, raise_server_exceptions=False).get("/api/stories")
    assert response.status_code == 500 and error_of(response)["code"] == "internal_error"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


# ------------------------------------------------------------------ offline API docs
def test_api_docs_are_served_offline_and_pass_the_csp(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    assert "<style" not in page.text and "style=" not in page.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith(LOCAL + "/") for a in assets)  # nothing from a CDN
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    spec = page.text.split('data-spec="')[1].split('"')[0]
    assert client.get(spec).json()["info"]["title"] == "NewsPrism"


# ------------------------------------------------------------------ in a real browser
@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_docs_and_the_form_work_in_a_browser_under_the_csp(tmp_path: Path) -> None:
    """Swagger UI renders with no CSP violation, and a real form submit (Chromium's own
    Origin and Sec-Fetch-Site headers, the form cookie) is accepted."""
    from playwright.sync_api import sync_playwright

    with served(create_app(tmp_path / "b.db", OPTIONS)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.goto(url + "/docs")
        page.locator(".opblock").first.wait_for()
        schema = httpx.get(url + "/openapi.json", timeout=10).json()
        operations = sum(len(methods) for methods in schema["paths"].values())
        assert page.locator(".opblock").count() == operations
        page.goto(url + "/ingest")
        page.set_input_files("input[name=files]", files=[
            {"name": "ferry.txt", "mimeType": "text/plain", "buffer": NOTE[0][1][1]}])
        page.click("button[type=submit]")
        assert "1 new article added" in page.locator("[role=status]").inner_text()
        browser.close()
    assert not [c for c in console if "Content Security Policy" in c], console


@contextmanager
def served(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """``app`` on a free loopback port in a thread, for as long as the block runs."""
    import socket
    import threading

    import httpx
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/api/stories", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    try:
        yield url
    finally:
        server.should_exit = True

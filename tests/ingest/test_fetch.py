"""URL fetching against a local server (loopback only, never the network)."""

from __future__ import annotations

import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.config import Options
from newsprism.errors import FetchError
from newsprism.ingest import read_inputs
from newsprism.ingest.fetch import check_url

PAGE = b"""<html><head><meta property="og:site_name" content="Local Gazette">
<title>Local page</title></head><body><article><p>The council met on Monday and agreed
a new budget for the harbour, officials said after the vote.</p></article></body></html>"""
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local Feed</title>
<item><title>One</title><link>http://example.invalid/1</link>
<description>The first story of the feed, with a sentence of text.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/page": ("text/html; charset=utf-8", PAGE),
        "/feed": ("application/rss+xml", FEED),
        "/big": ("text/plain", b"x" * 5000),
    }

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path not in self.routes:
            self.send_error(404)
            return
        mime, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = replace(Options(), allow_private=True, fetch_timeout=5.0)


def test_page_is_fetched_as_html(server):
    docs, errors = read_inputs([f"{server}/page"], LOCAL)
    assert errors == [] and docs[0].format == "html" and docs[0].url == f"{server}/page"


def test_redirect_is_followed(server):
    docs, errors = read_inputs([f"{server}/redirect"], LOCAL)
    assert errors == [] and docs[0].url == f"{server}/page"


def test_feed_url_becomes_its_entries(server):
    docs, errors = read_inputs([f"{server}/feed"], LOCAL)
    assert errors == [] and [d.source for d in docs] == ["Local Feed"]


def test_http_error_and_size_cap(server):
    _, errors = read_inputs([f"{server}/missing"], LOCAL)
    assert "HTTP error 404" in str(errors[0])
    _, errors = read_inputs([f"{server}/big"], replace(LOCAL, max_bytes=1000))
    assert "limit" in str(errors[0]) and isinstance(errors[0], FetchError)


def test_private_address_refused_without_permission(server):
    _, errors = read_inputs([f"{server}/page"], Options())
    assert "refusing to fetch private or local address" in str(errors[0])


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.invalid/x"])
def test_only_http_schemes(url):
    with pytest.raises(FetchError, match="only http and https"):
        check_url(url, Options())


def test_connection_refused_is_a_fetch_error():
    _, errors = read_inputs(["http://127.0.0.1:9/"], LOCAL)
    assert isinstance(errors[0], FetchError) and "could not fetch" in str(errors[0])

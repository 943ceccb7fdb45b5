"""A local feed server for polling tests: feeds and pages that change between polls.

Everything here is fictional (outlets, places, people). Routes are a mutable
dict, so a test changes what the next poll sees; a route may carry an ETag
(answered with 304 when the client sends it back), redirect, or stall.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    mime: str = "application/rss+xml"
    etag: str | None = None
    redirect: str | None = None
    stall: float = 0.0  # seconds to wait before answering (a feed that times out)


class FeedServer:
    """Serves ``routes`` on 127.0.0.1 and counts requests and 304 answers per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.not_modified: dict[str, int] = {}
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            server.hits[self.path] = server.hits.get(self.path, 0) + 1
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            time.sleep(route.stall)
            if route.redirect:
                self.send_response(301)
                self.send_header("Location", route.redirect)
                self.end_headers()
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                server.not_modified[self.path] = server.not_modified.get(self.path, 0) + 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", route.mime)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except BrokenPipeError:
                pass  # the client gave up waiting (the stalled feed)

        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


def rss(title: str, items: list[tuple[str, str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, link, title, description) items."""
    entries = "".join(
        f"<item><guid>{guid}</guid><link>{link}</link><title>{head}</title>"
        f"<pubDate>Tue, 14 May 2024 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for guid, link, head, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link>{entries}</channel></rss>").encode()


def page(outlet: str, title: str, paragraphs: list[str]) -> bytes:
    """A news page whose article body holds ``paragraphs``."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html><head><meta property="og:site_name" content="{outlet}"><title>{title}'
            f"</title></head><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright {outlet}</footer></body></html>").encode()

"""An overall deadline per URL and per run, against a local server that trickles bytes.

A per-read timeout never fires against a server sending one byte every few
seconds; these servers send one every 0.2 s, well within the 2 s read timeout.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.config import Options
from newsprism.errors import FetchError
from newsprism.ingest import read_inputs
from newsprism.ingest.fetch import fetch

PAGE = b"<html><body><article><p>The Lenk ferry sailed again on Monday.</p></article></body></html>"


class Trickle(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/slow-headers":
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" * 50:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if self.path == "/slow-body":
            self.end_headers()  # no length: the body ends when the server closes
            for byte in PAGE * 20:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
            return
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


OPTIONS = replace(Options(), allow_private=True, fetch_timeout=2.0, fetch_deadline=1.0)


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(server, path):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"longer than the 1 s allowed per URL"):
        fetch(server + path, OPTIONS)
    assert time.monotonic() - started < 3.0


def test_a_fast_page_is_not_affected(server):
    assert fetch(server + "/page", OPTIONS).data == PAGE


def test_the_run_deadline_leaves_later_urls_unfetched_and_named(server):
    options = replace(OPTIONS, fetch_run_deadline=1.0)
    started = time.monotonic()
    docs, errors = read_inputs([server + "/slow-body", server + "/page"], options)
    assert time.monotonic() - started < 3.0
    assert docs == []
    assert "allowed per URL" in str(errors[0])
    assert "not fetched" in str(errors[1]) and server + "/page" in str(errors[1])

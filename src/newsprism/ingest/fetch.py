"""Fetching URLs politely and safely: http(s) only, public addresses, timeout, size cap.

The address check runs on every hop, redirects included, because a public URL
may redirect to ``http://127.0.0.1/``. (A DNS answer that changes between the
check and the connection is not defended against; that needs a pinned-IP
connection and is out of scope for a desktop tool.)
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from newsprism.config import Options
from newsprism.errors import FetchError


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded resource: final URL, raw bytes, MIME type and declared charset."""

    url: str
    data: bytes
    mime: str
    charset: str | None
    etag: str | None = None  # validators for the next conditional request
    last_modified: str | None = None


def is_url(item: str) -> bool:
    """True for strings that name a URL (any scheme), so they are not taken for paths."""
    scheme, sep, _ = item.partition("://")
    # one-letter "schemes" are Windows drive letters (C://...), not URLs
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


def fetch(url: str, options: Options, seconds: float | None = None) -> Fetched:
    """Download ``url`` within ``options`` limits; raises FetchError saying what failed.

    ``seconds`` (default ``options.fetch_deadline``) bounds the whole download.
    """
    fetched = fetch_if_changed(url, options, seconds=seconds)
    assert fetched is not None  # without validators the server has nothing to compare
    return fetched


def fetch_if_changed(url: str, options: Options, etag: str | None = None,
                     last_modified: str | None = None,
                     seconds: float | None = None) -> Fetched | None:
    """Like :func:`fetch`, but a conditional GET: None when the server answers 304.

    ``etag`` and ``last_modified`` are the validators of the previous response
    (sent as If-None-Match and If-Modified-Since). Connecting, redirects and the
    whole body take at most ``seconds`` (default ``options.fetch_deadline``), on
    top of ``options.fetch_timeout`` per read.
    """
    check_url(url, options)
    limit = options.fetch_deadline if seconds is None else seconds
    deadline = Deadline(limit)
    opener = urllib.request.build_opener(_CheckedRedirects(options), *deadline.handlers())
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with opener.open(urllib.request.Request(url, headers=headers),
                         timeout=min(options.fetch_timeout, max(limit, 0.001))) as response:
            data = _read_capped(response, url, options.max_bytes)
            if deadline.expired:  # a body cut short by the deadline is not the page
                raise TimeoutError
            got: Message = response.headers
            return Fetched(response.geturl(), data, got.get_content_type(),
                           got.get_content_charset(), got.get("ETag"), got.get("Last-Modified"))
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None
        raise FetchError(url, f"HTTP error {exc.code} {exc.reason}") from None
    except Exception as exc:
        if deadline.expired:
            raise FetchError(url, f"took longer than the {limit:g} s allowed per URL "
                                  "(fetch_deadline)") from None
        raise _failure(url, exc, options) from None
    finally:
        deadline.cancel()


def _failure(url: str, exc: Exception, options: Options) -> Exception:
    """The FetchError for a failed download, or ``exc`` itself when it is not one."""
    if isinstance(exc, urllib.error.URLError):
        return FetchError(url, f"could not fetch ({_reason(exc.reason)})")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return FetchError(url, f"timed out after {options.fetch_timeout:g} s")
    if isinstance(exc, (OSError, ValueError, http.client.HTTPException)):
        return FetchError(url, f"could not fetch ({exc})")
    return exc


class Deadline:
    """Cuts every connection of one download when its time is up.

    A per-read timeout never fires against a server that sends a byte every
    few seconds, so a timer shuts the socket down at the deadline; the blocked
    read then fails and :attr:`expired` tells why.
    """

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self._timers: list[threading.Timer] = []

    def watch(self, sock: socket.socket) -> None:
        timer = threading.Timer(max(0.0, self.end - time.monotonic()), self._cut, (sock,))
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def _cut(self, sock: socket.socket) -> None:
        self.expired = True
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed

    def cancel(self) -> None:
        for timer in self._timers:
            timer.cancel()

    def handlers(self) -> list[urllib.request.BaseHandler]:
        """urllib handlers whose connections this deadline watches."""
        watch = self.watch

        class Plain(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                watch(self.sock)

        class Secure(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                watch(self.sock)

        class PlainHandler(urllib.request.HTTPHandler):
            def http_open(self, req):  # type: ignore[no-untyped-def]
                return self.do_open(Plain, req)

        class SecureHandler(urllib.request.HTTPSHandler):
            def https_open(self, req):  # type: ignore[no-untyped-def]
                return self.do_open(Secure, req, context=self._context)

        return [PlainHandler(), SecureHandler()]


_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,*/*;q=0.5"


def check_url(url: str, options: Options) -> None:
    """Refuse non-http(s) schemes and, unless allowed, private or local addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme!r}")
    if not parts.hostname:
        raise FetchError(url, "URL has no host name")
    if options.allow_private:
        return
    for address in _addresses(url, parts.hostname, parts.port):
        if not address.is_global:
            raise FetchError(
                url,
                f"refusing to fetch private or local address {address} "
                "(use --allow-private to permit it)",
            )


def _addresses(
    url: str, host: str, port: int | None
) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc.strerror})") from None
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _read_capped(response: object, url: str, max_bytes: int) -> bytes:
    """The body, refusing (not truncating) one larger than ``max_bytes``."""
    length = getattr(response, "headers").get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"response is {int(length):,} bytes, over the {max_bytes:,} limit")
    data = getattr(response, "read")(max_bytes + 1)
    if len(data) > max_bytes:
        raise FetchError(url, f"response is over the {max_bytes:,} byte limit")
    return data


def _reason(reason: object) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    return str(getattr(reason, "strerror", None) or reason)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Applies :func:`check_url` to every redirect target."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_url(newurl, self.options)
        return super().redirect_request(req, fp, code, msg, headers, newurl)

"""Who may reach the web app and who may write to it, and the headers every response carries.

Three checks, each against a named attack:

- **Host** (DNS rebinding: a hostile site whose name resolves to 127.0.0.1):
  every request must name the address the server was bound to, a loopback
  name when bound to loopback, or a host the operator allowed.
- **Same origin** (cross-site request forgery from any page the user visits):
  a write whose ``Origin``/``Referer``/``Sec-Fetch-Site`` says it came from
  another site is refused. Browsers send ``Origin`` on every POST; a request
  with none of these headers comes from a script or ``curl``, not a page.
  HTML forms also carry a signed double-submit token (:func:`check_form`).
- **Write token**: when the server is reachable from other machines, every
  write needs the token given (or printed) at start, as
  ``Authorization: Bearer …`` or in the form's token field.

Every response also gets a strict Content-Security-Policy (no inline script or
style), ``nosniff``, frame denial and a same-origin referrer policy.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_COOKIE = "np-form"  # the double-submit nonce; the form carries its signature

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # same-origin: our own Referer reaches us (a same-origin signal), none leaks to outlets
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


@dataclass(frozen=True)
class Guard:
    """The app's access rules: the bound address, extra allowed hosts, the write token.

    ``port`` None accepts any port (an app run by a test or embedded, not by
    ``serve``). ``token`` None means writes need no token (loopback only:
    :func:`guard_for` always sets one off loopback). ``secret`` signs form tokens
    and is new at every start, so a form from before a restart must be reloaded.
    """

    host: str = "127.0.0.1"
    port: int | None = None
    allowed_hosts: tuple[str, ...] = ()
    token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def host_allowed(self, header: str) -> bool:
        """True when a request's ``Host`` header names this server."""
        parsed = split_host(header)
        if parsed is None:
            return False
        name, port = parsed
        for allowed in self.allowed_hosts:
            allowed_name, allowed_port = split_host(allowed) or ("", None)
            if name == allowed_name and allowed_port in (None, port):
                return True
        if self.port is not None and (port or 80) != self.port:  # no port: http's 80
            return False
        bound = _normal(self.host)
        if bound in WILDCARDS:
            # an address literal cannot be rebound to another site: only names can
            return name in LOOPBACK_NAMES or _is_address(name)
        if is_loopback(bound):
            return name in LOOPBACK_NAMES or name == bound
        return name == bound

    def form_token(self, nonce: str) -> str:
        """The signature a form carries for the nonce in the browser's cookie."""
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()

    def form_token_ok(self, nonce: str | None, given: str | None) -> bool:
        return bool(nonce and given) and hmac.compare_digest(self.form_token(nonce or ""),
                                                             given or "")

    def token_ok(self, given: str | None) -> bool:
        """True when writes need no token or ``given`` is it."""
        if self.token is None:
            return True
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def shown_hosts(self) -> str:
        """The host names this server answers to, for an error message."""
        bound = _normal(self.host)
        names = sorted(LOOPBACK_NAMES) if bound in WILDCARDS or is_loopback(bound) else [bound]
        if bound in WILDCARDS:
            names.append("its IP addresses")
        return ", ".join([*names, *self.allowed_hosts])


def guard_for(host: str, port: int, allowed_hosts: tuple[str, ...] = (),
              token: str | None = None) -> Guard:
    """The guard of a server bound to ``host:port``: off loopback a write token is
    always required, the given one or a new random one (read it from ``.token``)."""
    if token is None and not is_loopback(_normal(host)):
        token = secrets.token_urlsafe(18)
    return Guard(host=host, port=port, allowed_hosts=tuple(allowed_hosts), token=token)


def split_host(header: str) -> tuple[str, int | None] | None:
    """``"Example.org:80"`` -> ``("example.org", 80)``, ``"[::1]"`` -> ``("::1", None)``;
    None when it is not a host (empty, bad port, stray brackets)."""
    header = header.strip()
    if header.startswith("["):
        name, bracket, rest = header[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else None
    elif header.count(":") == 1:
        name, port_text = header.split(":")
    else:
        name, port_text = header, None
    name = _normal(name)
    if not name or any(c in name for c in "/\\@ ?#[]"):
        return None
    if port_text is None:
        return name, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return None
    return name, int(port_text)


def is_loopback(name: str) -> bool:
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _normal(name: str) -> str:
    name = name.strip().lower().rstrip(".")
    return name[1:-1] if name.startswith("[") and name.endswith("]") else name


def cross_site(request: Request) -> str | None:
    """Why a write did not come from this site's own pages, or None if nothing says so."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site not in (None, "same-origin", "none"):
        return f"the request came from another site ({fetch_site})"
    host = split_host(request.headers.get("host", ""))
    for header in ("origin", "referer"):
        value = request.headers.get(header)
        if value is None:
            continue
        theirs = split_host(urlsplit(value).netloc) if value != "null" else None
        if theirs is None or host is None or not _same_host(theirs, value, host, request):
            return f"the request came from another origin ({value[:100]})"
        return None  # Origin decides when present; Referer only stands in for it
    return None


def _same_host(theirs: tuple[str, int | None], url: str, ours: tuple[str, int | None],
               request: Request) -> bool:
    """Same name and port; a missing port is its scheme's default (behind a TLS proxy
    the app sees http where the browser used https, so two missing ports match)."""
    if theirs[0] != ours[0]:
        return False
    if theirs[1] is None and ours[1] is None:
        return True
    default = {"https": 443, "http": 80}
    return ((theirs[1] or default.get(urlsplit(url).scheme, 80))
            == (ours[1] or default.get(request.url.scheme, 80)))


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if any."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def secured(response: Response) -> Response:
    """``response`` with the security headers (for one answered outside the middleware)."""
    for name, value in HEADERS:
        response.headers.setdefault(name.decode(), value.decode())
    return response


ErrorPage = Callable[[Request, int, str, str], Response]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class GuardMiddleware:
    """ASGI middleware: the Host check on every request, the same-origin check and
    (under /api/) the write token on every write, and the security headers on every
    response. Refusals use the app's error shape through ``error_page``."""

    def __init__(self, app: Any, guard: Guard, error_page: ErrorPage) -> None:
        self.app, self.guard, self.error_page = app, guard, error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                present = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in HEADERS if h[0] not in present)]
            await send(message)

        refusal = self.refusal(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, with_headers)
            return
        await self.app(scope, receive, with_headers)

    def refusal(self, request: Request) -> Response | None:
        """The error response for a request that may not proceed, else None."""
        host = request.headers.get("host", "")
        if not self.guard.host_allowed(host):
            return self.error_page(request, 400, "bad_host",
                                   f"this server does not answer to the host name {host[:100]!r}; "
                                   f"use {self.guard.shown_hosts()} (the operator can allow "
                                   "more with serve --allowed-host)")
        if request.method in SAFE_METHODS:
            return None
        why = cross_site(request)
        if why is not None:
            return self.error_page(request, 403, "cross_site",
                                   f"{why}: changes are accepted only from this site's own pages")
        api = request.url.path == "/api" or request.url.path.startswith("/api/")
        if api and not self.guard.token_ok(bearer(request)):
            response = self.error_page(request, 401, "token_required", TOKEN_MESSAGE)
            response.headers["WWW-Authenticate"] = "Bearer"
            return response
        return None


TOKEN_MESSAGE = ("this server needs its write token to add articles: send it as "
                 "'Authorization: Bearer <token>' (the token was given or printed when the "
                 "server started)")


async def check_form(request: Request) -> None:
    """A dependency of every page route that writes: the form must carry the signature
    of this browser's form cookie (set by :func:`form_nonce`) and, when the server needs
    one, the write token. Raises 403 / 401 with a message a web user can act on."""
    if request.method in SAFE_METHODS:
        return
    guard: Guard = request.app.state.guard
    form = await request.form()
    signed = form.get("form_token")
    if not guard.form_token_ok(request.cookies.get(FORM_COOKIE),
                               signed if isinstance(signed, str) else None):
        raise HTTPException(403, "This form has expired or did not come from this site. "
                                 "Reload the page and send it again.")
    token = form.get("token")
    if not guard.token_ok(token if isinstance(token, str) and token else bearer(request)):
        raise HTTPException(401, "This server needs its write token to add articles: enter "
                                 "the token its operator gave you in the Write token field.")


def form_nonce(request: Request) -> tuple[str, str]:
    """This browser's form nonce (the cookie's, or a new one) and the form token for it;
    the caller sets the cookie with :func:`set_form_cookie`."""
    nonce = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(18)
    return nonce, request.app.state.guard.form_token(nonce)


def set_form_cookie(response: Response, nonce: str) -> None:
    # strict: the browser sends it only with requests from this site's own pages
    response.set_cookie(FORM_COOKIE, nonce, httponly=True, samesite="strict")

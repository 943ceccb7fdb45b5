"""The app factory and the one error shape.

Every error under /api/ is ``{"error": {"code": str, "message": str}}`` with
a matching HTTP status, whatever raised it: a library error, a missing route,
a bad parameter or a bug. Pages get the same code and message as HTML.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.config import Options
from newsprism.errors import (
    ConfigError,
    DependencyError,
    InputError,
    NewsPrismError,
    NotFoundError,
    StoreError,
)
from newsprism.store import Store
from newsprism.web.background import Background, build_job, poll_job
from newsprism.web.docs import install_docs
from newsprism.web.security import Guard, GuardMiddleware, secured

HERE = Path(__file__).parent
log = logging.getLogger("newsprism.web")

# library error -> (HTTP status, error code)
STATUS: list[tuple[type[NewsPrismError], int, str]] = [
    (NotFoundError, 404, "not_found"),
    (InputError, 400, "bad_input"),
    (ConfigError, 400, "bad_option"),
    (DependencyError, 501, "missing_dependency"),
    (StoreError, 503, "store_unavailable"),
    (NewsPrismError, 400, "error"),
]
HTTP_CODES = {400: "bad_request", 401: "token_required", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 413: "too_large", 422: "invalid_request",
              500: "internal_error", 503: "store_unavailable"}
# SQLite errors that say the store cannot be used now (not a bug in a query): 503
UNAVAILABLE = ("readonly", "read-only", "locked", "busy", "disk i/o", "unable to open",
               "database or disk is full", "disk is full")


def create_app(db_path: str | os.PathLike[str], options: Options | None = None,
               poll_every: float | None = None, build_every: float | None = None,
               guard: Guard | None = None) -> FastAPI:
    """A FastAPI app serving the store at ``db_path`` (created and migrated now).

    With ``poll_every`` (seconds), followed feeds are polled in a background
    thread for as long as the app runs; with ``build_every``, another thread
    looks that often for changed stories and rebuilds their briefings.
    ``guard`` says which Host names it answers to and whether writes need a
    token (:mod:`newsprism.web.security`); the default answers to loopback names
    on any port and needs no token.
    """
    from newsprism.web.api import router as api_router
    from newsprism.web.pages import router as pages_router

    Store(db_path).close()  # fail at start-up, not on the first request
    background = Background(str(db_path), options or Options())
    if poll_every:
        background.add("poll", poll_every, poll_job)
    if build_every:
        background.add("build", build_every, build_job)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        background.start()
        yield
        background.stop()

    # FastAPI's own /docs and /redoc load their scripts from a CDN: ours are served locally
    app = FastAPI(title="NewsPrism", version=__version__, docs_url=None, redoc_url=None,
                  description="Stories from many outlets, as attributed briefings.",
                  lifespan=lifespan)
    app.state.background = background
    app.state.guard = guard or Guard()
    app.state.db_path = str(db_path)
    app.state.options = options or Options()
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    # the briefing's own css/js/icon come from the render package (one copy, also inlined
    # into standalone pages)
    app.mount("/static", StaticFiles(directory=str(HERE / "static"),
                                     packages=[("newsprism.render", "static")]), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    _install_errors(app)
    install_docs(app)
    app.add_middleware(GuardMiddleware, guard=app.state.guard, error_page=_error)
    return app


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html",
                                      {"code": code, "message": message, "status": status},
                                      status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(NewsPrismError)
    async def library_error(request: Request, exc: NewsPrismError) -> Response:
        for cls, status, code in STATUS:
            if isinstance(exc, cls):
                return _error(request, status, code, str(exc))
        return _error(request, 400, "error", str(exc))  # pragma: no cover

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
            parts.append(f"{where}: {err.get('msg')}")
        return _error(request, 422, "invalid_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(sqlite3.Error)
    async def store_error(request: Request, exc: sqlite3.Error) -> Response:
        if any(word in str(exc).lower() for word in UNAVAILABLE):
            return _error(request, 503, "store_unavailable",
                          f"the article store cannot be used now ({exc}); try again later, "
                          "or ask the server's operator to check the store file")
        return await bug(request, exc)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        # answered outside every middleware (Starlette's outermost one), so the security
        # headers are added here
        return secured(_error(request, 500, "internal_error",
                              f"internal error ({type(exc).__name__}); see the server log"))

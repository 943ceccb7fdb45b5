"""Human-readable API docs at /docs, served from this machine: no CDN.

Swagger UI's files (version 5: it reads the OpenAPI 3.1 that FastAPI writes)
come from the ``fastapi-offline`` package (the ``web`` extra; only its files
are used: its own pages start Swagger UI with an inline script) and are mounted
under /docs/assets. Our page loads its one line of set-up from /static, so /docs
passes the same strict CSP as every other page (no inline script or style).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from newsprism.errors import DependencyError


def install_docs(app: FastAPI) -> None:
    """Add GET /docs (Swagger UI over /openapi.json) and its assets to ``app``."""
    try:
        import fastapi_offline
    except ImportError:
        assets = None
    else:
        assets = Path(fastapi_offline.__file__).parent / "static"
        app.mount("/docs/assets", StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        if assets is None:
            raise DependencyError("fastapi-offline", "web")
        return request.app.state.templates.TemplateResponse(request, "api_docs.html", {})

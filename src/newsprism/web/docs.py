"""Human-readable API docs at /docs, served from this machine: no CDN.

Swagger UI's files come from the ``swagger-ui-bundle`` package (the ``web``
extra) and are mounted under /docs/assets; the page that starts it loads its
one line of set-up from /static, so /docs passes the same strict CSP as every
other page (no inline script or style).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from newsprism.errors import DependencyError


def install_docs(app: FastAPI) -> None:
    """Add GET /docs (Swagger UI over /openapi.json) and its assets to ``app``."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        swagger_ui_path = None
    else:
        app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        if swagger_ui_path is None:
            raise DependencyError("swagger-ui-bundle", "web")
        return request.app.state.templates.TemplateResponse(request, "api_docs.html", {})

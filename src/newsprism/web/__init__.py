"""Web stage: a local app to browse stories, read briefings, search and ingest.

``create_app(db_path, options)`` builds the FastAPI app; FastAPI and uvicorn
are the ``web`` extra and are imported only here, with an install hint.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from newsprism.errors import DependencyError

if TYPE_CHECKING:
    from newsprism.config import Options


def create_app(db_path: str | os.PathLike[str], options: Options | None = None,
               **background: Any) -> Any:
    """The FastAPI app for the store at ``db_path``; see :mod:`newsprism.web.app`."""
    try:
        import fastapi  # noqa: F401
    except ImportError:
        raise DependencyError("fastapi", "web") from None
    from newsprism.web.app import create_app as _create

    return _create(db_path, options, **background)


__all__ = ["create_app"]

"""Shared pieces of the web app: a store per request, the run's options, uploads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from fastapi import Request, UploadFile
from starlette.concurrency import run_in_threadpool

from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.pipeline.collection import IngestReport

MAX_UPLOAD_FILES = 50


def get_store(request: Request) -> Iterator[Store]:
    """One connection per request: SQLite connections are cheap and WAL lets readers
    run beside an ingest."""
    store = Store(request.app.state.db_path)
    try:
        yield store
    finally:
        store.close()


def options_of(request: Request) -> Options:
    return request.app.state.options


async def ingest_uploads(files: list[UploadFile], urls: str, store: Store,
                         options: Options) -> IngestReport:
    """Ingest uploaded files and http(s) URLs (one per line) in a worker thread.

    Files are read in memory under their own base names (a name like ``..`` or
    ``a/b`` cannot reach a server path), each up to ``options.max_bytes``; URLs
    pass the same address checks as the CLI's fetches, and anything that is not
    an http(s) URL is refused, never read as a server path. Briefings are not
    built here: the stories changed are left for the background builder. Error
    messages give advice a web user can follow (no command-line flags).
    """
    from newsprism.pipeline.collection import ingest_uploaded

    links = [u.strip() for u in urls.splitlines() if u.strip()]
    files = [f for f in files if f.filename]
    if not files and not links:
        raise InputError("upload", "choose at least one file or give a URL")
    if len(files) > MAX_UPLOAD_FILES:
        raise InputError("upload", f"at most {MAX_UPLOAD_FILES} files at once")
    uploads, too_big = [], []
    for i, upload in enumerate(files):
        name = upload_name(upload.filename, i)
        data = await upload.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            too_big.append(InputError(name, f"larger than {options.max_bytes / 1e6:g} MB, the "
                                            "most this server accepts per file; split it into "
                                            "smaller files"))
        else:
            uploads.append((name, data))
    report = await run_in_threadpool(ingest_uploaded, uploads, links, store, options)
    report.errors = too_big + [InputError(e.origin, web_advice(e.problem)) for e in report.errors]
    return report


def upload_name(filename: str | None, index: int) -> str:
    """The base name of an uploaded file, without control characters; ``upload-N``
    when nothing usable is left (``..``, ``/``, an empty name)."""
    base = re.split(r"[/\\]", filename or "")[-1]
    base = "".join(c for c in base if c.isprintable()).strip()
    return base if base.strip(".") else f"upload-{index + 1}"


# advice in a library message that names a command-line flag or the config file, and
# what a web user can do instead ("" drops it: only the server's operator can act)
_CLI_ADVICE = re.compile(r"\s*\(([^()]*(?:--[a-z][a-z-]*|config file)[^()]*)\)")
_WEB_ADVICE = {"--allow-private": "this server fetches public web addresses only",
               "max_bytes": "split it into smaller files"}


def web_advice(problem: str) -> str:
    """``problem`` with command-line advice replaced by words a web user can act on."""
    def replace(match: re.Match[str]) -> str:
        for key, advice in _WEB_ADVICE.items():
            if key in match.group(1):
                return f"; {advice}"
        return ""

    return _CLI_ADVICE.sub(replace, problem)

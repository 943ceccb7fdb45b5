"""Shared pieces of the web app: a store per request, the run's options, uploads."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from fastapi import Request, UploadFile
from starlette.concurrency import run_in_threadpool

from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.store import Store

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


async def ingest_uploads(files: list[UploadFile], urls: str, store: Store, options: Options):  # type: ignore[no-untyped-def]
    """Ingest uploaded files (kept in a temporary folder for the call) and URLs.

    File names are reduced to their last component, so an upload cannot write
    outside the folder. URL safety (http(s) only, no private addresses unless
    allowed) is the ingest stage's, with ``options.allow_private`` as given.
    """
    from newsprism.pipeline.collection import ingest_inputs

    links = [u.strip() for u in urls.splitlines() if u.strip()]
    files = [f for f in files if f.filename]
    if not files and not links:
        raise InputError("upload", "choose at least one file or give a URL")
    if len(files) > MAX_UPLOAD_FILES:
        raise InputError("upload", f"at most {MAX_UPLOAD_FILES} files at once")
    with tempfile.TemporaryDirectory(prefix="newsprism-upload-") as tmp:
        inputs = []
        for i, upload in enumerate(files):
            name = Path(upload.filename or f"upload-{i}").name or f"upload-{i}"
            # one folder per upload: the file keeps its own name (the outlet falls back
            # to it) and two uploads with the same name do not overwrite each other
            target = Path(tmp) / f"{i:03d}" / name
            target.parent.mkdir()
            data = await upload.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                raise InputError(name, f"larger than {options.max_bytes} bytes")
            target.write_bytes(data)
            inputs.append(str(target))
        inputs += links
        return await run_in_threadpool(ingest_inputs, inputs, store, options)

"""Ingest stage: paths, folders, URLs, feeds, JSON/JSONL and stdin -> RawDocuments.

:func:`read_inputs` never raises for a bad document: each problem becomes an
:class:`~newsprism.errors.InputError` naming the file (and line) and what is
wrong, and the good documents are still returned.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from newsprism.config import Options
from newsprism.errors import FetchError, InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import looks_like_feed, parse_feed
from newsprism.ingest.fetch import fetch, is_url
from newsprism.ingest.frontmatter import read_front_matter
from newsprism.ingest.records import parse_records
from newsprism.model import RawDocument

__all__ = ["read_inputs", "read_urls", "read_bytes", "FOLDER_SUFFIXES"]

# Suffix -> kind of container. In a folder only these files are read, so a
# README.md or a photo next to the articles is not mistaken for one.
FOLDER_SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}

_Result = tuple[list[RawDocument], list[InputError]]


def read_inputs(inputs: list[str], options: Options) -> _Result:
    """Every document found in ``inputs``, in a stable order, plus the errors met on the way.

    ``inputs`` may hold folders (read recursively, files sorted, hidden ones
    skipped), files, ``-`` for standard input, and http(s) URLs. All URLs of one
    call share ``options.fetch_run_deadline``; those left when it is spent are
    reported as not fetched.
    """
    run_ends = time.monotonic() + options.fetch_run_deadline
    return _gather(_read_one(item, options, run_ends) for item in inputs)


def read_urls(urls: list[str], options: Options) -> _Result:
    """Documents fetched from ``urls``, which must be http(s) URLs: anything else (a
    path, ``file:``, ``-``) is an error and is never read, so a remote caller cannot
    make this machine read its own files. The run's deadline is as in :func:`read_inputs`."""
    run_ends = time.monotonic() + options.fetch_run_deadline
    return _gather(
        _read_url(url, options, run_ends - time.monotonic()) if is_url(url)
        else ([], [InputError(url, "not a web address: give a URL starting with http:// or "
                                   "https://, or upload the file itself")])
        for url in urls
    )


def _gather(results: Iterable[_Result]) -> _Result:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for found, problems in results:
        docs.extend(found)
        errors.extend(problems)
    return docs, errors


def _read_one(item: str, options: Options, run_ends: float) -> _Result:
    if item == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", options)
    if is_url(item):
        return _read_url(item, options, run_ends - time.monotonic())
    path = Path(item)
    if path.is_dir():
        return _read_folder(path, options)
    if path.is_file():
        return read_file(path, options)
    return [], [InputError(item, "no such file or folder")]


def _read_folder(folder: Path, options: Options) -> _Result:
    found, errors = _article_files(folder)
    files = sorted(found)
    if not files and not errors:
        kinds = ", ".join(sorted(FOLDER_SUFFIXES))
        return [], [InputError(str(folder), f"folder holds no article files ({kinds})")]
    docs, problems = _gather(read_file(f, options) for f in files)
    return docs, errors + problems


def _article_files(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Article files under ``folder`` at any depth, hidden names and symlinked folders
    skipped, and the subfolders that could not be listed.

    Walked with a stack, not recursion, so a folder nested thousands deep is read
    like any other.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    elif Path(entry.name).suffix.lower() in FOLDER_SUFFIXES and entry.is_file():
                        files.append(Path(entry.path))
        except OSError as exc:
            errors.append(InputError(str(current), f"cannot list folder ({exc.strerror or exc})"))
    return files, errors


def read_file(path: Path, options: Options) -> _Result:
    """Documents of one file; size cap and decoding problems become errors."""
    origin = str(path)
    kind = FOLDER_SUFFIXES.get(path.suffix.lower())
    limit = _limit(kind, options)
    try:
        size = path.stat().st_size
        if size > limit:
            return [], [InputError(origin, _too_big(size, limit, kind))]
        data = path.read_bytes()
    except OSError as exc:
        return [], [InputError(origin, f"cannot read file ({exc.strerror or exc})")]
    return read_bytes(data, origin, options, kind=kind, path=origin)


def _limit(kind: str | None, options: Options) -> int:
    """Bytes allowed for a container of ``kind``: an archive of records (JSON, JSONL, or
    not known yet) may hold many articles, each of at most ``max_bytes``."""
    if kind in (None, "json", "jsonl"):
        return max(options.max_archive_bytes, options.max_bytes)
    return options.max_bytes


def read_bytes(
    data: bytes,
    origin: str,
    options: Options,
    kind: str | None = None,
    path: str | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> _Result:
    """Documents from raw bytes of a known or sniffed kind ("text", "html", "json", "feed")."""
    if len(data) > _limit(kind, options):
        return [], [InputError(origin, _too_big(len(data), _limit(kind, options), kind))]
    try:
        text = decode_bytes(data, origin, declared=charset)
    except InputError as exc:
        return [], [exc]
    if not text.strip():
        return [], [InputError(origin, "empty: no article text")]
    kind = kind or sniff_kind(text)
    if len(data) > _limit(kind, options):  # sniffed: not an archive after all
        return [], [InputError(origin, _too_big(len(data), _limit(kind, options), kind))]
    if kind in ("json", "jsonl"):
        return parse_records(text, origin, path, whole_json=kind == "json",
                             max_record_bytes=options.max_bytes)
    if kind == "feed" or (kind == "html" and looks_like_feed(text)):
        return parse_feed(text, origin, path)
    if kind == "html":
        return [RawDocument(origin=origin, body=text, format="html", url=url, path=path)], []
    return [_text_document(text, origin, url, path)], []


def _text_document(text: str, origin: str, url: str | None, path: str | None) -> RawDocument:
    """A plain-text document, its front matter (if any) moved into fields."""
    front = read_front_matter(text, origin)
    return RawDocument(origin=origin, body=front.body, format="text", title=front.title,
                       url=front.url or url, source=front.source, published=front.published,
                       published_time=front.published_time, author=front.author, path=path)


def sniff_kind(text: str) -> str:
    """The kind of an unlabelled body (stdin, unknown suffix) from its first characters."""
    head = text.lstrip()[:2048]
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("<"):
        return "feed" if looks_like_feed(head) else "html"
    return "text"


def _read_url(url: str, options: Options, run_left: float) -> _Result:
    if run_left <= 0:
        return [], [FetchError(url, f"not fetched: the run's {options.fetch_run_deadline:g} s "
                                    "for downloads (fetch_run_deadline) were used up")]
    try:
        fetched = fetch(url, options, seconds=min(options.fetch_deadline, run_left))
    except InputError as exc:
        return [], [exc]
    kind = _kind_of_mime(fetched.mime)
    return read_bytes(fetched.data, url, options, kind=kind, url=fetched.url,
                      charset=fetched.charset)


def _kind_of_mime(mime: str) -> str | None:
    if mime in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime in ("application/json", "application/x-ndjson", "application/jsonl"):
        return "json"
    if mime == "text/plain":
        return "text"
    return None  # e.g. text/xml: sniff the body


def _too_big(size: int, limit: int, kind: str | None) -> str:
    option = "max_archive_bytes" if kind in (None, "json", "jsonl") else "max_bytes"
    return (
        f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB size limit "
        f"(raise {option} in the config file to read it)"
    )

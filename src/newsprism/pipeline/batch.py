"""Batch: an archive -> one briefing file per story plus an index, scaled out on Dask.

Work is split by cost. Reading files is I/O and stays on the client. Cleaning
(trafilatura on HTML) is per-document work, so documents are cleaned in chunks
on the workers. Story grouping is sequential and cheap, so the incremental
clusterer runs on the client exactly as :func:`split_stories` does. Briefing a
story is the expensive part, so every story with enough sources is briefed and
rendered on a worker. Workers receive articles (frozen dataclasses) and send back
Briefings and rendered text; the models are loaded once per worker process by
the stages' own caches and never cross the wire.

Output is deterministic: story files are named from a hash of their member
article ids and the index lists stories in :func:`split_stories` order, so the
same input gives the same files whatever the worker count or completion order.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism import clean, ingest
from newsprism.config import Options
from newsprism.errors import ConfigError, DependencyError, InputError, NewsPrismError, OutputError
from newsprism.model import Article, Briefing, RawDocument, content_id
from newsprism.pipeline.digest import brief, split_stories
from newsprism.render import FORMATS, render

# Documents per cleaning task: one task per document would cost the scheduler
# more than a plain-text document costs to clean; 16 keeps both cores busy on
# a few hundred documents while cutting the task count sixteen-fold.
CLEAN_CHUNK = 16
CONNECT_TIMEOUT = "10s"  # an unreachable --scheduler fails fast instead of hanging
# The scheduler's HTTP server wants port 8787; on a shared machine that is often taken
# and Dask then warns on stderr. Any free port keeps stderr for our own lines.
_ANY_PORT = ":0"

Progress = Callable[[str, int, int], None]  # (phase, done, total); phase "clean" | "brief"


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch wrote and what it rejected.

    ``files`` are the story files in index order; ``skipped`` counts stories with
    fewer than ``min_sources`` sources, which get no file.
    """

    index: Path
    files: tuple[Path, ...]
    stories: int
    articles: int
    skipped: int
    errors: tuple[NewsPrismError, ...]


def story_id(story: tuple[Article, ...]) -> str:
    """A stable story id: the content hash of its sorted member article ids."""
    return content_id("\n".join(sorted(a.id for a in story)), prefix="s")


def run_batch(
    inputs: list[str],
    out_dir: Path,
    options: Options,
    workers: int | None = None,
    scheduler: str | None = None,
    fmt: str = "json",
    min_sources: int = 2,
    progress: Progress | None = None,
    client: Any = None,
) -> BatchResult:
    """Brief every story in ``inputs`` on Dask; write ``out_dir/story-<id>.<fmt>`` and an index.

    Args:
        workers: worker processes of a local cluster (1 thread each); default the CPU count.
        scheduler: address of a running Dask scheduler to use instead (its workers
            must have newsprism installed).
        client: an existing ``dask.distributed.Client`` (tests, notebooks); not closed.
        min_sources: stories with fewer sources are counted in ``skipped``, not written.
        progress: called as ``progress(phase, done, total)`` while documents are
            cleaned and stories briefed.

    Bad documents and stories whose analysis raises a NewsPrismError are returned
    in ``errors``; the rest of the batch is done. Raises InputError when no input
    holds a usable article, OutputError when ``out_dir`` cannot be written,
    ConfigError for bad arguments or an unreachable scheduler, and DependencyError
    when dask is not installed.
    """
    _check_args(fmt, min_sources, workers, scheduler)
    _prepare_out_dir(out_dir)
    docs, errors = ingest.read_inputs(inputs, options)
    with _dask_client(workers, scheduler, client) as dask_client:
        articles = _clean_all(dask_client, docs, options, errors, progress)
        if not articles:
            raise errors[0] if len(errors) == 1 else InputError(
                ", ".join(inputs), "no usable article found")
        stories = split_stories(articles, options)
        kept = [s for s in stories if len(s) >= min_sources]
        briefed = _brief_all(dask_client, kept, options, fmt, out_dir, errors, progress)
    from newsprism.render.index import render_index  # jinja2: not paid by `import newsprism`

    names = [name for name, _ in briefed]
    index = out_dir / f"index.{fmt}"
    _write(index, render_index([b for _, b in briefed], fmt, names))
    return BatchResult(index=index, files=tuple(out_dir / n for n in names),
                       stories=len(briefed), articles=len(articles),
                       skipped=len(stories) - len(kept), errors=tuple(errors))


def _check_args(fmt: str, min_sources: int, workers: int | None, scheduler: str | None) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if min_sources < 1:
        raise ConfigError("min_sources must be at least 1")
    if workers is not None and workers < 1:
        raise ConfigError("workers must be at least 1")
    if workers is not None and scheduler is not None:
        raise ConfigError("give either workers (a local cluster) or a scheduler address, not both")


def _prepare_out_dir(out_dir: Path) -> None:
    """Create ``out_dir`` and prove it is writable before any work is spent."""
    probe = out_dir / ".newsprism-write-test"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise OutputError(
            f"{out_dir}: cannot write the output folder ({exc.strerror or exc}); "
            "choose another --out") from None


@contextmanager
def _dask_client(workers: int | None, scheduler: str | None, given: Any) -> Iterator[Any]:
    """The caller's client as is, a running scheduler's, or a new LocalCluster's (closed after)."""
    if given is not None:
        yield given
        return
    distributed = _import_distributed()
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
                "start one with `dask scheduler` or leave out --scheduler") from None
        with client:
            yield client
        return
    with distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            dashboard_address=_ANY_PORT, silence_logs=logging.ERROR) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def _import_distributed() -> Any:
    try:
        import dask.distributed as distributed
    except ImportError:
        raise DependencyError("dask", "dask") from None
    return distributed


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def clean_chunk(docs: list[RawDocument], options: Options) -> list[Article | InputError]:
    """Worker task: each document cleaned, or the InputError that rejected it, in order."""
    out: list[Article | InputError] = []
    for doc in docs:
        try:
            out.append(clean.clean_document(doc, options))
        except InputError as exc:
            out.append(exc)
    return out


def _clean_all(client: Any, docs: list[RawDocument], options: Options,
               errors: list[NewsPrismError], progress: Progress | None) -> tuple[Article, ...]:
    """Articles in document order, the same text twice kept once (as load_articles does)."""
    chunks = list(_chunks(docs, CLEAN_CHUNK))
    futures = [client.submit(clean_chunk, c, options, pure=False) for c in chunks]
    _await(futures, "clean", [len(c) for c in chunks], progress)
    articles: dict[str, Article] = {}
    for future in futures:
        for item in future.result():
            if isinstance(item, InputError):
                errors.append(item)
            else:
                articles.setdefault(item.id, item)
    return tuple(articles.values())


def brief_story(story: tuple[Article, ...], options: Options,
                fmt: str) -> tuple[Briefing, str] | NewsPrismError:
    """Worker task: the story's Briefing and its rendering, or the error that stopped it."""
    try:
        briefing = brief(story, options)
        return briefing, render(briefing, fmt)
    except NewsPrismError as exc:
        return exc


def _brief_all(client: Any, stories: list[tuple[Article, ...]], options: Options, fmt: str,
               out_dir: Path, errors: list[NewsPrismError],
               progress: Progress | None) -> list[tuple[str, Briefing]]:
    """(file name, Briefing) per briefed story, in story order; files written as they finish."""
    names = [f"story-{story_id(s)}.{fmt}" for s in stories]
    futures = [client.submit(brief_story, s, options, fmt, pure=False) for s in stories]
    done: dict[int, tuple[str, Briefing]] = {}

    def finished(i: int, outcome: tuple[Briefing, str] | NewsPrismError) -> None:
        if isinstance(outcome, NewsPrismError):
            errors.append(NewsPrismError(f"story {names[i]}: {outcome}"))
            return
        briefing, text = outcome
        _write(out_dir / names[i], text)
        done[i] = (names[i], briefing)

    _await(futures, "brief", [1] * len(futures), progress, finished)
    return [done[i] for i in sorted(done)]


def _await(futures: list[Any], phase: str, weights: list[int], progress: Progress | None,
           finished: Callable[[int, Any], None] | None = None) -> None:
    """Wait for every future, in completion order, reporting progress as they land."""
    from dask.distributed import as_completed

    position = {f.key: i for i, f in enumerate(futures)}
    total, done = sum(weights), 0
    if progress:
        progress(phase, 0, total)
    for future in as_completed(futures):
        i = position[future.key]
        if finished is not None:
            finished(i, future.result())
        done += weights[i]
        if progress:
            progress(phase, done, total)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None

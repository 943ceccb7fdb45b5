"""Briefings of stored stories: built once, cached, and ready before anyone asks.

:func:`story_briefing` and :func:`story_fragment` serve a stored story's
briefing from the store's cache, building it on a miss. One build per story
and options runs at a time in a process: requests (and the background
builder) that want the same uncached briefing wait for that build and read
its result from the cache, instead of each analysing the story again.
:func:`build_dirty` rebuilds the briefings of the stories ingest and poll
marked dirty (reusing each article's stored work, see pipeline/work.py), so a
reader opening a story gets its briefing at once.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from newsprism.config import Options
from newsprism.errors import NewsPrismError
from newsprism.model import Briefing
from newsprism.pipeline.digest import brief
from newsprism.pipeline.work import prepare_articles
from newsprism.store import Store, decode_briefing, encode_briefing


class _Flights:
    """One lock per key, held by whoever builds that key; it lives while anyone waits."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def single(self, key: str) -> Iterator[None]:
        """Run the body for ``key`` in one thread at a time."""
        with self._guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


_FLIGHTS = _Flights()


def story_briefing(store: Store, story_id: str, options: Options) -> Briefing:
    """The briefing of a stored story: from the cache, else analysed now and cached.

    The cache key holds the story's version (bumped whenever an article joins)
    and the options that shape a briefing, so a stale briefing is never served.
    Concurrent callers wanting the same uncached briefing build it once.
    """
    key = _briefing_key(store, story_id, options)
    hit = _cached_briefing(store, story_id, key)
    if hit is not None:
        return hit
    with _FLIGHTS.single(_flight(store, story_id, key)):
        hit = _cached_briefing(store, story_id, key)  # built while this call waited
        if hit is not None:
            return hit
        articles = store.story_articles(story_id)
        prepare_articles(store, articles, options)
        briefing = brief(articles, options)
        store.cache_briefing(story_id, key, encode_briefing(briefing))
        return briefing


def _cached_briefing(store: Store, story_id: str, key: str) -> Briefing | None:
    body = store.cached_briefing(story_id, key)
    if body is None:
        return None
    try:
        return decode_briefing(body)
    except (ValueError, KeyError, TypeError):
        return None  # written by another version: rebuild it


def built_summary(store: Store, story_id: str, options: Options, n: int = 2) -> list[str]:
    """The first ``n`` summary lines of the story's briefing if it is already built;
    [] otherwise (this never builds one: a list page must stay fast)."""
    body = store.cached_briefing(story_id, _briefing_key(store, story_id, options))
    try:
        return [s["text"] for s in json.loads(body)["summary"][:n]] if body else []
    except (ValueError, KeyError, TypeError):
        return []


def _briefing_key(store: Store, story_id: str, options: Options) -> str:
    return f"v{store.story_version(story_id)}|{options.embedder}|{options.words}|{options.focus}"


def _flight(store: Store, story_id: str, key: str) -> str:
    return f"{store.path.resolve()}|{story_id}|{key}"


def story_fragment(store: Store, story_id: str, options: Options) -> tuple[str, str]:
    """The title and HTML fragment of a stored story's briefing, cached like the briefing
    (and built once for concurrent callers).

    A 25-article briefing's fragment (every source sentence, for highlighting)
    takes longer to render than the whole page may take, so it is kept too.
    """
    from newsprism.render.html import FRAGMENT_VERSION  # jinja2: only when rendering

    key = _briefing_key(store, story_id, options) + f"|html{FRAGMENT_VERSION}"
    body = store.cached_briefing(story_id, key)
    if body is None:
        with _FLIGHTS.single(_flight(store, story_id, key)):
            body = store.cached_briefing(story_id, key) or _render_fragment(
                store, story_id, key, options)
    cached = json.loads(body)
    return cached["title"], cached["html"]


def _render_fragment(store: Store, story_id: str, key: str, options: Options) -> str:
    """Render, cache and return the fragment entry (JSON: title and html)."""
    from newsprism.render.html import briefing_fragment  # jinja2: only when rendering

    briefing = story_briefing(store, story_id, options)
    body = json.dumps({"title": briefing.title, "html": briefing_fragment(briefing)},
                      ensure_ascii=False)
    store.cache_briefing(story_id, key, body)
    return body


@dataclass
class BuildReport:
    """Stories rebuilt, and those that failed with why."""

    built: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        text = f"build: {len(self.built)} briefing{'' if len(self.built) == 1 else 's'} " \
               f"built in {self.seconds:.1f} s"
        if self.failed:
            text += f", {len(self.failed)} failed (" + "; ".join(
                f"{story}: {why}" for story, why in self.failed) + ")"
        return text


def build_dirty(store: Store, options: Options, limit: int | None = None,
                stop: Callable[[], bool] = lambda: False) -> BuildReport:
    """Rebuild the briefing of every dirty story (most recently changed first).

    A story that changes while it is built stays dirty for the next run;
    ``stop`` is asked between stories, so a shutting-down server stops soon.
    A briefing a reader's request is building meanwhile is waited for, not built twice.
    """
    report = BuildReport()
    started = time.monotonic()
    for story_id in store.dirty_stories(limit):
        if stop():
            break
        try:
            version = store.story_version(story_id)
            story_fragment(store, story_id, options)
        except NewsPrismError as exc:
            report.failed.append((story_id, str(exc)))
            continue
        store.mark_built(story_id, version)
        report.built.append(story_id)
    report.seconds = time.monotonic() - started
    return report

"""Briefings ready before anyone asks: rebuild the stories ingest and poll marked dirty.

:func:`build_dirty` rebuilds their briefings into the store's cache (reusing
each article's stored work, see pipeline/work.py), so a reader opening a story
gets its briefing at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprism.config import Options
from newsprism.errors import NewsPrismError
from newsprism.pipeline.collection import story_fragment
from newsprism.store import Store


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

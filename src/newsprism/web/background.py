"""Work the web app does while it serves: polling feeds and building changed stories' briefings.

Each job runs in its own daemon thread with its own store connection, every
``seconds``, until the app shuts down. A failing run is logged and the next
one happens on schedule: a background error never takes the server down.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprism.config import Options
from newsprism.store import Store

log = logging.getLogger("newsprism.web")

# a job is given the store, the app's options, and a "should I stop?" question
Job = Callable[[Store, Options, Callable[[], bool]], None]


@dataclass
class Background:
    """Periodic jobs on the store at ``db_path``; start() them, stop() waits for them."""

    db_path: str
    options: Options
    jobs: list[tuple[str, float, Job]] = field(default_factory=list)
    stop_event: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def add(self, name: str, seconds: float, job: Job) -> None:
        self.jobs.append((name, seconds, job))

    def start(self) -> None:
        for name, seconds, job in self.jobs:
            thread = threading.Thread(target=self._loop, args=(name, seconds, job),
                                      name=f"newsprism-{name}", daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout)

    def _loop(self, name: str, seconds: float, job: Job) -> None:
        while not self.stop_event.is_set():
            try:
                with Store(self.db_path) as store:
                    job(store, self.options, self.stop_event.is_set)
            except Exception:  # noqa: BLE001 - logged; the next run is on schedule
                log.exception("background %s failed", name)
            self.stop_event.wait(seconds)


def poll_job(store: Store, options: Options, stop: Callable[[], bool]) -> None:
    """One poll of every followed feed, reported in the server log."""
    from newsprism.pipeline.poll import poll_once

    log.warning("%s", poll_once(store, options).line())


def build_job(store: Store, options: Options, stop: Callable[[], bool]) -> None:
    """Rebuild the briefing of every story changed since its last build."""
    from newsprism.pipeline.build import build_dirty

    report = build_dirty(store, options, stop=stop)
    if report.built or report.failed:
        log.warning("%s", report.line())

"""Polling followed feeds: fetch each due feed, read new items, store them as articles.

Wires ingest (feeds and pages), clean, and the collection's clustering and
store. One feed's failure is recorded on that feed (with an exponential
backoff) and never stops the others.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from newsprism import clean
from newsprism.config import Options
from newsprism.errors import InputError, NewsPrismError
from newsprism.ingest.feeds import FeedItem
from newsprism.ingest.subscriptions import FeedFetch, feed_urls, fetch_feed, item_page
from newsprism.model import Article, RawDocument
from newsprism.pipeline.collection import IngestReport, ingest_articles
from newsprism.pipeline.digest import cluster_config
from newsprism.store import Store


@dataclass
class PollReport:
    """What one poll did: feeds fetched, articles added, and failures. (The stories it
    touched are marked dirty in the store, for the next build.)"""

    feeds: int = 0
    added: int = 0
    not_modified: int = 0
    waiting: int = 0  # feeds skipped because they are backing off after errors
    failed: list[InputError] = field(default_factory=list)
    item_errors: list[InputError] = field(default_factory=list)  # pages that failed

    def line(self) -> str:
        """One progress line: "poll: 3 feeds, 12 new articles, 1 failed (timed out: URL)"."""
        text = f"poll: {self.feeds} feed{_s(self.feeds)}, {self.added} new article{_s(self.added)}"
        if self.not_modified:
            text += f", {self.not_modified} unchanged"
        if self.waiting:
            text += f", {self.waiting} backing off"
        if self.failed:
            text += f", {len(self.failed)} failed ("
            text += "; ".join(f"{e.problem}: {e.origin}" for e in self.failed) + ")"
        if self.item_errors:
            text += f", {len(self.item_errors)} page{_s(len(self.item_errors))} unreadable"
        return text


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def follow(store: Store, target: str) -> list[tuple[str, bool]]:
    """Subscribe to the feed URL ``target`` or to every feed of an OPML file.

    Returns (url, newly followed) pairs; raises InputError for an unusable target.
    """
    return [(url, store.follow(url)) for url in feed_urls(target)]


def poll_once(store: Store, options: Options, now: datetime | None = None) -> PollReport:
    """Fetch every followed feed that is not backing off, once, and store its new items."""
    now = now or datetime.now(UTC)
    report = PollReport()
    due = list(store.due_feeds(_iso(now)))
    report.waiting = len(store.feeds()) - len(due)
    for feed in due:
        report.feeds += 1
        try:
            fetched = fetch_feed(feed["url"], options, feed["etag"], feed["last_modified"])
        except NewsPrismError as exc:
            _failed(store, feed, exc, now, options, report)
            continue
        if fetched is None:
            report.not_modified += 1
            store.feed_fetched(feed["url"], _iso(now), "not modified")
            continue
        added = _read_items(store, feed["url"], fetched, options, report)
        store.feed_fetched(feed["url"], _iso(now), "ok", title=fetched.title, etag=fetched.etag,
                           last_modified=fetched.last_modified, added=added)
    return report


def _failed(store: Store, feed: dict[str, Any], exc: NewsPrismError, now: datetime, options: Options,
            report: PollReport) -> None:
    error = exc if isinstance(exc, InputError) else InputError(feed["url"], str(exc))
    report.failed.append(error)
    wait = min(options.feed_backoff * 2 ** feed["errors"], options.feed_backoff_max)
    store.feed_failed(feed["url"], _iso(now), error.problem, _iso(now + timedelta(seconds=wait)))


def _read_items(store: Store, feed_url: str, fetched: FeedFetch, options: Options,
                report: PollReport) -> int:
    """Store the feed's unseen items; returns how many new articles they gave."""
    read: list[tuple[str, str | None]] = []
    articles: list[Article] = []
    for item in fetched.items:
        if not store.unseen(feed_url, item.guid, item.url) or (item.guid, item.url) in read:
            continue
        try:
            articles.append(clean.clean_document(_document(item, options), options))
        except InputError as exc:
            if not item.full:  # the page may be back next time: try again then
                report.item_errors.append(exc)
                continue
        read.append((item.guid, item.url))
    ingested = ingest_articles(articles, store, config=cluster_config(options),
                               report=IngestReport())
    store.mark_seen(feed_url, read)
    report.added += ingested.added
    return ingested.added


def _document(item: FeedItem, options: Options) -> RawDocument:
    return item.doc if item.full else item_page(item, options)


def poll_every(store: Store, options: Options, seconds: float, stop: threading.Event,
               echo: Callable[[str], None]) -> None:
    """Poll, print the report line, and wait ``seconds``, until ``stop`` is set."""
    while not stop.is_set():
        echo(poll_once(store, options).line())
        stop.wait(seconds)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")

"""The feeds a collection follows, their fetch state, and the items already read."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from newsprism.errors import NotFoundError


class FeedTables:
    """Feed queries of :class:`~newsprism.store.Store` (mixed in; uses its connection)."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[None]]

    def follow(self, url: str) -> bool:
        """Subscribe to ``url``; False when it was already followed."""
        with self.transaction():
            cur = self.db.execute("INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)",
                                  (url, _now()))
        return cur.rowcount > 0

    def unfollow(self, url: str) -> None:
        """Drop the feed and its read items (stored articles stay); NotFoundError if unknown."""
        with self.transaction():
            cur = self.db.execute("DELETE FROM feeds WHERE url = ?", (url,))
            self.db.execute("DELETE FROM feed_items WHERE feed_url = ?", (url,))
        if cur.rowcount == 0:
            raise NotFoundError(f"not following {url!r}; `newsprism feeds` lists the feeds")

    def feeds(self) -> list[dict[str, Any]]:
        """Every followed feed with its fetch state, in the order they were followed."""
        return [dict(r) for r in self.db.execute("SELECT * FROM feeds ORDER BY rowid")]

    def due_feeds(self, now: str) -> Iterator[dict[str, Any]]:
        """Feeds whose backoff (if any) has expired at ISO time ``now``."""
        rows = self.db.execute("SELECT * FROM feeds WHERE next_fetch IS NULL OR next_fetch <= ? "
                               "ORDER BY rowid", (now,)).fetchall()
        return (dict(r) for r in rows)

    def unseen(self, feed_url: str, guid: str, url: str | None) -> bool:
        """True when no item of this feed had ``guid`` and no item of any feed had ``url``."""
        row = self.db.execute(
            "SELECT 1 FROM feed_items WHERE (feed_url = ? AND guid = ?) OR url = ? LIMIT 1",
            (feed_url, guid, url)).fetchone()
        return row is None

    def mark_seen(self, feed_url: str, items: list[tuple[str, str | None]]) -> None:
        """Record (guid, url) items of ``feed_url`` as read."""
        now = _now()
        with self.transaction():
            self.db.executemany("INSERT OR IGNORE INTO feed_items VALUES (?, ?, ?, ?)",
                                [(feed_url, guid, url, now) for guid, url in items])

    def feed_fetched(self, url: str, when: str, status: str, *, title: str | None = None,
                     etag: str | None = None, last_modified: str | None = None,
                     added: int = 0) -> None:
        """Record a successful fetch (status "ok" or "not modified"); clears the backoff."""
        with self.transaction():
            self.db.execute(
                "UPDATE feeds SET last_fetch = ?, status = ?, errors = 0, next_fetch = NULL, "
                "title = coalesce(?, title), etag = coalesce(?, etag), "
                "last_modified = coalesce(?, last_modified), articles = articles + ? "
                "WHERE url = ?", (when, status, title, etag, last_modified, added, url))

    def feed_failed(self, url: str, when: str, problem: str, next_fetch: str) -> None:
        """Record a failed fetch and when the feed may be tried again."""
        with self.transaction():
            self.db.execute(
                "UPDATE feeds SET last_fetch = ?, status = ?, errors = errors + 1, "
                "next_fetch = ? WHERE url = ?", (when, problem, next_fetch, url))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

"""Work kept between builds: per-article analysis results and the stories to rebuild."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager


class WorkTables:
    """Build-state queries of :class:`~newsprism.store.Store` (mixed in; uses its connection)."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[None]]

    def dirty_stories(self, limit: int | None = None) -> list[str]:
        """Ids of stories changed since their briefing was last built, most recent first."""
        rows = self.db.execute(
            "SELECT id FROM stories WHERE dirty = 1 ORDER BY updated_seq DESC LIMIT ?",
            (-1 if limit is None else limit,))
        return [r[0] for r in rows]

    def mark_built(self, story_id: str, version: int) -> None:
        """Clear the dirty flag, unless the story changed again after ``version`` was built."""
        with self.transaction():
            self.db.execute("UPDATE stories SET dirty = 0 WHERE id = ? AND version = ?",
                            (story_id, version))

    def article_work(self, kind: str, article_ids: list[str]) -> dict[str, bytes]:
        """Stored results of ``kind`` for those of ``article_ids`` that have one."""
        found: dict[str, bytes] = {}
        for i in range(0, len(article_ids), 500):  # under SQLite's bound-parameter limit
            chunk = article_ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(
                f"SELECT article_id, body FROM article_work WHERE kind = ? "
                f"AND article_id IN ({marks})", (kind, *chunk)).fetchall())
        return found

    def save_article_work(self, kind: str, results: dict[str, bytes]) -> None:
        """Store results of ``kind`` by article id (replacing older ones)."""
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO article_work VALUES (?, ?, ?)",
                                [(aid, kind, body) for aid, body in results.items()])

    def arrived_after(self, story_id: str, moment: str) -> list[str]:
        """Ids of the story's articles stored after ISO UTC time ``moment``."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE story_id = ? AND ingested_at > ? ORDER BY seq",
            (story_id, moment))]

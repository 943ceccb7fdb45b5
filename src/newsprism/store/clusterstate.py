"""The clusterer's state in the store: story rows, document frequencies, signatures.

Counts that rows can answer are derived from the rows in the writing
transaction, never carried over from a writer's memory: a story's size is the
number of its articles, ``n_docs`` the number of articles. So a writer working
from a stale picture cannot make them wrong, and two writers (one after the
other, each inside ``BEGIN IMMEDIATE``) add up.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

_WORD = re.compile(r"\w+", re.UNICODE)
_COLUMNS = "id, state, first_date, last_date, size"
_SIGNATURE = "SELECT seq, id, story_id, published, signature FROM articles"


class ClusterTables:
    """Clustering-state queries of :class:`~newsprism.store.Store` (mixed in; uses its connection)."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[None]]

    # ------------------------------------------------------------------ writes
    def next_seq(self) -> int:
        """The row number the next article gets (call under the write lock)."""
        return int(self.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0])

    def save_story(self, story_id: str, state: str, first: str | None, last: str | None,
                   title: str | None, seq: int) -> None:
        """Create or update a story and mark it dirty (its briefing is to be rebuilt);
        its size is counted from its articles; a changed story's cached briefings are dropped."""
        self.db.execute(
            "INSERT INTO stories (id, title, first_date, last_date, size, version, state, "
            "created_seq, updated_seq, dirty) VALUES (?,?,?,?,"
            "(SELECT count(*) FROM articles WHERE story_id = ?),1,?,?,?,1) "
            "ON CONFLICT(id) DO UPDATE SET first_date=excluded.first_date, "
            "last_date=excluded.last_date, size=excluded.size, state=excluded.state, "
            "version=stories.version+1, updated_seq=excluded.updated_seq, dirty=1, "
            "title=coalesce(stories.title, excluded.title)",
            (story_id, title, first, last, story_id, state, seq, seq),
        )
        self.db.execute("DELETE FROM briefings WHERE story_id = ?", (story_id,))

    def add_term_counts(self, delta: dict[int, int]) -> None:
        """Add to the document frequencies the clusterer weighs terms by; ``n_docs``
        becomes the number of stored articles."""
        self.db.executemany(
            "INSERT INTO term_df (term, n) VALUES (?, ?) "
            "ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            sorted(delta.items()),
        )
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('n_docs', "
                        "(SELECT count(*) FROM articles))")

    def epoch(self) -> int:
        """Bumped whenever stored clustering state is rewritten other than by an ingest
        (``check --repair``): a writer holding it in memory must read it again."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
        return int(row[0]) if row else 0

    def bump_epoch(self) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('epoch', ?)", (str(self.epoch() + 1),))

    # ------------------------------------------------------------------- reads
    def head(self) -> int:
        """The row number of the latest stored article (0 when none)."""
        return int(self.db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])

    def term_counts(self) -> tuple[int, dict[int, int]]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()
        df = dict(self.db.execute("SELECT term, n FROM term_df").fetchall())
        return (int(row[0]) if row else 0), df

    def open_stories(self, since: str | None) -> Iterator[sqlite3.Row]:
        """Stories whose latest article is on or after ``since`` (all when None, or undated)."""
        sql = f"SELECT {_COLUMNS} FROM stories"
        if since is None:
            return iter(self.db.execute(sql + " ORDER BY created_seq").fetchall())
        return iter(self.db.execute(
            sql + " WHERE last_date IS NULL OR last_date >= ? ORDER BY created_seq", (since,)
        ).fetchall())

    def stories_between(self, since: str, until: str) -> Iterator[sqlite3.Row]:
        """Dated stories whose span meets ``[since, until]`` (ISO dates), oldest created first."""
        return iter(self.db.execute(
            f"SELECT {_COLUMNS} FROM stories "
            "WHERE last_date >= ? AND first_date <= ? ORDER BY created_seq", (since, until)
        ).fetchall())

    def stories_changed_after(self, seq: int) -> Iterator[sqlite3.Row]:
        """Stories written by a batch whose articles came after row ``seq``, oldest created first."""
        return iter(self.db.execute(
            f"SELECT {_COLUMNS} FROM stories WHERE updated_seq > ? ORDER BY created_seq", (seq,)
        ).fetchall())

    def stories_of(self, story_ids: list[str]) -> Iterator[sqlite3.Row]:
        """The stored rows of those of ``story_ids`` that have one, oldest created first."""
        marks = ",".join("?" * len(story_ids))
        return iter(self.db.execute(
            f"SELECT {_COLUMNS} FROM stories WHERE id IN ({marks}) ORDER BY created_seq",
            story_ids).fetchall())

    def story_ids_like(self, text: str, limit: int = 20) -> list[str]:
        """Stories of the articles that best match any word of ``text`` (full text, bm25).

        For an undated article, whose date cannot bound the search. Read from the
        articles (written at once), not the story rows (written at the end of a batch).
        """
        words = sorted({w.lower() for w in _WORD.findall(text) if len(w) > 3})
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', "") + '"' for w in words)
        rows = self.db.execute(
            "SELECT a.story_id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.seq LIMIT ?",
            (match, limit)).fetchall()
        return sorted({r[0] for r in rows})

    def story_signatures(self, story_ids: list[str]) -> Iterator[sqlite3.Row]:
        """The MinHash signatures of the given stories' articles, in ingestion order."""
        marks = ",".join("?" * len(story_ids))
        return iter(self.db.execute(
            f"{_SIGNATURE} WHERE signature IS NOT NULL AND story_id IN ({marks}) ORDER BY seq",
            story_ids).fetchall())

    def signatures(self, since: str | None) -> Iterator[sqlite3.Row]:
        """Articles' MinHash signatures: undated or published on/after ``since``, in
        ingestion order."""
        sql = f"{_SIGNATURE} WHERE signature IS NOT NULL"
        if since is None:
            return iter(self.db.execute(sql + " ORDER BY seq").fetchall())
        return iter(self.db.execute(sql + " AND (published IS NULL OR published >= ?) ORDER BY seq",
                                    (since,)).fetchall())

    def signatures_after(self, seq: int) -> Iterator[sqlite3.Row]:
        """Signatures of the articles stored after row ``seq``, in ingestion order."""
        return iter(self.db.execute(
            f"{_SIGNATURE} WHERE signature IS NOT NULL AND seq > ? ORDER BY seq", (seq,)
        ).fetchall())

    def story_head(self, story_id: str) -> int:
        """The row number of the story's latest article (0 when it has none)."""
        return int(self.db.execute("SELECT coalesce(max(seq), 0) FROM articles WHERE story_id = ?",
                                   (story_id,)).fetchone()[0])

    def newest_date(self) -> str | None:
        return self.db.execute("SELECT max(last_date) FROM stories").fetchone()[0]

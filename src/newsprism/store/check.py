"""What the store can check about itself, and the repairs its rows alone make possible.

Each check returns :class:`Problem` lines; the pipeline adds the checks that
need the clusterer (pipeline/check.py) and runs the repairs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a store: ``kind`` names the check, ``text`` says what and
    where; ``repairable`` when ``check --repair`` can derive the right value from rows."""

    kind: str
    text: str
    repairable: bool = True

    def line(self) -> str:
        return f"{self.kind}: {self.text}"


class CheckTables:
    """Consistency queries of :class:`~newsprism.store.Store` (mixed in; uses its connection)."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[None]]
    count: Callable[[str], int]

    # ------------------------------------------------------------------ checks
    def integrity_problems(self) -> list[Problem]:
        """SQLite's own ``integrity_check`` (pages, indexes); not repairable here."""
        rows = [r[0] for r in self.db.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else [Problem("integrity", r, False) for r in rows]

    def search_index_problems(self) -> list[Problem]:
        """The full-text index against the articles it indexes (FTS5 ``integrity-check``)."""
        try:
            self.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            return [Problem("search index", f"out of step with the articles ({exc})")]
        return []

    def story_row_problems(self) -> list[Problem]:
        """Articles of a story with no row, stories with no article, sizes not their count."""
        out = [Problem("orphans", f"{n} article(s) point at story {sid}, which has no row")
               for sid, n in self.db.execute(
                   "SELECT a.story_id, count(*) FROM articles a LEFT JOIN stories s "
                   "ON s.id = a.story_id WHERE s.id IS NULL GROUP BY a.story_id ORDER BY 1")]
        out += [Problem("empty story", f"story {sid} has no article")
                for (sid,) in self.db.execute(
                    "SELECT id FROM stories s WHERE NOT EXISTS "
                    "(SELECT 1 FROM articles a WHERE a.story_id = s.id) ORDER BY id")]
        out += [Problem("story size", f"story {sid} says {size} article(s), has {n}")
                for sid, size, n in self.db.execute(
                    "SELECT s.id, s.size, count(*) FROM stories s JOIN articles a "
                    "ON a.story_id = s.id GROUP BY s.id HAVING s.size != count(*) ORDER BY s.id")]
        return out

    def count_problems(self) -> list[Problem]:
        """The document count the clusterer weighs terms by against the articles."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()
        n_docs, n = int(row[0]) if row else 0, self.count("articles")
        return [] if n_docs == n else [
            Problem("document count", f"n_docs says {n_docs}, the store holds {n} article(s)")]

    def articles_by_story(self) -> Iterator[sqlite3.Row]:
        """Every article's clustering inputs, grouped by story, in ingestion order."""
        return iter(self.db.execute(
            "SELECT seq, id, story_id, title, text, published, signature FROM articles "
            "ORDER BY story_id, seq"))

    def story_states(self) -> dict[str, sqlite3.Row]:
        return {r["id"]: r for r in self.db.execute(
            "SELECT id, state, first_date, last_date, size FROM stories")}

    # ----------------------------------------------------------------- repairs
    def rebuild_search_index(self) -> None:
        self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")

    def recount(self) -> None:
        """Story sizes and ``n_docs`` from the rows; stories with no article dropped."""
        self.db.execute("DELETE FROM briefings WHERE story_id NOT IN "
                        "(SELECT DISTINCT story_id FROM articles)")
        self.db.execute("DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM articles)")
        self.db.execute("UPDATE stories SET size = (SELECT count(*) FROM articles a "
                        "WHERE a.story_id = stories.id)")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('n_docs', "
                        "(SELECT count(*) FROM articles))")

    def replace_term_counts(self, df: dict[int, int]) -> None:
        self.db.execute("DELETE FROM term_df")
        self.db.executemany("INSERT INTO term_df VALUES (?, ?)", sorted(df.items()))

    def set_signature(self, key: str, signature: bytes) -> None:
        self.db.execute("UPDATE articles SET signature = ? WHERE id = ?", (signature, key))

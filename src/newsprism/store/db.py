"""The embedded store: SQLite in WAL mode, articles, stories, full-text search, cached briefings.

The store knows tables, not algorithms: clustering state arrives as plain
JSON and bytes from the pipeline, and briefings as rendered JSON text.
Every write happens inside :meth:`Store.transaction`, so a process killed at
any point leaves whole articles or none (SQLite's journal guarantees it).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsprism.errors import NotFoundError, StoreError
from newsprism.model import Article, Removed, content_id
from newsprism.nlp.text import lead_title
from newsprism.store.feeds import FeedTables
from newsprism.store.search import SearchTables
from newsprism.store.work import WorkTables
from newsprism.store.migrations import migrate

DB_ENV = "NEWSPRISM_DB"
DEFAULT_DB = Path("~/.local/share/newsprism/newsprism.db")
_QUERY_WORD = re.compile(r"\w+", re.UNICODE)


def default_path(db: str | None = None) -> Path:
    """``db`` if given, else ``$NEWSPRISM_DB``, else ``~/.local/share/newsprism/newsprism.db``."""
    chosen = db or os.environ.get(DB_ENV) or str(DEFAULT_DB)
    return Path(chosen).expanduser()


def article_key(article: Article) -> str:
    """The content key: the same outlet's same text is one article, whatever its URL.

    The outlet is part of the key so that a syndicated copy carried by another
    outlet is kept (as an extra outlet of the story) rather than dropped.
    """
    return content_id(f"{article.name}\n{article.text}", prefix="a", length=12)


class Store(FeedTables, WorkTables, SearchTables):
    """One connection to a store file; create, migrate and open it on construction.

    Raises StoreError when the file cannot be opened or is not a NewsPrism store.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit mode: transactions are explicit (BEGIN IMMEDIATE) and short
            self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                                      timeout=30.0)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints
            self.db.execute("PRAGMA foreign_keys=ON")
            # 64 MB page cache: the content-key and FTS indexes of a 100k-article store
            # outgrow the 2 MB default, and each insert then waits on page reads
            self.db.execute("PRAGMA cache_size=-65536")
            migrate(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the store ({exc}); check the path "
                             "or pass another with --db") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write ({exc})") from None
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot commit ({exc})") from None

    # ------------------------------------------------------------------ writes
    def has_article(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (key,)).fetchone() is not None

    def add_article(self, key: str, article: Article, story_id: str,
                    duplicate_of: str | None, signature: bytes | None) -> int:
        """Insert one article and index it for search; returns its sequence number."""
        removed = json.dumps([[r.kind, r.text] for r in article.removed], ensure_ascii=False)
        cur = self.db.execute(
            "INSERT INTO articles (id, story_id, duplicate_of, name, title, url, published, "
            "author, path, record_id, text, removed, signature, ingested_at, published_time, "
            "date_guessed, marks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (key, story_id, duplicate_of, article.name, article.title, article.url,
             article.published, article.author, article.path, article.record_id, article.text,
             removed, signature, _now(), article.published_time, int(article.date_guessed),
             json.dumps([list(m) for m in article.marks])),
        )
        seq = int(cur.lastrowid or 0)
        self.db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                        (seq, article.title or "", article.text))
        return seq

    def save_story(self, story_id: str, state: str, first: str | None, last: str | None,
                   size: int, title: str | None, seq: int) -> None:
        """Create or update a story and mark it dirty (its briefing is to be rebuilt);
        a changed story's cached briefings are dropped."""
        self.db.execute(
            "INSERT INTO stories (id, title, first_date, last_date, size, version, state, "
            "created_seq, updated_seq, dirty) VALUES (?,?,?,?,?,1,?,?,?,1) "
            "ON CONFLICT(id) DO UPDATE SET first_date=excluded.first_date, "
            "last_date=excluded.last_date, size=excluded.size, state=excluded.state, "
            "version=stories.version+1, updated_seq=excluded.updated_seq, dirty=1, "
            "title=coalesce(stories.title, excluded.title)",
            (story_id, title, first, last, size, state, seq, seq),
        )
        self.db.execute("DELETE FROM briefings WHERE story_id = ?", (story_id,))

    def add_term_counts(self, delta: dict[int, int], n_docs: int) -> None:
        """Add to the document frequencies the clusterer weighs terms by."""
        self.db.executemany(
            "INSERT INTO term_df (term, n) VALUES (?, ?) "
            "ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            sorted(delta.items()),
        )
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('n_docs', ?)", (str(n_docs),))

    # --------------------------------------------------------- clustering state
    def term_counts(self) -> tuple[int, dict[int, int]]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()
        df = dict(self.db.execute("SELECT term, n FROM term_df").fetchall())
        return (int(row[0]) if row else 0), df

    def open_stories(self, since: str | None) -> Iterator[sqlite3.Row]:
        """Stories whose latest article is on or after ``since`` (all when None, or undated)."""
        sql = "SELECT id, state, first_date, last_date, size FROM stories"
        if since is None:
            return iter(self.db.execute(sql + " ORDER BY created_seq").fetchall())
        return iter(self.db.execute(
            sql + " WHERE last_date IS NULL OR last_date >= ? ORDER BY created_seq", (since,)
        ).fetchall())

    def stories_between(self, since: str, until: str) -> Iterator[sqlite3.Row]:
        """Dated stories whose span meets ``[since, until]`` (ISO dates), oldest created first."""
        return iter(self.db.execute(
            "SELECT id, state, first_date, last_date, size FROM stories "
            "WHERE last_date >= ? AND first_date <= ? ORDER BY created_seq", (since, until)
        ).fetchall())

    def stories_like(self, text: str, limit: int = 20) -> Iterator[sqlite3.Row]:
        """Stories of the articles that best match any word of ``text`` (full text, bm25).

        For an undated article, whose date cannot bound the search.
        """
        words = sorted({w.lower() for w in _QUERY_WORD.findall(text) if len(w) > 3})
        if not words:
            return iter(())
        match = " OR ".join('"' + w.replace('"', "") + '"' for w in words)
        return iter(self.db.execute(
            "SELECT id, state, first_date, last_date, size FROM stories WHERE id IN ("
            " SELECT a.story_id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.seq LIMIT ?)"
            " ORDER BY created_seq", (match, limit)).fetchall())

    def story_signatures(self, story_ids: list[str]) -> Iterator[sqlite3.Row]:
        """The MinHash signatures of the given stories' articles, in ingestion order."""
        marks = ",".join("?" * len(story_ids))
        return iter(self.db.execute(
            "SELECT id, story_id, published, signature FROM articles WHERE signature IS NOT NULL"
            f" AND story_id IN ({marks}) ORDER BY seq", story_ids).fetchall())

    def signatures(self, since: str | None, until: str | None = None) -> Iterator[sqlite3.Row]:
        """Articles' MinHash signatures: undated or published on/after ``since`` (and up to
        ``until`` when given, dated ones only), in ingestion order."""
        sql = "SELECT id, story_id, published, signature FROM articles WHERE signature IS NOT NULL"
        if until is not None:
            sql += " AND published >= ? AND substr(published, 1, 10) <= ?"
            return iter(self.db.execute(sql + " ORDER BY seq", (since, until)).fetchall())
        if since is not None:
            sql += " AND (published IS NULL OR published >= ?)"
            return iter(self.db.execute(sql + " ORDER BY seq", (since,)).fetchall())
        return iter(self.db.execute(sql + " ORDER BY seq").fetchall())

    def newest_date(self) -> str | None:
        return self.db.execute("SELECT max(last_date) FROM stories").fetchone()[0]

    # ------------------------------------------------------------------- reads
    def count(self, table: str) -> int:
        if table not in {"articles", "stories"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def stories(self, since: str | None = None, limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:
        """Stories, newest first, each with its outlets and article count."""
        where, args = ("WHERE coalesce(last_date, '') >= ?", [since]) if since else ("", [])
        rows = self.db.execute(
            f"SELECT id, title, first_date, last_date, size, version FROM stories {where} "
            "ORDER BY last_date IS NULL, last_date DESC, updated_seq DESC LIMIT ? OFFSET ?",
            (*args, limit, offset),
        ).fetchall()
        return [self._story_summary(r) for r in rows]

    def _story_summary(self, row: sqlite3.Row) -> dict[str, Any]:
        outlets = [r[0] for r in self.db.execute(
            "SELECT name FROM articles WHERE story_id = ? GROUP BY name ORDER BY min(seq)",
            (row["id"],))]
        title = row["title"] or self._lead(row["id"])
        return {"id": row["id"], "title": title, "first_date": row["first_date"],
                "last_date": row["last_date"], "articles": row["size"],
                "version": row["version"], "outlets": outlets}

    def _lead(self, story_id: str, words: int = 12) -> str | None:
        """The first words of an untitled story's first article (no dateline), as its title."""
        row = self.db.execute("SELECT substr(text, 1, 300) FROM articles WHERE story_id = ? "
                              "ORDER BY seq LIMIT 1", (story_id,)).fetchone()
        return lead_title(row[0], words) if row is not None else None

    def story(self, story_id: str) -> dict[str, Any]:
        """One story with its members (id, outlet, title, url, record_id, date, duplicate_of)."""
        row = self.db.execute(
            "SELECT id, title, first_date, last_date, size, version FROM stories WHERE id = ?",
            (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {story_id!r}; `newsprism stories` lists them")
        out = self._story_summary(row)
        out["members"] = [dict(r) for r in self.db.execute(
            "SELECT id, name, title, url, record_id, published, published_time, date_guessed, "
            "duplicate_of FROM articles "
            "WHERE story_id = ? ORDER BY seq", (story_id,))]
        return out

    def story_articles(self, story_id: str) -> tuple[Article, ...]:
        """The story's articles as clean Articles, ids being store keys (unique per story)."""
        rows = self.db.execute(
            "SELECT * FROM articles WHERE story_id = ? ORDER BY seq", (story_id,)).fetchall()
        if not rows:
            raise NotFoundError(f"no story {story_id!r}; `newsprism stories` lists them")
        return tuple(_article(r) for r in rows)

    # ---------------------------------------------------------- briefing cache
    def cached_briefing(self, story_id: str, key: str) -> str | None:
        row = self.db.execute("SELECT body FROM briefings WHERE story_id = ? AND key = ?",
                              (story_id, key)).fetchone()
        return row[0] if row else None

    def cache_briefing(self, story_id: str, key: str, body: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO briefings VALUES (?, ?, ?)",
                            (story_id, key, body))

    def story_version(self, story_id: str) -> int:
        row = self.db.execute("SELECT version FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {story_id!r}; `newsprism stories` lists them")
        return int(row[0])


def _article(row: sqlite3.Row) -> Article:
    removed = tuple(Removed(kind, text) for kind, text in json.loads(row["removed"]))
    return Article(id=row["id"], name=row["name"], text=row["text"], title=row["title"],
                   url=row["url"], published=row["published"], author=row["author"],
                   path=row["path"], record_id=row["record_id"], removed=removed,
                   published_time=row["published_time"],
                   date_guessed=bool(row["date_guessed"]),
                   marks=tuple((s, e, k) for s, e, k in json.loads(row["marks"])))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

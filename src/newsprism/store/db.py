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
from newsprism.store.check import CheckTables
from newsprism.store.clusterstate import ClusterTables
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


class Store(ClusterTables, CheckTables, FeedTables, WorkTables, SearchTables):
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
                    duplicate_of: str | None, signature: bytes | None,
                    seq: int | None = None) -> int:
        """Insert one article (as row ``seq`` when given) and index it for search;
        returns its row number."""
        removed = json.dumps([[r.kind, r.text] for r in article.removed], ensure_ascii=False)
        cur = self.db.execute(
            "INSERT INTO articles (seq, id, story_id, duplicate_of, name, title, url, published, "
            "author, path, record_id, text, removed, signature, ingested_at, published_time, "
            "date_guessed, marks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (seq, key, story_id, duplicate_of, article.name, article.title, article.url,
             article.published, article.author, article.path, article.record_id, article.text,
             removed, signature, _now(), article.published_time, int(article.date_guessed),
             json.dumps([list(m) for m in article.marks])),
        )
        seq = int(cur.lastrowid or 0)
        self.db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                        (seq, article.title or "", article.text))
        return seq

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

    def story_coverage(self, story_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Per story: ``outlets`` as (name, article count) in first-seen order, the
        newest article date (``newest``, YYYY-MM-DD), when its newest article arrived
        in the store (``arrived``, UTC ISO time) and the opening of its first article
        (``lead``)."""
        marks = ",".join("?" * len(story_ids))
        out: dict[str, dict[str, Any]] = {i: {"outlets": [], "newest": None, "arrived": None,
                                              "lead": None}
                                          for i in story_ids}
        rows = self.db.execute(
            "SELECT story_id, name, count(*), max(substr(published, 1, 10)), max(ingested_at) "
            f"FROM articles WHERE story_id IN ({marks}) GROUP BY story_id, name "
            "ORDER BY story_id, min(seq)", story_ids).fetchall()
        for story_id, name, n, newest, arrived in rows:
            card = out[story_id]
            card["outlets"].append((name, n))
            card["newest"] = max(filter(None, (card["newest"], newest)), default=None)
            card["arrived"] = max(filter(None, (card["arrived"], arrived)), default=None)
        for story_id, lead in self.db.execute(
                "SELECT story_id, substr(text, 1, 700) FROM articles WHERE seq IN ("
                f"SELECT min(seq) FROM articles WHERE story_id IN ({marks}) GROUP BY story_id)",
                story_ids):
            out[story_id]["lead"] = lead
        return out

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

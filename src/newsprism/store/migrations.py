"""Versioned schema migrations, registered as functions and recorded in the database.

A migration runs once, inside a transaction, and its version is written to
``schema_migrations`` in that same transaction, so a crash never leaves a
half-migrated store. To change the schema, add a function with the next
version number; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as schema version ``version``."""

    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"migration {version} registered twice")
        MIGRATIONS[version] = (name, fn)
        return fn

    return register


@migration(1, "articles, stories, clustering state, briefing cache, full-text index")
def _initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,          -- ingestion order; also the FTS rowid
            id TEXT NOT NULL UNIQUE,          -- content key: outlet + cleaned text
            story_id TEXT NOT NULL,
            duplicate_of TEXT,                -- syndicated copy of this article id
            name TEXT NOT NULL,
            title TEXT, url TEXT, published TEXT, author TEXT, path TEXT, record_id TEXT,
            text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',
            signature BLOB,                   -- MinHash values, for near-duplicates
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_story ON articles(story_id, seq);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_date TEXT, last_date TEXT,
            size INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL,              -- the clusterer's centroid, JSON
            created_seq INTEGER NOT NULL,
            updated_seq INTEGER NOT NULL
        );
        CREATE INDEX stories_last ON stories(last_date);
        CREATE TABLE term_df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE briefings (
            story_id TEXT NOT NULL,
            key TEXT NOT NULL,                -- story version + options that shape a briefing
            body TEXT NOT NULL,
            PRIMARY KEY (story_id, key)
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='seq',
            tokenize="unicode61 remove_diacritics 2"
        );
        """
    )


@migration(2, "subscribed feeds and the items already read from them")
def _feeds(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            title TEXT,
            etag TEXT, last_modified TEXT,    -- validators for conditional GETs
            last_fetch TEXT,                  -- ISO time of the last attempt
            status TEXT NOT NULL DEFAULT 'new',  -- ok, not modified, or the last error
            errors INTEGER NOT NULL DEFAULT 0,   -- failures in a row (backoff exponent)
            next_fetch TEXT,                  -- not fetched before this ISO time
            articles INTEGER NOT NULL DEFAULT 0, -- articles stored from it
            added_at TEXT NOT NULL
        );
        CREATE TABLE feed_items (
            feed_url TEXT NOT NULL,
            guid TEXT NOT NULL,
            url TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, guid)
        );
        CREATE INDEX feed_items_url ON feed_items(url);
        """
    )


@migration(3, "per-article analysis kept for reuse; stories marked for a background rebuild")
def _article_work(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE article_work (
            article_id TEXT NOT NULL,         -- articles.id
            kind TEXT NOT NULL,               -- what was computed: "vectors:minilm", "ner", ...
            body BLOB NOT NULL,               -- its result, in the kind's own encoding
            PRIMARY KEY (article_id, kind)
        );
        ALTER TABLE stories ADD COLUMN dirty INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX stories_dirty ON stories(dirty) WHERE dirty = 1
        """
    )


@migration(5, "articles: time of day, guessed-date flag, heading and list-item marks")
def _article_details(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        ALTER TABLE articles ADD COLUMN published_time TEXT;
        ALTER TABLE articles ADD COLUMN date_guessed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE articles ADD COLUMN marks TEXT NOT NULL DEFAULT '[]'
        """,
    )


def _script(db: sqlite3.Connection, sql: str) -> None:
    # not executescript(): it commits first, which would break the migration's transaction
    for statement in sql.split(";\n"):
        if statement.strip():
            db.execute(statement)


def current_version(db: sqlite3.Connection) -> int:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = db.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(db: sqlite3.Connection) -> list[int]:
    """Apply every registered migration newer than the database; returns those applied."""
    applied = []
    for version in sorted(v for v in MIGRATIONS if v > current_version(db)):
        name, fn = MIGRATIONS[version]
        db.execute("BEGIN IMMEDIATE")
        try:
            # re-check under the write lock: another process may have migrated meanwhile
            if version <= current_version(db):
                db.execute("ROLLBACK")
                continue
            fn(db)
            db.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied

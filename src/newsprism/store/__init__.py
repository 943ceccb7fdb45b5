"""Store stage: the embedded SQLite store (articles, stories, search, briefing cache).

Open one with ``Store(default_path(options.db))``; the schema is created and
migrated on open.
"""

from newsprism.store.codec import decode as decode_briefing
from newsprism.store.codec import encode as encode_briefing
from newsprism.store.db import DB_ENV, Store, article_key, default_path
from newsprism.store.migrations import MIGRATIONS, migrate
from newsprism.store.search import SearchQuery, parse_query

__all__ = ["DB_ENV", "MIGRATIONS", "SearchQuery", "Store", "article_key", "decode_briefing",
           "default_path", "encode_briefing", "migrate", "parse_query"]

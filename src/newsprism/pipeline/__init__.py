"""The only place that wires stages together: ingest -> clean -> segment -> align -> analyse.

``digest`` is the whole path for files and URLs; ``brief`` analyses articles
that are already clean (the store and evaluation use it).
"""

from newsprism.pipeline.digest import (
    brief,
    digest,
    digest_stories,
    load_articles,
    split_stories,
    summarise,
)

__all__ = [
    "brief",
    "digest",
    "digest_stories",
    "load_articles",
    "split_stories",
    "summarise",
]

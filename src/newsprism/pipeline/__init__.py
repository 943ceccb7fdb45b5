"""The only place that wires stages together: ingest -> clean -> segment -> align -> analyse.

``digest`` is the whole path for files and URLs; ``brief`` analyses articles
that are already clean (the store and evaluation use it).
"""

from newsprism.pipeline.digest import (
    Aligned,
    align_story,
    brief,
    digest,
    digest_stories,
    load_articles,
    split_stories,
    summarise,
)
from newsprism.pipeline.batch import BatchResult, run_batch  # dask is imported only when run

__all__ = [
    "Aligned",
    "align_story",
    "brief",
    "digest",
    "digest_stories",
    "load_articles",
    "split_stories",
    "summarise",
]
__all__ += ["BatchResult", "run_batch"]

# The collection (store + clustering) loads datasketch and SQLite code that
# `digest` never needs: its names are resolved on first use.
_COLLECTION = ("IngestReport", "ingest_articles", "ingest_inputs", "open_store", "story_briefing")
__all__ += list(_COLLECTION)


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name in _COLLECTION:
        from newsprism.pipeline import collection

        return getattr(collection, name)
    raise AttributeError(f"module 'newsprism.pipeline' has no attribute {name!r}")

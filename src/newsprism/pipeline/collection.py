"""The collection: inputs -> clean articles -> stories in the store; stored stories -> briefings.

Wires ingest, clean, cluster and store together (no stage imports another).
Articles are committed in small batches, each batch in one transaction with
the clustering state it changed, so a crash loses at most the batch in flight
and a re-run picks up exactly where the database left off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from newsprism import clean, ingest
from newsprism.cluster import ClusterConfig, StoryClusterer
from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.model import Article, RawDocument
from newsprism.pipeline.build import story_briefing, story_fragment  # noqa: F401 (callers import them from here)
from newsprism.pipeline.clustering import StoredClusterer, iso, restore_for, state_json
from newsprism.pipeline.digest import cluster_config
from newsprism.store import Store, article_key, default_path

# 50 articles per transaction: commits stay cheap (one fsync per batch in WAL)
# while a crash redoes at most a second or so of work.
BATCH = 50

Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    """What an ingest changed: counts, the stories touched, and rejected inputs."""

    added: int = 0
    duplicates: int = 0  # same outlet, same text: already stored, skipped
    near_duplicates: int = 0  # syndicated copies, stored as extra outlets of a story
    created: dict[str, None] = field(default_factory=dict)
    updated: dict[str, None] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"added": self.added, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates,
                "stories_created": list(self.created),
                "stories_updated": [s for s in self.updated if s not in self.created],
                "errors": [str(e) for e in self.errors]}


def open_store(options: Options) -> Store:
    """The store named by ``options.db``, ``$NEWSPRISM_DB`` or the default path."""
    return Store(default_path(options.db))


def ingest_inputs(inputs: list[str], store: Store, options: Options,
                  progress: Progress | None = None) -> IngestReport:
    """Read, clean, cluster and store every article of ``inputs``; bad ones are reported."""
    docs, errors = ingest.read_inputs(inputs, options)
    return ingest_documents(docs, errors, store, options, progress)


def ingest_uploaded(uploads: list[tuple[str, bytes]], urls: list[str], store: Store,
                    options: Options) -> IngestReport:
    """Like :func:`ingest_inputs` for what a web form sends: each upload is read from
    memory under its own ``name`` (its suffix says its kind), never from a server path;
    ``urls`` must be http(s) URLs, which pass the fetcher's address checks."""
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for name, data in uploads:
        kind = ingest.FOLDER_SUFFIXES.get(PurePath(name).suffix.lower())
        found, problems = ingest.read_bytes(data, name, options, kind=kind, path=name)
        docs += found
        errors += problems
    found, problems = ingest.read_urls(urls, options)
    return ingest_documents(docs + found, errors + problems, store, options)


def ingest_documents(docs: list[RawDocument], errors: list[InputError], store: Store,
                     options: Options, progress: Progress | None = None) -> IngestReport:
    """Clean, cluster and store ``docs``; ``errors`` (met while reading) are reported."""
    report = IngestReport(errors=list(errors))

    def cleaned() -> Iterator[Article]:
        for doc in docs:
            try:
                yield clean.clean_document(doc, options)
            except InputError as exc:
                report.errors.append(exc)

    return ingest_articles(cleaned(), store, config=cluster_config(options), report=report,
                           total=len(docs), progress=progress)


def ingest_articles(articles: Iterable[Article], store: Store, *,
                    config: ClusterConfig | None = None, report: IngestReport | None = None,
                    total: int = 0, progress: Progress | None = None,
                    batch: int = BATCH) -> IngestReport:
    """Cluster and store clean ``articles`` in order; already stored ones are skipped.

    Each batch is one write transaction holding the store's write lock from
    reading the clustering state to committing the batch, so concurrent ingests
    take turns and each sees the other's stories (pipeline/clustering.py).
    """
    report = report or IngestReport()
    kept = StoredClusterer(store, config or ClusterConfig())
    pending: list[Article] = []
    done = 0
    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            _commit(pending, kept, report)
            done += len(pending)
            pending = []
            if progress:
                progress(done, total)
    if pending:
        _commit(pending, kept, report)
        done += len(pending)
        if progress:
            progress(done, total)
    return report


def _commit(batch: list[Article], kept: StoredClusterer, report: IngestReport) -> None:
    """Place and store ``batch`` in one transaction, with the clustering state it changed."""
    store = kept.store
    try:
        with store.transaction():
            clusterer = kept.synced()
            titles, last_seq = _place(batch, store, clusterer, report)
            changes = clusterer.drain()
            for st in changes.stories:
                store.save_story(st.id, state_json(st), iso(st.first), iso(st.last),
                                 titles.get(st.id), last_seq)
            store.add_term_counts(changes.df_delta)
            kept.committed()
    except BaseException:
        kept.forget()  # memory holds what the rolled-back batch did
        raise


def _place(batch: list[Article], store: Store, clusterer: StoryClusterer,
           report: IngestReport) -> tuple[dict[str, str | None], int]:
    """Cluster and insert each new article of ``batch``; the stories' titles and the
    last row written."""
    titles: dict[str, str | None] = {}
    last_seq = 0
    for article in batch:
        key = article_key(article)
        if store.has_article(key):
            report.duplicates += 1
            continue
        restore_for(store, clusterer, article)
        seq = store.next_seq()
        where = clusterer.add(key, article.title, article.text, article.published, order=seq)
        last_seq = store.add_article(key, article, where.story, where.duplicate_of,
                                     clusterer.last_signature.tobytes(), seq=seq)
        report.added += 1
        report.near_duplicates += where.duplicate_of is not None
        (report.created if where.created else report.updated)[where.story] = None
        if article.title:
            # the story's title is its first titled article's; an untitled story
            # shows its lead until a titled article joins
            titles.setdefault(where.story, article.title)
    return titles, last_seq

"""The collection: inputs -> clean articles -> stories in the store; stored stories -> briefings.

Wires ingest, clean, cluster and store together (no stage imports another).
Articles are committed in small batches, each batch in one transaction with
the clustering state it changed, so a crash loses at most the batch in flight
and a re-run picks up exactly where the database left off.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any

import numpy as np

from newsprism import clean, ingest
from newsprism.cluster import ClusterConfig, StoryClusterer, StoryState, day_number
from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.model import Article, Briefing, RawDocument
from newsprism.pipeline.digest import brief, cluster_config
from newsprism.pipeline.work import prepare_articles
from newsprism.store import Store, article_key, decode_briefing, default_path, encode_briefing

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
    """Cluster and store clean ``articles`` in order; already stored ones are skipped."""
    report = report or IngestReport()
    clusterer = load_clusterer(store, config or ClusterConfig())
    pending: list[Article] = []
    done = 0
    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            _commit(pending, store, clusterer, report)
            done += len(pending)
            pending = []
            if progress:
                progress(done, total)
    if pending:
        _commit(pending, store, clusterer, report)
        done += len(pending)
        if progress:
            progress(done, total)
    return report


def _commit(batch: list[Article], store: Store, clusterer: StoryClusterer,
            report: IngestReport) -> None:
    titles: dict[str, str | None] = {}
    last_seq = 0
    with store.transaction():
        for article in batch:
            key = article_key(article)
            if store.has_article(key):
                report.duplicates += 1
                continue
            _restore_older(store, clusterer, article)
            where = clusterer.add(key, article.title, article.text, article.published)
            sig = clusterer.last_signature
            last_seq = store.add_article(key, article, where.story, where.duplicate_of,
                                         sig.tobytes())
            report.added += 1
            report.near_duplicates += where.duplicate_of is not None
            (report.created if where.created else report.updated)[where.story] = None
            if article.title:
                # the story's title is its first titled article's; an untitled story
                # shows its lead until a titled article joins
                titles.setdefault(where.story, article.title)
        changes = clusterer.drain()
        for st in changes.stories:
            store.save_story(st.id, _state_json(st), _iso(st.first), _iso(st.last), st.size,
                             titles.get(st.id), last_seq)
        store.add_term_counts(changes.df_delta, changes.n_docs)


def load_clusterer(store: Store, config: ClusterConfig) -> StoryClusterer:
    """A clusterer holding the store's open stories (those near its newest date).

    Older stories are restored on demand, when an older article arrives
    (:func:`_restore_older`): each article's window follows its own date.
    """
    clusterer = StoryClusterer(config)
    n_docs, df = store.term_counts()
    clusterer.restore_stats(n_docs, df)
    newest = store.newest_date()
    since = None
    if newest:
        floor = date.fromisoformat(newest).toordinal() - 2 * config.window_days
        since, clusterer.floor = date.fromordinal(floor).isoformat(), floor
    _restore(clusterer, store.open_stories(since), store.signatures(since))
    return clusterer


def _restore_older(store: Store, clusterer: StoryClusterer, article: Article) -> None:
    """Restore the stored stories an article may join that memory does not hold.

    A dated article's window follows its own date: the stories near that date.
    An undated one is bounded by no date: the stories of the stored articles
    its title and lead words match best (full-text index).
    """
    if clusterer.floor is not None and day_number(article.published) is None:
        lead = " ".join(article.text.split()[:60])
        rows = list(store.stories_like(f"{article.title or ''} {lead}"))
        _restore(clusterer, rows, store.story_signatures([r["id"] for r in rows]))
        return
    span = clusterer.missing(article.published)
    if span is not None:
        _restore(clusterer, store.stories_between(*span), store.signatures(*span))


def _restore(clusterer: StoryClusterer, stories: Iterable, signatures: Iterable) -> None:
    for row in stories:
        clusterer.restore_story(_state(row))
    for row in signatures:
        if row["story_id"] in clusterer.stories:
            clusterer.restore_signature(row["id"], row["story_id"], row["published"],
                                        np.frombuffer(row["signature"], dtype=np.uint64))


def _state(row: Any) -> StoryState:
    """A stored story row -> StoryState; fields a row predates restore empty."""
    state = json.loads(row["state"])
    time = state.get("d", [0, 0.0, 0.0])
    return StoryState(row["id"], _vector(state["t"], state["w"]), day_number(row["first_date"]),
                      day_number(row["last_date"]), row["size"],
                      members=[_vector(t, w) for t, w in state.get("m", [])],
                      title=_vector(*state.get("h", [[], []])),
                      lead=_vector(*state.get("l", [[], []])),
                      names=_vector(*state.get("n", [[], []])),
                      titled=state.get("ht", 0), dated=time[0], day_sum=time[1], day_sq=time[2])


def _vector(terms: list[int], weights: list[float]) -> dict[int, float]:
    return dict(zip(terms, weights))


def _state_json(st: StoryState) -> str:
    """The story's vectors and date statistics, so a restarted clusterer scores alike."""
    def pair(vector: dict[int, float]) -> list[list]:
        terms = sorted(vector)
        return [terms, [vector[t] for t in terms]]

    centroid = pair(st.centroid)
    return json.dumps({"t": centroid[0], "w": centroid[1], "m": [pair(m) for m in st.members],
                       "h": pair(st.title), "l": pair(st.lead), "n": pair(st.names),
                       "ht": st.titled, "d": [st.dated, st.day_sum, st.day_sq]},
                      separators=(",", ":"))


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def story_briefing(store: Store, story_id: str, options: Options) -> Briefing:
    """The briefing of a stored story: from the cache, else analysed now and cached.

    The cache key holds the story's version (bumped whenever an article joins)
    and the options that shape a briefing, so a stale briefing is never served.
    """
    key = _briefing_key(store, story_id, options)
    body = store.cached_briefing(story_id, key)
    if body is not None:
        try:
            return decode_briefing(body)
        except (ValueError, KeyError, TypeError):
            pass  # written by another version: rebuild it
    articles = store.story_articles(story_id)
    prepare_articles(store, articles, options)
    briefing = brief(articles, options)
    store.cache_briefing(story_id, key, encode_briefing(briefing))
    return briefing


def _briefing_key(store: Store, story_id: str, options: Options) -> str:
    return f"v{store.story_version(story_id)}|{options.embedder}|{options.words}|{options.focus}"


def story_fragment(store: Store, story_id: str, options: Options) -> tuple[str, str]:
    """The title and HTML fragment of a stored story's briefing, cached like the briefing.

    A 25-article briefing's fragment (every source sentence, for highlighting)
    takes longer to render than the whole page may take, so it is kept too.
    """
    key = _briefing_key(store, story_id, options) + "|html"
    body = store.cached_briefing(story_id, key)
    if body is not None:
        cached = json.loads(body)
        return cached["title"], cached["html"]
    from newsprism.render.html import briefing_fragment  # jinja2: only when rendering

    briefing = story_briefing(store, story_id, options)
    fragment = briefing_fragment(briefing)
    store.cache_briefing(story_id, key, json.dumps({"title": briefing.title, "html": fragment},
                                                   ensure_ascii=False))
    return briefing.title, fragment

"""The story clusterer of a store: read from the committed rows, kept in step with them.

The clusterer's memory is a cache of what the store holds. It is read inside a
batch's write transaction (``BEGIN IMMEDIATE``), so no other writer can change
the store between reading it and writing the batch; when another writer (an
ingest in another process, ``check --repair``) committed since this one last
wrote, its changes are read first. So concurrent ingests add up, and a run that
is killed and resumed places every article exactly as one uninterrupted run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np

from newsprism.cluster import ClusterConfig, StoryClusterer, StoryState, day_number
from newsprism.model import Article
from newsprism.store import Store


class StoredClusterer:
    """A :class:`StoryClusterer` over ``store``'s committed state.

    Call :meth:`synced` first thing inside each write transaction and
    :meth:`committed` last thing inside it; :meth:`forget` when the transaction
    is rolled back (memory then holds changes the store does not).
    """

    def __init__(self, store: Store, config: ClusterConfig) -> None:
        self.store = store
        self.config = config
        self._clusterer: StoryClusterer | None = None
        self._seen = 0  # the latest article row this clusterer knows of
        self._epoch = 0

    def synced(self) -> StoryClusterer:
        """The clusterer, holding every batch committed so far (by any writer)."""
        if self._clusterer is None or self.store.epoch() != self._epoch:
            self._clusterer = self._load()
        elif self.store.head() != self._seen:
            self._catch_up(self._clusterer)
        return self._clusterer

    def committed(self) -> None:
        """Record that memory and the store agree (inside the transaction, before COMMIT)."""
        self._seen = self.store.head()

    def forget(self) -> None:
        self._clusterer = None

    def _load(self) -> StoryClusterer:
        """A clusterer holding the store's open stories (those near its newest date).

        Older stories are restored on demand, when an older article arrives
        (:func:`restore_for`): each article's window follows its own date.
        """
        store = self.store
        clusterer = StoryClusterer(self.config)
        clusterer.restore_stats(*store.term_counts())
        newest = store.newest_date()
        since = None
        if newest:
            since = date.fromordinal(day_number(newest) - 2 * self.config.window_days).isoformat()
        _restore(clusterer, store.open_stories(since), store.signatures(since))
        clusterer.advance(newest)
        self._seen, self._epoch = store.head(), store.epoch()
        return clusterer

    def _catch_up(self, clusterer: StoryClusterer) -> None:
        """Read what other writers committed after ``_seen``: their stories (replacing
        this memory's older copies), signatures and document frequencies."""
        store = self.store
        clusterer.restore_stats(*store.term_counts())
        rows = list(store.stories_changed_after(self._seen))
        new = [r["id"] for r in rows if r["id"] not in clusterer.stories]
        for row in rows:
            clusterer.restore_story(state_of(row), replace=True)
        _restore(clusterer, (), store.signatures_after(self._seen))
        if new:
            _restore(clusterer, (), store.story_signatures(new))
        clusterer.advance(store.newest_date())
        self._seen = store.head()


def restore_for(store: Store, clusterer: StoryClusterer, article: Article) -> None:
    """Restore the stored stories an article may join that memory does not hold.

    A dated article's window follows its own date: the stories near that date.
    An undated one is bounded by no date: the stories of the stored articles
    its title and lead words match best (full-text index), which it is then
    compared with besides the open ones.
    """
    if clusterer.floor is not None and day_number(article.published) is None:
        lead = " ".join(article.text.split()[:60])
        ids = store.story_ids_like(f"{article.title or ''} {lead}")
        if ids:
            _restore(clusterer, store.stories_of(ids), store.story_signatures(ids))
        clusterer.recall(ids)
        return
    span = clusterer.missing(article.published)
    if span is not None:
        rows = list(store.stories_between(*span))
        ids = [r["id"] for r in rows]
        _restore(clusterer, rows, store.story_signatures(ids) if ids else ())


def _restore(clusterer: StoryClusterer, stories: Iterable[Any], signatures: Iterable[Any]) -> None:
    for row in stories:
        if row["id"] not in clusterer.stories:  # memory's copy is as new or newer
            clusterer.restore_story(state_of(row))
    for row in signatures:
        if row["story_id"] in clusterer.stories:
            clusterer.restore_signature(row["id"], row["story_id"], row["published"],
                                        np.frombuffer(row["signature"], dtype=np.uint64),
                                        order=row["seq"])


def state_of(row: Any) -> StoryState:
    """A stored story row -> StoryState; fields a row predates restore empty."""
    state = json.loads(row["state"])
    time = state.get("d", [0, 0.0, 0.0])
    return StoryState(row["id"], _vector(state["t"], state["w"]), day_number(row["first_date"]),
                      day_number(row["last_date"]), row["size"],
                      indexed=tuple(state.get("i", ())),
                      members=[_vector(t, w) for t, w in state.get("m", [])],
                      title=_vector(*state.get("h", [[], []])),
                      lead=_vector(*state.get("l", [[], []])),
                      names=_vector(*state.get("n", [[], []])),
                      titled=state.get("ht", 0), dated=time[0], day_sum=time[1], day_sq=time[2])


def _vector(terms: list[int], weights: list[float]) -> dict[int, float]:
    return dict(zip(terms, weights))


def state_json(st: StoryState) -> str:
    """The story's vectors (in memory's order: sums come out bit for bit the same),
    index terms and date statistics, so a restarted clusterer scores alike.

    The text ``json.dumps`` writes for that state (a test checks it), with each
    weight's spelling looked up: writing the shortest exact decimal of a float
    was most of the cost of a batch's writes, and weights repeat (a member's are
    ``1 + ln(count)``; sums of them recur)."""
    def pair(vector: dict[int, float]) -> str:
        return f"[{_ints(vector)},{_floats(vector.values())}]"

    members = ",".join(pair(m) for m in st.members)
    return (f'{{"t":{_ints(st.centroid)},"w":{_floats(st.centroid.values())},'
            f'"i":{_ints(st.indexed)},"m":[{members}],"h":{pair(st.title)},'
            f'"l":{pair(st.lead)},"n":{pair(st.names)},"ht":{json.dumps(st.titled)},'
            f'"d":{json.dumps([st.dated, st.day_sum, st.day_sq], separators=(",", ":"))}}}')


def _ints(terms: Iterable[int]) -> str:
    return f"[{','.join(map(str, terms))}]"


_SPELLED: dict[float, str] = {}  # weight -> its JSON text
_SPELLED_MAX = 200_000  # a long stream's sums keep coming: bound the memo (at most ~35 MB)


def _floats(weights: Iterable[float]) -> str:
    """The JSON list of ``weights`` (floats), as ``json.dumps`` writes it."""
    if len(_SPELLED) >= _SPELLED_MAX:
        _SPELLED.clear()
    get = _SPELLED.get
    return f"[{','.join([get(w) or _spelled(w) for w in weights])}]"


def _spelled(weight: float) -> str:
    text = json.dumps(weight)
    if weight:  # 0.0 and -0.0 are one key with two spellings: neither is kept
        _SPELLED[weight] = text
    return text


def iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None

"""Incremental story clustering: each article joins the best recent story or starts one.

The algorithm, per article, in this order:

1. **Near-duplicates.** A MinHash/LSH query over the articles of the time
   window finds syndicated copies (Jaccard of word 3-shingles ≥ ``dup_threshold``);
   a copy joins the story of its original and is marked ``duplicate_of``.
2. **Candidates.** The article's heaviest terms are looked up in an inverted
   index (term -> stories that feature it); only stories whose dates lie within
   ``window_days`` of *the article's own date* are candidates, so the work per
   article depends on the window, never on how many stories were ever stored.
3. **Join or new (learned).** Each candidate is compared with the article
   through several sub-representations (TF-IDF cosines of the whole lead, the
   headline, the first sentences and the names to the story's centroids, and
   to its latest members) and the story's time statistics; a small logistic
   regression (:mod:`newsprism.cluster.join`) gives P(join). The most probable
   story at or above ``join_probability`` wins; ties go to the older story.
   Otherwise the article starts a story. Stories are judged by their centroid
   and latest members, never by their loosest member, so topics do not chain.

Same articles in the same order give the same stories: ids come from content
keys, containers are ordered, and MinHash uses a fixed seed.

The state that must survive a restart (document frequencies, centroids, index
terms, signatures) is handed out by :meth:`StoryClusterer.drain` and restored
with the ``restore_*`` methods; the store keeps it, this module never touches a
database. When an article is older than the stories held in memory,
:meth:`StoryClusterer.missing` says which dates to restore first (the pipeline
asks the store).

Memory is a cache of the stored state, never a second source of truth: which
stories (and copies) an article is compared with depends only on the stored
state and the article, never on what earlier articles happened to bring into
memory. A dated article meets the stories whose span lies within
``window_days`` of its date; an undated one, when the pipeline
:meth:`~StoryClusterer.recall`-ed stories for it from a store, meets those and
the *open* stories (latest date on or after :attr:`StoryClusterer.floor`)
(with no store, every story is in memory and it meets them all). So a run
killed and resumed from the store places every later article exactly as one
uninterrupted run does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.cluster.expiry import Expiry
from newsprism.cluster.features import (
    SCHEME,
    ArticleParts,
    FeatureConfig,
    article_features,
    article_parts,
)
from newsprism.cluster.join import JoinModel, Similarities, pair_features, shipped_model
from newsprism.cluster.state import EPOCH, PARTS, Changes, StoryState, day_number
from newsprism.cluster.vectors import Sparse, TermStats, log_tf_parts, ranked_terms, sparse
from newsprism.model import content_id


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Settings of the clusterer, named, with how they were chosen.

    Chosen on the training sets only (DUC 2006/2007 topics, MultiLing 2011, the
    even half of the DUC 2003 events and streams mixed from them); the odd half
    of DUC 2003 is held out (benchmarks/results/cluster_quality.md has the runs).

    ``join_probability``: P(join) from the learned model at or above which an
    article joins its best story; 0.2. The model is fitted on (article,
    candidate) pairs where most candidates are wrong, so its probabilities run
    low; swept 0.1-0.5 on the training sets (0.2 best mean, DUC 2003 even half
    0.885 at 0.2 vs 0.870 at 0.3). A rival-aware model (how far a story stands
    ahead of the article's other candidates) at 0.7 won 0.02 F1 in
    leave-one-set-out cross-validation but not on the held-out half (0.849 vs
    0.845) and lost on all of DUC 2003 (0.812 vs 0.844), so it was dropped
    (benchmarks/results/cluster_quality.md).
    ``window_days``: a story is a candidate while the article's own date lies
    within this many days of the story's first..last span; 365. This bounds the
    work, it is not the time decay: the model reads the gap itself (a story that
    has not grown for days needs a closer match). With perfect decisions, a
    window counted from a story's latest article caps B-cubed F1 at 0.91 (14
    days) and 0.98 (30) on the even half of the DUC 2003 events, at 0.53 (60),
    0.72 (120) and 0.97 (365) on the DUC 2006 topics, whose reports are months
    apart, and at 0.62 (60) on the mixed stream, under its 0.65 target.
    ``member_links``/``member_terms``: the latest members kept per story, for
    the "what is it about now" similarity.
    ``part_terms``: terms kept per story for the headline, first-sentence and
    name centroids (they are short; 60 bounds memory per story).
    ``dup_threshold``: shingle Jaccard for syndicated copies; lightly edited
    wire copy scores 0.85-1.0, two reports of one event stay below 0.3.
    """

    join_probability: float = 0.2
    window_days: int = 365
    dup_threshold: float = 0.8
    member_links: int = 4  # latest members kept per story
    member_terms: int = 50  # terms kept per remembered member
    part_terms: int = 60
    query_terms: int = 25  # article terms used to find candidate stories
    index_terms: int = 40  # centroid terms a story is findable by
    centroid_terms: int = 200  # centroid size cap: bounds memory per story
    # stories scored per article: 20 gives the same tuning-set scores as 40 (mixed stream
    # 0.752 vs 0.753, DUC 2003 even and MultiLing identical) at half the scoring work
    max_candidates: int = 20
    features: FeatureConfig = field(default_factory=FeatureConfig)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went: its story, whether that story is new, and why."""

    story: str
    created: bool
    duplicate_of: str | None
    score: float


class StoryClusterer:
    """Streaming story clustering with bounded work per article (see the module docstring).

    Examples:
        >>> c = StoryClusterer()
        >>> a = c.add("k1", "Quake hits Chile", "A strong earthquake hit Chile ...", "2010-02-27")
        >>> a.created
        True
    """

    def __init__(self, config: ClusterConfig | None = None, model: JoinModel | None = None) -> None:
        self.config = config or ClusterConfig()
        self.model = model or shipped_model()
        self.stats = TermStats()
        self.stories: dict[str, StoryState] = {}  # open stories only (inside the window)
        self._index: dict[int, set[str]] = {}
        f = self.config.features
        self._lsh = MinHashLSH(threshold=self.config.dup_threshold, num_perm=f.num_perm)
        self._probe = MinHash(num_perm=f.num_perm, seed=f.seed, scheme=SCHEME)
        self._sigs: dict[str, tuple[str, int | None, int]] = {}  # key -> (story, day, order)
        self._stories_due = Expiry()  # stories by latest day
        self._sigs_due = Expiry()  # signatures by day
        self._seq = 0  # arrival order of articles added without an explicit one
        self._recalled: frozenset[str] | None = None  # stories recalled for an undated article
        self._dirty: dict[str, None] = {}
        self._newest: int | None = None
        # every story whose latest date is >= floor is in memory (None: every story)
        self.floor: int | None = None
        self._fetched: set[int] = set()  # older days whose stories were restored
        self.last_signature: np.ndarray = np.zeros(0, dtype=np.uint64)

    # ----------------------------------------------------------------- adding
    def add(self, key: str, title: str | None, text: str, published: str | None,
            sig: np.ndarray | None = None, order: int | None = None) -> Assignment:
        """Place one article (``key`` unique per article) and update the state.

        ``order`` is the article's rank in the stream (a store passes its row
        number, so restored copies rank as they did); the arrival count when None.
        """
        day, tf, sig = self._prepare(title, text, published, sig)
        body, ranking = self._weighed(tf)
        dup = self._near_duplicate(sig, day)
        if dup is not None:
            story, score = self._sigs[dup][0], 1.0
        else:
            story, score = self._best_story(self._scored(tf, body, ranking, day))
        created = story is None
        if story is None:
            story = content_id(key, prefix="s")
        self._place(key, story, tf, ranking, day, sig, order)
        return Assignment(story, created, dup, score)

    def add_labelled(self, key: str, title: str | None, text: str, published: str | None,
                     story: str) -> list[tuple[list[float], bool]]:
        """Training (teacher forcing): every candidate's features and whether it is ``story``.

        The article then joins ``story`` (created under that id if new), so the
        stories the next articles meet are the gold ones.
        """
        day, tf, sig = self._prepare(title, text, published, None)
        body, ranking = self._weighed(tf)
        rows = [(x, sid == story) for sid, x, _ in self._scored(tf, body, ranking, day)]
        self._place(key, story, tf, ranking, day, sig)
        return rows

    def _prepare(self, title: str | None, text: str, published: str | None,
                 sig: np.ndarray | None) -> tuple[int | None, ArticleParts, np.ndarray]:
        """The article's day, its parts as log-tf maps (counted in the document
        frequencies) and its MinHash signature (also left in :attr:`last_signature`)."""
        day = day_number(published)
        self._advance(day)
        if sig is None:
            parts, sig = article_features(title, text, self.config.features)
        else:
            parts = article_parts(title, text, self.config.features)
        self.stats.count(parts.body)
        self.last_signature = sig  # the store keeps it, to find copies after a restart
        return day, log_tf_parts(parts), sig

    def _weighed(self, tf: ArticleParts) -> tuple[Sparse, list[int]]:
        """The article's body as a TF-IDF vector, and its terms heaviest first (ties by
        term): the ranking finds candidate stories and the terms kept as a member."""
        body = self.stats.weighted(tf.body)
        return body, ranked_terms(body)

    def _place(self, key: str, story: str, tf: ArticleParts, ranking: list[int],
               day: int | None, sig: np.ndarray, order: int | None = None) -> None:
        if story not in self.stories:
            self.stories[story] = StoryState(story, {}, day, day, 0)
        self._join(self.stories[story], tf, ranking, day)
        self._remember_signature(key, story, day, sig, order)
        self._recalled = None  # a recall holds for one article

    @property
    def n_docs(self) -> int:
        return self.stats.n_docs

    @property
    def df(self) -> np.ndarray:
        """Document frequency per term bucket."""
        return self.stats.df

    # ------------------------------------------------------------- retrieval
    def _near_duplicate(self, sig: np.ndarray, day: int | None) -> str | None:
        found = [k for k in self._lsh.query(self._sketch(sig))
                 if k in self._sigs and self._copy_meets(k, day)]
        if not found:
            return None
        return min(found, key=lambda k: self._sigs[k][2])  # the earliest copy is the original

    def _copy_meets(self, key: str, day: int | None) -> bool:
        """Whether the stored copy ``key`` may be the original of an article of ``day``:
        its story is one the article meets, and its own date is near (or open, when the
        article is undated and the story merely recalled)."""
        story, copy_day, _ = self._sigs[key]
        st = self.stories.get(story)
        if st is None or not self._meets(st, day):
            return False
        if day is not None:
            return self._in_window(copy_day, copy_day, day)
        return self._recalled is None or copy_day is None or self._open(copy_day) \
            or story in self._recalled

    def _meets(self, st: StoryState, day: int | None) -> bool:
        """Whether an article of ``day`` is compared with ``st`` (module docstring)."""
        if day is not None:
            return self._in_window(st.first, st.last, day)
        if self._recalled is None:  # no store: memory holds every story
            return True
        return st.last is None or self._open(st.last) or st.id in self._recalled

    def _open(self, day: int) -> bool:
        return self.floor is None or day >= self.floor

    def _in_window(self, first: int | None, last: int | None, day: int | None) -> bool:
        if day is None or last is None or first is None:
            return True
        w = self.config.window_days
        return first - w <= day <= last + w

    def _candidates(self, ranking: list[int], day: int | None) -> list[str]:
        hits: Counter[str] = Counter()
        for term in ranking[: self.config.query_terms]:
            hits.update(self._index.get(term, ()))
        ranked = sorted(hits, key=lambda s: (-hits[s], s))
        out = []
        for sid in ranked:
            st = self.stories[sid]
            if self._meets(st, day):
                out.append(sid)
                if len(out) >= self.config.max_candidates:
                    break
        return out

    def _scored(self, tf: ArticleParts, body: Sparse, ranking: list[int], day: int | None
                ) -> list[tuple[str, list[float], float]]:
        """(story, features, P(join)) for every candidate story, in candidate order
        (``body`` and ``ranking`` as :meth:`_weighed` gives them)."""
        title, lead, names = (self.stats.weighted(p) for p in (tf.title, tf.lead, tf.names))
        stories = [self.stories[sid] for sid in self._candidates(ranking, day)]
        stacks = [st.stacked() for st in stories]
        # every cosine of the article in one numpy pass: per story its PARTS, then its members
        cos = self.stats.stacked_cosines([body, title, lead, names], stacks).tolist()
        out, at = [], 0
        for st, stacked in zip(stories, stacks):
            c = cos[at:at + len(stacked.lengths)]
            at += len(c)
            # recent: the best cosine with one of the story's latest members
            sim = Similarities(body=c[0], recent=max([0.0, *c[len(PARTS):]]), title=c[1],
                               lead=c[2], names=c[3], titled=bool(tf.title) and st.titled > 0)
            x = pair_features(sim, st.time(), day)
            out.append((st.id, x, self.model.probability(x)))
        return out

    def _best_story(self, scored: list[tuple[str, list[float], float]]
                    ) -> tuple[str | None, float]:
        best, best_p = None, 0.0
        for sid, _, p in scored:
            # strictly greater: on a tie the story met first (more shared terms, then id) wins
            if p >= self.config.join_probability and p > best_p:
                best, best_p = sid, p
        return best, best_p

    # -------------------------------------------------------------- updating
    def _join(self, story: StoryState, tf: ArticleParts, ranking: list[int],
              day: int | None) -> None:
        """Add an article (its parts as log-tf maps, its body's terms heaviest first)
        to ``story``."""
        cfg = self.config
        story.centroid, heaviest = self._summed(story.centroid, tf.body, cfg.centroid_terms)
        story.title = self._summed(story.title, tf.title, cfg.part_terms)[0]
        story.lead = self._summed(story.lead, tf.lead, cfg.part_terms)[0]
        story.names = self._summed(story.names, tf.names, cfg.part_terms)[0]
        story.titled += bool(tf.title)
        kept = story.cache.get("members")
        story.cache.clear()  # the vectors changed: their arrays are rebuilt when next scored
        if cfg.member_links:
            top = ranking[: cfg.member_terms]
            story.members.append({t: tf.body[t] for t in sorted(top)})
            del story.members[: -cfg.member_links]
            if kept is not None:  # the earlier members' arrays still hold
                story.cache["members"] = [*kept, sparse(story.members[-1])][-cfg.member_links:]
        story.size += 1
        if day is not None:
            if story.last is None or day > story.last or story.size == 1:
                self._stories_due.add(day, story.id)  # a new latest day
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            story.dated += 1
            story.day_sum += day - EPOCH
            story.day_sq += (day - EPOCH) ** 2
        # a cut centroid's heaviest terms are those of the sum it was cut from
        self._reindex(story, None if heaviest is None else
                      tuple(sorted(heaviest[: cfg.centroid_terms][: cfg.index_terms])))
        self._dirty[story.id] = None

    def _summed(self, vector: dict[int, float], tf: dict[int, float],
                cap: int) -> tuple[dict[int, float], list[int] | None]:
        """``vector`` plus the log-tf map ``tf``, cut to its ``cap`` heaviest terms; and
        the sum's terms heaviest first when it was cut (None when it was not)."""
        for t, v in tf.items():
            vector[t] = vector.get(t, 0.0) + v
        if len(vector) > cap:
            heaviest = self.stats.ranked(vector)
            return {t: vector[t] for t in sorted(heaviest[:cap])}, heaviest
        return vector, None

    def _reindex(self, story: StoryState, new: tuple[int, ...] | None = None) -> None:
        """Index ``story`` by ``new`` terms, by default its centroid's heaviest now."""
        if new is None:
            new = tuple(sorted(self.stats.ranked(story.centroid)[: self.config.index_terms]))
        for t in set(story.indexed) - set(new):
            posting = self._index.get(t)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._index[t]
        for t in new:
            self._index.setdefault(t, set()).add(story.id)
        story.indexed = new

    def _remember_signature(self, key: str, story: str, day: int | None, sig: np.ndarray,
                            order: int | None = None) -> None:
        if key in self._sigs:
            return
        self._seq += 1
        self._sigs[key] = (story, day, self._seq if order is None else order)
        self._lsh.insert(key, self._sketch(sig))
        if day is not None:
            self._sigs_due.add(day, key)

    def _sketch(self, sig: np.ndarray) -> MinHash:
        """``sig`` as the sketch the LSH index reads: one object, its ``hashvalues``
        swapped per use (the index keeps band hashes, never the sketch), since building
        a sketch per article cost more than the LSH lookup."""
        self._probe.hashvalues = sig
        return self._probe

    # -------------------------------------------------------------- the window
    def advance(self, published: str | None) -> None:
        """Make ``published`` the newest date seen (a store's newest, after a restore)."""
        self._advance(day_number(published))

    def _advance(self, day: int | None) -> None:
        """Close stories that fell out of the window, so memory and work stay bounded.

        Stories changed since the last :meth:`drain` stay until they are drained
        (the store must see their last state before they leave memory).
        """
        if day is None or (self._newest is not None and day <= self._newest):
            return
        self._newest = day
        horizon = day - 2 * self.config.window_days  # slack for slightly out-of-order dates
        self._close_before(horizon)
        for key in self._sigs_due.before(horizon):
            if key in self._sigs and self._sigs[key][1] < horizon:  # type: ignore[operator]
                self._lsh.remove(key)
                del self._sigs[key]
        self.floor = horizon if self.floor is None else max(self.floor, horizon)
        self._fetched.clear()  # stories restored for older days may just have been closed

    def _close_before(self, horizon: int) -> None:
        """Close the stories whose latest day is before ``horizon``, except those
        changed since the last drain (they are looked at again at the next advance)."""
        waiting: dict[str, int] = {}
        for sid in self._stories_due.before(horizon):
            st = self.stories.get(sid)
            if st is None or st.last is None or st.last >= horizon:
                continue  # closed already, or it grew since
            if sid in self._dirty:
                waiting[sid] = st.last
            else:
                self._close(sid)
        for sid, last in waiting.items():
            self._stories_due.add(last, sid)

    def missing(self, published: str | None) -> tuple[str, str] | None:
        """Dates ``(since, until)`` of stories to restore before placing an article.

        An article's window follows its own date, never the newest one seen:
        when the article is older than the stories held in memory, the stories
        whose span meets ``[since, until]`` (latest date >= since, earliest <= until)
        and their articles' signatures must be restored from the store first.
        None when memory already holds them; each day is asked for once while
        memory keeps it.
        """
        day = day_number(published)
        w = self.config.window_days
        if day is None or self.floor is None or day - w >= self.floor or day in self._fetched:
            return None
        self._fetched.add(day)
        return date.fromordinal(day - w).isoformat(), date.fromordinal(day + w).isoformat()

    def _close(self, sid: str) -> None:
        self._close_index(self.stories.pop(sid))

    def _close_index(self, story: StoryState) -> None:
        """Take ``story`` out of the inverted index."""
        sid = story.id
        for t in story.indexed:
            posting = self._index.get(t)
            if posting is not None:
                posting.discard(sid)
                if not posting:
                    del self._index[t]

    # ------------------------------------------------------------ persistence
    def drain(self) -> Changes:
        """Stories and document frequencies changed since the last call.

        Every story an article was placed in since the last call is among them
        (a changed story never leaves memory before it is drained).
        """
        changed = tuple(self.stories[s] for s in self._dirty)
        out = Changes(changed, self.stats.drain(), self.n_docs)
        self._dirty.clear()
        return out

    def restore_stats(self, n_docs: int, df: dict[int, int] | np.ndarray) -> None:
        """Document frequencies saved by a previous run (term -> documents)."""
        self.stats.restore(n_docs, df)

    def restore_story(self, state: StoryState, replace: bool = False) -> None:
        """A story saved by a previous run (call in story age order).

        A story already in memory is kept (it may hold changes not yet drained)
        unless ``replace``: another writer changed it since it was read.
        Its saved index terms are kept; a state saved without them is indexed now.
        """
        if state.id in self.stories:
            if not replace:
                return
            self._close(state.id)
        self.stories[state.id] = state
        if state.last is not None:
            self._stories_due.add(state.last, state.id)
        indexed, state.indexed = state.indexed, ()
        self._reindex(state, indexed or None)

    def restore_signature(self, key: str, story: str, published: str | None,
                          sig: np.ndarray, order: int | None = None) -> None:
        """An article's MinHash signature saved by a previous run (``order`` as in :meth:`add`)."""
        self._remember_signature(key, story, day_number(published), sig, order)

    def rebuild(self, story_id: str, members: list[tuple[str | None, str, str | None]]
                ) -> StoryState:
        """The state of story ``story_id`` made afresh from its ``members`` (title, text,
        published) in order, weighed by the current document frequencies.

        For a repair: a state built article by article weighed each by the
        frequencies of its day, so a rebuilt centroid keeps slightly different
        terms; counts and dates are exact. The story is not added to memory.
        """
        story = StoryState(story_id, {}, None, None, 0)
        for title, text, published in members:
            tf = log_tf_parts(article_parts(title, text, self.config.features))
            self._join(story, tf, self.stats.ranked(tf.body), day_number(published))
        self._dirty.pop(story_id, None)
        self._close_index(story)
        return story

    def recall(self, stories: list[str]) -> None:
        """Stories (restored already) that the next *undated* article is compared with
        besides the open ones: those its words match best in the store. A store-backed
        caller recalls for every undated article (memory then holds more than the store
        says is open); without a recall, an undated article meets every story in memory."""
        self._recalled = frozenset(stories)


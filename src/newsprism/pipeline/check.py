"""`newsprism check`: is a store consistent, and repair what its rows can derive.

The store checks itself (SQLite integrity, the search index, story rows
against their articles, the document count); this module adds what needs the
clusterer: every article's terms are counted again and compared with the
stored document frequencies, and each story's clustering state (members
titled and dated, date sums and span, latest members kept, signatures) with
its articles. The whole check runs inside one write transaction: it sees one
consistent store, and no ingest changes it halfway (readers are not blocked).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsprism.cluster import EPOCH, ClusterConfig, StoryClusterer, day_number, signature
from newsprism.cluster.features import article_parts
from newsprism.store import Store
from newsprism.store.check import Problem
from newsprism.pipeline.clustering import iso, state_json


@dataclass
class CheckReport:
    """Problems found; with a repair, what it did and the problems left afterwards."""

    found: list[Problem]
    repairs: list[str] = field(default_factory=list)
    left: list[Problem] | None = None  # None: no repair was asked for

    @property
    def clean(self) -> bool:
        return not (self.found if self.left is None else self.left)


@dataclass
class _Scan:
    """What the articles say: term document frequencies, and stories to rebuild."""

    df: Counter[int] = field(default_factory=Counter)
    rebuild: list[str] = field(default_factory=list)
    bad_signatures: list[tuple[str, str]] = field(default_factory=list)  # (article id, text)
    problems: list[Problem] = field(default_factory=list)


def check_store(store: Store, config: ClusterConfig, repair: bool = False) -> CheckReport:
    """Check ``store``; with ``repair``, fix what is derivable and check again."""
    with store.transaction():
        found, scan = _find(store, config)
        if not repair:
            return CheckReport(found)
        repairs = _repair(store, config, found, scan) if found else []
        left = _find(store, config)[0] if repairs else found
    return CheckReport(found, repairs, left)


def _find(store: Store, config: ClusterConfig) -> tuple[list[Problem], _Scan]:
    problems = store.integrity_problems()
    if problems:  # a damaged file: what the other checks read cannot be trusted
        return problems, _Scan()
    problems = (store.search_index_problems() + store.story_row_problems()
                + store.count_problems())
    scan = _scan(store, config)
    return problems + scan.problems, scan


def _scan(store: Store, config: ClusterConfig) -> _Scan:
    """Read every article once: count its terms, check its signature and its story's state."""
    scan = _Scan()
    states = store.story_states()
    width = config.features.num_perm * 8
    for sid, rows in itertools.groupby(store.articles_by_story(), key=lambda r: r["story_id"]):
        members = _Members()
        for row in rows:
            parts = article_parts(row["title"], row["text"], config.features)
            scan.df.update(parts.body.keys())
            members.add(bool(parts.title), day_number(row["published"]))
            if row["signature"] is None or len(row["signature"]) != width:
                scan.bad_signatures.append((row["id"], row["text"]))
        state = states.get(sid)
        why = "no row" if state is None else members.differs(state, config.member_links)
        if why:
            scan.rebuild.append(sid)
            if state is not None:
                scan.problems.append(Problem("story state", f"story {sid}: {why}"))
    if scan.bad_signatures:
        scan.problems.append(Problem("signatures", f"{len(scan.bad_signatures)} article(s) "
                                     "have no readable MinHash signature"))
    stored = store.term_counts()[1]
    wrong = sum(1 for t in stored.keys() | scan.df.keys() if stored.get(t, 0) != scan.df[t])
    if wrong:
        scan.problems.append(Problem("term counts", f"{wrong} term(s) have a document "
                                     "frequency other than the articles give"))
    return scan


@dataclass
class _Members:
    """A story's members as its clustering state sums them up."""

    n: int = 0
    titled: int = 0
    days: list[int] = field(default_factory=list)

    def add(self, titled: bool, day: int | None) -> None:
        self.n += 1
        self.titled += titled
        if day is not None:
            self.days.append(day)

    def differs(self, row: Any, member_links: int) -> str | None:
        """What in the stored state disagrees with the members (None when nothing)."""
        try:
            state = json.loads(row["state"])
            dated, day_sum, day_sq = state["d"]
            kept, titled = len(state["m"]), state["ht"]
        except (ValueError, KeyError, TypeError):
            return "the clustering state is unreadable or incomplete"
        expect = (len(self.days), float(sum(d - EPOCH for d in self.days)),
                  float(sum((d - EPOCH) ** 2 for d in self.days)))
        if (dated, day_sum, day_sq) != expect:
            return f"date sums {[dated, day_sum, day_sq]}, the articles give {list(expect)}"
        span = (iso(min(self.days)), iso(max(self.days))) if self.days else (None, None)
        if (row["first_date"], row["last_date"]) != span:
            return f"span {row['first_date']}..{row['last_date']}, the articles give " \
                   f"{span[0]}..{span[1]}"
        if titled != self.titled or kept != min(self.n, member_links):
            return f"{titled} titled / {kept} recent members kept, the articles give " \
                   f"{self.titled} / {min(self.n, member_links)}"
        return None


def _repair(store: Store, config: ClusterConfig, found: list[Problem], scan: _Scan) -> list[str]:
    """Fix what the rows determine; returns one line per repair made."""
    done = []
    kinds = {p.kind for p in found}
    if "search index" in kinds:
        store.rebuild_search_index()
        done.append("rebuilt the search index from the articles")
    if kinds & {"empty story", "story size", "document count"}:
        store.recount()
        done.append("recounted story sizes and the document count; dropped stories with "
                    "no article")
    for key, text in scan.bad_signatures:
        store.set_signature(key, signature(text, config.features).tobytes())
    if scan.bad_signatures:
        done.append(f"recomputed {len(scan.bad_signatures)} signature(s)")
    if "term counts" in kinds:
        store.replace_term_counts(dict(scan.df))
        done.append(f"recounted the document frequencies of {len(scan.df)} term(s)")
    if scan.rebuild:
        _rebuild_stories(store, config, scan)
        done.append(f"rebuilt the clustering state of {len(scan.rebuild)} story(ies) "
                    "from their articles")
    if done:
        store.bump_epoch()  # a running ingest reads the clustering state again
    return done


def _rebuild_stories(store: Store, config: ClusterConfig, scan: _Scan) -> None:
    clusterer = StoryClusterer(config)
    clusterer.restore_stats(store.count("articles"), dict(scan.df))
    for sid in scan.rebuild:
        members = store.story_articles(sid)
        st = clusterer.rebuild(sid, [(a.title, a.text, a.published) for a in members])
        title = next((a.title for a in members if a.title), None)
        store.save_story(sid, state_json(st), iso(st.first), iso(st.last), title,
                         store.story_head(sid))

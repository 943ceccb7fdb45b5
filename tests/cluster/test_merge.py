"""Merging two pieces of one event: the clusterer folds them, a store relabels, a digest groups."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsprism.cluster import Assignment, ClusterConfig, StoryClusterer
from newsprism.cluster.merge import MERGE_FEATURES, shipped_merge_model
from newsprism.eval import clusters
from newsprism.eval.clusters import GoldArticle, run_ours
from newsprism.model import Article
from newsprism.pipeline.check import check_store
from newsprism.pipeline.collection import ingest_articles
from newsprism.pipeline.digest import split_stories
from newsprism.store import Store
from tests.cluster.test_clustering import ELECTION, QUAKE


def split_quake() -> StoryClusterer:
    """A clusterer holding the quake's first two reports as two stories (as when the join
    model declined the second), and an election story."""
    c = StoryClusterer()
    c.add_labelled("q0", *QUAKE[0], "2024-03-10", "s-one")
    c.add_labelled("e0", *ELECTION[0], "2024-03-10", "s-vote")
    c.add_labelled("q1", *QUAKE[1], "2024-03-11", "s-two")
    c.drain()
    return c


def test_a_report_that_joins_one_piece_merges_the_other() -> None:
    c = split_quake()
    where = c.add("q2", *QUAKE[2], "2024-03-12")
    assert (where.story, where.merged) == ("s-one", "s-two")  # equal sizes: the older id stays
    assert set(c.stories) == {"s-one", "s-vote"}
    kept = c.stories["s-one"]
    assert (kept.size, kept.first, kept.last) == (3, c.stories["s-one"].first, kept.first + 2)
    changes = c.drain()
    assert changes.merged == (("s-two", "s-one"),)
    assert [st.id for st in changes.stories] == ["s-one"]


def test_a_copy_of_an_absorbed_story_joins_the_story_it_was_merged_into() -> None:
    c = split_quake()
    c.add("q2", *QUAKE[2], "2024-03-12")
    copy = c.add("q1-copy", "Rescuers pull survivors", QUAKE[1][1], "2024-03-12")
    assert copy.duplicate_of == "q1" and copy.story == "s-one"


def test_unrelated_stories_are_not_merged() -> None:
    c = split_quake()
    where = c.add("e1", *ELECTION[1], "2024-03-12")
    assert where.merged is None and set(c.stories) == {"s-one", "s-two", "s-vote"}


def test_shipped_merge_model_reads_close_cores_as_one_event() -> None:
    model = shipped_merge_model()
    assert len(model.coefficients) == len(MERGE_FEATURES)
    close = [0.5, 0.3, 0.4, 0.6, 0.0, 1.1, 1.1, 1.0]
    apart = [0.05, 0.0, 0.02, 0.1, 0.0, 1.1, 1.1, 1.0]
    assert model.probability(close) >= 0.7 > model.probability(apart)


class Scripted:
    """Stands in for the clusterer: the quake's second report starts a story, the third
    joins the first and absorbs the second (what the tests above show the real one do)."""

    PLAN = {"q0": Assignment("s-one", True, None, 0.0),
            "q1": Assignment("s-two", True, None, 0.0),
            "q2": Assignment("s-one", False, None, 0.9, merged="s-two")}

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def add(self, key: str, *args: object) -> Assignment:
        return self.PLAN[key]


def test_benchmark_labels_follow_merges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clusters, "StoryClusterer", Scripted)
    rows = [GoldArticle(f"q{i}", "quake", text, title, f"2024-03-{10 + i}")
            for i, (title, text) in enumerate(QUAKE)]
    assert run_ours(rows) == ["s-one", "s-one", "s-one"]


def quake_articles() -> list[Article]:
    return [Article(f"q{i}", f"Outlet {i}", text, title, published=f"2024-03-{10 + i}")
            for i, (title, text) in enumerate(QUAKE)]


def test_a_store_relabels_the_absorbed_story(tmp_path: Path) -> None:
    first, second, third = quake_articles()
    with Store(tmp_path / "news.db") as store:
        apart = ClusterConfig(join_probability=1.1)  # nothing joins: two stories
        ingest_articles([first, second], store, config=apart)
        assert store.count("stories") == 2
        report = ingest_articles([third], store, config=ClusterConfig())
        ids = {r[0] for r in store.db.execute("SELECT DISTINCT story_id FROM articles")}
        assert ids == {r[0] for r in store.db.execute("SELECT id FROM stories")}
        assert store.count("stories") == 1
        assert [r[0] for r in store.db.execute("SELECT size FROM stories")] == [3]
        assert list(report.updated) == list(ids)
        assert check_store(store, ClusterConfig()).clean


def test_a_digest_groups_the_pieces_of_a_merged_story(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules["newsprism.pipeline.digest"], "StoryClusterer", Scripted)
    monkeypatch.setitem(Scripted.PLAN, "e0", Assignment("s-vote", True, None, 0.0))
    arts = (*quake_articles(), Article("e0", "Outlet 9", ELECTION[0][1], ELECTION[0][0],
                                       published="2024-03-13"))
    assert [[a.id for a in s] for s in split_stories(arts)] == [["q0", "q1", "q2"], ["e0"]]


def test_a_stale_row_of_an_absorbed_story_is_not_restored() -> None:
    c = split_quake()
    stale = c.stories["s-two"]  # as the store still holds it until the merge is saved
    c.add("q2", *QUAKE[2], "2024-03-12")
    c.restore_story(stale)
    assert "s-two" not in c.stories and c.stories["s-one"].size == 3

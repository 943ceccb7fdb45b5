"""The store: migrations, dedup, search without accents, story listing, briefing cache."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.config import Options
from newsprism.errors import NotFoundError, StoreError
from newsprism.model import Article
from newsprism.pipeline.collection import ingest_articles, story_briefing
from newsprism.store import MIGRATIONS, Store, default_path, encode_briefing, decode_briefing


def art(name: str, text: str, published: str = "2022-10-27", **kw: str) -> Article:
    return Article(id="x", name=name, text=text, published=published, **kw)


TURKEY = [
    art("Daily Sabah", "President Recep Tayyip Erdoğan received Israeli Defense Minister Benny "
        "Gantz in Ankara on Thursday. Gantz earlier met Turkish Defense Minister Hulusi Akar.",
        title="Erdoğan receives Gantz in Ankara", record_id="r1", url="https://a.example/1"),
    art("Times of Israel", "Defense Minister Benny Gantz met Turkish President Recep Tayyip "
        "Erdogan in Ankara on Thursday, after talks with his counterpart Hulusi Akar on defense "
        "ties.", title="Gantz meets Erdogan in Ankara", record_id="r2"),
]


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    with Store(tmp_path / "np.db") as s:
        yield s


def test_new_store_is_migrated_and_in_wal_mode(store: Store) -> None:
    versions = [r[0] for r in store.db.execute("SELECT version FROM schema_migrations")]
    assert versions == sorted(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_migrate_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    Store(tmp_path / "a.db").close()
    with Store(tmp_path / "a.db") as s:
        assert s.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_default_path_prefers_flag_then_environment(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env.db"))
    assert default_path("given.db").name == "given.db"
    assert default_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("NEWSPRISM_DB")
    assert default_path(None).name == "newsprism.db"


def test_not_a_database_is_a_store_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(bad)


def test_reingesting_the_same_content_is_a_no_op(store: Store) -> None:
    first = ingest_articles(TURKEY, store)
    again = ingest_articles(TURKEY, store)
    assert (first.added, again.added, again.duplicates) == (2, 0, 2)
    assert store.count("articles") == 2 and store.count("stories") == 1


def test_story_lists_members_with_record_ids_and_urls(store: Store) -> None:
    ingest_articles(TURKEY, store)
    (summary,) = store.stories()
    assert summary["outlets"] == ["Daily Sabah", "Times of Israel"]
    story = store.story(summary["id"])
    assert [(m["record_id"], m["url"]) for m in story["members"]] == [
        ("r1", "https://a.example/1"), ("r2", None)]


def test_search_ignores_diacritics_both_ways(store: Store) -> None:
    ingest_articles(TURKEY, store)
    assert {h["name"] for h in store.search("erdogan")} == {"Daily Sabah", "Times of Israel"}
    assert {h["name"] for h in store.search("Erdoğan")} == {"Daily Sabah", "Times of Israel"}


def test_unknown_story_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.story("nope")


def test_briefing_is_cached_and_rebuilt_when_the_story_changes(store: Store) -> None:
    opts = Options(embedder="tfidf")
    ingest_articles(TURKEY[:1], store)
    (sid,) = [s["id"] for s in store.stories()]
    one = story_briefing(store, sid, opts)
    assert store.db.execute("SELECT count(*) FROM briefings").fetchone()[0] == 1
    assert story_briefing(store, sid, opts).to_dict() == one.to_dict()  # from the cache
    ingest_articles(TURKEY[1:], store)
    assert store.db.execute("SELECT count(*) FROM briefings").fetchone()[0] == 0
    assert len(story_briefing(store, sid, opts).sources) == 2


def test_briefing_codec_round_trips(store: Store) -> None:
    ingest_articles(TURKEY, store)
    b = story_briefing(store, store.stories()[0]["id"], Options(embedder="tfidf"))
    assert decode_briefing(encode_briefing(b)).to_dict() == b.to_dict()


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.add_article("k1", TURKEY[0], "s1", None, None)
            store.add_article("k1", TURKEY[0], "s1", None, None)  # same key twice
    assert store.count("articles") == 0


def test_syndicated_copy_is_kept_as_an_extra_outlet(store: Store) -> None:
    wire = TURKEY[0]
    copy = Article(id="x", name="Hürriyet Daily News", text=wire.text + " (AA)",
                   published=wire.published)
    report = ingest_articles([wire, copy], store)
    assert (report.added, report.near_duplicates) == (2, 1)
    (story,) = [store.story(s["id"]) for s in store.stories()]
    assert story["outlets"] == ["Daily Sabah", "Hürriyet Daily News"]
    assert story["members"][1]["duplicate_of"] == story["members"][0]["id"]


def test_a_later_run_continues_the_same_stories(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "a.db") as s:
        ingest_articles(TURKEY[:1], s)
    with Store(tmp_path / "a.db") as s:  # a new process: clustering state comes from the db
        report = ingest_articles(TURKEY[1:], s)
        assert report.created == {} and s.count("stories") == 1


def test_a_restored_story_keeps_its_recent_members(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsprism.cluster import ClusterConfig
    from newsprism.pipeline.clustering import StoredClusterer

    with Store(tmp_path / "a.db") as s:
        ingest_articles(TURKEY, s)
    with Store(tmp_path / "a.db") as s:
        clusterer = StoredClusterer(s, ClusterConfig()).synced()
        (story,) = clusterer.stories.values()
        assert story.members and len(story.members) == min(len(TURKEY), 4)

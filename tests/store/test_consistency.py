"""Store consistency (issue 13): every article in a stored story, sizes and counts from the
rows, and `newsprism check [--repair]` finding and fixing each kind of damage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.cluster import ClusterConfig
from newsprism.config import Options
from newsprism.model import Article
from newsprism.pipeline.check import check_store
from newsprism.pipeline.collection import ingest_articles, ingest_inputs
from newsprism.store import Store
from tests.store.streams import articles, records

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def assert_consistent(store: Store, config: ClusterConfig | None = None) -> None:
    report = check_store(store, config or ClusterConfig())
    assert report.clean, [p.line() for p in report.found]


@pytest.mark.parametrize("window", [365, 30])
def test_two_stories_years_apart_are_both_stored(tmp_path: Path, window: int) -> None:
    # the two-line recipe: "2 created, 1 listed"
    stream = tmp_path / "orphan.jsonl"
    stream.write_text("\n".join(json.dumps(r) for r in [
        {"text": (ROOT / "examples" / "capital_post.txt").read_text(encoding="utf-8"),
         "source": "Capital Post", "published": "2020-01-01"},
        {"text": "The city council approved a new budget for parks and libraries on Monday "
                 "after a long debate about taxes and school funding.",
         "source": "Town Crier", "published": "2021-06-01"}]) + "\n", encoding="utf-8")
    options = Options(story_window_days=window)
    with Store(tmp_path / "np.db") as store:
        report = ingest_inputs([str(stream)], store, options)
        assert len(report.created) == store.count("stories") == 2
        assert_consistent(store, ClusterConfig(window_days=window))


def test_a_mixed_stream_leaves_a_consistent_store(tmp_path: Path) -> None:
    rows = records(300)
    with Store(tmp_path / "np.db") as store:
        report = ingest_articles(articles(rows), store, batch=25)
        assert report.added + report.duplicates == len(rows)
        assert len(report.created) == store.count("stories")
        assert store.term_counts()[0] == store.count("articles") == report.added
        assert_consistent(store)


def _damage(db: Path) -> None:
    """One of each kind of damage the issue saw (or a crash or an old version could leave)."""
    with Store(db) as store, store.transaction():
        q = store.db.execute
        victim = q("SELECT story_id FROM articles ORDER BY seq LIMIT 1").fetchone()[0]
        q("DELETE FROM stories WHERE id = ?", (victim,))  # orphans
        q("UPDATE stories SET size = size + 3 WHERE id = (SELECT max(id) FROM stories)")
        q("INSERT INTO stories (id, state, created_seq, updated_seq) VALUES ('s0ghost', '{}', 1, 1)")
        q("UPDATE meta SET value = '1' WHERE key = 'n_docs'")
        q("DELETE FROM term_df WHERE term = (SELECT min(term) FROM term_df)")
        q("UPDATE articles SET signature = NULL WHERE seq = 2")
        q("INSERT INTO articles_fts (rowid, title, text) VALUES (9999, '', 'stray words')")
        q("UPDATE stories SET state = json_set(state, '$.ht', 99) WHERE id = (SELECT min(id) "
          "FROM stories WHERE id != 's0ghost')")


def test_check_names_each_problem_and_repair_fixes_them(tmp_path: Path) -> None:
    db = tmp_path / "np.db"
    with Store(db) as store:
        ingest_articles(articles(records(120, seed=5)), store)
        before = {r["id"]: r["articles"] for r in store.stories(limit=1000)}
    assert run("check", "--db", str(db)) == (0, "")
    _damage(db)
    code, out = run("check", "--db", str(db))
    kinds = {line.split(":")[0] for line in out.splitlines()}
    assert code == 1 and kinds == {"orphans", "empty story", "story size", "document count",
                                   "term counts", "signatures", "search index", "story state"}
    code, out = run("check", "--db", str(db), "--repair")
    assert code == 0 and "repaired: rebuilt the search index from the articles" in out
    assert run("check", "--db", str(db)) == (0, "")
    with Store(db) as store:
        assert {r["id"]: r["articles"] for r in store.stories(limit=1000)} == before
        # a later ingest goes on from the repaired state
        ingest_articles([Article(id="x", name="Harbour Gazette", title="Ferry strike ends",
                                 text="The ferry strike at Vellmark ended on Friday.",
                                 published="2001-01-02")], store)
        assert_consistent(store)


def test_check_of_a_missing_store_is_a_one_line_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from newsprism.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["check", "--db", str(tmp_path / "none.db")])
    err = capsys.readouterr().err
    assert exit_.value.code == 1 and err.count("\n") == 1 and "run newsprism ingest first" in err
    assert not (tmp_path / "none.db").exists()

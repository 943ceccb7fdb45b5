"""Windows follow each article's own date: an old story stays joinable by an article of its
own time, however new the rest of the collection is (fictional outlets and events)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.model import Article
from newsprism.pipeline.collection import ingest_articles
from newsprism.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

FERRY = [
    ("Ferry runs aground off Skarholm", "The ferry Nordlys ran aground off Skarholm island on "
     "Tuesday with 212 passengers aboard, the Vellmark coastguard said. Nobody was hurt, and "
     "tugboats from Skarholm harbour began pulling the Nordlys free at high tide."),
    ("Nordlys ferry refloated at Skarholm", "Tugboats refloated the ferry Nordlys off Skarholm on "
     "Wednesday, a day after it ran aground with 212 passengers. The Vellmark coastguard said "
     "divers found a gash in the hull and the ferry line suspended sailings to Skarholm."),
]
MARATHON = ("Teodora Ilic wins the Brannoch marathon", "Teodora Ilic won the Brannoch marathon "
            "on Sunday in a course record, ahead of two runners from the Kessel athletics club, "
            "as thousands lined the streets of Brannoch in warm weather.")


def article(outlet: str, title: str, text: str, day: str) -> Article:
    return Article(id=f"{outlet}|{day}", name=outlet, text=text, title=title, published=day)


def test_a_copy_of_an_old_article_joins_its_story_after_newer_news(tmp_path: Path) -> None:
    store = Store(tmp_path / "np.db")
    ingest_articles([article("Vellmark Post", *FERRY[0], "2030-03-05"),
                     article("Skarholm Tidende", *FERRY[1], "2030-03-06"),
                     article("Brannoch Herald", *MARATHON, "2031-09-14")], store)
    ferry = {r[0] for r in store.db.execute(
        "SELECT story_id FROM articles WHERE name != 'Brannoch Herald'")}
    assert len(ferry) == 1
    # a later run, as `newsprism ingest` would start it: the 2031 story is the newest
    report = ingest_articles([article("Coast Radio", *FERRY[0], "2030-03-05")], store)
    assert not report.created and list(report.updated) == list(ferry)
    assert report.near_duplicates == 1
    store.close()


def test_in_one_run_an_older_article_still_meets_its_own_stories(tmp_path: Path) -> None:
    store = Store(tmp_path / "np.db")
    report = ingest_articles([article("Vellmark Post", *FERRY[0], "2030-03-05"),
                              article("Brannoch Herald", *MARATHON, "2031-09-14"),
                              article("Skarholm Tidende", *FERRY[1], "2030-03-06")], store)
    assert len(report.created) == 2
    store.close()


def test_a_copy_of_a_seed_joins_the_seed_story_after_the_examples(tmp_path: Path,
                                                                  seeds: Path) -> None:
    db = str(tmp_path / "np.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(EXAMPLES), str(seeds), "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    seed_stories = json.loads(first.stdout)["stories_created"]
    copy = tmp_path / "copy"
    copy.mkdir()
    original = sorted(seeds.glob("*.txt"))[0]
    shutil.copy(original, copy / "reposted_story.txt")
    again = runner.invoke(cli, ["ingest", str(copy), "--db", db, "--json"])
    assert again.exit_code == 0, again.output
    changed = json.loads(again.stdout)
    assert changed["added"] == 1 and changed["stories_created"] == []
    assert changed["stories_updated"] and changed["stories_updated"][0] in seed_stories


def test_an_undated_copy_finds_its_old_story_by_its_words(tmp_path: Path) -> None:
    store = Store(tmp_path / "np.db")
    ingest_articles([article("Vellmark Post", *FERRY[0], "2030-03-05"),
                     article("Brannoch Herald", *MARATHON, "2031-09-14")], store)
    ferry = store.db.execute(
        "SELECT story_id FROM articles WHERE name = 'Vellmark Post'").fetchone()[0]
    undated = Article(id="radio", name="Coast Radio", text=FERRY[0][1], title=None)
    report = ingest_articles([undated], store)
    assert list(report.updated) == [ferry] and not report.created
    store.close()

"""Story-clustering evaluation: the reader, B-cubed through the module, ``newsprism eval`` on a
gold-cluster file (fictional fixture: 10 articles, 3 stories, one undated)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.errors import InputError
from newsprism.eval.clusters import (
    BASELINE,
    OURS,
    GoldArticle,
    date_order,
    evaluate_clusters,
    iso_date,
    read_gold,
)
from newsprism.eval.datasets import dataset_kind

FIXTURES = Path(__file__).parents[1] / "fixtures" / "eval"
FIXTURE = str(FIXTURES / "tiny_clusters.jsonl")
DUC2003 = (Path(__file__).parents[2] / ".." / "shared" / "data" / "clustering"
           / "duc2003_tdt_event_clusters.jsonl")

QUAKE = ("A strong earthquake shook the fishing port of Dunmere on Tuesday night, toppling "
         "chimneys and cracking the harbour wall. The coastguard reported no injuries.")
VOTE = ("Members of the Arlow regional assembly voted to close the coal power station at "
        "Brenfield by 2040, after a long debate about jobs and the price of heating.")


def article(key: str, gold: str, text: str, date: str | None = "2031-05-01") -> GoldArticle:
    return GoldArticle(key=key, gold=gold, text=text, title=None, date=date)


# ----------------------------------------------------------------- reading
def test_iso_date_reads_both_formats_of_the_gold_files():
    assert iso_date("03/02/2031 07:15:00") == "2031-03-02"
    assert iso_date("2031-03-02 18:40") == "2031-03-02"
    assert iso_date("2031-03-03") == "2031-03-03"
    assert iso_date("") is None and iso_date(None) is None and iso_date("spring 2031") is None


def test_read_gold_and_date_order():
    articles = read_gold(FIXTURE)
    assert len(articles) == 10 and {a.gold for a in articles} == {"bridge", "chess", "fire"}
    ordered = date_order(articles)
    dates = [a.date for a in ordered]
    assert dates[-1] is None, "undated articles come last"
    assert dates[:-1] == sorted(dates[:-1])
    assert [a.key for a in read_gold(FIXTURE, limit=4)] == ["tc-01", "tc-02", "tc-03", "tc-04"]


def test_dataset_kind_from_the_first_line(tmp_path):
    assert dataset_kind(FIXTURE) == "clusters"
    assert dataset_kind(FIXTURES / "tiny_mds.jsonl") == "summaries"
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        dataset_kind(empty)


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not valid JSON"),
    ('{"id": "x", "text": "Some words."}', "'cluster'"),
    ('{"cluster": "a", "text": "Some words."}', "'id'"),
    ('{"id": "x", "cluster": "a"}', "'text' string"),
    ('["id", "cluster", "text"]', "JSON object"),
])
def test_bad_lines_name_the_file_and_line(tmp_path, line, problem):
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"id": "a1", "cluster": "a", "text": "Some words."})
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as info:
        read_gold(path)
    assert info.value.origin == f"{path}:3"


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_gold(tmp_path / "nope.jsonl")


# ---------------------------------------------------------------- scoring
def test_bcubed_through_the_module():
    # Two stories, each an exact copy pair: both systems pair the copies and nothing else.
    articles = [article("q1", "quake", QUAKE), article("v1", "vote", VOTE),
                article("q2", "quake", QUAKE), article("v2", "vote", VOTE)]
    report = evaluate_clusters(articles, dataset="pairs")
    assert report.articles == 4 and report.gold_stories == 2 and report.undated == 0
    for s in report.systems:
        assert (s.stories, s.precision, s.recall, s.f1) == (2, 1.0, 1.0, 1.0), s.name
    # Gold now says q2 is a story of its own: precision of q1 and q2 halves (3/4 overall),
    # recall stays 1, F1 = 2 * 0.75 / 1.75.
    split = [*articles[:2], article("q2", "quake-2", QUAKE), articles[3]]
    report = evaluate_clusters(split)
    assert [s.name for s in report.systems] == [OURS, BASELINE]
    for s in report.systems:
        assert s.precision == pytest.approx(0.75) and s.recall == pytest.approx(1.0)
        assert s.f1 == pytest.approx(6 / 7)
        assert s.articles_per_second > 0


def test_progress_is_called_once_per_article():
    calls = []
    evaluate_clusters(date_order(read_gold(FIXTURE)), progress=calls.append)
    assert calls == [1] * 10


# -------------------------------------------------------------------- CLI
def test_eval_table_on_a_gold_cluster_file():
    result = CliRunner().invoke(cli, ["eval", FIXTURE, "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert "10 articles · 3 gold stories" in lines[0] and "1 undated" in lines[0]
    assert lines[1].split() == ["system", "stories", "B3-P", "B3-R", "B3-F1", "articles/s"]
    ours, base = lines[2].split(), lines[3].split()
    assert ours[:5] == [OURS, "3", "1.000", "1.000", "1.000"]
    assert base[0] == BASELINE
    assert lines[4].startswith("baseline:")


def test_eval_json_on_a_gold_cluster_file_with_limit():
    result = CliRunner().invoke(cli, ["eval", FIXTURE, "--json", "--limit", "5"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["kind"] == "clusters"
    assert report["articles"] == 5 and report["gold_stories"] == 3 and report["undated"] == 0
    assert list(report["systems"]) == [OURS, BASELINE]
    ours = report["systems"][OURS]
    assert ours["stories"] == 3 and ours["f1"] == 1.0 and ours["articles_per_second"] > 0
    assert 0 <= report["systems"][BASELINE]["f1"] <= 1


def test_summary_options_are_rejected_for_gold_clusters():
    result = CliRunner().invoke(cli, ["eval", FIXTURE, "--words", "50", "--no-focus"])
    assert result.exit_code == 1
    assert "--words, --focus/--no-focus: only for summary datasets" in str(result.exception)


def test_bad_cluster_file_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "a1", "cluster": "a", "text": "Fine."}\n{"id": "a2", "text": "No '
                   'cluster."}\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newsprism", "eval", str(bad)],
                          check=False, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"newsprism: error: {bad}:2: each article needs 'cluster' (a string or number)"]


# ------------------------------------------------------- the real data (optional)
@pytest.mark.skipif(not DUC2003.exists(), reason=f"clustering data not found at {DUC2003}")
def test_duc2003_events_hold_their_floor():
    # shipped ClusterConfig: B3-F1 0.845 (baseline 0.557); the margin absorbs float noise only
    report = evaluate_clusters(date_order(read_gold(DUC2003)))
    ours, base = report.systems
    assert ours.f1 >= 0.80, ours
    assert ours.f1 > base.f1

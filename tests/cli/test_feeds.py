"""`follow`, `feeds`, `poll`, `unfollow` through click's runner, against a local feed server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.cli.feeds import parse_duration
from newsprism.errors import ConfigError, InputError, NotFoundError

from ..pipeline.feedserver import Route, feed_server, rss

STORY = ("<p>The Orlen valley railway reopened on Friday after three weeks of repairs to the "
         "Sarn viaduct, the regional rail company of Vastoria said.</p><p>The first train left "
         "Kelmora at 5:40 a.m. with about 90 passengers, and timetables return to normal on "
         "Monday.</p>") * 3


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def server():
    with feed_server() as srv:
        srv.routes["/a.xml"] = Route(rss("Orlen Courier", [("o-1", srv.url("/o/1"),
                                                            "Valley line reopens", STORY)]))
        yield srv


def test_follow_opml_poll_list_unfollow(server, tmp_path: Path):
    db = str(tmp_path / "np.db")
    opml = tmp_path / "subs.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline text="Rail">'
                    f'<outline type="rss" text="Courier" xmlUrl="{server.url("/a.xml")}"/>'
                    f'<outline type="rss" text="Gone" xmlUrl="{server.url("/gone.xml")}"/>'
                    f"</outline></body></opml>")
    code, out, _ = run("follow", str(opml), "--db", db)
    assert code == 0 and out.count("following http://127.0.0.1") == 2
    code, out, _ = run("poll", "--db", db, "--allow-private")
    assert code == 1 and out.startswith("poll: 2 feeds, 1 new article, 1 failed (HTTP error 404")
    code, out, _ = run("feeds", "--db", db, "--json")
    rows = {f["url"]: f for f in json.loads(out)["feeds"]}
    assert rows[server.url("/a.xml")]["articles"] == 1
    assert rows[server.url("/a.xml")]["title"] == "Orlen Courier"
    assert rows[server.url("/gone.xml")]["errors"] == 1
    _, out, _ = run("feeds", "--db", db)
    assert "Orlen Courier  last fetch 20" in out and ": ok  1 art." in out
    assert run("unfollow", server.url("/gone.xml"), "--db", db)[0] == 0
    code, out, _ = run("poll", "--db", db, "--allow-private")
    assert (code, out) == (0, "poll: 1 feed, 0 new articles\n")
    with pytest.raises(NotFoundError):
        run("unfollow", server.url("/gone.xml"), "--db", db)


def test_follow_rejects_a_file_that_is_not_opml(tmp_path: Path):
    bad = tmp_path / "subs.opml"
    bad.write_text("not xml at all")
    with pytest.raises(InputError, match="not a URL nor a readable OPML file"):
        run("follow", str(bad), "--db", str(tmp_path / "np.db"))


def test_durations():
    assert [parse_duration(t, "--every") for t in ("90", "90s", "15m", "2h", "1d")] == [
        90, 90, 900, 7200, 86400]
    for bad in ("0m", "15 minutes", "-5m"):
        with pytest.raises(ConfigError, match="--every"):
            parse_duration(bad, "--every")


def test_build_rebuilds_changed_stories_once(tmp_path: Path):
    db = str(tmp_path / "np.db")
    examples = Path(__file__).resolve().parents[2] / "examples"
    assert run("ingest", str(examples), "--db", db, "-q")[0] == 0
    code, out, _ = run("build", "--db", db, "--embedder", "tfidf")
    assert code == 0 and out.startswith("build: 1 briefing built in ")
    assert run("build", "--db", db, "--embedder", "tfidf")[1].startswith("build: 0 briefings")

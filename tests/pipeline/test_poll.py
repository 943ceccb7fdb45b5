"""Polling followed feeds against a local server whose feeds change between polls."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from newsprism.config import Options
from newsprism.pipeline.poll import follow, poll_every, poll_once
from newsprism.store import Store

from .feedserver import Route, feed_server, page, rss

LOCAL = replace(Options(), allow_private=True, fetch_timeout=0.5, embedder="tfidf")
T0 = datetime(2024, 5, 14, 9, 0, tzinfo=UTC)

FERRY = [
    "The passenger ferry Kestrel ran aground on a sandbank outside Pellworth harbour on "
    "Tuesday morning with 212 people on board, the Harbour Authority of Vastoria said.",
    "Nobody was hurt, and all passengers were taken ashore by lifeboats from Pellworth and "
    "Dunmere within three hours, according to the coastguard.",
    "The ferry had left Pellworth at 6:15 a.m. for the island of Skarra and was turning in "
    "the outer channel when it struck the bank in thick fog.",
    "Harbour master Ilse Varnholt said the channel buoys had been checked last week and that "
    "an inquiry would look at the ship's radar and the pilot's instructions.",
    "Services to Skarra are suspended until the Kestrel is refloated on the evening tide, "
    "the operator Northsound Lines said in a statement.",
]
BRIDGE = [
    "Engineers closed the Tallow Street bridge in Brenholt on Tuesday after inspectors found "
    "cracks in two of its steel supports, the city council said.",
    "The bridge carries about 18,000 vehicles a day across the river Auder, and drivers were "
    "told to expect long delays on the ring road while it stays shut.",
    "Council engineer Marta Quell said the cracks were found during a routine inspection and "
    "that the bridge would not reopen before a full survey next month.",
    "Bus routes 4 and 11 will be diverted over the Weir Lane crossing from Wednesday, the "
    "transport office said, adding that cyclists may still use the footway.",
]


def _full(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


@pytest.fixture()
def server():
    with feed_server() as srv:
        srv.routes["/full.xml"] = Route(
            rss("Eastwind Observer", [("ew-1", srv.url("/ew/1"), "Ferry aground off Pellworth",
                                       _full(FERRY))]), etag='"v1"')
        srv.routes["/teaser.xml"] = Route(rss("Capital Post", [
            ("cp-1", srv.url("/cp/1"), "Bridge shut after cracks found",
             "Engineers close a busy bridge in Brenholt."),
            ("cp-2", srv.url("/r/2"), "Ferry grounded in fog",
             "A ferry runs aground outside Pellworth.")]))
        srv.routes["/cp/1"] = Route(page("Capital Post", "Bridge shut", BRIDGE), mime="text/html")
        srv.routes["/r/2"] = Route(redirect="/cp/2")  # an item whose link redirects
        srv.routes["/cp/2"] = Route(page("Capital Post", "Ferry grounded", FERRY[::-1]),
                                    mime="text/html")
        srv.routes["/slow.xml"] = Route(rss("Slow Wire", []), stall=1.5)
        srv.routes["/garbage.xml"] = Route(b"<<< feed temporarily }{ broken ]]>", mime="text/xml")
        yield srv


def _follow_all(store: Store, srv, *paths: str) -> None:
    for path in paths:
        follow(store, srv.url(path))


def test_one_poll_reads_full_and_teaser_feeds_and_survives_bad_ones(server):
    with Store(":memory:") as store:
        _follow_all(store, server, "/full.xml", "/teaser.xml", "/slow.xml", "/garbage.xml")
        report = poll_once(store, LOCAL, now=T0)
        assert report.added == 3 and report.feeds == 4
        assert sorted(e.origin for e in report.failed) == [server.url("/garbage.xml"),
                                                            server.url("/slow.xml")]
        line = report.line()
        assert line.startswith("poll: 4 feeds, 3 new articles, 2 failed (")
        assert f"timed out after 0.5 s: {server.url('/slow.xml')}" in line
        texts = {r["url"]: r for r in store.db.execute("SELECT url, name, text FROM articles")}
        # the teaser feed's items were read from their pages, the redirect followed
        assert BRIDGE[2] in texts[server.url("/cp/1")]["text"]
        assert FERRY[3] in texts[server.url("/cp/2")]["text"]
        assert texts[server.url("/cp/2")]["name"] == "Capital Post"
        feeds = {f["url"]: f for f in store.feeds()}
        assert feeds[server.url("/teaser.xml")]["articles"] == 2
        assert feeds[server.url("/full.xml")]["title"] == "Eastwind Observer"
        assert feeds[server.url("/garbage.xml")]["status"].startswith("not a readable")


def test_second_poll_uses_etags_and_reads_only_new_items(server):
    with Store(":memory:") as store:
        _follow_all(store, server, "/full.xml", "/teaser.xml")
        assert poll_once(store, LOCAL, now=T0).added == 3
        again = poll_once(store, LOCAL, now=T0 + timedelta(minutes=15))
        assert again.added == 0 and again.not_modified == 1  # the ETag feed answered 304
        assert server.not_modified["/full.xml"] == 1
        assert server.hits["/cp/1"] == 1  # seen items' pages are not fetched again
        server.routes["/full.xml"] = Route(rss("Eastwind Observer", [
            ("ew-2", server.url("/ew/2"), "Brenholt bridge closed", _full(BRIDGE[::-1])),
            ("ew-1", server.url("/ew/1"), "Ferry aground off Pellworth", _full(FERRY)),
        ]), etag='"v2"')
        third = poll_once(store, LOCAL, now=T0 + timedelta(minutes=30))
        assert third.added == 1 and store.count("articles") == 4
        assert third.line() == "poll: 2 feeds, 1 new article"


def test_items_are_deduplicated_by_url_across_feeds(server):
    server.routes["/copy.xml"] = Route(rss("Capital Post mirror", [
        ("other-guid", server.url("/cp/1"), "Bridge shut", "Same page, other feed.")]))
    with Store(":memory:") as store:
        _follow_all(store, server, "/teaser.xml", "/copy.xml")
        assert poll_once(store, LOCAL, now=T0).added == 2
        assert server.hits["/cp/1"] == 1


def test_failing_feed_backs_off_exponentially_then_recovers(server):
    with Store(":memory:") as store:
        _follow_all(store, server, "/slow.xml", "/full.xml")
        poll_once(store, LOCAL, now=T0)
        waiting = poll_once(store, LOCAL, now=T0 + timedelta(minutes=5))
        assert waiting.waiting == 1 and waiting.feeds == 1 and server.hits["/slow.xml"] == 1
        poll_once(store, LOCAL, now=T0 + timedelta(minutes=16))  # 15 min backoff over
        slow = {f["url"]: f for f in store.feeds()}[server.url("/slow.xml")]
        assert slow["errors"] == 2
        assert slow["next_fetch"] == (T0 + timedelta(minutes=46)).isoformat()  # then 30 min
        server.routes["/slow.xml"] = Route(rss("Slow Wire", []))
        poll_once(store, LOCAL, now=T0 + timedelta(minutes=47))
        slow = {f["url"]: f for f in store.feeds()}[server.url("/slow.xml")]
        assert (slow["errors"], slow["status"], slow["next_fetch"]) == (0, "ok", None)


def test_teaser_whose_page_fails_is_retried_next_poll(server):
    del server.routes["/cp/1"]
    with Store(":memory:") as store:
        _follow_all(store, server, "/teaser.xml")
        first = poll_once(store, LOCAL, now=T0)
        assert first.added == 1 and len(first.item_errors) == 1
        server.routes["/cp/1"] = Route(page("Capital Post", "Bridge shut", BRIDGE),
                                       mime="text/html")
        assert poll_once(store, LOCAL, now=T0 + timedelta(minutes=15)).added == 1


def test_poll_every_stops_when_asked(server):
    lines: list[str] = []
    stop = threading.Event()

    def echo(line: str) -> None:
        lines.append(line)
        stop.set()

    with Store(":memory:") as store:
        _follow_all(store, server, "/full.xml")
        poll_every(store, LOCAL, 3600, stop, echo)
    assert lines == ["poll: 1 feed, 1 new article"]

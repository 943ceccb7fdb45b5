"""Any bytes given to any reader give articles or a typed InputError naming the file (issue 13).

Hypothesis mixes random bytes with fragments of each format (front matter, tags,
feed and OPML elements, JSON punctuation), so the readers' deeper paths are
reached too. Bounded to a few dozen examples each to stay fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.ingest import read_bytes
from newsprism.ingest.subscriptions import feed_urls

FRAGMENTS = {
    "text": [b"---\n", b"title: ", b"Published: 2024-05-14\n", b"Source: Lenk Post\n",
             b"URL: http://example.invalid/a\n", b"The ferry sailed on Monday.\n", b"\n\n"],
    "html": [b"<html>", b"<article>", b"<p>", b"The ferry sailed on Monday.", b"</p>",
             b"<meta property='og:site_name' content='Lenk Post'>", b"<title>", b"<!--",
             b"<script>", b"&amp;", b"&#0;", b"<figure><figcaption>", b"</div>" * 3],
    "json": [b"{", b"}", b"[", b"]", b'"text": ', b'"The ferry sailed."', b", ", b":",
             b'"published": ', b"1e999", b'"source": {"name": ', b"null", b"\n", b"\\u0000"],
    "feed": [b"<?xml version='1.0'?>", b"<rss version='2.0'><channel>", b"<item>",
             b"<title>", b"<description>", b"The ferry sailed on Monday.", b"</item>",
             b"<![CDATA[", b"<feed xmlns='http://www.w3.org/2005/Atom'>", b"<entry>",
             b"<!DOCTYPE x [<!ENTITY a 'aa'>]>", b"&a;", b"<pubDate>Mon, 14 May 2024</pubDate>"],
    "opml": [b"<?xml version='1.0'?>", b"<opml>", b"<body>", b"<outline ",
             b"xmlUrl='http://example.invalid/feed'", b"/>", b"</body></opml>", b"<!--"],
}
KINDS = {"text": "story.txt", "html": "page.html", "json": "records.json",
         "jsonl": "records.jsonl", "feed": "feed.xml"}


def inputs(kind: str) -> st.SearchStrategy[bytes]:
    pieces = st.one_of(st.sampled_from(FRAGMENTS["json" if kind == "jsonl" else kind]),
                       st.binary(max_size=40))
    return st.lists(pieces, max_size=30).map(b"".join)


def read_and_clean(data: bytes, kind: str) -> None:
    """Read ``data`` as a file of ``kind`` and clean what it holds; typed errors only."""
    origin = KINDS[kind]
    docs, errors = read_bytes(data, origin, Options(), kind=kind, path=origin)
    for exc in errors:
        assert isinstance(exc, InputError) and origin in str(exc)
    for doc in docs:
        try:
            clean_document(doc, Options())
        except InputError as exc:
            assert origin in str(exc)


FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("kind", sorted(KINDS))
@FUZZ
@given(data=st.data())
def test_reader(kind, data):
    read_and_clean(data.draw(inputs(kind)), kind)


@FUZZ
@given(data=inputs("opml"))
def test_opml(tmp_path_factory, data):
    path = Path(tmp_path_factory.mktemp("opml")) / "subscriptions.opml"
    path.write_bytes(data)
    try:
        assert all(isinstance(url, str) for url in feed_urls(str(path)))
    except InputError as exc:
        assert "subscriptions.opml" in str(exc)

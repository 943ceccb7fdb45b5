"""What changed since: an update summary and new quotes from the articles that arrived later."""

from __future__ import annotations

import pytest

from newsprism.config import Options
from newsprism.errors import ConfigError
from newsprism.model import Article
from newsprism.pipeline.collection import ingest_articles, ingest_inputs
from newsprism.pipeline.since import story_since, utc_time
from newsprism.store import Store
from tests.conftest import assert_traceable

TFIDF = Options(embedder="tfidf")
LATER = Article(
    id="later", name="Lindau Evening Standard", published="2024-05-16",
    title="Osterfeld line to reopen on Monday after derailment",
    text=(
        "The railway line through Osterfeld will reopen on Monday, two days after engineers "
        "finished stabilising the slope where the landslide derailed the R14 commuter train.\n"
        "About 300 people were on board the R14 train from Brenholt to Lindau when it hit the "
        "landslide near Osterfeld on Tuesday.\n"
        "Crews removed 4,000 tonnes of rock and soil from the track and installed steel nets "
        "above the cutting, the rail operator said on Thursday.\n"
        "\"The nets will hold anything that comes down this slope for decades,\" chief engineer "
        "Teodor Halvik said at the site.\n"
        "Transport Minister Mirela Dăscălescu has ordered an independent inquiry into the "
        "Osterfeld derailment."
    ),
)


@pytest.fixture()
def store(examples):
    with Store(":memory:") as s:
        ingest_inputs([str(examples)], s, TFIDF)
        s.db.execute("UPDATE articles SET ingested_at = '2024-05-14T12:00:00+00:00'")
        ingest_articles([LATER], s)
        yield s


def test_update_summary_holds_what_the_later_article_adds(store):
    story = store.stories()[0]["id"]
    b = story_since(store, story, "2024-05-15", TFIDF)
    later = next(a for a in b.sources if a.name == "Lindau Evening Standard")
    assert b.since is not None and b.since.articles == (later.id,)
    assert b.since.time == "2024-05-15T00:00:00+00:00"
    texts = " ".join(s.text for s in b.since.summary)
    assert "steel nets" in texts or "reopen on Monday" in texts
    assert "300 people were on board" not in texts  # the earlier reports said it already
    assert "independent inquiry" not in texts
    assert all(c.source == later.id for s in b.since.summary for c in s.citations)
    assert [q.speaker for q in b.since.quotes] == ["Teodor Halvik"]
    assert_traceable(b)
    assert b.to_dict()["since"]["articles"] == [later.id]


def test_nothing_new_since_now(store):
    story = store.stories()[0]["id"]
    b = story_since(store, story, "2099-01-01T00:00", TFIDF)
    assert b.since is not None and b.since.summary == () and b.since.articles == ()


def test_bad_time_is_a_config_error():
    assert utc_time("2024-05-15T09:30+02:00") == "2024-05-15T07:30:00+00:00"
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        utc_time("last tuesday")

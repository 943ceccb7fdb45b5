"""Property: whatever the articles, every citation is a sentence of the source it names,
and a summary sentence is cited by the outlet it was taken from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.config import Options
from newsprism.model import Article, content_id
from newsprism.pipeline import brief
from tests.conftest import assert_traceable

# Sentences of a fictional story (written for this test), several in two wordings.
POOL = [
    "The Harbour Council of Velmora approved the new ferry contract on Tuesday.",
    "Velmora's harbour council voted on Tuesday to approve the ferry contract.",
    "The contract is worth 42 million crowns over ten years.",
    "The deal is valued at 45 million crowns across a decade.",
    "Mayor Ilse Brandvik called the vote “a new start for the islands”.",
    "“This is a new start for the islands,” Mayor Brandvik said after the vote.",
    "Opposition members walked out before the final count.",
    "Ferry service to the outer islands was cut in 2019 after a strike.",
    "Passenger numbers fell by a third during the strike.",
    "The first new vessel is due in March 2027.",
    "Critics said the tender process had been rushed.",
    "The shipyard in Korsvik will build two of the three boats.",
]

article_text = st.lists(st.sampled_from(POOL), min_size=1, max_size=7, unique=True).map(
    lambda ss: "\n\n".join(ss)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_text, min_size=1, max_size=5, unique=True), st.integers(30, 150))
def test_every_citation_is_a_sentence_of_its_source(texts, words):
    articles = tuple(
        Article(id=content_id(t), name=f"Outlet {i}", text=t) for i, t in enumerate(texts)
    )
    b = brief(articles, Options(embedder="tfidf", words=words))
    assert_traceable(b)
    for item in b.summary:
        first = item.citations[0]
        assert b.source(first.source).text[first.start : first.end] == item.text
        assert len({c.source for c in item.citations}) == len(item.citations)

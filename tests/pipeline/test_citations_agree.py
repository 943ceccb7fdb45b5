"""One sentence, one set of citations: wherever a briefing (the examples, the seeds) shows
a sentence (a summary line, a timeline event, a coverage row), it cites the same outlets;
an outlet is cited for it only when its own sentence states it; and a summary line always
cites the sentence it was taken from."""

from __future__ import annotations

import pytest

from newsprism.config import Options
from newsprism.model import Citation
from newsprism.pipeline import brief, load_articles


@pytest.fixture(scope="module", params=["examples", "seeds"])
def briefing(request):
    articles, errors = load_articles([str(request.getfixturevalue(request.param))], Options())
    assert not errors
    return brief(articles, Options())


def _coverage(b) -> dict[Citation, set[str]]:
    """A row shows its first sentence and cites the outlets that state it."""
    return {Citation.of(f.sentences[0]): set(f.sources) for f in b.facts}


def _first(sections) -> dict[Citation, set[str]]:
    """The shown sentence of each line (its first citation) -> the outlets it cites."""
    return {citations[0]: {c.source for c in citations} for citations in sections}


def test_summary_and_coverage_cite_the_same_outlets(briefing):
    summary = _first(item.citations for item in briefing.summary)
    coverage = _coverage(briefing)
    assert summary and coverage
    for sentence in set(summary) & set(coverage):
        assert coverage[sentence] == summary[sentence], sentence


def test_a_line_cites_only_sentences_that_state_it(briefing):
    from newsprism.analyse.summary.features import content_words

    share = Options().citation_states
    for item in (*briefing.summary, *briefing.timeline):
        shown, *others = item.citations
        words = content_words(briefing.source(shown.source).text[shown.start:shown.end])
        for c in others:
            theirs = content_words(briefing.source(c.source).text[c.start:c.end])
            assert len(words & theirs) >= share * len(words), (item.text, c)


def test_summary_and_timeline_cite_the_same_outlets(briefing):
    summary = _first(item.citations for item in briefing.summary)
    timeline = _first(t.citations for t in briefing.timeline)
    for sentence in set(summary) & set(timeline):
        assert timeline[sentence] == summary[sentence], sentence


def test_timeline_and_coverage_cite_the_same_outlets(briefing):
    timeline = _first(t.citations for t in briefing.timeline)
    coverage = _coverage(briefing)
    assert timeline
    for sentence in set(timeline) & set(coverage):
        assert coverage[sentence] == timeline[sentence], sentence


def test_a_line_cites_the_sentence_it_was_taken_from(briefing):
    for item in briefing.summary:
        cited = [briefing.source(c.source).text[c.start:c.end] for c in item.citations]
        assert any((item.rewritten_from or item.text) in text for text in cited), item.text

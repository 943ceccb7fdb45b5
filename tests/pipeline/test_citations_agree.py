"""One sentence, one set of citations: wherever a briefing (the examples, the seeds) shows
a sentence (summary, timeline, coverage matrix), it cites the same outlets; and a summary
line always cites the sentence it was taken from."""

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


def _outlets_by_sentence(sections) -> dict[Citation, set[str]]:
    """Every cited sentence -> the outlets cited beside it (each section's own view)."""
    out: dict[Citation, set[str]] = {}
    for citations in sections:
        outlets = {c.source for c in citations}
        for c in citations:
            out.setdefault(c, set()).update(outlets)
    return out


def _summary(b) -> dict[Citation, set[str]]:
    return _outlets_by_sentence(item.citations for item in b.summary)


def _coverage(b) -> dict[Citation, set[str]]:
    return _outlets_by_sentence(tuple(Citation.of(s) for s in f.sentences) for f in b.facts)


def test_summary_and_coverage_cite_the_same_outlets(briefing):
    summary, coverage = _summary(briefing), _coverage(briefing)
    assert summary
    for sentence, outlets in summary.items():
        # a line only one outlet states has no row in the matrix (it is nobody else's)
        assert coverage.get(sentence, {sentence.source}) == outlets, sentence


def test_summary_and_timeline_cite_the_same_outlets(briefing):
    summary = _summary(briefing)
    timeline = _outlets_by_sentence(t.citations for t in briefing.timeline)
    shared = set(summary) & set(timeline)
    for sentence in shared:
        assert timeline[sentence] == summary[sentence], sentence


def test_timeline_and_coverage_cite_the_same_outlets(briefing):
    timeline, coverage = _outlets_by_sentence(t.citations for t in briefing.timeline), \
        _coverage(briefing)
    assert timeline
    for sentence, outlets in timeline.items():
        assert coverage.get(sentence, {sentence.source}) == outlets, sentence


def test_a_line_cites_the_sentence_it_was_taken_from(briefing):
    for item in briefing.summary:
        cited = [briefing.source(c.source).text[c.start:c.end] for c in item.citations]
        assert any((item.rewritten_from or item.text) in text for text in cited), item.text

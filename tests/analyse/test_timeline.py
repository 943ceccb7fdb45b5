"""Timeline: absolute and relative dates, resolved against publication dates, merged."""

from __future__ import annotations

from newsprism.analyse.timeline import build_timeline
from newsprism.config import Options
from newsprism.nlp.dates import find_dates
from tests.fixtures.analyse.story import story


def values(text: str, published: str | None = "2022-10-27") -> list[str | None]:
    return [m.value for m in find_dates(text, published)]


def test_absolute_dates():
    assert values("Born 2010, moved in May 2018, back on Oct 27, 2022 and 3 June 2021.") == [
        "2010", "2018-05", "2022-10-27", "2021-06-03"]


def test_relative_dates_resolve_against_publication():
    assert values("They met on Thursday and agreed in August.") == ["2022-10-27", "2022-08"]
    assert values("Earlier this month and last month.") == ["2022-10", "2022-09"]
    assert values("It happened yesterday, three years ago.") == ["2022-10-26", "2019"]


def test_days_and_months_to_come_resolve_forward():
    # published on Thursday 2022-10-27
    assert values("The line will stay closed until Monday.") == ["2022-10-31"]
    assert values("It is expected to reopen on Friday at the earliest.") == ["2022-10-28"]
    assert values("Talks will resume in March.") == ["2023-03"]
    assert values("The vote is due to take place in November.") == ["2022-11"]
    # the past stays in the past, also in a sentence that later turns to the future
    assert values("The track was checked on Sunday, and the line will reopen on Friday.") == [
        "2022-10-23", "2022-10-28"]
    assert values("Police said on Friday that the road will reopen.") == ["2022-10-21"]


def test_relative_dates_without_anchor_are_not_guessed():
    assert values("They met on Thursday.", None) == [None]


def test_years_later_counts_from_the_last_year():
    assert values("Ties were restored in 2016. But two years later they broke.") == [
        "2016", "2018"]


def test_numbers_are_not_years():
    assert values("It cost $2010 and 2,010 people came; 2010% more.") == []


def test_timeline_merges_outlets_and_cites_sentences():
    articles, sentences = story()
    events = build_timeline(articles, sentences, (), Options())
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    opening = next(e for e in events if e.date == "2023-03-14")  # "on Tuesday" before Mar 16
    assert {c.source for c in opening.citations} == {"gazette", "post"}
    assert "2017" in dates  # "two years later" after 2015
    for e in events:
        for c in e.citations:
            assert any((s.start, s.end) == (c.start, c.end) for s in sentences[c.source])

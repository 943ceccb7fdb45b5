"""Timeline: dates resolved, one clause per event, background apart, merged across outlets."""

from __future__ import annotations

from collections import defaultdict

from newsprism.analyse.timeline import build_timeline
from newsprism.analyse.timeline.select import Report, rank_days
from newsprism.config import Options
from newsprism.model import Fact
from newsprism.nlp.dates import find_dates
from newsprism.pipeline import brief, load_articles
from newsprism.segment import split_sentences
from tests.conftest import assert_traceable
from tests.fixtures.analyse.story import article, fact_of, story


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
    assert {c.source for c in opening.citations} == {"gazette"}  # its own sentence, no Fact
    assert {c.source for c in opening.also} == {"post"}  # told in other words: merged
    assert "2017" in dates  # "two years later" after 2015
    for e in events:
        for c in e.citations + e.also:
            assert any((s.start, s.end) == (c.start, c.end) for s in sentences[c.source])


# A fictional story about a ferry link, told by two outlets on Thursday 2025-06-12.
HARBOUR_NEWS = (
    "The Kestrel Sound ferry resumed service on Wednesday after a two-week strike.\n"
    "The route opened in 1998 and was privatised in 2009.\n"
    "Crossings were suspended in 2016, and two years later the operator went bankrupt.\n"
    "It is the first strike on the route since 2011, when crews walked out over pensions.\n"
    "In March, the regional council agreed to buy two new vessels and earlier this month "
    "it signed the contract."
)
ISLAND_HERALD = (
    "Ferries across Kestrel Sound resumed service on Wednesday after the strike ended.\n"
    "The operator went bankrupt in May 2018 after years of losses.\n"
    "Union leader Odile Marsh said crews would vote again in September."
)


def ferry():
    articles = (article(HARBOUR_NEWS, "harbour", "2025-06-12"),
                article(ISLAND_HERALD, "herald", "2025-06-12"))
    sentences = {a.id: split_sentences(a) for a in articles}
    return articles, sentences


def by_date(events):
    out = defaultdict(list)
    for e in events:
        out[e.date].append(e)
    return out


def test_a_sentence_naming_two_dates_is_two_events_with_their_clauses():
    articles, sentences = ferry()
    events = by_date(build_timeline(articles, sentences, (), Options()))
    assert [e.text for e in events["2016"]] == ["Crossings were suspended in 2016"]
    assert [e.text for e in events["2025-03"]] == [
        "In March, the regional council agreed to buy two new vessels"]
    assert [e.text for e in events["2025-06"]] == ["Earlier this month it signed the contract."]
    # the clause is shown, the whole sentence is cited
    (signed,) = events["2025-06"]
    cited = articles[0].text[signed.citations[0].start:signed.citations[0].end]
    assert cited.startswith("In March") and cited.endswith("signed the contract.")


def test_no_sentence_is_shown_under_two_dates():
    articles, sentences = ferry()
    events = build_timeline(articles, sentences, (), Options())
    dates_of = defaultdict(set)
    for e in events:
        dates_of[e.text].add(e.date)
    assert all(len(d) == 1 for d in dates_of.values()), dates_of
    whole = {s.text for ss in sentences.values() for s in ss}
    shown = [e.text for e in events if e.text in whole]
    assert len(shown) == len(set(shown))
    # "the first strike since 2011, when crews walked out": 2011 is the walkout's year,
    # and "since" alone never makes an event
    assert [e.date for e in events if "pensions" in e.text] == ["2011"]


def test_background_is_kept_apart_from_the_story_days():
    articles, sentences = ferry()
    events = build_timeline(articles, sentences, (), Options())
    own = {e.date for e in events if not e.background}
    past = {e.date for e in events if e.background}
    assert own == {"2025-06-11", "2025-09"}  # Wednesday; the vote to come
    assert {"1998", "2009", "2016", "2018-05", "2025-03", "2025-06"} <= past


def test_events_merge_across_outlets_and_date_precision():
    articles, sentences = ferry()
    events = by_date(build_timeline(articles, sentences, (), Options()))
    (resumed,) = events["2025-06-11"]
    assert {c.source for c in resumed.citations + resumed.also} == {"harbour", "herald"}
    # "two years later [than 2016] the operator went bankrupt" and "went bankrupt in May 2018"
    assert "2018" not in events
    (bankrupt,) = events["2018-05"]
    assert {c.source for c in bankrupt.citations + bankrupt.also} == {"harbour", "herald"}


def test_a_sentence_cites_the_sentences_of_its_fact_that_state_what_it_says():
    articles, sentences = ferry()
    harbour, herald = sentences["harbour"], sentences["herald"]
    resumed = next(s for s in harbour if "resumed" in s.text)
    resumed_too = next(s for s in herald if "resumed" in s.text)
    dated = next(s for s in harbour if "1998" in s.text)
    unrelated = next(s for s in herald if "Marsh" in s.text)
    facts = (Fact("f-resumed", (resumed, resumed_too)), Fact("f-route", (dated, unrelated)))
    events = build_timeline(articles, sentences, facts, Options())
    cited = [{(c.source, c.start) for c in e.citations} for e in events]
    assert any((resumed.source, resumed.start) in cites for cites in cited)
    for cites in cited:
        if (resumed.source, resumed.start) in cites:  # the herald says it too
            assert (resumed_too.source, resumed_too.start) in cites
        if (dated.source, dated.start) in cites:  # a Fact member that does not say it
            assert (unrelated.source, unrelated.start) not in cites


def test_only_the_most_reported_days_are_kept_when_there_are_too_many():
    reports = [Report("2025-06-12", (("2025-06-10", False), ("2025-06-11", True))),
               Report("2025-06-13", (("2025-06-11", True), ("2025-06-11", False)))]
    assert rank_days(reports, 1)[0] == "2025-06-11"  # two reports mention it, one the 10th
    articles, sentences = ferry()
    events = build_timeline(articles, sentences, (), Options(timeline_max_days=1))
    assert {e.date for e in events if not e.background} == {"2025-06-11"}


def test_seed_story_timeline_tells_each_event_once(seeds):
    articles, errors = load_articles([str(seeds)], Options(embedder="tfidf"))
    b = brief(articles, Options(embedder="tfidf"))
    assert_traceable(b)
    dates_of = defaultdict(set)
    for e in b.timeline:
        dates_of[e.text].add(e.date)
    assert all(len(d) == 1 for d in dates_of.values()), dates_of
    assert "2008" not in dates_of.get(next(t for t in dates_of if "since 2008" in t), set())
    assert {e.date for e in b.timeline if not e.background} == {"2022-10-27"}
    assert {"2016", "2022-08"} <= {e.date for e in b.timeline if e.background}


def test_a_span_of_time_is_one_event():
    articles = (article("The bridge was closed between 2010 and 2012 for repairs.", "a"),)
    events = build_timeline(articles, {"a": split_sentences(articles[0])}, (), Options())
    assert [(e.date, e.text) for e in events] == [
        ("2010", "The bridge was closed between 2010 and 2012 for repairs.")]


def test_a_clause_without_its_own_subject_is_shown_in_its_sentence():
    text = ("The island ferry Alva ran aground near Kessel harbour on Monday. "
            "The ferry was built in 2004 and was refitted in 2019, the operator said.")
    a = article(text, "harbour", published="2025-06-10")
    sentences = {a.id: split_sentences(a)}
    events = by_date(build_timeline((a,), sentences, (), Options()))
    assert [e.text for e in events["2004"]] == ["The ferry was built in 2004"]
    assert [e.text for e in events["2019"]] == [
        "The ferry was built in 2004 and was refitted in 2019, the operator said."]


def _timeline_of(text: str):
    one = (article(text, "harbour", "2025-06-12"),)
    return build_timeline(one, {a.id: split_sentences(a) for a in one}, (), Options())


def test_a_pronoun_led_event_names_the_person_as_the_summary_would():
    # the sentence before names two people; "she" is its subject, the harbour master
    (event,) = _timeline_of(
        "Harbour master Ilona Vesk met the union leader Odile Marsh at the quay.\n"
        "In a statement after the meeting on Wednesday, she said the ferry had resumed service.")
    assert event.text == ("In a statement after the meeting on Wednesday, Ilona Vesk said the "
                          "ferry had resumed service.")
    assert event.rewritten_from.startswith("In a statement after the meeting on Wednesday, she")
    # citations stay the source sentence
    assert event.citations[0].end - event.citations[0].start == len(event.rewritten_from)


def test_a_pronoun_with_no_single_person_before_it_stays_as_written():
    (event,) = _timeline_of(
        "Harbour master Ilona Vesk and union leader Odile Marsh met at the quay.\n"
        "On Wednesday, she said the ferry had resumed service.")
    assert event.text == "On Wednesday, she said the ferry had resumed service."
    assert event.rewritten_from is None


def test_a_person_named_by_surname_is_introduced_at_their_first_timeline_mention():
    first, second = _timeline_of(
        "Harbour master Ilona Vesk closed the quay to ferries.\n"
        "On Monday, Vesk said the ferry Morrow had been overloaded.\n"
        "On Wednesday, Vesk said the ferry had resumed service.")
    assert first.text == "On Monday, Harbour master Ilona Vesk said the ferry Morrow had been " \
                         "overloaded."
    assert first.rewritten_from == "On Monday, Vesk said the ferry Morrow had been overloaded."
    assert second.text.startswith("On Wednesday, Vesk said") and second.rewritten_from is None


def test_a_person_is_introduced_where_a_reader_meets_them_first_the_storys_days():
    from newsprism.analyse.summary.introduce import Introduction
    from newsprism.analyse.timeline.events import _introduce_once
    from newsprism.model import DatedEvent

    vesk = Introduction("Vesk", ("Harbour master Ilona Vesk", "Ilona Vesk"), "Vesk")
    old = DatedEvent("2019", "In 2019 Vesk closed the quay.", (), background=True)
    new = DatedEvent("2024-05-13", "On Monday Vesk reopened it.", ())
    shown = _introduce_once([(old, (vesk,)), (new, (vesk,))])
    assert shown[0] == old  # background, read after the story's days
    assert shown[1].text == "On Monday Harbour master Ilona Vesk reopened it."
    assert shown[1].rewritten_from == new.text

"""Dated events of a story, each once, merged across outlets, background kept apart.

Every date mention is resolved by :mod:`newsprism.nlp.dates` (relative ones against
the article's publication date; an article without one falls back to the story's,
the latest known among its articles, because outlets covering one event publish within
days of each other). :mod:`.clauses` then places each clause of a sentence at the one
date it happened, so a sentence naming 2010 and 2011 is not shown under both years.

Clauses at the same date, or at a coarser one containing it ("2018" beside "May
2018"), merge into one event at the most precise date when they tell what it tells:
their sentences are one aligned Fact, or the clauses share enough wording and give no
conflicting number, age, duration or date. An event shows its first clause and cites
whole sentences: that clause's sentence and, when it is in an aligned Fact, every
sentence of that Fact (what the summary and coverage cite for it), so a sentence cites
the same outlets wherever it is shown. An event names the person a pronoun stands for, and
introduces a person it names by surname alone at their first timeline mention, as the
same source introduced them (:mod:`newsprism.analyse.summary.introduce`).

An event is **background** when its date begins before the story's own days: more than
``Options.timeline_story_days`` before the first report. When the story's own days
exceed ``Options.timeline_max_days``, the days a small learned ranker puts first are
kept (:mod:`.select`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from newsprism.analyse.disputes.values import values
from newsprism.analyse.quotes.text import content_words, overlap
from newsprism.analyse.summary.features import stating
from newsprism.analyse.summary.introduce import Introduction, apply, introductions, names_in
from newsprism.analyse.summary.standalone import name_the_person
from newsprism.analyse.timeline.clauses import DatedClause, dated_clauses
from newsprism.analyse.timeline.select import Report, rank_days
from newsprism.config import Options
from newsprism.model import Article, Citation, DatedEvent, Fact, Sentence
from newsprism.nlp.dates import DateMention, find_dates, parse_iso


def build_timeline(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[DatedEvent, ...]:
    """Dated events, oldest first (same date: story order), each date-and-clause once."""
    mentions = {a.id: find_dates(a.text, a.published or story_date(articles)) for a in articles}
    fact_of = {(s.source, s.start): f for f in facts for s in f.sentences}
    clauses = _sharpen(_clauses(articles, sentences, mentions), fact_of)
    order = {a.id: i for i, a in enumerate(articles)}
    texts = {a.id: a.text for a in articles}
    published = {a.id: a.published or story_date(articles) for a in articles}
    start = _story_start(articles, options)
    keep = _kept_days(articles, mentions, start, options)
    by_year: dict[str, list[DatedClause]] = defaultdict(list)
    for c in clauses:
        if _background(c.date, start) or keep is None or c.date in keep:
            by_year[c.date[:4]].append(c)
    events = []
    for year in sorted(by_year):
        for group in _events(by_year[year], fact_of, published, options):
            lead = group[0]
            cites, also = _citations(group, fact_of, order, options.citation_states)
            shown = lead.shown()
            before = _before(lead.sentence, sentences)
            article = texts[lead.sentence.source]
            named = name_the_person(shown, before, article)
            people = introductions(named or shown, before, article)
            events.append(((lead.date, order[lead.sentence.source], lead.sentence.start),
                           DatedEvent(lead.date, named or shown, cites,
                                      _background(lead.date, start), also,
                                      shown if named else None), people))
    events.sort(key=lambda e: e[0])
    return _introduce_once([(e, people) for _, e, people in events])


def _introduce_once(events: list[tuple[DatedEvent, tuple[Introduction, ...]]]
                    ) -> tuple[DatedEvent, ...]:
    """The events, in order, with a person an event names by surname alone introduced
    as its source did (role and full name) at their first mention as a reader meets
    them: the story's own days are read first, the background after them."""
    met: set[str] = set()
    out = [event for event, _ in events]
    reading = sorted(range(len(events)), key=lambda k: (events[k][0].background, k))
    for k in reading:
        event, people = events[k]
        text = event.text
        for person in people:
            if person.surname not in met:
                text = apply(text, person.short, person.forms[0])
        met |= names_in(text)
        if text != event.text:
            out[k] = replace(event, text=text, rewritten_from=event.rewritten_from or event.text)
    return tuple(out)


def _before(sentence: Sentence, sentences: dict[str, tuple[Sentence, ...]]) -> list[Sentence]:
    """The sentences of ``sentence``'s article before it (where a pronoun's person is)."""
    return [s for s in sentences.get(sentence.source, ()) if s.start < sentence.start]


def story_date(articles: tuple[Article, ...]) -> str | None:
    """The latest publication date among the articles (the fallback anchor)."""
    dates = sorted(a.published for a in articles if a.published)
    return dates[-1] if dates else None


def _clauses(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
             mentions: dict[str, list[DateMention]]) -> list[DatedClause]:
    """Every dated clause of the story, in story order."""
    out: list[DatedClause] = []
    for a in articles:
        found = mentions[a.id]
        for s in sentences.get(a.id, ()):
            inside = [m for m in found if s.start <= m.start < s.end]
            if inside:
                out += dated_clauses(s, inside)
    return out


def _sharpen(clauses: list[DatedClause], fact_of: dict[tuple[str, int], Fact]
             ) -> list[DatedClause]:
    """Place a clause at the most precise date its Fact gives for it ("2018" beside
    another outlet's "May 2018" of the same fact becomes 2018-05)."""
    dates: dict[str, set[str]] = defaultdict(set)
    for c in clauses:
        fact = fact_of.get((c.sentence.source, c.sentence.start))
        if fact is not None:
            dates[fact.id].add(c.date)
    out = []
    for c in clauses:
        fact = fact_of.get((c.sentence.source, c.sentence.start))
        finer = sorted(d for d in dates.get(fact.id, ()) if d.startswith(c.date)) if fact else []
        if len(finer) > 1 and all(finer[-1].startswith(d) for d in finer):
            c = DatedClause(c.sentence, finer[-1], c.start, c.end)
        out.append(c)
    return out


def _story_start(articles: tuple[Article, ...], options: Options) -> date | None:
    """The first of the story's own days: the first report, less the story window."""
    first = min((d for a in articles if (d := parse_iso(a.published))), default=None)
    return first - timedelta(days=options.timeline_story_days) if first else None


def _background(value: str, start: date | None) -> bool:
    """Whether a date (at its own precision) begins before the story's own days."""
    if start is None:
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    return date(int(year), int(month), int(day)) < start


def _kept_days(articles: tuple[Article, ...], mentions: dict[str, list[DateMention]],
               start: date | None, options: Options) -> set[str] | None:
    """The story days to show when there are too many (None: show every day)."""
    reports = [Report(a.published, tuple((m.value, m.relative) for m in mentions[a.id]
                                         if m.value and len(m.value) == 10
                                         and not _background(m.value, start)))
               for a in articles]
    ranked = rank_days(reports, options.timeline_max_days)
    if len(ranked) <= options.timeline_max_days:
        return None
    return set(ranked[: options.timeline_max_days])


def _events(clauses: list[DatedClause], fact_of: dict[tuple[str, int], Fact],
            published: dict[str, str | None], options: Options) -> list[list[DatedClause]]:
    """Groups of clauses (of one year) telling the same event. Each is led by the most
    precise clause not yet placed (then the first in story order) and holds the clauses
    at its date or a coarser one containing it ("2018" joins "May 2018")."""
    words = [content_words(c.text) for c in clauses]
    stated = [values(c.text, published.get(c.sentence.source)) for c in clauses]
    facts = [_fact_id(c, fact_of) for c in clauses]

    def supports(j: int, lead: int) -> bool:
        score, shared = overlap(words[j], words[lead])
        same = (facts[j] is not None and facts[j] == facts[lead]) or (
            shared >= options.timeline_min_shared and score >= options.timeline_same_event)
        return (same and clauses[lead].date.startswith(clauses[j].date)
                and not any(a.conflicts(b) for a in stated[j] for b in stated[lead]))

    left = sorted(range(len(clauses)), key=lambda i: -len(clauses[i].date))
    groups = []
    while left:
        lead, rest = left[0], left[1:]
        members = [j for j in rest if supports(j, lead)]
        groups.append([clauses[k] for k in [lead, *members]])
        left = [j for j in rest if j not in members]
    return groups


def _fact_id(clause: DatedClause, fact_of: dict[tuple[str, int], Fact]) -> str | None:
    fact = fact_of.get((clause.sentence.source, clause.sentence.start))
    return fact.id if fact else None


def _citations(group: list[DatedClause], fact_of: dict[tuple[str, int], Fact],
               order: dict[str, int], share: float
               ) -> tuple[tuple[Citation, ...], tuple[Citation, ...]]:
    """Whole sentences in story order: the citations of the shown clause, and the rest.

    One sentence cites the same outlets wherever a briefing shows it: the shown clause
    cites what a summary line of its sentence would, the sentences of its Fact that state
    what it says (:func:`stating`; the sentence alone when it has no Fact). The other
    clauses merged into the event (other outlets telling it in other words) are returned
    apart, as ``DatedEvent.also``; an outlet already cited is not "also" telling it.
    """
    def key(s: Sentence) -> tuple[int, int]:
        return order.get(s.source, len(order)), s.start

    def sentences_of(c: DatedClause) -> tuple[Sentence, ...]:
        fact = fact_of.get((c.sentence.source, c.sentence.start))
        return stating(fact, c.sentence, share) if fact else (c.sentence,)

    cited = sorted(sentences_of(group[0]), key=key)
    cited_sources = {s.source for s in cited}
    rest = sorted({s for c in group[1:] for s in sentences_of(c)
                   if s.source not in cited_sources}, key=key)
    return (tuple(dict.fromkeys(Citation.of(s) for s in cited)),
            tuple(dict.fromkeys(Citation.of(s) for s in rest)))

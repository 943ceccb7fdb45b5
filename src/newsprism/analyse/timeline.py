"""A dated timeline of the story, background included, merged across outlets.

Every sentence that carries a date becomes evidence for an event at that date:
absolute dates as written ("2010", "May 2018", "Oct 27, 2022"), relative ones
("on Thursday", "in August", "two years later") resolved by
:mod:`newsprism.nlp.dates` against the article's publication date. An article
without a publication date falls back to the story's (the latest known among
its articles), because outlets covering one event publish within days of each
other; with no date anywhere, relative expressions are left out.

Sentences at the same date merge into one event when they state what its first
sentence states: aligned with it (one Fact) or sharing enough of its wording, and
giving no conflicting number, age, duration or date. An event cites exactly those
sentences, so every cited outlet supports the text shown; a sentence that tells the
same day differently ("injuring 45 people" beside "Forty people were injured") is an
event of its own.
"""

from __future__ import annotations

from newsprism.analyse.disputes.values import values
from newsprism.analyse.quotes.text import content_words, overlap
from newsprism.config import Options
from newsprism.model import Article, Citation, DatedEvent, Fact, Sentence
from newsprism.nlp.dates import find_dates

SAME_EVENT = 0.4  # shared content words / smaller sentence, as in quote matching
_MIN_SHARED = 3


def build_timeline(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[DatedEvent, ...]:
    """Dated events with citations, oldest first; same date, then story order."""
    by_date = dated_sentences(articles, sentences)
    fact_of = {(s.source, s.start): f.id for f in facts for s in f.sentences}
    order = {a.id: i for i, a in enumerate(articles)}
    published = {a.id: a.published or story_date(articles) for a in articles}
    events = []
    for value in sorted(by_date):
        for cluster in _events(by_date[value], fact_of, published):
            cluster.sort(key=lambda s: (order[s.source], s.start))
            first = cluster[0]
            cites = tuple(dict.fromkeys(Citation.of(s) for s in cluster))
            events.append(((value, order[first.source], first.start),
                           DatedEvent(value, first.text, cites)))
    events.sort(key=lambda e: e[0])
    return tuple(e for _, e in events)


def story_date(articles: tuple[Article, ...]) -> str | None:
    """The latest publication date among the articles (the fallback anchor)."""
    dates = sorted(a.published for a in articles if a.published)
    return dates[-1] if dates else None


def dated_sentences(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]]
                    ) -> dict[str, list[Sentence]]:
    """Date value -> sentences that mention it (each sentence once per date)."""
    fallback = story_date(articles)
    by_date: dict[str, list[Sentence]] = {}
    for article in articles:
        sents = sentences.get(article.id, ())
        for mention in find_dates(article.text, article.published or fallback):
            if mention.value is None:
                continue
            sent = _sentence_at(sents, mention.start)
            if sent is not None and sent not in by_date.setdefault(mention.value, []):
                by_date[mention.value].append(sent)
    return by_date


def _sentence_at(sents: tuple[Sentence, ...], offset: int) -> Sentence | None:
    for s in sents:
        if s.start <= offset < s.end:
            return s
    return None


def _events(sents: list[Sentence], fact_of: dict[tuple[str, int], str],
            published: dict[str, str | None]) -> list[list[Sentence]]:
    """Groups led by the first sentence not yet placed, each holding the later sentences
    that support it (deterministic: input order)."""
    words = [content_words(s.text) for s in sents]
    stated = [values(s.text, published.get(s.source)) for s in sents]
    facts = [fact_of.get((s.source, s.start)) for s in sents]

    def supports(j: int, lead: int) -> bool:
        score, shared = overlap(words[j], words[lead])
        same = (facts[j] is not None and facts[j] == facts[lead]) or (
            shared >= _MIN_SHARED and score >= SAME_EVENT)
        return same and not any(a.conflicts(b) for a in stated[j] for b in stated[lead])

    left = list(range(len(sents)))
    groups = []
    while left:
        lead, rest = left[0], left[1:]
        members = [j for j in rest if supports(j, lead)]
        groups.append([sents[k] for k in [lead, *members]])
        left = [j for j in rest if j not in members]
    return groups

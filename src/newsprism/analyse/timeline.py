"""A dated timeline of the story, background included, merged across outlets.

Every sentence that carries a date becomes evidence for an event at that date:
absolute dates as written ("2010", "May 2018", "Oct 27, 2022"), relative ones
("on Thursday", "in August", "two years later") resolved by
:mod:`newsprism.nlp.dates` against the article's publication date. An article
without a publication date falls back to the story's (the latest known among
its articles), because outlets covering one event publish within days of each
other; with no date anywhere, relative expressions are left out.

Sentences at the same date merge into one event when they are aligned (one
Fact) or share enough wording; each event cites all its sentences.
"""

from __future__ import annotations

from newsprism.analyse.q_text import content_words, overlap
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
    events = []
    for value in sorted(by_date):
        for cluster in _cluster(by_date[value], fact_of):
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


def _cluster(sents: list[Sentence], fact_of: dict[tuple[str, int], str]) -> list[list[Sentence]]:
    """Single-link clusters: same Fact, or shared wording (deterministic, input order)."""
    words = [content_words(s.text) for s in sents]
    parent = list(range(len(sents)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(sents)):
        for j in range(i):
            fi = fact_of.get((sents[i].source, sents[i].start))
            same_fact = fi is not None and fi == fact_of.get((sents[j].source, sents[j].start))
            score, shared = overlap(words[i], words[j])
            if same_fact or (shared >= _MIN_SHARED and score >= SAME_EVENT):
                parent[root(i)] = root(j)
    clusters: dict[int, list[Sentence]] = {}
    for i, s in enumerate(sents):
        clusters.setdefault(root(i), []).append(s)
    return list(clusters.values())

"""Digest: inputs -> articles -> one Briefing."""

from __future__ import annotations

from typing import Any

from newsprism import clean, ingest, segment
from newsprism.analyse import disputed, entities, quotes, timeline
from newsprism.config import Options, build_options
from newsprism.errors import InputError
from newsprism.model import Article, Briefing, Sentence


def load_articles(
    inputs: list[str], options: Options
) -> tuple[tuple[Article, ...], list[InputError]]:
    """Read and clean every input; bad documents are returned as errors, not raised."""
    docs, errors = ingest.read_inputs(inputs, options)
    articles: dict[str, Article] = {}
    for doc in docs:
        try:
            article = clean.clean_document(doc, options)
        except InputError as exc:
            errors.append(exc)
            continue
        articles.setdefault(article.id, article)  # the same text twice is one source
    return tuple(articles.values()), errors


def brief(articles: tuple[Article, ...], options: Options) -> Briefing:
    """Analyse clean articles of one story into a Briefing."""
    sentences: dict[str, tuple[Sentence, ...]] = {
        a.id: segment.split_sentences(a) for a in articles
    }
    facts = ()
    ents = entities.find_entities(articles, sentences, options)
    title = next((a.title for a in articles if a.title), None) or "Untitled story"
    dates = sorted(a.published for a in articles if a.published)
    return Briefing(
        title=title,
        date=dates[-1] if dates else None,
        sources=articles,
        quotes=quotes.find_quotes(articles, sentences, facts, options),
        entities=ents,
        disputed=disputed.find_disputes(articles, sentences, facts, ents, options),
        timeline=timeline.build_timeline(articles, sentences, facts, options),
        facts=facts,
    )


def digest(inputs: list[str], **flags: Any) -> Briefing:
    """One briefing from ``inputs``; raises InputError when no input is usable."""
    options = build_options(flags)
    articles, errors = load_articles(inputs, options)
    if not articles:
        raise errors[0] if errors else InputError(", ".join(inputs), "no articles found")
    return brief(articles, options)

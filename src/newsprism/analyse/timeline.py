"""A dated timeline of the story, background included, merged across outlets."""

from __future__ import annotations

from newsprism.config import Options
from newsprism.model import Article, DatedEvent, Fact, Sentence


def build_timeline(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[DatedEvent, ...]:
    """Dated events with citations, oldest first. (Placeholder.)"""
    return ()

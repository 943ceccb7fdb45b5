"""Who said what: direct quotes, their speakers, their outlets and wording variants."""

from __future__ import annotations

from newsprism.config import Options
from newsprism.model import Article, Fact, Quote, Sentence


def find_quotes(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[Quote, ...]:
    """Quotes merged across outlets. (Placeholder until the quotes work lands.)"""
    return ()

"""People, organisations and places, merged across outlets and spellings."""

from __future__ import annotations

from newsprism.config import Options
from newsprism.model import Article, Entity, Sentence


def find_entities(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    options: Options,
) -> tuple[Entity, ...]:
    """Entities with aliases, roles and per-outlet mention counts. (Placeholder.)"""
    return ()

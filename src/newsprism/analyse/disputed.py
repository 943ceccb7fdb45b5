"""Where outlets disagree: the same fact reported with different values."""

from __future__ import annotations

from newsprism.config import Options
from newsprism.model import Article, Dispute, Entity, Fact, Sentence


def find_disputes(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    entities: tuple[Entity, ...],
    options: Options,
) -> tuple[Dispute, ...]:
    """Conflicting values with their variants and evidence. (Placeholder.)"""
    return ()

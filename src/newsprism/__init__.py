"""NewsPrism: one news story from many outlets, as an attributed, traceable briefing."""

from __future__ import annotations

from newsprism.model import Briefing

__all__ = ["Briefing", "digest"]
__version__ = "0.1.0"


def digest(inputs, **options):  # type: ignore[no-untyped-def]
    """Digest articles (paths, folders, URLs, or ``"-"``) into one :class:`Briefing`.

    Keyword options are those of :class:`newsprism.config.Options` (``words=120``,
    ``embedder="minilm"`` ...). Bad inputs among good ones are skipped; if none
    is usable, :class:`newsprism.errors.InputError` is raised.
    """
    from newsprism.pipeline import digest as _digest

    return _digest(list(inputs), **options)

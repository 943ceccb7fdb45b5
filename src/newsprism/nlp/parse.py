"""Shared spaCy dependency parser: loaded once, lazily, for the few sentences that need it.

The named-entity model (:mod:`newsprism.nlp.ner`) runs without the parser. A
sentence whose structure decides something (where a relative clause ends, so it
can be cut) is parsed here with the same package's ``tok2vec``, ``tagger``,
``attribute_ruler`` and ``parser``; callers send only sentences a cheap pattern
flags, so a story costs a few dozen parses. Parses are cached by text.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from newsprism.nlp.ner import MODEL, _INSTALL_HINT

_lock = threading.Lock()
_nlp: Any = None


def load() -> Any:
    """The spaCy pipeline with the parser and part-of-speech tags; loaded on first use."""
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import spacy

                _nlp = spacy.load(MODEL, exclude=["ner", "lemmatizer", "senter"])
            except OSError as exc:  # model package missing: say how to fix it
                raise RuntimeError(f"spaCy model {MODEL} not found; {_INSTALL_HINT}") from exc
        return _nlp


@functools.lru_cache(maxsize=512)  # ~30 KB a sentence; a story flags a few dozen
def parse(text: str) -> Any:
    """The parsed spaCy ``Doc`` of ``text`` (treat it as read-only: it is shared)."""
    return load()(text)


def main_subject(text: str) -> tuple[int, int] | None:
    """Character span of the main clause's subject of ``text`` (the ``nsubj`` or
    ``nsubjpass`` of its root, with everything it governs); None when the parser finds
    none. The likeliest antecedent of a following "he" / "she" (centering: subject
    before object before the rest)."""
    doc = parse(text)
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            span = doc[token.left_edge.i:token.right_edge.i + 1]
            return span.start_char, span.end_char
    return None

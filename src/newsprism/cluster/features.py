"""Cheap clustering features: hashed term counts of an article's parts, and MinHash signatures.

Everything here is deterministic on every machine: terms are hashed with
CRC-32 (never Python's salted ``hash``) and MinHash uses an explicit seed.
Sentence embeddings are deliberately absent: they cost ~100x more per
article and are spent only on briefings that a user opens.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import numpy as np
from datasketch import MinHash

# 2**20 buckets: collisions between content words are rare at this size, and
# the document-frequency table stays bounded (≤ 1M rows) however long the stream.
HASH_BITS = 20
_MASK = (1 << HASH_BITS) - 1

SCHEME = "affine32"  # datasketch's hashing scheme, named so stored signatures stay comparable

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours said says say told tell new one two three
    first last year years day days week weeks month months time times people man men woman women
    mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday
    tomorrow since per cent percent may might must shall us ap reuters afp upi nyt
    """.split()
)


def _stem(word: str) -> str:
    """A light, fast stem: plural and common verb endings, so 'talks' meets 'talk'."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + keep
    return word


def term_id(term: str) -> int:
    """The bucket of ``term``: stable across processes and machines."""
    return zlib.crc32(term.encode("utf-8")) & _MASK


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How much of an article counts, and how names are weighted.

    ``lead_words``: the first 400 words carry the event of a news report (the
    inverted pyramid); later paragraphs drift into background shared across
    stories (100/200/400/all words tried on the benchmark: 400 was best).
    ``name_weight``: capitalised words inside a sentence (people, places,
    organisations) are the best cheap evidence of *which* event, so they count
    double. ``title_weight``: a headline names the event, it counts twice.
    ``short_lead``: the lead sub-representation, judged separately by the
    learned join decision (cluster/join.py).
    """

    lead_words: int = 400
    name_weight: float = 2.0
    title_weight: float = 2.0
    short_lead: int = 50  # words of the lead sub-representation: about the first two sentences
    shingle: int = 3  # word n-grams for MinHash
    num_perm: int = 64  # 64 permutations: Jaccard error ~0.125 std, enough for a 0.8 cut
    seed: int = 1


# a word and the character after it ('' at the end): names are capitalised words
# that do not start a sentence, and what ends a sentence is that character
_TOKEN = re.compile(r"([^\W\d_]{2,})(?=(.?))", re.UNICODE | re.DOTALL)
_SENTENCE_END = ".!?\n\"'"
_CHARS_PER_WORD = 12  # generous: English averages about 6 characters per word with its space


def _tokens(text: str, limit: int) -> list[tuple[str, str]]:
    """The first ``limit`` words of ``text``, each with the character after it.

    Scans a prefix long enough for ``limit`` words on ordinary text, and the
    whole text when the prefix holds fewer (the result is the same either way).
    """
    end = limit * _CHARS_PER_WORD
    if len(text) > end:
        found = _TOKEN.findall(text, 0, end)
        if len(found) > limit:  # the limit-th word and the character after it lie inside
            return found[:limit]
    return _TOKEN.findall(text)[:limit]


def _terms(tokens: list[tuple[str, str]], name_weight: float,
           names: dict[int, int] | None = None, lead: dict[int, int] | None = None,
           lead_limit: int = 0) -> dict[int, float]:
    """Term counts of ``tokens`` (words with the character after each); also fills
    ``names`` and the unweighted counts of the first ``lead_limit`` words into ``lead``
    when given (one pass)."""
    counts: dict[int, float] = {}
    starts = True  # the first word starts a sentence
    for i, (word, after) in enumerate(tokens):
        bucket, capital = _WORDS.get(word) or _word(word)
        name = capital and not starts
        starts = after in _SENTENCE_END
        if bucket < 0:  # a stop word
            continue
        if i < lead_limit:
            lead[bucket] = lead.get(bucket, 0) + 1  # type: ignore[index, union-attr]
        weight = 1.0
        if name:
            weight = name_weight
            if names is not None:
                names[bucket] = names.get(bucket, 0) + 1
        counts[bucket] = counts.get(bucket, 0) + weight
    return counts


_WORDS: dict[str, tuple[int, bool]] = {}
_WORDS_MAX = 500_000  # a stream's vocabulary keeps growing (names, typos): bound the memo


def _word(word: str) -> tuple[int, bool]:
    """``word``'s bucket (``term_id(_stem(lower))``, -1 for a stop word) and whether it is
    capitalised, memoised: lowering, stemming and hashing were most of the cost."""
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
    lower = word.lower()
    bucket = -1 if lower in _STOP else term_id(_stem(lower))
    info = _WORDS[word] = (bucket, word[0].isupper())
    return info


def term_counts(title: str | None, text: str, config: FeatureConfig) -> dict[int, float]:
    """Weighted term counts of ``title`` and the lead of ``text``, keyed by bucket."""
    return article_parts(title, text, config).body


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """An article's sub-representations, each a bucket -> weighted count map.

    ``body``: title and the first ``lead_words`` words (names weighted up);
    ``title``: the headline alone (empty when there is none); ``lead``: the
    first ``short_lead`` words, where a report states its event; ``names``:
    capitalised words inside sentences of the body (people, places, bodies).
    """

    body: dict[int, float]
    title: dict[int, float]
    lead: dict[int, float]
    names: dict[int, float]


def article_parts(title: str | None, text: str, config: FeatureConfig) -> ArticleParts:
    """The :class:`ArticleParts` of one article (deterministic: CRC-32 buckets)."""
    return _parts(title, _tokens(text, config.lead_words), config)


def article_features(title: str | None, text: str,
                     config: FeatureConfig) -> tuple[ArticleParts, np.ndarray]:
    """The :func:`article_parts` and the :func:`signature` of one article, the same
    values as those two give, from one scan of its words (each scanned the text)."""
    tokens = _TOKEN.findall(text)  # the words _WORD finds, each with the character after it
    return (_parts(title, tokens[: config.lead_words], config),
            _signature([word for word, _ in tokens], config))


def _parts(title: str | None, tokens: list[tuple[str, str]], config: FeatureConfig) -> ArticleParts:
    """The :class:`ArticleParts` of an article whose body begins with ``tokens``
    (its first ``lead_words`` words)."""
    names: dict[int, int] = {}
    lead: dict[int, int] = {}
    body = _terms(tokens, config.name_weight, names, lead, config.short_lead)
    heading = _terms(_tokens(title, 40), 1.0) if title else {}
    for term, n in heading.items():
        body[term] = body.get(term, 0) + n * config.title_weight
    return ArticleParts(body, heading, lead, names)


def signature(text: str, config: FeatureConfig) -> np.ndarray:
    """MinHash signature of ``text``'s word shingles (uint64, ``num_perm`` values)."""
    return _signature(_WORD.findall(text), config)


def _signature(found: list[str], config: FeatureConfig) -> np.ndarray:
    """MinHash signature of the shingles of the words ``found`` in a text, in order."""
    # CRC-32 instead of datasketch's SHA-1: 5x cheaper, deterministic, and the
    # seeded affine permutations on top make it good enough for a 0.8 Jaccard cut;
    # hashed here in one pass (the sketch takes the hashes as they are)
    hashes = _shingle_hashes(found, config.shingle)
    return _min_hashes(np.fromiter(hashes, dtype=np.uint32, count=len(hashes)), config)


def _shingle_hashes(found: list[str], n: int) -> set[int]:
    """CRC-32 of each run of ``n`` words, lowercased and joined by spaces (of all the
    words when there are fewer).

    The words are joined and encoded once and each shingle hashed as a slice of
    that buffer, when lowercasing keeps every character one ASCII byte (else one
    string per shingle is built: the same hashes, at twice the cost).
    """
    joined = " ".join(found).lower()
    if len(found) < n or not joined.isascii():
        words = [w.lower() for w in found]
        grams = zip(*(words[k:] for k in range(n))) if len(words) >= n else [words]
        return {zlib.crc32(" ".join(gram).encode("utf-8")) for gram in grams}
    buf = joined.encode("ascii")
    starts = list(accumulate([len(w) + 1 for w in found], initial=0))  # each word's offset
    crc32 = zlib.crc32
    return {crc32(buf[start:end - 1]) for start, end in zip(starts, starts[n:])}


def _min_hashes(hashes: np.ndarray, config: FeatureConfig) -> np.ndarray:
    """datasketch's ``affine32`` MinHash of 32-bit ``hashes``, in one numpy pass.

    Each hash is mixed by MurmurHash3's 32-bit finaliser, then permuted as
    ``a * h + b`` (mod 2**32) by each seeded permutation; the signature is the
    minimum per permutation. The same values as ``MinHash.update_batch`` (a
    test checks it bit for bit), at half the cost: the library converts the
    hashes one by one in Python.
    """
    a, b = _permutations(config.num_perm, config.seed)
    if not len(hashes):
        return np.full(config.num_perm, (1 << 32) - 1, dtype=np.uint64)
    h = hashes ^ (hashes >> np.uint32(16))
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return (np.multiply.outer(h, a) + b).min(axis=0).astype(np.uint64)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The seeded permutations, drawn once: drawing them per article cost more than hashing."""
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations

"""The clusterer's fast paths give exactly the numbers of the plain computations they replace."""

from __future__ import annotations

import json
import math
import random
import re
import zlib

import numpy as np
from datasketch import MinHash

from newsprism.cluster import StoryClusterer, StoryState
from newsprism.cluster.expiry import Expiry
from newsprism.cluster.features import (
    _WORD,
    SCHEME,
    FeatureConfig,
    _min_hashes,
    _permutations,
    _shingle_hashes,
    _tokens,
    article_features,
    article_parts,
    signature,
)
from newsprism.cluster.vectors import TermStats, sparse, stack
from newsprism.pipeline.clustering import state_json

REPORT = ("The Halvik harbour authority closed the port on Monday after a storm. "
          "Captain Ilse Moravec said ships would wait outside Halvik until Wednesday.\n"
          "\"We expect calm seas,\" Moravec told the Corvania Herald. ")


def test_min_hashes_match_datasketch_bit_for_bit() -> None:
    config = FeatureConfig()
    rng = random.Random(7)
    for size in (1, 2, 17, 600):
        hashes = {rng.getrandbits(32) for _ in range(size)}
        sketch = MinHash(num_perm=config.num_perm, seed=config.seed, scheme=SCHEME,
                         hashfunc=int, permutations=_permutations(config.num_perm, config.seed))
        sketch.update_batch(sorted(hashes))
        ours = _min_hashes(np.fromiter(hashes, dtype=np.uint32, count=len(hashes)), config)
        assert ours.tolist() == sketch.hashvalues.astype(np.uint64).tolist()


def test_signature_of_a_copy_is_the_same_and_of_another_text_differs() -> None:
    config = FeatureConfig()
    assert signature(REPORT, config).tolist() == signature(REPORT.upper(), config).tolist()
    other = signature("Delmora votes on Sunday for a new parliament and a new coalition.", config)
    assert other.tolist() != signature(REPORT, config).tolist()


def test_tokens_of_a_prefix_are_those_of_the_whole_text() -> None:
    long_text = REPORT * 80  # far longer than the prefix scanned for 400 words
    whole = [(m.group(1), m.group(2))
             for m in re.finditer(r"([^\W\d_]{2,})(?=(.?))", long_text, re.DOTALL)]
    for limit in (1, 7, 40, 400):
        assert _tokens(long_text, limit) == whole[:limit]
    assert _tokens("Short text.", 400) == [("Short", " "), ("text", ".")]


def test_names_are_capitalised_words_inside_sentences() -> None:
    parts = article_parts(None, REPORT, FeatureConfig())
    # Halvik, Ilse, Moravec (twice), Wednesday... but not "The" or "Captain" (sentence starts)
    assert len(parts.names) >= 4
    assert all(isinstance(n, int) for n in parts.names.values())
    assert sum(parts.lead.values()) <= FeatureConfig().short_lead


def test_stacked_cosines_are_the_plain_cosines_whatever_else_is_in_the_batch() -> None:
    rng = random.Random(3)
    stats = TermStats()
    for _ in range(50):
        stats.count({rng.randrange(1 << 20): 1.0 for _ in range(30)})

    def vector(n: int) -> dict[int, float]:
        return {rng.randrange(1 << 20) if rng.random() < 0.5 else rng.randrange(60): 1 + rng.random()
                for _ in range(n)}

    article = [stats.weighted(vector(n)) for n in (40, 6, 12, 8)]
    stories = [[(slot, sparse(vector(rng.randrange(0, 50)))) for slot in (0, 1, 2, 3, 0, 0)]
               for _ in range(5)]
    together = stats.stacked_cosines(article, [stack(s) for s in stories]).tolist()
    alone = [c for s in stories for c in stats.stacked_cosines(article, [stack(s)]).tolist()]
    assert together == alone
    plain = []
    for s in stories:
        for slot, (terms, tf) in s:
            a = dict(zip(*(x.tolist() for x in article[slot])))
            w = dict(zip(terms.tolist(), (tf * stats.idf(terms)).tolist()))
            dot = sum(a.get(t, 0.0) * v for t, v in w.items())
            norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in w.values()))
            plain.append(dot / norm if norm else 0.0)
    assert np.allclose(together, plain, rtol=1e-12, atol=1e-15)


def test_expiry_hands_back_what_fell_before_the_horizon_once() -> None:
    due = Expiry()
    for day, key in ((9, "c"), (3, "a"), (5, "b"), (3, "a2")):
        due.add(day, key)
    assert due.before(3) == []
    assert due.before(6) == ["a", "a2", "b"]
    assert due.before(6) == []
    assert due.before(100) == ["c"]


def test_shingle_hashes_are_those_of_each_shingle_joined_alone() -> None:
    texts = [REPORT, "Only two", "", "Três palavras não ASCII em São Tomé hoje",
             "İstanbul Kadıköy ferry resumes", "ONE two THREE four"]
    for text in texts:
        found = _WORD.findall(text)
        for n in (1, 2, 3, 5):
            words = [w.lower() for w in found]
            grams = [words[i:i + n] for i in range(len(words) - n + 1)] or [words]
            plain = {zlib.crc32(" ".join(g).encode("utf-8")) for g in grams}
            assert _shingle_hashes(found, n) == plain


def test_article_features_are_article_parts_and_signature() -> None:
    config = FeatureConfig()
    long_text = REPORT * 80
    for title, text in ((None, REPORT), ("Halvik port shut", long_text), ("Empty", "")):
        parts, sig = article_features(title, text, config)
        alone = article_parts(title, text, config)
        for part in ("body", "title", "lead", "names"):
            assert list(getattr(parts, part).items()) == list(getattr(alone, part).items())
        assert sig.tolist() == signature(text, config).tolist()


def test_idf_kept_in_step_is_the_idf_computed_afresh() -> None:
    rng = random.Random(5)
    stats = TermStats()
    for _ in range(300):
        stats.count({rng.randrange(1 << 20) if rng.random() < 0.3 else rng.randrange(500): 1.0
                     for _ in range(40)})
    terms = np.arange(600, dtype=np.int64)
    fresh = math.log(stats.n_docs + 1) + 1.0 - np.log(stats.df[terms] + 1.0)
    assert np.array_equal(stats.idf(terms), fresh)
    restored = TermStats()
    restored.restore(stats.n_docs, stats.df)
    assert np.array_equal(restored.idf(terms), fresh)


def test_state_json_is_what_json_dumps_writes() -> None:
    clusterer = StoryClusterer()
    days = ("1999-12-30", "2000-01-02", None, "2000-01-03")
    for i, day in enumerate(days):
        clusterer.add(f"k{i}", "Halvik port shut" if i % 2 else None, REPORT * (i + 1), day)
    states = [*clusterer.drain().stories, StoryState("s-empty", {}, None, None, 0)]
    for st in states:
        plain = json.dumps({"t": list(st.centroid), "w": list(st.centroid.values()),
                            "i": list(st.indexed),
                            "m": [[list(m), list(m.values())] for m in st.members],
                            "h": [list(st.title), list(st.title.values())],
                            "l": [list(st.lead), list(st.lead.values())],
                            "n": [list(st.names), list(st.names.values())], "ht": st.titled,
                            "d": [st.dated, st.day_sum, st.day_sq]}, separators=(",", ":"))
        assert state_json(st) == plain
        assert state_json(st) == plain  # spellings looked up the second time

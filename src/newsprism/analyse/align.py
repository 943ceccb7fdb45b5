"""Cross-source alignment: group sentences of different outlets that state the same fact.

Groups grow greedily from the most similar pair down, and two groups merge only
when *every* cross-outlet pair between them is similar enough. That "complete
link" rule is what stops chaining (A~B, B~C, but A and C say different things),
which would otherwise credit an outlet with a fact it never stated. The strict
groups that citations rest on also need every pair to carry each other's words and
not to contradict each other's claim (another figure, another day, another stage).
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import csr_matrix, issparse

from newsprism.analyse.disputes.values import Value, values
from newsprism.analyse.summary.features import content_words
from newsprism.model import Fact, Sentence, content_id
from newsprism.nlp.dates import parse_iso

# Below this many word characters a "sentence" is a fragment (a dangling quote
# close, a byline); it may still be aligned but never seeds a group on its own.
_MIN_CHARS = 20


# Weight of the lexical (TF-IDF) cosine added to the semantic one. MiniLM alone rates
# topically close but different facts ("restored ties in 2016" / "expelled envoys in
# 2018", 0.745) as high as true paraphrases ("we must adopt a steady approach" / "must
# keep an open dialogue", 0.746); story-level TF-IDF discounts the names every sentence
# shares and separates those pairs. Chosen by hand-labelling the 0.66-0.82 band of
# cross-outlet pairs in the seed story (see the closing note of issue 2).
LEXICAL_WEIGHT = 0.5


def similarity(
    sentences: list[Sentence], semantic: np.ndarray | csr_matrix,
    lexical: np.ndarray | csr_matrix | None = None
) -> np.ndarray:
    """Pairwise support score (cosine, plus weighted lexical cosine when given); rows
    dense or sparse (TF-IDF rows are cheapest multiplied sparse).

    Pairs from the same source are set to -1: an outlet never supports itself.
    """
    sims = _gram(semantic)
    if lexical is not None:
        sims = sims + LEXICAL_WEIGHT * _gram(lexical)
    sources = np.array([s.source for s in sentences])
    sims[sources[:, None] == sources[None, :]] = -1.0
    return sims


def _gram(rows: np.ndarray | csr_matrix) -> np.ndarray:
    """``rows @ rows.T`` as a dense matrix."""
    if issparse(rows):
        return (rows @ rows.T).toarray()
    return rows @ rows.T


def align(sentences: list[Sentence], sims: np.ndarray, threshold: float,
          same_values: bool = False, carried: float = 0.0,
          published: dict[str, str | None] | None = None) -> tuple[Fact, ...]:
    """Every sentence in exactly one Fact; multi-outlet Facts hold mutually similar sentences.

    Args:
        sentences: all sentences of the story, in source then position order.
        sims: the :func:`similarity` matrix of those sentences.
        threshold: score at or above which two sentences count as the same fact.
        same_values: also require that no two sentences of a Fact contradict each other's
            claim (:func:`contradicts`: another figure, another day, another stage): a
            Fact is then what every member's outlet can be cited for. The looser groups
            where disputes are sought leave this off, since such pairs are exactly what
            they look for.
        carried: with ``same_values``, the :func:`carries` share two groups must meet.
        published: publication day of each source, against which "Tuesday" or "last
            month" is read (each sentence against its own article's day).
    """
    n = len(sentences)
    stated = [claim(s.text, (published or {}).get(s.source)) for s in sentences] \
        if same_values else None
    words = [content_words(s.text) for s in sentences] if same_values and carried else None
    group = list(range(n))  # group id of each sentence
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    rows, cols = np.nonzero(np.triu(sims >= threshold, k=1))
    pairs = sorted(zip(rows.tolist(), cols.tolist()), key=lambda p: (-sims[p], p))
    for i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj or not _can_merge(members[gi], members[gj], sentences, sims, threshold,
                                      stated) \
                or (words and not carries(members[gi], members[gj], words, carried)):
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
    rank: dict[str, int] = {}
    for s in sentences:
        rank.setdefault(s.source, len(rank))

    def key(s: Sentence) -> tuple[int, int]:
        return rank[s.source], s.start

    groups = [sorted((sentences[k] for k in ks), key=key) for ks in members.values()]
    groups.sort(key=lambda ss: key(ss[0]))
    return tuple(Fact(id=_fact_id(ss), sentences=tuple(ss)) for ss in groups)


def _can_merge(
    a: list[int], b: list[int], sentences: list[Sentence], sims: np.ndarray, threshold: float,
    stated: list | None,
) -> bool:
    # Each outlet states a fact once: two sentences of one outlet in a group would
    # mean the outlet repeated itself, which cleaning already removed.
    if {sentences[i].source for i in a} & {sentences[j].source for j in b}:
        return False
    if not np.all(sims[np.ix_(a, b)] >= threshold):
        return False
    return stated is None or not any(contradicts(stated[i], stated[j]) for i in a for j in b)


# "stage 15", "Resolution 1723", "Flight 800": a thing named by its number (a year is a
# date, compared as a value)
_NUMBERED = re.compile(r"\b(?P<noun>[A-Za-z][a-z]+)\s+(?P<num>(?!(?:19|20)\d\d\b)\d{1,4})\b"
                       r"(?![%]|[.,]\d)(?:\s+(?P<next>[a-z]+))?")
# ... unless a lower-case word other than these follows, making it a count ("15 riders")
_AFTER_NUMBER = frozenset("of in on at and or but to for with from by was were is are has had "
                          "after before when while as".split())
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
             "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth twentieth").split()
# "the second tremor", "the 15th stage", "13th-stage"
_ORDINAL = re.compile(rf"\b(?:(?P<word>{'|'.join(_ORDINALS)})|(?P<num>\d{{1,3}})(?:st|nd|rd|th))"
                      r"[\s-]+(?P<noun>[a-z]+)\b", re.I)
# Words before a number that do not name the numbered thing ("on 15", "killed 15."): a
# count or a date there is read by disputes.values, which compares it as a value.
_NOT_NAMES = frozenset(
    "of in on at to by for from and or the a an about some nearly over than least up under "
    "around with since until after before between among was were is are be been has have had "
    "killed killing injured injuring wounded wounding january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct "
    "nov dec".split())

_WEEK = 7  # days: a weekday name is the same day when read forward or back within one week

Claim = tuple[tuple[Value, ...], frozenset[tuple[str, int]]]


def claim(text: str, published: str | None) -> Claim:
    """What a citation of ``text`` must not contradict: its values (counts, amounts, dates
    read against ``published``) and the numbered things it names (``("stage", 15)``)."""
    named = {(m.group("noun").lower(), int(m.group("num"))) for m in _NUMBERED.finditer(text)
             if m.group("noun").lower() not in _NOT_NAMES
             and (m.group("next") or "of") in _AFTER_NUMBER}
    for m in _ORDINAL.finditer(text):
        word = (m.group("word") or "").lower()
        rank = _ORDINALS.index(word) + 1 if word else int(m.group("num"))
        named.add((m.group("noun").lower(), rank))
    return values(text, published), frozenset(named)


def contradicts(a: Claim, b: Claim) -> bool:
    """Whether the two claims cannot be cited for each other: for one quantity or date,
    each states a value the other does not ("4.8 billion" / "3.75 billion", Tuesday 23
    March / Wednesday 24 February), or each numbers one kind of thing in a way the other
    does not ("stage 13" / "stage 15", "the first tremor" / "the second tremor"). When
    one's values are among the other's, or only one states the quantity, it is no
    contradiction: less detail is still support."""
    return bool(_unmatched(a[0], b[0]) & _unmatched(b[0], a[0])) \
        or bool(_extra(a[1], b[1]) & _extra(b[1], a[1]))


def _unmatched(mine: tuple[Value, ...], theirs: tuple[Value, ...]) -> set[tuple[str, str]]:
    """Quantities ``theirs`` also states for which a value of ``mine`` agrees with none
    of theirs."""
    keys = {(v.kind, v.key) for v in theirs}
    return {(x.kind, x.key) for x in mine
            if (x.kind, x.key) in keys and not any(_agree(x, y) for y in theirs)}


def _agree(x: Value, y: Value) -> bool:
    """Same quantity, same value; a date agrees with a date it contains ("in February" /
    "24 February"), and with the same words read within a week of it (whether "Friday"
    is the last or the next one is a guess: "expected since ... Friday's election")."""
    if (x.kind, x.key) != (y.kind, y.key):
        return False
    if x.kind == "date":
        return x.iso.startswith(y.iso) or y.iso.startswith(x.iso) or _same_words_near(x, y)
    return (x.low, x.high) == (y.low, y.high)


def _same_words_near(x: Value, y: Value) -> bool:
    """Two relative dates written alike and read at most a week apart."""
    if not (x.relative and y.relative and x.shown.lower() == y.shown.lower()):
        return False
    days = [parse_iso(v.iso) for v in (x, y)]
    return None not in days and abs((days[0] - days[1]).days) <= _WEEK


def _extra(mine: frozenset[tuple[str, int]], theirs: frozenset[tuple[str, int]]) -> set[str]:
    """Kinds of thing ``theirs`` also numbers for which ``mine`` has a number theirs lacks."""
    nouns = {noun for noun, _ in theirs}
    return {noun for noun, n in mine if noun in nouns and (noun, n) not in theirs}


def carries(a: list[int], b: list[int], words: list[set[str]], share: float) -> bool:
    """Every cross pair of groups ``a`` and ``b``: one sentence holds at least ``share`` of
    the other's content words, so either can be cited for the other (the one saying less
    is contained in the one saying more; a sentence on another event of the same story
    shares its names but not its claim)."""
    return all(len(words[i] & words[j]) >= share * min(len(words[i]), len(words[j]))
               for i in a for j in b)


def _fact_id(sentences: list[Sentence]) -> str:
    key = "|".join(f"{s.source}:{s.start}:{s.end}" for s in sentences)
    return content_id(key, prefix="f", length=8)


def is_substantive(sentence: Sentence) -> bool:
    """Long enough to state a fact on its own."""
    return sum(ch.isalnum() for ch in sentence.text) >= _MIN_CHARS

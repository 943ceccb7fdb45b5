"""Paragraphs repeated within one article: exact or near-exact copies.

Web pages repeat paragraphs when a CMS pastes a pull quote, a lede is printed
twice, or an editor left a longer variant next to the original. Two paragraphs
count as the same when, word by word in order, nearly all of the shorter one
is found in the longer one.
"""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher

# The share of the shorter paragraph's words, in order, that must recur in the
# other paragraph. 0.85 tolerates an added attribution ("Turkish Defense
# Minister Hulusi Akar told ...") or a changed article ("the"/"their"), while
# two different sentences about one meeting share well under half their words.
NEAR_DUPLICATE_SHARE = 0.85
# ... and the share of the longer one's words: a paragraph that repeats another
# and then adds as much again is a new paragraph with new facts, not a copy.
MIN_LONGER_SHARE = 0.6
# Below this many words only exact repeats count ...
MIN_NEAR_WORDS = 8
# ... and below this many not even those: in an interview transcript "Yes."
# may well be said twice.
MIN_EXACT_WORDS = 4

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation and quote styles ignored."""
    return [w.lower() for w in _WORD.findall(text)]


def same_paragraph(a: list[str], b: list[str]) -> bool:
    """True when token lists ``a`` and ``b`` are the same paragraph, give or take an edit."""
    if a == b:
        return len(a) >= MIN_EXACT_WORDS
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_NEAR_WORDS:
        return False
    if sorted(t for t in a if t.isdigit()) != sorted(t for t in b if t.isdigit()):
        return False  # "40 injured" then "45 injured" is an update to show, not a copy
    common = len(set(a) & set(b))
    if common < NEAR_DUPLICATE_SHARE * min(len(set(a)), len(set(b))):
        return False  # cheap bound first: most pairs share few words
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / shorter >= NEAR_DUPLICATE_SHARE and matched / longer >= MIN_LONGER_SHARE


def find_duplicates(paragraphs: list[str]) -> dict[int, int]:
    """Map index of each repeated paragraph -> index of the copy that is kept.

    The first copy is kept, unless a later one is more complete: at least as
    long and ending like a sentence while the first copy breaks off. A paragraph
    matching several kept ones counts as a copy of the earliest kept.

    Only paragraphs sharing a word that :class:`CopyIndex` proves necessary are
    compared, so the cost grows with the number of paragraphs, not its square.
    """
    toks = [tokens(p) for p in paragraphs]
    index = CopyIndex(toks)
    slot: dict[int, int] = {}  # kept paragraph -> its place in the order copies are sought
    dropped: dict[int, int] = {}
    for i, tok in enumerate(toks):
        matches = [k for k in index.candidates(i) if same_paragraph(toks[k], tok)]
        match = min(matches, key=slot.__getitem__, default=None)
        if match is None:
            slot[i] = i
            index.add(i)
        elif _more_complete(paragraphs[i], paragraphs[match]):
            slot[i] = slot.pop(match)
            index.remove(match)
            index.add(i)
            dropped[match] = i
        else:
            dropped[i] = match
    return {d: _final(keep, dropped) for d, keep in dropped.items()}


def _final(keep: int, dropped: dict[int, int]) -> int:
    """The copy finally kept, following replacements (a kept copy later outdone)."""
    while keep in dropped:
        keep = dropped[keep]
    return keep


class CopyIndex:
    """Kept paragraphs by word, answering "which of them could this one repeat?".

    A pair passes :func:`same_paragraph` only if the smaller word set shares at
    least NEAR_DUPLICATE_SHARE of its words with the other, so any
    ``|S| - ceil(share * |S|) + 1`` words of the smaller set ``S`` include a
    shared one (prefix filtering). Taking the rarest words of each paragraph as
    that prefix keeps the lists looked up short. Candidates are a superset of
    the true copies; :func:`same_paragraph` still decides.
    """

    def __init__(self, token_lists: list[list[str]]) -> None:
        self.words = [set(t) for t in token_lists]
        # Copies state the same numbers (same_paragraph requires it), so words are keyed
        # by the paragraph's numbers too: "40 injured" is never compared with "45 injured".
        self.numbers = [tuple(sorted(w for w in t if w.isdigit())) for t in token_lists]
        df: dict[str, int] = {}
        for words in self.words:
            for w in words:
                df[w] = df.get(w, 0) + 1
        self.prefix = [_rarest(words, df) for words in self.words]
        self.by_word: dict[tuple, set[int]] = {}  # word -> kept paragraphs holding it
        self.by_prefix: dict[tuple, set[int]] = {}  # word -> kept paragraphs with it in prefix

    def add(self, k: int) -> None:
        for w in self.words[k]:
            self.by_word.setdefault((self.numbers[k], w), set()).add(k)
        for w in self.prefix[k]:
            self.by_prefix.setdefault((self.numbers[k], w), set()).add(k)

    def remove(self, k: int) -> None:
        for w in self.words[k]:
            self.by_word[self.numbers[k], w].discard(k)
        for w in self.prefix[k]:
            self.by_prefix[self.numbers[k], w].discard(k)

    def candidates(self, i: int) -> set[int]:
        """Kept paragraphs that paragraph ``i`` may repeat (or be repeated by)."""
        found: set[int] = set()
        numbers = self.numbers[i]
        for w in self.prefix[i]:  # i is the smaller set: its prefix meets the other's words
            found.update(self.by_word.get((numbers, w), ()))
        for w in self.words[i]:  # the kept one is smaller: its prefix meets i's words
            found.update(self.by_prefix.get((numbers, w), ()))
        return found


def _rarest(words: set[str], df: dict[str, int]) -> list[str]:
    # The tiny epsilon keeps the bound conservative against rounding of share * size.
    need = math.ceil(NEAR_DUPLICATE_SHARE * len(words) - 1e-9)
    return sorted(words, key=lambda w: (df[w], w))[: len(words) - need + 1] if words else []


def _more_complete(later: str, earlier: str) -> bool:
    ends = later.rstrip()[-1:] in ".!?\"”’"
    earlier_ends = earlier.rstrip()[-1:] in ".!?\"”’"
    return ends and not earlier_ends and len(later) >= len(earlier)

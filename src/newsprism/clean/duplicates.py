"""Paragraphs repeated within one article: exact or near-exact copies.

Web pages repeat paragraphs when a CMS pastes a pull quote, a lede is printed
twice, or an editor left a longer variant next to the original. Two paragraphs
count as the same when, word by word in order, nearly all of the shorter one
is found in the longer one.
"""

from __future__ import annotations

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
    long and ending like a sentence while the first copy breaks off.
    """
    toks = [tokens(p) for p in paragraphs]
    kept: list[int] = []
    dropped: dict[int, int] = {}
    for i, tok in enumerate(toks):
        match = next((k for k in kept if same_paragraph(toks[k], tok)), None)
        if match is None:
            kept.append(i)
        elif _more_complete(paragraphs[i], paragraphs[match]):
            kept[kept.index(match)] = i
            dropped[match] = i
            dropped = {d: (i if keep == match else keep) for d, keep in dropped.items()}
        else:
            dropped[i] = match
    return dropped


def _more_complete(later: str, earlier: str) -> bool:
    ends = later.rstrip()[-1:] in ".!?\"”’"
    earlier_ends = earlier.rstrip()[-1:] in ".!?\"”’"
    return ends and not earlier_ends and len(later) >= len(earlier)

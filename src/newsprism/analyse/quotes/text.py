"""Word-overlap helpers for matching quotes and paraphrases across outlets."""

from __future__ import annotations

import difflib
import re

from newsprism.analyse.entities.names import fold

_WORD = re.compile(r"[a-z0-9]+")
# Function words and speech verbs carry no content when matching rewordings.
FUNCTION_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as into about over under than then
that this these those there here it its is are was were be been being am has have had do does
did will would shall should can could may might must not no so such very also just our we us
i me my you your he him his she her they them their who whom which what when where why how
all any both each few more most other some own same too only said says say told added
""".split())


def content_words(text: str) -> frozenset[str]:
    """Folded content words, crudely stemmed (plural -s, -ing, -ed) so rewordings still meet."""
    return frozenset(_stem(w) for w in _WORD.findall(fold(text))
                     if w not in FUNCTION_WORDS and len(w) > 1)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    """(shared / size of the smaller set, shared): 1.0 when one wording contains the other."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


def normalise(text: str) -> str:
    """Wording compared for identity: folded, punctuation and spacing ignored."""
    return " ".join(_WORD.findall(fold(text)))


def in_order(a: str, b: str) -> float:
    """Share of the shorter wording's words that the other has in the same order (every
    word, folded): 1.0 when one is an excerpt of the other, low for two statements that
    only share their subject's words."""
    x, y = _WORD.findall(fold(a)), _WORD.findall(fold(b))
    if len(x) > len(y):
        x, y = y, x
    if not x:
        return 0.0
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(x)

"""Summary features: word tokens, a light stemmer, bigram concepts, word counts, and which
sentences of a Fact state what one of them says (the citations of a shown sentence).

Kept apart from :mod:`newsprism.analyse.summary.select` so the selection logic reads on
one screen. Everything here is deterministic and dependency-free.
"""

from __future__ import annotations

import functools
import re

from newsprism.model import Fact, Sentence

_TOKEN = re.compile(r"[a-z0-9]+")

# A small English stop list: function words only. Bigrams made of two of these
# ("of the", "it was") carry no content and are not concepts.
STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own s same she should so some such t
    than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves said says say mr mrs ms one two new
    would could may might must shall us yet since upon per via""".split()
)

@functools.lru_cache(maxsize=1 << 16)  # called for every token, several times per story
def stem(word: str) -> str:
    """A light suffix stripper: enough to match plurals and simple verb forms."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl, keep in (("ies", "y", 3), ("sses", "ss", 2), ("ing", "", 4),
                               ("ed", "", 4), ("es", "", 4), ("s", "", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens (possessive ``'s`` dropped)."""
    return [stem(t) for t in _TOKEN.findall(text.lower().replace("'s ", " "))]


def bigrams(toks: list[str]) -> set[tuple[str, str]]:
    """Adjacent token pairs that are not both stop words."""
    return {(a, b) for a, b in zip(toks, toks[1:]) if not (a in STOP and b in STOP)}


@functools.lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of ``text`` (remembered: every stage asks again)."""
    return frozenset(t for t in tokens(text) if t not in STOP and len(t) > 1)


def n_words(text: str) -> int:
    """Words as the budget counts them: whitespace-separated."""
    return len(text.split())


def stating(fact: Fact, sentence: Sentence, share: float) -> tuple[Sentence, ...]:
    """``sentence`` and the other sentences of its Fact that hold at least ``share`` of its
    content words: the ones whose outlets can be cited for what it says.

    A Fact joins a shorter sentence to a longer one that contains it; the shorter one
    states only part of the longer one's claim, so it is not cited for it.
    """
    words = content_words(sentence.text)
    need = share * len(words)
    return (sentence, *(s for s in fact.sentences if s is not sentence
                        and len(words & content_words(s.text)) >= need))

"""Summary features: word tokens, a light stemmer, bigram concepts, safe trims.

Kept apart from :mod:`newsprism.analyse.summary.select` so the selection logic reads on
one screen. Everything here is deterministic and dependency-free.
"""

from __future__ import annotations

import functools
import re

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

# Wire datelines glued to a lead sentence: "WASHINGTON (AP) -- ", "PINE RIDGE, S.D. _ ",
# "BRUSSELS, January 22 (Xinhua) -- ". Upper-case place first, then a dash or underscore.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{1,40}(?:,[^\n()]{1,40}?)?\s*(?:\([A-Za-z .-]{1,25}\))?\s*(?:--|_|—|–)\s+"
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


def trim_span(text: str) -> tuple[int, int]:
    """(start, end) of the part of ``text`` worth showing: a wire dateline is cut.

    The cut is a prefix that states no fact, so the trimmed statement says exactly
    what the whole sentence says.
    """
    m = _DATELINE.match(text)
    start = m.end() if m and len(text) - m.end() > 20 else 0
    return start, len(text)


def n_words(text: str) -> int:
    """Words as the budget counts them: whitespace-separated."""
    return len(text.split())


# A closing attribution that names no one: ", officials said." / ", he told reporters."
# Cut only at the very end of the sentence, after a comma, so the remaining clause is the
# complete reported statement. A named source (", Akar said." / ", according to the
# union.") stays: without it a claim would read as an established fact. Keeping names
# cost DUC 2003 R1/R2 0.07/0.10; a briefing for fact-checkers is worth it.
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:he|she|they|officials?|police|authorities"
    r"|the\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:said|says|added|reported|told\s+[\w ]{1,30}?)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday))?"
    r")\s*\.$"
)


# A non-restrictive relative clause between commas: ", who has ...," / ", which was ...,"
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s+[^,;:()\"“”]{3,80},\s+")


def cut_relative(text: str) -> str:
    """``text`` without non-restrictive relative clauses (the main clause is unchanged)."""
    return _RELATIVE.sub(" ", text) if _RELATIVE.search(text) else text


def cut_attribution(text: str) -> str:
    """``text`` without a closing attribution clause (unchanged when there is none)."""
    if text.endswith(('."', '"', "'")):
        return text
    m = _ATTRIBUTION.search(text)
    if not m or m.start() < 30:
        return text
    return text[: m.start()] + "."

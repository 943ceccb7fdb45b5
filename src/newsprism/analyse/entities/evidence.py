"""The type of an entity from evidence across the whole story, not one small-model label.

spaCy's small English model labels each mention on its own and is often wrong
about names it has not seen: a dateline "GOTEBORG, Sweden (AP)" becomes an
organisation, "the newspaper Expressen" a person. Every mention of a name is one
vote (its NER label); what the text around it says adds votes:

* a person: a courtesy title right before it ("Mrs. Ciller") or a title such as
  "Defense Minister";
* a place: a dateline ("GOTEBORG, Sweden (AP) _") or "X, N.J." (a place followed
  by its state): one such mention places every mention of the name;
* an organisation: a last word that names a kind of organisation ("... Telecom"),
  or such a noun right before it ("the newspaper Expressen"); a news agency.

A cue counts ``CUE_WEIGHT`` votes: a title is seldom wrong, while a small model's
label often is. Measured with ``benchmarks/entity_quality.py`` (hand labels of the
top 15 entities of each story; ``benchmarks/results/entities.md``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from newsprism.analyse.entities import names

if TYPE_CHECKING:  # pragma: no cover
    from newsprism.analyse.entities import Span

CUE_WEIGHT = 2  # votes of one contextual cue, against 1 for one NER label (not tuned:
# any weight above 1 lets a cue outvote the label of its own mention)

# A common noun right before a name that says what kind of organisation it is
# ("the Swedish newspaper Expressen", "the British firm Granger Telecom").
_ORG_NOUNS = frozenset({"newspaper", "daily", "weekly", "tabloid", "magazine", "agency",
                        "company", "firm", "group", "party", "network", "broadcaster",
                        "channel", "maker", "airline", "carrier", "organization",
                        "organisation", "bank", "insurer", "retailer", "manufacturer"})
# "Madison, N.J.-based", "Santa Rosa, Calif.": a place followed by its state's abbreviation.
_STATE_AFTER = re.compile(
    r"^,\s+(?!U\.[SKN]\.)(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)(?![A-Za-z])(?!\s+[A-Z])")
# A dateline: the name opens a line and is followed by its country/state or the agency.
_DATELINE_AFTER = re.compile(r"^(?:,\s+[A-Z][\w.]*(?:\s[\w.]+){0,2})?\s*(?:\(|_|--|—|–)")
_ORG_LAST = frozenset({
    "ministry", "agency", "inc", "corp", "corporation", "co", "ltd", "party", "press",
    "news", "telecom", "association", "council", "committee", "commission", "university",
    "institute", "department", "office", "company", "group", "society", "union",
    "organization", "organisation", "foundation", "fund", "board", "authority", "service",
    "airlines", "airways", "network", "times", "post", "journal", "club", "center",
    "centre", "court", "house", "police", "army", "navy", "forces",
})
# News agencies that a reader knows as organisations, however NER tags their byline.
_AGENCIES = frozenset({"ap", "afp", "reuters", "xinhua", "upi", "interfax", "itar-tass",
                       "associated press", "agence france-presse", "dpa", "ansa", "efe"})


def org_word(word: str) -> bool:
    """Whether a name's last word names a kind of organisation ("Telecom", "Ministry")."""
    return names.fold(word).strip(".") in _ORG_LAST


def cue(text: str, start: int, end: int, shown: str) -> str | None:
    """The type the context of one mention points to, or None when it says nothing."""
    if names.honorific_before(text, start) or names.role_before(text, start):
        return "PERSON"
    key = names.key(shown)
    words = key.split()
    if key in _AGENCIES or (len(words) > 1 and org_word(words[-1])):
        return "ORG"
    after = text[end:end + 40]
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _DATELINE_AFTER.match(after):
        return "PLACE"
    if _STATE_AFTER.match(after):
        return "PLACE"
    before = text[max(0, start - 24):start].split()
    if before and before[-1] in _ORG_NOUNS:
        return "ORG"
    return None


def votes(spans: Iterable[Span]) -> Counter:
    """NER labels plus weighted cues over the mentions of one name."""
    count: Counter = Counter()
    for s in spans:
        count[s.label] += 1
        if s.cue:
            count[s.cue] += CUE_WEIGHT
    return count


def decide(count: Counter) -> str:
    """The label with most votes; a tie goes to PERSON, then PLACE (names before things)."""
    order = {"PERSON": 2, "PLACE": 1, "ORG": 0}
    return max(count, key=lambda label: (count[label], order[label]))


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words a story writes in lower case: "Defense" or "Roadmap" are such words, "Lilian"
    or "Ocalan" are not (a name is written capitalised wherever it appears)."""
    return frozenset(w for text in texts for w in _WORD.findall(text) if w.islower())


_WORD = re.compile(r"[^\W\d_]+")


def name_like(words: Iterable[str], common: frozenset[str]) -> bool:
    """Whether every word of a folded name is a name word: never written in lower case."""
    return all(w in names.PARTICLES or not any(p in common for p in _WORD.findall(w))
               for w in words)


def group_kind(group: list[Span]) -> str:
    """The type of one name (all mentions folding to one key).

    A name written as a dateline, or followed by its state, is a place ("GOTEBORG,
    Sweden (AP) _" places every "Goteborg" of the story); otherwise the votes decide.
    """
    if any(s.cue == "PLACE" for s in group):
        return "PLACE"
    return decide(votes(group))

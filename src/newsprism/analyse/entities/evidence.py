"""The type of an entity from evidence across the whole story, not one small-model label.

spaCy's small English model labels each mention on its own and is often wrong
about names it has not seen: a sentence-initial "Pinochet" becomes a place, a
dateline "GOTEBORG, Sweden (AP)" an organisation. Every mention of a name is
one vote (its NER label); what the text around it says adds votes:

* a person: a courtesy title right before it ("Mrs. Ciller") or a title such as
  "Defense Minister"; a name the story also uses as the surname or given name of
  someone it names in full (story-level evidence: "Pinochet" beside "Augusto
  Pinochet");
* a place: a dateline ("GOTEBORG, Sweden (AP) _") or "X, N.J." (a place followed
  by its state): one such mention places every mention of the name;
* an organisation: a last word that names a kind of organisation ("... Telecom"),
  or such a noun right before it ("the newspaper Expressen"); a news agency.

A cue counts ``CUE_WEIGHT`` votes: a title or a dateline is seldom wrong, while a
small model's label often is (weights chosen on the tune stories of
``benchmarks/entity_quality.py``; see ``benchmarks/results/entities.md``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from newsprism.analyse.entities import names

if TYPE_CHECKING:  # pragma: no cover
    from newsprism.analyse.entities import Span

CUE_WEIGHT = 2  # votes of one contextual cue, against 1 for one NER label

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


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a line or follows a sentence end ('. "', '? ')."""
    before = text[max(0, start - 4):start].rstrip(" \"'“‘(")
    return not before or before.endswith(("\n", ".", "?", "!", ":"))


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


def name_parts(groups: dict[str, list[Span]], common: frozenset[str]) -> dict[str, set[str]]:
    """Surname -> given names of the people a story names in full.

    A full name is a name of two or more name words ("Doctors Without Borders" is
    not one) that its own mentions call a person.
    """
    parts: dict[str, set[str]] = {}
    for k, group in groups.items():
        words = k.split()
        if len(words) > 1 and decide(votes(group)) == "PERSON" and name_like(words, common):
            parts.setdefault(words[-1], set()).add(words[0])
    return parts


def group_kind(k: str, group: list[Span], parts: dict[str, set[str]],
               common: frozenset[str]) -> str:
    """The type of one name (all mentions folding to key ``k``).

    A name written as a dateline, or followed by its state, is a place. A name that
    is the surname or given name of a person the story names in full is that
    person's ("Pinochet" beside "Augusto Pinochet", "Yvo de Boer" beside "De
    Boer"): story evidence outweighs the small model's label of each mention.
    """
    count = votes(group)
    if any(s.cue == "PLACE" for s in group):  # "GOTEBORG, Sweden (AP) _"
        return "PLACE"
    words = k.split()
    org_cues = any(s.cue == "ORG" for s in group)
    initial_only = len(words) > 1 and all(s.initial for s in group)  # "Corroborating Redelmeier"
    if not org_cues and not initial_only and not org_word(words[-1]) \
            and name_like(words, common) and _person_part(words, parts):
        return "PERSON"
    return decide(count)


def _person_part(words: list[str], parts: dict[str, set[str]]) -> bool:
    if len(words) == 1:
        return words[0] in parts or any(words[0] in given for given in parts.values())
    others = parts.get(words[-1], set()) - {words[0]}
    return bool(others)

"""Which names of a story are one entity: full names, bare surnames, acronyms.

Works on name groups (every mention folding to one key) whose type is already
decided (:mod:`newsprism.analyse.entities.evidence`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.analyse.entities import names

if TYPE_CHECKING:  # pragma: no cover
    from newsprism.analyse.entities import Span

# A bare surname shared by several people of a story goes to the one named far more
# often than all the others together ("Carter": Jimmy Carter 29 mentions, Rosalynn 2,
# Jack 1), never when two are named about as often ("Mandela": Nelson 5, Winnie 7).
# Chosen on the tune stories of benchmarks/entity_quality.py: 3 and 4 score the same;
# 2 gave the bare "Gingrich" (mostly Newt) to Marianne Gingrich (named 38 times, Newt 13).
DOMINANT = 3

_JOINERS = (" to ", " for ", " from ", " and ")
_MINOR = frozenset({"of", "for", "and", "the", "on", "in", "de", "des", "du", "la", "le"})
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def joined(k: str, groups: dict[str, list[Span]]) -> bool:
    """"Brenholt to Lindau": two names the story also uses alone, read by NER as one."""
    for joiner in _JOINERS:
        head, _, tail = k.partition(joiner)
        if tail and head in groups and tail in groups:
            return True
    return False


class _Forest:
    """Union-find over name keys; the root stays the first key it was given."""

    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def root(self, k: str) -> str:
        while self.parent[k] != k:
            k = self.parent[k]
        return k

    def join(self, k: str, into: str) -> None:
        self.parent[self.root(k)] = self.root(into)


def merge(groups: dict[str, list[Span]], kinds: dict[str, str]) -> list[tuple[list[Span], str]]:
    """Merged mention lists, each with its type, in no particular order.

    Full names with one surname and compatible given names merge (Benny / Benjamin
    Gantz); then a bare surname joins the person it names (one, or a dominant one);
    then an acronym joins the one longer name of the story it abbreviates (ANC,
    African National Congress). A group holding a person's full name is a person
    whatever its bare surname's mentions were tagged: NER's "ORG" for a sentence-
    initial "Kutan" does not make Recai Kutan an organisation.
    """
    forest = _Forest(groups)
    people = _full_names(groups, kinds)
    _merge_given(people, forest)
    _merge_surnames(groups, kinds, people, forest)
    _merge_acronyms(groups, kinds, forest)
    persons = {forest.root(k) for keys in people.values() for k in keys}
    merged: dict[str, list[Span]] = {}
    for k, group in groups.items():
        merged.setdefault(forest.root(k), []).extend(group)
    return [(sorted(g, key=lambda s: (s.source, s.start)),
             "PERSON" if root in persons else kinds[root]) for root, g in merged.items()]


def _full_names(groups, kinds) -> dict[str, list[str]]:
    """Surname -> keys of the person names of two or more words, most mentioned first."""
    people: dict[str, list[str]] = {}
    for k in groups:
        if " " in k and kinds[k] == "PERSON":
            people.setdefault(k.split()[-1], []).append(k)
    for keys in people.values():
        keys.sort(key=lambda k: -len(groups[k]))
    return people


def _merge_given(people, forest: _Forest) -> None:
    for keys in people.values():
        for i, a in enumerate(keys):
            for b in keys[:i]:
                if forest.root(a) != forest.root(b) and names.compatible_given(
                        a.split()[:-1], b.split()[:-1]):
                    forest.join(a, b)
                    break


def _merge_surnames(groups, kinds, people, forest: _Forest) -> None:
    for k in groups:
        if " " in k or kinds[k] == "PLACE" or k not in people:
            continue
        sizes: dict[str, int] = {}
        for full in people[k]:
            root = forest.root(full)
            sizes[root] = sizes.get(root, 0) + len(groups[full])
        ranked = sorted(sizes, key=lambda r: -sizes[r])
        others = sum(sizes[r] for r in ranked[1:])
        if len(ranked) == 1 or sizes[ranked[0]] >= DOMINANT * others:
            forest.join(k, ranked[0])


def _merge_acronyms(groups, kinds, forest: _Forest) -> None:
    """An all-capitals name joins the one longer name of the story whose initials it is."""
    initials: dict[str, list[str]] = {}
    for k, group in groups.items():
        words = [w for w in k.split() if w not in _MINOR]
        if len(words) > 1 and kinds[k] != "PERSON":
            initials.setdefault("".join(w[0] for w in words), []).append(k)
    for k, group in groups.items():
        shown = group[0].text.replace(".", "")
        if " " in k or not _ACRONYM.match(shown):
            continue
        longer = initials.get(shown.lower(), [])
        if len(longer) == 1 and kinds[longer[0]] == kinds[k]:
            forest.join(k, longer[0])

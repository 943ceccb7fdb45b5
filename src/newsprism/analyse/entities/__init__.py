"""People, organisations and places, merged across outlets and spellings.

Mentions come from spaCy NER (one shared, cached pass per story). They are
merged when they fold to the same key (diacritics dropped, curated aliases such
as Türkiye = Turkey), when full names share a surname and compatible given
names (Benny / Benjamin Gantz), and when a bare surname matches exactly one
person (Gantz = Benny Gantz, even where NER tagged a sentence-initial "Gantz" as
ORG). The type is the majority label of the merged mentions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsprism.analyse.entities import names as ent_names
from newsprism.config import Options
from newsprism.model import Article, Entity, Sentence, Spelling
from newsprism.nlp import ner

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


@dataclass(frozen=True, slots=True)
class Span:
    """One mention of an entity: ``article.text[start:end] == text``."""

    source: str
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | PLACE, as NER tagged this mention
    role: str | None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A merged entity and every mention behind it (for quotes and disputes)."""

    entity: Entity
    spans: tuple[Span, ...]


def find_entities(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    options: Options,
) -> tuple[Entity, ...]:
    """Entities with aliases, roles and per-outlet mention counts.

    Ordered by total mentions (most first), then by first appearance, so the
    same articles always give the same list.
    """
    return tuple(r.entity for r in resolve(articles))


@lru_cache(maxsize=8)
def resolve(articles: tuple[Article, ...]) -> tuple[Resolved, ...]:
    """Merged entities with their mention spans; cached so each stage reuses one pass."""
    spans = _collect(articles)
    groups: dict[str, list[Span]] = {}
    for span in spans:
        groups.setdefault(ent_names.key(span.text), []).append(span)
    for k in [k for k in groups if _joined(k, groups)]:
        del groups[k]
    merged = _merge_people(groups)
    order = {a.id: i for i, a in enumerate(articles)}
    built = [_build(group, order) for group in merged]
    built.sort(key=lambda r: (-len(r.spans), order[r.spans[0].source], r.spans[0].start))
    return tuple(built)


def lookup(articles: tuple[Article, ...]) -> dict[str, Resolved]:
    """Merge key of every alias (and name, and surname of people) -> its entity."""
    table: dict[str, Resolved] = {}
    for r in resolve(articles):
        for name in (r.entity.name, *r.entity.aliases):
            table.setdefault(ent_names.key(name), r)
        if r.entity.type == "PERSON":
            table.setdefault(ent_names.key(r.entity.name.split()[-1]), r)
    return table


_JOINERS = (" to ", " for ", " from ", " and ")


def _joined(k: str, groups: dict[str, list[Span]]) -> bool:
    """"Brenholt to Lindau": two names the story also uses alone, read by NER as one."""
    for joiner in _JOINERS:
        head, _, tail = k.partition(joiner)
        if tail and head in groups and tail in groups:
            return True
    return False


# A one-word "person" right after one of these is a place NER misread ("in Lindau").
_LOCATIVE = frozenset({"in", "from", "near", "capital", "outside", "across", "towards"})


def _collect(articles: tuple[Article, ...]) -> list[Span]:
    spans: list[Span] = []
    for article, found in zip(articles, ner.mentions(a.text for a in articles)):
        text = article.text
        for m in found:
            label = _TYPES.get(m.label)
            if label is None or not _plausible(m.text, text, m.end):
                continue
            start, end, shown = _trim(text, m.start, m.end)
            before = text[max(0, start - 12):start].split()
            if label == "PERSON" and " " not in shown and before and \
                    before[-1].lower() in _LOCATIVE:
                label = "PLACE"
            role = ent_names.role_before(text, start) if label == "PERSON" or " " not in shown \
                else None
            spans.append(Span(article.id, start, end, shown, label, role))
    return spans


def _plausible(mention: str, text: str, end: int) -> bool:
    """Drop NER output that is not a name: lower-case phrases, credits, title fragments."""
    if not any(c.isupper() for c in mention) or "/" in mention or "\n" in mention:
        return False
    if mention.isupper() and len(mention.split()) > 2:
        return False  # "THE MINISTRY OF NATIONAL DEFENSE" is a photo credit
    if ent_names.is_role_word(mention.split()[-1]):
        return False  # "Lisbon Mayor": a title before a name, not an organisation
    following = text[end:end + 40].split()
    # "Defense" in "Defense Minister Benny Gantz" is part of a title, not an organisation
    return not (" " not in mention.strip() and following and ent_names.is_role_word(following[0]))


def _trim(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Span without a leading "the" or trailing possessive, so offsets match the shown name."""
    shown = ent_names.surface(text[start:end])
    offset = text.find(shown, start, end)
    if offset < 0:
        return start, end, text[start:end]
    return offset, offset + len(shown), shown


def _majority(group: list[Span]) -> str:
    counts = Counter(s.label for s in group)
    return max(counts, key=lambda label: (counts[label], label == "PERSON"))


def _merge_people(groups: dict[str, list[Span]]) -> list[list[Span]]:
    """Full names with one surname and compatible given names merge, then bare surnames."""
    people: dict[str, list[str]] = {}  # surname -> keys of multi-word person groups
    for k, group in groups.items():
        if " " in k and _majority(group) == "PERSON":
            people.setdefault(k.split()[-1], []).append(k)
    parent = {k: k for k in groups}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for surname, keys in people.items():
        keys.sort(key=lambda k: -len(groups[k]))
        for i, a in enumerate(keys):
            for b in keys[:i]:
                if root(a) != root(b) and ent_names.compatible_given(a.split()[:-1],
                                                                     b.split()[:-1]):
                    parent[root(a)] = root(b)
                    break
    for k, group in groups.items():
        if " " in k or _majority(group) == "PLACE" or k not in people:
            continue
        roots = {root(full) for full in people[k]}
        if len(roots) == 1:  # a bare surname is merged only when it names one person
            parent[k] = roots.pop()
    merged: dict[str, list[Span]] = {}
    for k, group in groups.items():
        merged.setdefault(root(k), []).extend(group)
    return [sorted(g, key=lambda s: (s.source, s.start)) for g in merged.values()]


def _build(group: list[Span], order: dict[str, int]) -> Resolved:
    group.sort(key=lambda s: (order[s.source], s.start))
    kind = _majority(group)
    forms = Counter(s.text for s in group)
    first = {t: i for i, t in reversed(list(enumerate(s.text for s in group)))}
    name = ent_names.canonical_name(group[0].text) or max(
        forms, key=lambda t: (kind != "PERSON" or " " in t, forms[t], len(t), -first[t]))
    aliases = tuple(t for t in sorted(forms, key=first.__getitem__) if t != name)
    counts = Counter(s.source for s in group)
    mentions = tuple((src, counts[src]) for src in sorted(counts, key=order.__getitem__))
    entity = Entity(name=name, type=kind, aliases=aliases, mentions=mentions,
                    role=_role(group) if kind == "PERSON" else None,
                    spellings=_spellings(group, order))
    return Resolved(entity, tuple(group))


def _spellings(group: list[Span], order: dict[str, int]) -> tuple[Spelling, ...]:
    """Full forms of the name and the outlets that wrote each, when outlets differ.

    A shorter form contained in a longer one ("Gantz" in "Benny Gantz") is a short
    reference, not a spelling; empty when every outlet wrote the name one way.
    """
    by_form: dict[str, list[str]] = {}
    for span in group:  # already in story order
        sources = by_form.setdefault(span.text, [])
        if span.source not in sources:
            sources.append(span.source)
    full = [f for f in by_form if not any(
        f != g and set(f.split()) < set(g.split()) for g in by_form)]
    if len(full) < 2 or len({src for f in full for src in by_form[f]}) < 2:
        return ()
    return tuple(Spelling(f, tuple(sorted(by_form[f], key=order.__getitem__))) for f in full)


def _role(group: list[Span]) -> str | None:
    """The most often stated title; ties go to the longer (more specific) wording."""
    roles = Counter(ent_names.fold(s.role) for s in group if s.role)
    if not roles:
        return None
    best = max(roles, key=lambda r: (roles[r], len(r)))
    return next(s.role for s in group if s.role and ent_names.fold(s.role) == best)

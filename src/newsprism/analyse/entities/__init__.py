"""People, organisations and places, merged across outlets and spellings.

Mentions come from spaCy NER (one shared, cached pass per story). A span NER
glued from a place and a person ("ambassador to Turkey Irit Lilian") is split,
and titles or words glued before a name are dropped ("Mrs. Ciller"). Each name's
type is decided from evidence across the story (:mod:`.evidence`): its mentions'
NER labels, and titles, datelines and organisation words around them. Names are
then merged (:mod:`.merge`) when they fold to the same key (diacritics dropped,
curated aliases such as Türkiye = Turkey, dotted acronyms, corporate suffixes),
when full names share a surname and compatible given names (Benny / Benjamin
Gantz), when a bare surname names one person (or one far more often than any
other), and when an acronym spells the one longer name of the story it
abbreviates; a name merged into a person's full name is that person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsprism.analyse.entities import evidence, merge
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
    cue: str | None = None  # the type its context points to (evidence.cue), if any


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
    common = evidence.common_words(a.text for a in articles)
    spans = _collect(articles, common)
    groups: dict[str, list[Span]] = {}
    for span in spans:
        groups.setdefault(ent_names.key(span.text), []).append(span)
    for k in [k for k in groups if merge.joined(k, groups)]:
        del groups[k]
    kinds = {k: evidence.group_kind(g) for k, g in groups.items()}
    order = {a.id: i for i, a in enumerate(articles)}
    built = [_build(group, kind, order) for group, kind in merge.merge(groups, kinds)]
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


# A one-word "person" right after one of these is a place NER misread ("in Lindau").
_LOCATIVE = frozenset({"in", "from", "near", "capital", "outside", "across", "towards"})


def _collect(articles: tuple[Article, ...], common: frozenset[str]) -> list[Span]:
    found = list(ner.mentions(a.text for a in articles))
    places = _place_keys(articles, found)
    groups = {ent_names.key(m.text) for mentions in found for m in mentions if m.label == "NORP"}
    spans: list[Span] = []
    for article, mentions in zip(articles, found):
        for m in mentions:
            label = _TYPES.get(m.label)
            if label is None or not _plausible(m.text, article.text, m.end):
                continue
            for start, end, kind in _split_glued(article.text, m.start, m.end, label, places,
                                                 common):
                span = _span(article, start, end, kind, groups)
                if span is not None:
                    spans.append(span)
    return spans


def _span(article: Article, start: int, end: int, label: str,
          groups: set[str]) -> Span | None:
    """One mention; ``groups``: nationalities and groups the story names (NORP), which
    NER sometimes glues before a name ("Britons Darren Hickey")."""
    text = article.text
    start, end, shown = _trim(text, start, end)
    first, _, rest = shown.partition(" ")
    if label == "PERSON" and " " in rest and ent_names.key(first) in groups:
        start, shown = text.index(rest, start), rest
    if not shown:
        return None
    before = text[max(0, start - 12):start].split()
    if label == "PERSON" and " " not in shown and before and before[-1].lower() in _LOCATIVE:
        label = "PLACE"
    role = ent_names.role_before(text, start) if label == "PERSON" or " " not in shown \
        else None
    return Span(article.id, start, end, shown, label, role,
                evidence.cue(text, start, end, shown))


def _place_keys(articles: tuple[Article, ...], found) -> set[str]:
    """Keys of the names NER tags as places more often than not, across the story."""
    count: Counter = Counter()
    for article, mentions in zip(articles, found):
        for m in mentions:
            count[(ent_names.key(m.text), _TYPES.get(m.label) == "PLACE")] += 1
    return {k for (k, is_place), n in count.items() if is_place and n > count[(k, False)]}


def _split_glued(text: str, start: int, end: int, label: str, places: set[str],
                 common: frozenset[str]) -> list[tuple[int, int, str]]:
    """A place glued before a person's name is two mentions ("Turkey Irit Lilian").

    Split when the span's first word is a place of the story and the rest is a
    name of two or three words the story never writes in lower case (so a name,
    not "Turkey Defense Forces", an organisation named after its country).
    """
    words = text[start:end].split()
    if label == "PLACE" or not 3 <= len(words) <= 4 or ent_names.key(words[0]) not in places:
        return [(start, end, label)]
    rest = words[1:]
    if evidence.org_word(rest[-1]) or not all(w[:1].isupper() for w in rest) \
            or not evidence.name_like([ent_names.fold(w) for w in rest], common):
        return [(start, end, label)]
    cut = text.index(rest[0], start + len(words[0]))
    return [(start, start + len(words[0]), "PLACE"), (cut, end, "PERSON")]


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
    """Span without a leading "the", title or possessive, so offsets match the shown name."""
    shown = ent_names.strip_name(ent_names.surface(text[start:end]))
    offset = text.find(shown, start, end)
    if offset < 0:
        return start, end, text[start:end]
    return offset, offset + len(shown), shown


def _build(group: list[Span], kind: str, order: dict[str, int]) -> Resolved:
    group.sort(key=lambda s: (order[s.source], s.start))
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

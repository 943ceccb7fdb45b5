"""Who a speaker mention names: a person or organisation of the story, or an unnamed source.

:mod:`.find` leaves the speaker as written ("Gantz", "he", "the Turkish defence
chief", "One source"). A mention is accepted here only when it is structurally
a speaker, never by a list of bad strings:

- a name of the story: the mention is, or holds, a named entity (PERSON or ORG,
  merged across spellings) - "Gantz" and "Israeli Defense Minister Benny Gantz"
  both give "Benny Gantz";
- "he" / "she": the preferred antecedent, the person named first (the subject,
  in English word order) in the nearest sentence up to the pronoun that names
  one outside quotes;
- a role phrase that resolves to the one person whose stated role shares its
  words ("the Turkish defence chief" -> Hulusi Akar);
- a description whose head is a common noun ("One source", "a senior official")
  becomes an honest label: "unnamed source", "unnamed senior official".

Anything else - a capitalised fragment no entity covers ("Rep", "In") or a
phrase headed by a function word ("The senator is") - names nobody: None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyse import entities
from newsprism.analyse.entities import names as ent_names
from newsprism.analyse.quotes.find import INDIRECT, REPORTED_BY
from newsprism.analyse.quotes.text import FUNCTION_WORDS
from newsprism.model import Article, Sentence
from newsprism.nlp import parse

UNNAMED = "unnamed"
_SPEAKER_TYPES = ("PERSON", "ORG")
_PRONOUNS = ("he", "she")
_DETERMINERS = {"the", "a", "an", "one", "another", "his", "her", "their", "its", "two",
                "three", "several", "some", "other"}
_POST_MODIFIERS = {"of", "from", "at", "for", "in", "with"}
_WORD = re.compile(r"[A-Za-z][a-z’'-]*$")
_TITLE_WORDS = 3  # words before a name read as its title ("former President", "Pope")
_TITLE_REACH = 40  # characters searched for them
_CLAUSE_END = re.compile(r"[.;:!?\n]\s|\n")
_GENERIC_HEADS = {"chief", "official", "officials", "head", "minister", "leader", "counterpart",
                  "visiting", "senior", "top", "former"}


@dataclass(frozen=True, slots=True)
class Named:
    """A mention of a speaker entity in one source: ``text[start:end]``."""

    start: int
    end: int
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Cast:
    """The story's possible speakers: merged entities and their mentions per source."""

    lookup: dict[str, entities.Resolved]
    resolved: tuple[entities.Resolved, ...]
    mentions: dict[str, tuple[Named, ...]]  # source id -> mentions in text order


def cast_of(articles: tuple[Article, ...]) -> Cast:
    """The people and organisations of a story, from the shared entity pass."""
    resolved = entities.resolve(articles)
    mentions: dict[str, list[Named]] = {}
    for r in resolved:
        if r.entity.type not in _SPEAKER_TYPES:
            continue
        for span in r.spans:
            mentions.setdefault(span.source, []).append(
                Named(span.start, span.end, r.entity.name, r.entity.type))
    ordered = {k: tuple(sorted(v, key=lambda n: (n.start, n.end))) for k, v in mentions.items()}
    return Cast(entities.lookup(articles), resolved, ordered)


def speaker(cast: Cast, article: Article, sents: tuple[Sentence, ...], mention: str | None,
            at: int | None, quoted: list[tuple[int, int]],
            said: tuple[Named, ...] = ()) -> str | None:
    """The story's name for the speaker mention ``mention`` at offset ``at``; None if nobody.

    ``quoted`` are the (start, end) spans of the article's quotes: names inside
    them are what someone said, not who said it. ``said`` are the speaker
    mentions of earlier quotes, resolved: a speaker is a name even where NER
    missed it ('"...," Ferro told ...').
    """
    if mention is None or at is None:
        return None
    if mention.lower() in _PRONOUNS:
        return antecedent(cast, article, sents, at, quoted, said)
    return (_name(cast, article.id, mention, at)
            or _by_role(mention, article.id, cast.resolved)
            or _definite(cast, article, mention, at, quoted)
            or _description(cast, article.id, mention, at))


def _name(cast: Cast, source: str, mention: str, at: int) -> str | None:
    """The entity the mention is or ends with: by its spelling, else by an entity span.

    A phrase after "of"/"from"/"at" modifies the head and is not the speaker:
    "Professor Michael Reisman of Yale" is Reisman, not Yale.
    """
    words = _undetermined(mention)
    capitalised = bool(words) and words[0][0].isupper()
    hit = cast.lookup.get(ent_names.key(" ".join(words))) if capitalised else None
    if hit is not None and hit.entity.type in _SPEAKER_TYPES:
        return hit.entity.name
    # the head ends the phrase: "Israeli Defense Minister Benny Gantz", not "Clinton campaign"
    for end in (at + len(" ".join(_head_words(mention.split()))), at + len(mention)):
        heads = [n for n in _inside(cast, source, at, end) if n.end == end]
        if heads:
            return heads[-1].name
    # last, the head word alone ("Minister Akar" -> Hulusi Akar), unless it is the surname
    # of several people of the story ("Blair": Tony Blair, Ian Blair)
    head = _head_words(words) if capitalised else []
    hit = cast.lookup.get(ent_names.key(head[-1])) if head else None
    if hit is not None and hit.entity.type in _SPEAKER_TYPES and \
            _people_called(cast, head[-1]) <= 1:
        return hit.entity.name
    return None


def _people_called(cast: Cast, surname: str) -> int:
    """How many people of the story have ``surname`` as the last word of their name."""
    key = ent_names.key(surname)
    return sum(1 for r in cast.resolved if r.entity.type == "PERSON"
               and ent_names.key(r.entity.name.split()[-1]) == key)


def _head_words(words: list[str]) -> list[str]:
    """The words before a post-modifying preposition ("of Yale", "from Ohio")."""
    for i, w in enumerate(words):
        if i and w in _POST_MODIFIERS:
            return words[:i]
    return words


def _inside(cast: Cast, source: str, start: int, end: int) -> list[Named]:
    return [n for n in cast.mentions.get(source, ()) if start <= n.start and n.end <= end]


def _undetermined(mention: str) -> list[str]:
    """The mention's words without leading determiners ("One source" -> ["source"])."""
    words = mention.split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    return words


def antecedent(cast: Cast, article: Article, sents: tuple[Sentence, ...], at: int,
               quoted: list[tuple[int, int]], said: tuple[Named, ...] = ()) -> str | None:
    """The person a "he"/"she" at ``at`` refers to: in the nearest sentence, up to ``at``,
    that names a person outside quotes (or whose subject is a description of one, "the
    judge"), the grammatical subject, else the first person named.

    The subject is the likeliest antecedent (centering: subject before object before the
    rest): in 'Noting that he had consulted Robert Rubin, Clinton told students ...' the
    next "he" is Clinton. A sentence that names one person is not parsed (no choice).
    """
    # A person in the news is introduced by full name at least once; a single word
    # tagged PERSON throughout is too often a mis-tagged place ("the capital, Lindau").
    people = sorted((n for n in (*cast.mentions.get(article.id, ()), *said)
                     if n.type == "PERSON" and " " in n.name and n.start < at
                     and not any(s <= n.start < e for s, e in quoted)), key=lambda n: n.start)
    for sent in sorted((s for s in sents if s.start <= at), key=lambda s: -s.start):
        named = [n for n in people if sent.start <= n.start < sent.end]
        if len(named) == 1:  # no choice to make: not parsed
            return named[0].name
        reporter = _reporter(sent, at)
        chosen = [n for n in named if reporter and reporter[0] <= n.start < reporter[1]]
        if chosen:  # the sentence names who said it: "he said" after it is that speaker
            return chosen[-1].name
        subject = _subject(sent, at)
        if named:
            chosen = [n for n in named if subject and subject[0] <= n.start < subject[1]]
            return (chosen or named)[0].name
        described = subject and _definite(cast, article, subject[2], subject[0], quoted,
                                          ("PERSON",))
        if described:
            return described
    return None


def _reporter(sent: Sentence, before: int) -> tuple[int, int] | None:
    """Article offsets of who an indirect-speech sentence says is speaking ("Gantz said the
    two countries ...", "..., his secretary, Edna Poehner, said Friday."), when it ends
    before ``before``; None for a sentence with quotation marks or no such attribution."""
    if any(mark in sent.text for mark in "“”\""):
        return None
    m = INDIRECT.search(sent.text) or REPORTED_BY.search(sent.text)
    if m is None or sent.start + m.end("spk") > before:
        return None
    return sent.start + m.start("spk"), sent.start + m.end("spk")


def _subject(sent: Sentence, before: int) -> tuple[int, int, str] | None:
    """The main clause's subject of ``sent`` (article offsets and its words), when it ends
    before ``before``; None when the parser finds none."""
    found = parse.main_subject(sent.text)
    if found is None:
        return None
    start, end = sent.start + found[0], sent.start + found[1]
    return (start, end, sent.text[found[0]:found[1]]) if end <= before else None


def _by_role(phrase: str, source: str, resolved: tuple[entities.Resolved, ...]) -> str | None:
    """The person whose role best shares the phrase's words; None if nobody or a tie."""
    words = {w[:4] for w in ent_names.fold(phrase).replace("’s", "").replace("'s", "").split()
             if len(w) > 3 and w not in _GENERIC_HEADS}
    if not words:
        return None
    scored = []
    for r in resolved:
        if r.entity.type != "PERSON" or not r.entity.role:
            continue
        role_words = {w[:4] for w in ent_names.fold(r.entity.role).replace("defence", "defense")
                      .split()}
        shared = len(words & role_words)
        if shared and any(s.source == source for s in r.spans):
            scored.append((shared, r.entity.name))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def _definite(cast: Cast, article: Article, mention: str, at: int,
              quoted: list[tuple[int, int]], types: tuple[str, ...] = _SPEAKER_TYPES
              ) -> str | None:
    """A definite description refers back: "the committee", "the former president", "the
    pope" name the nearest earlier person or organisation (outside quotes) whose name or
    title words just before it hold the description's head noun ("the Norwegian Nobel
    Committee", "former President Julius Nyerere", "Pope John Paul II"). An indefinite
    one ("a senior official") introduces someone new and names nobody here."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() != "the" or not _WORD.match(words[-1]) \
            or not words[-1].islower():
        return None
    head = words[-1]
    for n in reversed(cast.mentions.get(article.id, ())):
        if n.start >= at or n.type not in types or any(s <= n.start < e for s, e in quoted):
            continue
        before = article.text[max(0, n.start - _TITLE_REACH):n.start]
        title = _CLAUSE_END.split(before)[-1].split()[-_TITLE_WORDS:]  # not the last sentence's
        near = {w.strip(",.;:()").lower() for w in (*title, *article.text[n.start:n.end].split())}
        if head in near:
            return n.name
    return None


def _description(cast: Cast, source: str, mention: str, at: int) -> str | None:
    """A phrase headed by a common noun: "unnamed senior official" for "a senior official",
    or the phrase itself when a name of the story qualifies it ("the Clinton campaign"
    -> "Clinton campaign"); None for anything else."""
    words = _to_head(_undetermined(mention))
    if not words or not all(_WORD.match(w) and w.lower() not in FUNCTION_WORDS for w in words):
        return None
    head = words[-1]
    if not head.islower() or len(head) < 3:
        return None
    if _inside(cast, source, at, at + len(mention)):
        return " ".join(words)
    return " ".join([UNNAMED, *words])


def _to_head(words: list[str]) -> list[str]:
    """The phrase up to its last noun (part-of-speech tags): a description ends at its head,
    so a word the speaker pattern caught after it ("officials previously", "official
    according") is not part of who spoke. Words the tagger finds no noun in are kept."""
    phrase = " ".join(words)
    nouns = [t for t in parse.parse(phrase) if t.pos_ in ("NOUN", "PROPN")] if phrase else []
    return phrase[:nouns[-1].idx + len(nouns[-1].text)].split() if nouns else words


def person_at(cast: Cast, name: str | None, start: int | None, end: int | None) -> Named | None:
    """The mention ``[start, end)`` as a person of the story, when ``name`` is one."""
    hit = cast.lookup.get(ent_names.key(name)) if name else None
    if hit is None or hit.entity.type != "PERSON" or start is None or end is None:
        return None
    return Named(start, end, hit.entity.name, "PERSON")


def is_named(speaker: str | None) -> bool:
    """True for a name of the story, False for an unnamed label or no speaker."""
    return speaker is not None and not speaker.startswith(UNNAMED + " ")

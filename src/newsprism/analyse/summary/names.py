"""People introduced before the summary refers to them by surname.

A line taken from deep inside an article names a person the way that article does by
then, often by surname alone ("Bisek has asked a judge ..."): the article's reader met the
full name paragraphs earlier, the summary's reader did not. The *summary* decides whether
a person is new (first mention in full, later ones short: Nenkova & McKeown 2003): the
first line naming a person by surname alone gives the full name ("Callie Bisek has asked
..."), unless an earlier line of the summary already wrote it; the line keeps its
citations and its source wording goes to ``SummaryItem.rewritten_from``.

Only a full name the story confirms is put in, so that a misread name is never printed:
spaCy reads it as a PERSON in at least ``Options.summary_name_outlets`` sources ("Islamic
Virtue", a party, read as a person in one is not), it reads the surname alone as a PERSON
somewhere ("Orthodox Serbs" does not make "Serbs" a person), and the story gives that
surname one given name only ("Bill Clinton" and "Hillary Clinton" leave "Clinton" as it
is). When words of the budget are left, the title the line's source gave the person at
its first mention goes before the name ("Census Bureau Director Kenneth Prewitt").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from newsprism.analyse import ent_names
from newsprism.nlp import ner

_WORD = re.compile(r"\b([A-Z][a-z][\w-]*)(?:['’]s)?\b")
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
_PARTICLES = frozenset("de da di del der van von bin ibn al el le la".split())


class People:
    """The full names (and titles) of a story's people, as its sources confirm them."""

    def __init__(self, texts: Mapping[str, str], outlets: int) -> None:
        self.texts = dict(texts)
        forms: dict[str, dict[str, set[str]]] = {}  # surname: full form: sources tagging it
        alone: set[str] = set()  # surnames NER reads as a person on their own somewhere
        self.first: dict[tuple[str, str], int] = {}  # (source, surname): first mention
        for source, found in zip(self.texts, ner.mentions(list(self.texts.values()))):
            for m in found:
                name = _clean(m.text) if m.label == "PERSON" else ""
                if len(name.split()) == 1:
                    alone.add(name)
                if name:
                    surname = name.split()[-1]
                    forms.setdefault(surname, {}).setdefault(name, set()).add(source)
                    self.first.setdefault((source, surname), m.start)
        self.full: dict[str, str] = {}
        for surname, found in forms.items():
            names = [n for n in found if len(n.split()) > 1]
            if surname not in alone or len({n.split()[0] for n in names}) != 1:
                continue  # never a person alone, or two given names (two people, a misreading)
            confirmed = [n for n in names if len(found[n]) >= outlets]
            if confirmed:
                self.full[surname] = max(confirmed, key=lambda n: (len(n), n))

    def introduce(self, text: str, source: str, met: Set[str] = frozenset(), room: int = 0
                  ) -> tuple[str, tuple[str, ...], int]:
        """``text`` (a line of ``source``) with the first mention of each person not in
        ``met`` (full names) that gives the surname alone replaced by the full name the
        story confirms; with the title ``source`` gave that person at its first mention
        while the titles fit in ``room`` words. Returns the text, the full names put in
        and the words the titles took."""
        first: dict[str, re.Match] = {}
        for m in _WORD.finditer(text):
            full = self.full.get(m.group(1))
            if full and full not in met and full not in text and full not in first:
                first[full] = m
        put = [full for full, m in first.items() if _alone(text, m)]
        used = 0
        for full in sorted(put, key=lambda f: -first[f].start()):
            m = first[full]
            role = self._role(full, source)
            if role and used + len(role.split()) <= room:
                used += len(role.split())
                full = f"{role} {full}"
            text = text[:m.start(1)] + full + text[m.end(1):]
        return text, tuple(put), used

    def named(self, text: str) -> set[str]:
        """The full names ``text`` writes."""
        return {full for full in self.full.values() if full in text}

    def _role(self, full: str, source: str) -> str | None:
        """The title ``source`` wrote before its first mention of the person, if any."""
        start = self.first.get((source, full.split()[-1]))
        if start is None:
            return None
        role = ent_names.role_before(self.texts[source], start)
        return None if role is None or role.split()[-1] in full.split() else role


def _alone(text: str, m: re.Match) -> bool:
    """The word of ``m`` is a name of its own: no capitalised word right after it, and
    right before it none (a title, an honorific, a given name: "Mr. Ban", "Gov. Ryan")
    but one closing a phrase ("On Tuesday, Bisek ..."), and not "the <name> ..."."""
    if re.match(r"\s+[A-Z]", text[m.end():]):
        return False
    before = text[:m.start()].split()
    if not before:
        return True
    word = before[-1]
    if word.lower() in _PARTICLES:
        return False  # "de Klerk": a part of the name
    return (word[:1].islower() and word != "the") or word.endswith(",") or not word[:1].isalpha()


def _clean(name: str) -> str:
    """A PERSON mention as a name: no possessive, no stray punctuation, no leading title;
    "" when its words are not those of a name (NER slips: "He", lowercase words)."""
    name = re.sub(r"['’]s?$", "", name.strip()).strip(" ,.;:\"“”()")
    words = name.split()
    if not words or not all(_NAME_WORD.match(w) for w in words):
        return ""
    while len(words) > 1 and (ent_names.is_role_word(words[0]) or words[0] == "The"):
        words = words[1:]
    return " ".join(words)

"""People introduced at their first summary mention, the way their source introduced them.

A news article names a person in full once, with a role ("Kenyan Foreign Minister
Kalonzo Musyoka", "Kenneth Prewitt, the Census Bureau director,"), and then by surname
("Musyoka said ..."). A later sentence of that article, shown as a summary line, then
names someone the reader of the summary has never met. Following the reference
rewriting of Nenkova & McKeown (2003, "References to named entities: a corpus study"),
the first summary mention of such a person takes the source's own first mention: the
full name with the role words its parse attaches to it (premodifiers, or the noun the
name stands in apposition to), else with a short appositive after it. Later mentions
keep the surname. Everything put in is the source's own text, read from the sentences
before the line in the same article; the line keeps its citations and the summary item
its source wording (``rewritten_from``).

A person is someone spaCy's NER reads as PERSON in a full form of two to four
capitalised words whose last word the line uses alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyse.summary import features as F
from newsprism.model import Sentence
from newsprism.nlp import ner, parse

# Titles a line may put before the bare surname ("Mr. Ban said ..."): replaced with it.
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Sir|Judge)\.? )?"
_PARTICLES = frozenset("da de del der di dos du la le van von bin ibn al el".split())
# How role words attach to a name: "Kenyan(amod) Foreign(compound) Minister(compound)",
# "Mexico(poss) 's(case) finance minister", "the(det) chief".
_ROLE_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "nummod", "det", "punct",
                        "advmod"})
_MAX_ROLE = 7  # words of a role before the name ("Kenyan Foreign Minister")
_MAX_APPOSITIVE = 10  # words of an appositive after it (", a Canadian citizen ... ,")


@dataclass(frozen=True, slots=True)
class Introduction:
    """One person the line names by ``surname`` alone (written ``short`` there: "Musyoka",
    "Mr. Ban"), and the ways to introduce them, longest first: with the role the source
    gives ("Kenyan Foreign Minister Kalonzo Musyoka"), then the full name."""

    short: str
    forms: tuple[str, ...]
    surname: str


def introductions(text: str, earlier: list[Sentence], article: str | None = None,
                  known: frozenset[str] = frozenset()) -> tuple[Introduction, ...]:
    """The people ``text`` names by surname alone whom the earlier sentences of its source
    introduce in full; at most one per surname, in order of their place in ``text``.

    ``earlier``: the sentences of the article before the line, in order; ``article``: its
    text, whose stored entity mentions are then read instead of tagging those sentences;
    ``known``: words (as :func:`features.content_words` gives them) a reader of the story
    knows without introduction: a surname among them is left as it is ("Bush" in a story
    most outlets tell about him).
    """
    if not earlier:
        return ()
    names = _full_names(earlier, article)
    found: dict[str, Introduction] = {}
    for _, name in reversed(names):  # the nearest person of that surname before the line
        surname = name.split()[-1]
        if surname in found or name in text or F.content_words(surname) <= known:
            continue
        short = _bare(text, surname)
        if short is None:
            continue
        first = next(s for s, n in names if n == name)  # where the source introduced them
        possessive = text[_find(text, short) + len(short):].startswith("'s")
        role = _first_mention(first, name, possessive)
        found[surname] = Introduction(short, (role, name) if role != name else (name,), surname)
    return tuple(sorted(found.values(), key=lambda i: _find(text, i.short)))


def apply(text: str, written: str, form: str) -> str:
    """``text`` with its first ``written`` (a form of one person: "Varga", "Odile Varga")
    replaced by ``form`` (another of that person's forms)."""
    at = _find(text, written)
    if at < 0:
        return text
    end = at + len(written)
    if form.endswith(",") and text[end:end + 1] in ".,;:":
        form = form[:-1]  # ", the director," before a full stop or comma
    if form.startswith("The ") and at > 0:
        form = "t" + form[1:]  # the source's sentence opened with it; the line does not
    elif form.startswith("the ") and at == 0:
        form = "T" + form[1:]
    return text[:at] + form + text[end:]


def _find(text: str, written: str) -> int:
    """Where ``written`` stands as whole words in ``text`` ("Ban", not in "Banned"); -1."""
    m = re.search(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text)
    return m.start() if m else -1


def names_in(text: str) -> set[str]:
    """The capitalised words of ``text``: a surname among them is met (no introduction)."""
    return set(_NAME_WORD.findall(text))


_NAME_WORD = re.compile(r"\b[A-Z][\w-]*")


def _full_names(earlier: list[Sentence], article: str | None
                ) -> list[tuple[Sentence, str]]:
    """(sentence, full name) of every PERSON mention of two to four capitalised words in
    ``earlier``, first mention first."""
    if article is None:
        found = ner.mentions([s.text for s in earlier])
        spans = [[m.text for m in f if m.label == "PERSON"] for f in found]
    else:
        (whole,) = ner.mentions([article])
        spans = [[m.text for m in whole if m.label == "PERSON" and s.start <= m.start < s.end]
                 for s in earlier]
    return [(s, name) for s, names in zip(earlier, spans) for name in names if _is_full(name)]


def _is_full(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and words[-1][:1].isupper() and "'" not in name and all(
        w[:1].isupper() or w in _PARTICLES for w in words) and not any(
        ch.isdigit() for ch in name)


def _bare(text: str, surname: str) -> str | None:
    """How ``text`` names ``surname`` alone ("Musyoka", "Mr. Ban"), or None when it does
    not (absent, or part of a longer capitalised name)."""
    particle = rf"(?:(?:{'|'.join(sorted(_PARTICLES))}) )?"
    for m in re.finditer(rf"(?<![\w.-]){_TITLE}{particle}{re.escape(surname)}(?![\w-])", text):
        before = text[:m.start()].rstrip().split(" ")[-1:]
        after = text[m.end():].lstrip().split(" ")[:1]
        joined_before = before and before[0][:1].isupper() and m.start() > 0 \
            and text[m.start() - 1] == " " and not before[0].endswith((".", ",", '"'))
        joined_after = after and after[0][:1].isupper() and text[m.end():m.end() + 1] == " "
        if not (joined_before or joined_after):
            return m.group(0)
    return None


def _first_mention(sentence: Sentence, name: str, possessive: bool) -> str:
    """``name`` with the role its sentence gives it: the words its parse attaches before
    it, or the noun it stands in apposition to, else (not before a possessive) a short
    appositive after it; the bare name when there is none."""
    doc = parse.parse(sentence.text)
    at = sentence.text.find(name)
    span = doc.char_span(at, at + len(name), alignment_mode="expand")
    if span is None:
        return name
    head = span.root
    role = _premodifiers(doc, head, span.start) or _apposed_to(doc, head, span.start)
    if role:
        return f"{role} {name}"
    if possessive:
        return name
    appositive = _appositive(doc, head, span.end)
    return f"{name}, {appositive}," if appositive else name


def _premodifiers(doc, head, start: int) -> str:
    """Words before the name inside its own phrase ("Kenyan Foreign Minister")."""
    return _role(doc[head.left_edge.i:start])


def _apposed_to(doc, head, start: int) -> str:
    """"Mexico's finance minister, Guillermo Ortiz": the noun phrase the name renames."""
    if head.dep_ != "appos" or head.head.i >= start:
        return ""
    noun = head.head
    modifiers = doc[noun.left_edge.i:noun.i]
    if len(modifiers) and not _role(modifiers):
        return ""
    return _role(modifiers) + (" " if len(modifiers) else "") + noun.text if noun.pos_ in (
        "NOUN", "PROPN") else ""


def _role(words) -> str:
    """The role those words give, or "" when they are not one (a clause, a list, long)."""
    tokens = list(words)
    while tokens and tokens[0].dep_ == "det" and tokens[0].lower_ != "the":
        tokens = tokens[1:]  # "a Canadian citizen": "the" stays ("the minister's deputy")
    if not tokens or len(tokens) > _MAX_ROLE:
        return ""
    if any(t.dep_ not in _ROLE_DEPS or t.is_punct and t.text not in "-." for t in tokens):
        return ""  # a clause or a list, not a title ("said on Tuesday that ...")
    return "".join(t.text_with_ws for t in tokens).strip()


def _appositive(doc, head, end: int) -> str:
    """", a Canadian citizen convicted of murder in 1975," after the name: its words."""
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and doc[end].text == ",":
            last = child.right_edge.i + 1
            if last < len(doc) and doc[last].text == ")":
                last += 1  # the parser hangs a closing bracket on the name
            text = doc[child.left_edge.i:last].text
            if len(text.split()) <= _MAX_APPOSITIVE and not any(ch in text for ch in ",;\"“”") \
                    and text.count("(") == text.count(")"):  # "... Railways (VNR)"
                return text
    return ""

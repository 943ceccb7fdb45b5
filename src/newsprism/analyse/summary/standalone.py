"""Summary lines that stand alone: a reader knows who and what each line is about.

A sentence taken out of its article may lean on what came before it there:

* a **person pronoun** ("He said ...", "Her lawyer ...", '"...," she said.') names
  someone its source introduced earlier. When the nearest earlier sentences of that
  source name exactly one person (spaCy NER), the line names them instead ("Benny
  Gantz said ...", the longest form of the name the source used); the line keeps its
  citations and carries the source wording in ``SummaryItem.rewritten_from``. With no
  or several candidates the line is not chosen.
* another **pronoun or demonstrative** ("It", "They", "This", "Those") or a **definite
  description introduced earlier** ("The yacht was halfway across Bass Strait ...",
  "The embassy had no comment.") has no name to put in. The line leans on the source
  sentence that introduced it (the previous sentence, or the nearest earlier one using
  the same noun): it may only be chosen together with that sentence's fact, and is
  then shown right after the line of that fact, so nothing else comes between the line
  and what it refers to.

A lead sentence (the first of its article) never leans on anything.

Beyond these cases, whether a line reads alone is a learned decision (:func:`stands_alone`
over :data:`CUES`: position, pronouns, connectives, "the x" and "this x" without a
referent, a surname given in full earlier, central words, names, quotes, numbers): the
summary keeps out a line whose probability is below ``Options.summary_alone_min``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources

from newsprism.analyse.summary import features as F
from newsprism.analyse.summary.introduce import Introduction, apply, introductions
from newsprism.model import Sentence
from newsprism.nlp import ner, parse

# "He" / "She" / "His" / "Her" as the subject: at the start, after a connective ("But he
# ...") or after a short opening phrase ("On Saturday, he ..."); "he said" after a quotation.
_PERSON_OPENER = re.compile(r"^(?:(?:But|And|Yet|So|Still|Also|Later|Then) "
                            r"|[A-Z][^,\"“]{0,60}, )?(He|She|His|Her|he|she|his|her)\b")
_PERSON_SAID = re.compile(r"(?<=[,\"”’'] )(he|she)(?= (?:said|says|added|told|explained"
                          r"|noted|wrote|insisted|warned|replied)\b)")
_OTHER_OPENER = re.compile(r"^(?:(?:But|And|Yet|So|Still|Also) (?:it|its|they|their|this|these"
                           r"|those)\b|It|Its|They|Their|Them|This|That|These|Those|Such|Both"
                           r"|The (?:same|latter|former|other)|Another|In (?:response|contrast"
                           r"|addition|all|turn)\b|Instead|Meanwhile)\b")
# "This week", "That night": a time, not a reference.
_TIME_AFTER = re.compile(r"^(?:This|That|These|Those) (?:week|weekend|year|month|morning"
                         r"|afternoon|evening|night|day|time|summer|spring|autumn|fall"
                         r"|winter|season|decade|century)s?\b")
_NOUN_WORDS = 3  # words of a definite description read after "The" (to the first stop word)
_LOOKBACK = 3  # earlier sentences searched for the person a pronoun names


@dataclass(frozen=True, slots=True)
class Reading:
    """How a candidate line reads on its own.

    ``text`` is the line as shown; ``original`` the source wording when ``text`` names
    a pronoun's person the source left implicit (``named``) or names in full someone the
    source gave by surname alone (``introduced``, :mod:`.introduce`; ``plain`` is the
    line without those); ``leans_on`` the earlier source sentence that must be shown
    directly before the line (None: the line stands alone).
    """

    text: str
    original: str | None = None
    leans_on: Sentence | None = None
    named: bool = False  # a person pronoun was replaced by the name
    introduced: tuple[Introduction, ...] = ()  # people named as their source introduced them
    plain: str | None = None  # the line before ``introduced`` were named in full


def read_alone(text: str, earlier: list[Sentence],
               central: frozenset[str] = frozenset(),
               article: str | None = None) -> Reading | None:
    """How ``text`` (a trim of a source sentence) can be shown alone; None when it cannot.

    ``earlier`` are the sentences of the same article before that sentence, in order;
    ``central`` the story's central words (:func:`central_words`): "The plane ..." in a
    story every outlet tells about a plane is about the story's plane, and stands alone.
    ``article`` is that article's text when known: its entity mentions (cached and stored
    per article) are then read instead of tagging the earlier sentences again.
    """
    if needs_a_name(text):
        named = name_the_person(text, earlier, article)
        if named is None:
            return None
        return _introduce(Reading(named, original=text, named=True), earlier, article, central)
    if _OTHER_OPENER.match(text) and not _TIME_AFTER.match(text):
        return Reading(text, leans_on=earlier[-1]) if earlier else None
    antecedent = _introduced_before(text, earlier, central)
    return _introduce(Reading(text, leans_on=antecedent), earlier, article, central)


def _introduce(reading: Reading, earlier: list[Sentence], article: str | None,
               central: frozenset[str]) -> Reading:
    """``reading`` with the people it names by surname alone whom its source introduced
    named in full (the summary adds their role where its word budget has room, and puts
    the surname back where an earlier line names them)."""
    people = introductions(reading.text, earlier, article, central)
    if not people:
        return reading
    text = reading.text
    for person in people:
        text = apply(text, person.short, person.forms[-1])
    return Reading(text, original=reading.original or reading.text, leans_on=reading.leans_on,
                   named=reading.named, introduced=people, plain=reading.text)


# --- the learned decision -----------------------------------------------------------------
# Cues a reader uses to tell whether a line says who and what it is about. The logistic
# model over them (coefficients in ``alone.json``, fitted by ``benchmarks/fit_standalone.py``
# on the tune half of the trust benchmark's hand labels) replaces a rule per case.
CUES = (
    "lead",  # the first sentence of its article
    "position",  # sentence index / 20, at most 1
    "pronoun_subject",  # a pronoun, demonstrative or "the same/other" opens the line
    "pronoun_inside",  # a third-person pronoun anywhere in it
    "connective",  # opens with a connective that leans on what came before
    "definite_first",  # opens with "The x" (a common noun): which x is left to the context
    "definite_back",  # a "the X" whose X is not central and its source used before the line
    "definite_other",  # further "the X" with X not central (count / 3, at most 1)
    "demonstrative",  # "this/that/these/those/such X" (not a time: "this week")
    "short_name",  # a name its source gave in full earlier, here by the surname alone
    "names",  # share of its words (after the first) that are capitalised
    "central",  # share of its content words that are central to the story
    "quote",  # share of its characters inside quotation marks
    "length",  # words / 30, at most 2
    "digit",  # holds a number
    "anaphoric_time",  # "then", "at the time", "last month": a time fixed elsewhere
)
_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|they|them|their|it|its)\b", re.I)
_DEFINITE = re.compile(r"\b[Tt]he ((?:[a-z][a-z-]+ ?){1,3})")
_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]uch) ([a-z][a-z-]+)")
_TIMES = frozenset("week weekend year month morning afternoon evening night day time summer "
                   "spring autumn fall winter season decade century".split())
_ANAPHORIC_TIME = re.compile(r"\b(?:then|at the time|last (?:week|month|year)|that (?:day|night)"
                             r"|the (?:next|following|previous) (?:day|week|month)|earlier|later)\b",
                             re.I)
_CONNECTIVE = re.compile(r"^(?:But|And|Yet|So|Still|Also|However|Meanwhile|Instead|Then|Earlier"
                         r"|Later|Moreover|Furthermore|Separately|Besides|Nevertheless|Again"
                         r"|Among|Through|Because|Of|Two of|Many of|Most of|Some of|Both)\b")
_CAPITAL = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def cues(text: str, earlier: list[Sentence], central: frozenset[str]) -> tuple[float, ...]:
    """The :data:`CUES` of ``text`` (a trim of a source sentence) whose source sentences
    before it are ``earlier``; ``central`` as :func:`central_words` gives them."""
    words = text.split()
    before = set().union(*(F.content_words(s.text) for s in earlier)) if earlier else set()
    definite = [F.content_words(m.group(1)) for m in _DEFINITE.finditer(text)]
    loose = [nouns for nouns in definite if nouns and not nouns & central]
    opens_the = words[0] == "The" and bool(loose) and loose[0] is definite[0]
    demonstrative = [m for m in _DEMONSTRATIVE.finditer(text) if m.group(1) not in _TIMES]
    content = F.content_words(text)
    opener = bool(_OTHER_OPENER.match(text)) and not _TIME_AFTER.match(text)
    return (
        float(not earlier),
        min(len(earlier), 20) / 20,
        float(opener or needs_a_name(text)),
        float(bool(_PRONOUN.search(text))),
        float(bool(_CONNECTIVE.match(text))),
        float(words[0] == "The" and len(words) > 1 and words[1][:1].islower()),
        float(any(nouns & before for nouns in loose)),
        min(len(loose) - opens_the, 3) / 3,
        float(bool(demonstrative)),
        float(_short_name(text, earlier)),
        sum(w[0].isupper() for w in words[1:]) / max(len(words) - 1, 1),
        len(content & central) / max(len(content), 1),
        sum(len(q) for q in _QUOTED.findall(text)) / max(len(text), 1),
        min(len(words) / 30, 2.0),
        float(any(ch.isdigit() for ch in text)),
        float(bool(_ANAPHORIC_TIME.search(text))),
    )


def referents(text: str) -> frozenset[str]:
    """What the opening words of ``text`` refer back to, as content words a line before it
    could supply: the noun of "The x ..." / "This x ...", or "<person>" for a person
    pronoun ("He ...", "Her ..."). Empty when the line opens otherwise."""
    if needs_a_name(text):
        return frozenset({"<person>"})
    m = re.match(r"(?:The|This|That|These|Those|Such) ((?:[a-z][a-z-]+ ?){1,3})", text)
    return frozenset(F.content_words(m.group(1))) if m else frozenset()


def misread_after(text: str, previous: str) -> bool:
    """Shown right after ``previous``, the opening reference of ``text`` would be read as
    something ``previous`` names: "The team won ..." after a line about another team."""
    wanted = referents(text)
    if "<person>" in wanted:
        return bool(re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", previous))
    return bool(wanted & F.content_words(previous))


def _short_name(text: str, earlier: list[Sentence]) -> bool:
    """A capitalised word the source earlier wrote after another capitalised word (a full
    name: "Aaron McKinney") stands here without it ("McKinney said ...")."""
    full = {m.group(2) for s in earlier
            for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", s.text)}
    for m in _CAPITAL.finditer(text):
        word = m.group(1)
        head = text[:m.start()].rstrip().split(" ")[-1:]
        if word in full and not (head and head[0][:1].isupper()):
            return True
    return False


def stands_alone(row: tuple[float, ...]) -> float:
    """The learned probability that a line with these :data:`CUES` reads alone."""
    model = _model()
    z = model["intercept"] + sum(model["coefficients"][name] * (v - model["mean"][name])
                                 / model["scale"][name] for name, v in zip(CUES, row))
    return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    raw = resources.files("newsprism.analyse.summary").joinpath("alone.json").read_text("utf-8")
    return json.loads(raw)


def central_words(sentences: list[Sentence], share: float) -> frozenset[str]:
    """Content words used by at least ``share`` of the story's outlets (and by two)."""
    outlets: dict[str, set[str]] = {}
    for s in sentences:
        for w in F.content_words(s.text):
            outlets.setdefault(w, set()).add(s.source)
    n = len({s.source for s in sentences})
    return frozenset(w for w, used in outlets.items() if len(used) >= max(2, share * n))


def needs_a_name(text: str) -> bool:
    """A person pronoun is the subject ("He said ...", '"...," she said'): shown alone, the
    line does not say who."""
    return bool(_PERSON_OPENER.match(text) or _PERSON_SAID.search(text))


def name_the_person(text: str, earlier: list[Sentence], article: str | None = None
                    ) -> str | None:
    """``text`` with its person-pronoun subject ("He said ...", '"...," she said') replaced
    by the one person the nearest earlier sentences of its source name (as fully as the
    source names them); None when it has no such pronoun or there is no single person.

    The summary and the timeline show a sentence out of its article; both name the person
    this way (``earlier``: the sentences of the article before it; ``article``: its text,
    whose stored entity mentions are then read)."""
    opener = _PERSON_OPENER.match(text)
    said = None if opener else _PERSON_SAID.search(text)
    if not (opener or said):
        return None
    name = _person_before(earlier, article)
    return None if name is None else _name_person(text, name, opener, said)


def _name_person(text: str, name: str, opener: re.Match | None, said: re.Match | None) -> str:
    if opener:
        possessive = opener.group(1).lower() in ("his", "her")
        return text[:opener.start(1)] + (f"{name}'s" if possessive else name) \
            + text[opener.end(1):]
    assert said is not None
    return text[:said.start()] + name + text[said.end():]


def _person_before(earlier: list[Sentence], article: str | None = None) -> str | None:
    """The one person the nearest earlier sentences name, as fully as the article names
    them: in the nearest sentence naming people, the only one, or the one its main
    clause's subject names when it names several (centering: '"...," Gantz told the news
    conference with Akar. He said ...' is Gantz); None when none does or the subject
    names nobody of them."""
    if not earlier:
        return None
    if article is None:
        found = ner.mentions([s.text for s in earlier])
        people = [[(m.text, m.start) for m in f if m.label == "PERSON"] for f in found]
    else:
        (whole,) = ner.mentions([article])
        people = [[(m.text, m.start - s.start) for m in whole
                   if m.label == "PERSON" and s.start <= m.start < s.end] for s in earlier]
    for sent, named in reversed(list(zip(earlier, people))[-_LOOKBACK:]):
        if len({_surname(n) for n, _ in named}) > 1:
            subject = parse.main_subject(sent.text)
            named = [(n, at) for n, at in named if subject and subject[0] <= at < subject[1]]
            if len({_surname(n) for n, _ in named}) != 1:
                return None
        if named:
            surname = _surname(named[0][0])
            forms = [n for ns in people for n, _ in ns if _surname(n) == surname]
            return max(forms, key=lambda n: (len(n.split()), -forms.index(n)))
    return None


def _surname(name: str) -> str:
    return name.replace("'s", "").split()[-1].strip(".,")


def _introduced_before(text: str, earlier: list[Sentence], central: frozenset[str]
                       ) -> Sentence | None:
    """The nearest earlier sentence using the noun of an opening definite description
    ("The yacht ..."), or None when the line opens otherwise, the noun is new, or it is
    one of the story's central words."""
    words = text.split()
    if words[0] != "The":
        return None
    description = []
    for w in words[1:1 + _NOUN_WORDS]:
        if not (w[0].islower() or w[0].isdigit()) or w.lower().strip(",.;:") in F.STOP:
            break
        description.append(w)
    nouns = {w for w in F.content_words(" ".join(description)) if not w.isdigit()}
    if not nouns or nouns & central:
        return None
    for s in reversed(earlier):
        if nouns & F.content_words(s.text):
            return s
    return None

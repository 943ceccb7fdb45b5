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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyse.summary import features as F
from newsprism.model import Sentence
from newsprism.nlp import ner

# "He" / "She" / "His" / "Her" as the subject: at the start, after a connective ("But he
# ...") or after a short opening phrase ("On Saturday, he ..."); "he said" after a quotation.
_PERSON_OPENER = re.compile(r"^(?:(?:But|And|Yet|So|Still|Also|Later|Then) "
                            r"|[A-Z][^,\"“]{0,30}, )?(He|She|His|Her|he|she|his|her)\b")
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
    a referent the source left implicit; ``leans_on`` the earlier source sentence that
    must be shown directly before the line (None: the line stands alone).
    """

    text: str
    original: str | None = None
    leans_on: Sentence | None = None


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
    opener = _PERSON_OPENER.match(text)
    said = None if opener else _PERSON_SAID.search(text)
    if opener or said:
        name = _person_before(earlier, article)
        if name is None:
            return None
        return Reading(_name_person(text, name, opener, said), original=text)
    if _OTHER_OPENER.match(text) and not _TIME_AFTER.match(text):
        return Reading(text, leans_on=earlier[-1]) if earlier else None
    antecedent = _introduced_before(text, earlier, central)
    return Reading(text, leans_on=antecedent)


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


def _name_person(text: str, name: str, opener: re.Match | None, said: re.Match | None) -> str:
    if opener:
        possessive = opener.group(1).lower() in ("his", "her")
        return text[:opener.start(1)] + (f"{name}'s" if possessive else name) \
            + text[opener.end(1):]
    assert said is not None
    return text[:said.start()] + name + text[said.end():]


def _person_before(earlier: list[Sentence], article: str | None = None) -> str | None:
    """The one person the nearest earlier sentences name, as fully as the article names
    them; None when the nearest sentence naming people names several, or none does."""
    if not earlier:
        return None
    if article is None:
        found = ner.mentions([s.text for s in earlier])
        people = [[m.text for m in f if m.label == "PERSON"] for f in found]
    else:
        (whole,) = ner.mentions([article])
        people = [[m.text for m in whole if m.label == "PERSON" and s.start <= m.start < s.end]
                  for s in earlier]
    for names in reversed(people[-_LOOKBACK:]):
        surnames = {_surname(n) for n in names}
        if len(surnames) > 1:
            return None
        if surnames:
            (surname,) = surnames
            forms = [n for ns in people for n in ns if _surname(n) == surname]
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

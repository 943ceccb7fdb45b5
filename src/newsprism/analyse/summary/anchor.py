"""A definite description anchored the way its source anchored it.

"The team won three gold medals ..." out of its article does not say whose team; the
article said it earlier: "China's swim team". A summary line that opens with a
definite description ("The team", "The company", "The cold front") whose noun its
source used before with an anchor (a proper name or possessor among its modifiers:
"China's swim team", "the British phone company", "the Texas governor") is shown with
those modifiers ("China's swim team won ..."), at the summary's first mention of that
noun and where the word budget has room, as people are introduced (:mod:`.introduce`).
Everything put in is the source's own words from the sentences before the line; when
those sentences anchor the noun in two different ways (two teams), nothing is.
"""

from __future__ import annotations

from typing import Any

from newsprism.analyse.summary import features as F
from newsprism.analyse.summary.introduce import Introduction
from newsprism.model import Sentence
from newsprism.nlp import parse

# Modifiers that stay inside the noun phrase: "China('s)(poss) swim(compound) team",
# "the(det) British(amod) phone(compound) company".
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "det"})
_MAX_MODIFIERS = 5


def anchored(text: str, earlier: list[Sentence]) -> Introduction | None:
    """The anchored form of the definite description ``text`` opens with, read from the
    nearest earlier sentences of its source (``earlier``, in order) that use its noun
    with a proper name or possessor before it; None when the line opens otherwise, the
    source never anchors the noun, or anchors it in two different ways."""
    if not text.startswith("The ") or not earlier:
        return None
    line = parse.parse(text)
    noun = _opening_noun(line)
    if noun is None:
        return None
    written = line[:noun.i + 1].text
    own = {t.lower_ for t in line[1:noun.i]}
    forms = set()
    for sentence in earlier:
        if noun.lower_ not in sentence.text.lower():
            continue
        doc = parse.parse(sentence.text)
        for token in doc:
            if token.lower_ == noun.lower_ and token.pos_ in ("NOUN", "PROPN"):
                form = _anchored_form(doc, token)
                if form and own <= {w.lower() for w in form.split()}:
                    forms.add(form)
    if len(forms) != 1:
        return None
    (form,) = forms
    if form.lower() == written.lower():
        return None
    return Introduction(written, (form, written), "".join(F.content_words(noun.text)))


def _opening_noun(line) -> Any:
    """The head noun of the line's opening "The ..." phrase when it is a common noun and
    the subject of the main clause."""
    first = line[0]
    head = first.head
    if first.dep_ != "det" or head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(t.dep_ not in _MODIFIER_DEPS for t in line[1:head.i]):
        return None
    return head


def _anchored_form(doc, noun) -> str | None:
    """The noun with the modifiers before it, when one of them is a proper name: "China's
    swim team", "the British phone company"; None otherwise."""
    modifiers = list(doc[noun.left_edge.i:noun.i])
    while modifiers and modifiers[0].dep_ == "det":
        modifiers = modifiers[1:]  # "the British phone company": the line has its own
    if not modifiers or len(modifiers) > _MAX_MODIFIERS:
        return None
    if any(t.dep_ not in _MODIFIER_DEPS or t.is_punct for t in modifiers):
        return None
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in modifiers):
        return None
    words = doc[modifiers[0].i:noun.i + 1].text
    return words if any(t.dep_ == "case" for t in modifiers) else f"the {words}"

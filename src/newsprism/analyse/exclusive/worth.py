"""Is a single-outlet sentence worth showing as a fact only that outlet reports?

Not when it would not read as a statement (the summary's own test of a complete
sentence: no headline, question, quotation piece or quotation without a speaker), when
it opens with a word that needs what came before ("He", "It", "But") or has a person
pronoun as its speaker ('..., he said.'), when it is mostly
a quotation (a quote, however colourful, belongs to the quotes section; what is left
outside the quotation marks is then just "replied a launch controller"), or when it is
a reaction without content: condolences, praise or condemnation carrying no figure (the
tune-half labels hold too few of these for the learned model to see them). Whether any
other readable sentence is worth a reader's time is the learned decision of
:mod:`.newsworthy`.
"""

from __future__ import annotations

import re

from newsprism.analyse import summary
from newsprism.analyse.summary import learned
from newsprism.analyse.summary.standalone import needs_a_name
from newsprism.config import Options

_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")
# A quotation, then only who said it: '"Amen," replied a launch controller at the centre.'
_QUOTE_THEN_SPEAKER = re.compile(
    r"^[\"“][^\"“”]+[\"”],?\s+(?:[\w.'’-]+\s+){0,8}?(?:said|says|replied|added|told|asked"
    r"|shouted|cried|recalled|insisted|explained|wrote|joked|quipped)\b[^\"“”]*$")
_REACTION = re.compile(
    r"\b(?:condolences?|sympath(?:y|ies|ized|ised)|saddened|shocked|grief|griev\w*|mourn\w*"
    r"|prayers?|praised|welcomed|condemned|deplored|hailed|applauded|congratulat\w*"
    r"|tributes?|outraged|thanked|regrets?)\b", re.IGNORECASE)


def worth_showing(text: str, options: Options) -> bool:
    """``text`` is a complete, self-standing statement of content (see the module notes)."""
    text = text.strip()
    if not summary.readable(text, options) or learned.OPENER.match(text) \
            or needs_a_name(text):
        return False
    words = len(text.split())
    quoted = sum(len(q.split()) for q in _QUOTED.findall(text))
    if quoted >= options.exclusive_quote_share * words or _QUOTE_THEN_SPEAKER.match(text):
        return False
    return not (_REACTION.search(text) and not any(ch.isdigit() for ch in text))

"""Name normalisation for entity merging: diacritic folding, a curated alias table, roles.

The alias table is deliberately small and curated: country renamings and common
exonyms where outlets disagree on spelling, each mapped to the name most English
outlets use. Adding an entry changes merging for every story, so keep it to
names that cannot mean anything else.
"""

from __future__ import annotations

import re

from newsprism.nlp.text import fold  # noqa: F401 (part of this module's surface)

# folded key -> canonical display name
ALIASES: dict[str, str] = {
    "turkiye": "Turkey",
    "republic of turkiye": "Turkey",
    "burma": "Myanmar",
    "czechia": "Czech Republic",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
    "kiev": "Kyiv",
    "swaziland": "Eswatini",
    "cape verde": "Cabo Verde",
    "east timor": "Timor-Leste",
    "ivory coast": "Côte d'Ivoire",
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "tel-aviv": "Tel Aviv",
    "persia": "Iran",
}

# Given-name pairs that name the same person; prefixes ("Ben"/"Benny"/"Benjamin")
# are caught by :func:`compatible_given` without a table.
_NICKNAMES = {
    frozenset(("bibi", "benjamin")), frozenset(("bill", "william")),
    frozenset(("bob", "robert")), frozenset(("dick", "richard")),
    frozenset(("jim", "james")), frozenset(("mike", "michael")),
    frozenset(("tony", "anthony")), frozenset(("liz", "elizabeth")),
    frozenset(("peggy", "margaret")), frozenset(("ted", "edward")),
    frozenset(("jack", "john")), frozenset(("chuck", "charles")),
    frozenset(("tom", "thomas")), frozenset(("joe", "joseph")), frozenset(("ed", "edward")),
    frozenset(("ned", "edward")), frozenset(("harry", "henry")), frozenset(("sue", "susan")),
    frozenset(("betty", "elizabeth")), frozenset(("beth", "elizabeth")),
    frozenset(("sally", "sarah")), frozenset(("molly", "mary")), frozenset(("kate", "catherine")),
    frozenset(("larry", "lawrence")), frozenset(("jerry", "gerald")),
    frozenset(("gene", "eugene")), frozenset(("sasha", "alexander")),
    frozenset(("misha", "mikhail")),
}

_ROLE_NOUNS = (
    r"(?:Prime\s+)?Minister|President|Vice[\s-]President|Secretary(?:[\s-]General)?|Chancellor|"
    r"King|Queen|Prince|Princess|Senator|Sen\.|Rep\.|Representative|Governor|Gov\.|Mayor|"
    r"Ambassador|General|Gen\.|Chief(?:\s+of\s+Staff)?|Director|CEO|Chairman|Chairwoman|Chair|"
    r"Speaker|Leader|Spokesman|Spokeswoman|Spokesperson|Judge|Justice|Pope|Commissioner|Envoy|"
    r"Premier|Admiral|Colonel|Col\.|Sheikh|Emir|Sultan|Crown\s+Prince|Attorney\s+General|Dr\.?"
)
_ROLE_BEFORE = re.compile(
    rf"((?:[A-Z][\w’'.-]*\s+(?:(?:of|and|for)\s+(?:the\s+)?)?){{0,4}}(?:{_ROLE_NOUNS}))\s+$"
)
_ROLE_WORD = re.compile(rf"^(?:{_ROLE_NOUNS})$")
_POSSESSIVE = re.compile(r"[’']s?$")
_SPACES = re.compile(r"\s+")


def surface(text: str) -> str:
    """A mention as shown to users: no possessive, no leading article, single spaces."""
    text = _SPACES.sub(" ", text.strip())
    if text.count("(") > text.count(")"):  # "Vastorian National Railways (VNR"
        text = text[: text.rfind("(")].strip()
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return text.strip(" ,.;:-–—\"“”")


# Courtesy titles: part of how a person is addressed, not of the name ("Mrs. Ciller").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir",
                         "dame", "madame", "mme", "mme."})
# Lower-case words that belong inside a name ("F.W. de Klerk", "Lula da Silva").
PARTICLES = frozenset({"de", "da", "das", "dos", "van", "von", "der", "den", "del", "della",
                        "di", "du", "la", "le", "al", "el", "bin", "ibn", "ter", "ten", "y"})
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Madame|Mme)\.?\s+$")


def strip_name(text: str) -> str:
    """A shown mention without what NER glued to the front of the name.

    Drops courtesy titles and lower-case words before it ("Mrs. Ciller", "said
    Evans" -> "Ciller", "Evans") and a doubled word ("Arafat Arafat"); particles
    inside a name stay ("de Klerk").
    """
    words = text.split(" ")
    while len(words) > 1 and (words[0].lower() in _HONORIFICS
                              or (words[0].islower() and words[0] not in PARTICLES)):
        words = words[1:]
    if len(words) == 2 and words[0] == words[1]:
        words = words[:1]
    return " ".join(words)


def honorific_before(text: str, start: int) -> bool:
    """Whether a courtesy title ("Mr.", "Mrs", "Dr.") is written right before ``start``."""
    return bool(_HONORIFIC_BEFORE.search(text, max(0, start - 8), start))


def key(text: str) -> str:
    """The merge key of a mention: folded, de-hyphenated, through the alias table."""
    folded = fold(strip_name(surface(text)))
    if _DOTTED.match(folded):  # "A.N.C." is "ANC", "U.K." is "UK"
        folded = folded.replace(".", "")
    canonical = ALIASES.get(folded)
    if canonical is not None:
        return fold(canonical)
    folded = _CORPORATE.sub("", folded)  # "Microsoft Corp." is Microsoft
    folded = folded.replace("'", "").replace("’", "")  # "King's Cross" is "Kings Cross"
    return _SPACES.sub(" ", folded.replace("-", " ")).strip()


_DOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]?\.?$")
_CORPORATE = re.compile(r"(?<=\w) (?:corp|corporation|inc|co|ltd|plc|llc)\.?$")


def canonical_name(text: str) -> str | None:
    """The alias table's name for ``text``, or None when the table does not know it."""
    return ALIASES.get(fold(surface(text)))


def compatible_given(a: list[str], b: list[str]) -> bool:
    """Whether two given-name token lists can name the same person ("Benny" ~ "Benjamin")."""
    if not a or not b or set(a) <= set(b) or set(b) <= set(a):
        return True
    x, y = a[0], b[0]
    if frozenset((x, y)) in _NICKNAMES:
        return True
    # Diminutives share the first three letters (Ben/Benny/Benjamin, Alex/Alexander).
    return len(x) >= 3 and len(y) >= 3 and x[:3] == y[:3]


def role_before(text: str, start: int) -> str | None:
    """A title written right before a name ("Israeli Defense Minister" in "... Benny Gantz")."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _ROLE_BEFORE.search(text, max(line_start, start - 80), start)
    if not m:
        return None
    role = m.group(1).strip()
    return role if not role.startswith(("The ", "A ")) else role.split(" ", 1)[1]


def is_role_word(word: str) -> bool:
    """True for a bare title word ("Minister"), which NER sometimes mistakes for a name part."""
    return bool(_ROLE_WORD.match(word))


def role_core(role: str) -> str:
    """The title without nationality adjectives, spelling-folded, for comparing roles."""
    words = [w for w in fold(role).replace("defence", "defense").split()
             if not w.endswith(("ish", "ian", "eli", "ese", "an", "i")) or w in _KEEP_CORE]
    return " ".join(words)


_KEEP_CORE = {"foreign", "defense", "prime", "president", "chairman", "chairwoman", "ambassador",
              "finance", "health", "interior", "justice", "education", "chief", "general",
              "minister", "secretary", "senator", "governor", "mayor", "premier", "leader"}

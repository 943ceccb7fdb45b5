"""Boilerplate paragraphs: links to other stories, captions, credits, furniture, contributors.

Rules describe *kinds* of page furniture (a cue word plus a shape: short,
no final punctuation, a separator after the cue, all capitals, title case)
rather than any site's exact strings, so they carry over to unseen outlets.
Cue words come in English and in the languages most present in the news we
are evaluated on (German, Spanish, French, Portuguese, Italian, Polish,
Dutch): each language's stock phrases for the same kinds, so a page's
language does not decide whether its "Lesen Sie auch" or "Foto:" is seen.
Every rule is written to leave a real news sentence alone: a sentence that
merely starts with "Related" or mentions a photo ends with a full stop and has
more words than furniture ever does, and the shape checks look at that.

:func:`classify` only labels a paragraph; the caller removes it and records
the label, so nothing disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Removed

# Furniture lines are short. A paragraph longer than this many words is never
# taken for a link, share bar or heading, whatever words it starts with.
MAX_FURNITURE_WORDS = 25
# Headline-shaped lines after a "Related:"-style cue are other stories' titles.
MAX_HEADLINE_WORDS = 20
# Title-case lines (most words capitalised, no final punctuation) of at least
# this many words read as headlines of other stories or section headings.
MIN_TITLECASE_WORDS = 4
TITLECASE_SHARE = 0.8
# A line of at most this many words with no final punctuation is a heading,
# a label or a button, not a sentence.
MAX_LABEL_WORDS = 3

_END_PUNCT = ".!?…\"”’'»)。！？」』）"
# A label (heading, button) is short in characters as well as in words: this
# keeps unspaced scripts (Chinese, Japanese), where one "word" is a sentence.
MAX_LABEL_CHARS = 30
_LIST_ITEM = re.compile(r"^[-•·*–]\s")
_TABLE_ROW = re.compile(r"^\|.*\|$")
# After a cue: a separator, or the end of the line (a question mark may close it:
# "Schon gelesen?" is the German "Already read?" heading a list of links).
_SEP = r"\s*(?:[:|»›>\-–—]+|[?!]?$)"

# "Read also" in each language: strong enough to mark a link without a separator
# when the rest is headline-shaped ("READ MORE Turkey and Israel want to improve ties").
_READ_ALSO = (
    r"also read|read also|read more|see also|related|recommended"
    r"|lesen sie (?:auch|mehr)|lies auch|auch interessant|das könnte sie (?:auch )?interessieren"
    r"|schon gelesen|lee también|lea también|le puede interesar|te puede interesar"
    r"|(?:à )?lire aussi|à lire également|voir aussi|leia também|veja também|leggi anche"
    r"|(?:prze)?czytaj (?:także|też|również)|zobacz (?:także|też|również)"
    r"|lees ook"
)
# Names of link sections and link buttons: a link only with a separator or alone.
_LINK_SECTION = (
    r"more reading|further reading|also see"
    r"|related(?: stories| articles| news| coverage| content| links?| topics?)?"
    r"|recommended(?: for you| stories| articles| reading)?|you (?:may|might) also like"
    r"|more (?:from|on this|stories|news|on)\b[^:]{0,40}|most (?:read|popular|viewed)"
    r"|trending(?: now| stories)?|must read|don'?t miss|editor'?s picks?|top stories"
    r"|watch|listen|video|read|more|previous|next|suggested|in (?:other|related) news"
    r"|mehr zum thema|weitere (?:artikel|beiträge|themen|nachrichten|meldungen)"
    r"|(?:verwandte|ähnliche|empfohlene) (?:artikel|beiträge|themen)|meistgelesen\w*"
    r"|weiterlesen|(?:nächster|vorheriger) artikel|vorschau auf den nächsten artikel"
    r"|(?:contenidos?|noticias|artículos|notas|temas) relacionad[oa]s|lo más (?:leído|visto)"
    r"|sigue leyendo|leer más|sur le même sujet|articles? (?:similaires|liés)|les plus lus"
    r"|notícias relacionadas|mais lidas|articoli correlati|i più letti|podobne artykuły"
    r"|najczęściej czytane|polecamy"
)
_LINK_CUE = re.compile(rf"^\W*(?:{_READ_ALSO}|{_LINK_SECTION}){_SEP}", re.IGNORECASE)
_LINK_CUE_LOOSE = re.compile(rf"^\W*(?:{_READ_ALSO})\b", re.IGNORECASE)
# A "read also" cue and a few words closed by a colon introduce a list of links
# ("Read also the following reports:"); longer lines with a colon are prose. Set by
# hand: a cue (up to 4 words) and a short object fit in 8; checked on the tune half.
MAX_CUE_INTRO_WORDS = 8
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_CLICK = re.compile(r"\bclick here\b|\btap here\b", re.IGNORECASE)

_CAPTION_LEAD = re.compile(
    r"^\W*(?:open gallery view|view gallery|enlarge this image|image caption|photo caption"
    r"|caption\s*:|toggle caption|hide caption|gallery\s*:|in pictures\s*:|file photo\b)",
    re.IGNORECASE,
)
_PHOTO_LEAD = re.compile(
    r"^\W*(?:this |a |an |the )?(?:(?:handout|file|undated|archive|aerial|pool|supplied"
    r"|official) )*(?:photo(?:graph)?|picture|image|screen ?grab|screenshot|video grab)s?"
    r"\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_CAPTION_VERB = re.compile(
    r"\b(?:shows?|showing|taken|released|provided|distributed|obtained|made available"
    r"|courtesy|handed out|dated)\b",
    re.IGNORECASE,
)
_POSITION = re.compile(r"\((?:left|right|centre|center|L|R|C|2nd [LR]|front|back)\)")
# "Photo" in the languages of the cues (de "Foto"/"Bild", es "foto"/"crédito",
# fr "crédit photo", pl "zdjęcie").
_PHOTO_WORD = (r"photo|picture|image|foto|bild|zdjęcie|crédits? photos?|crédit|crédito"
               r"|fotografía")
# A parenthesised credit that names itself: "(Photo: Name)", "(Foto: Agency)".
_PHOTO_CREDIT = re.compile(rf"(?:{_PHOTO_WORD})s?\b", re.IGNORECASE)
# A credit at the end of a caption: "(AFP)", "(PRESS OFFICE / AFP)", "Credit: Name",
# "Photo: Name", "(Photo by Name/Agency)".
_TRAILING_CREDIT = re.compile(
    rf"(?:\s*\((?P<paren>(?i:{_PHOTO_WORD})s?\b[^()]{{0,80}}|[A-Z][A-Z0-9 .,&/'’\-]{{1,80}})\)\.?"
    rf"|\s+(?P<label>(?i:{_PHOTO_WORD}|photograph|credit|credits|source)s?\s*(?::|(?i:by))"
    r"\s*[^.!?]{2,80}))\s*$"
)
# A line that is only a credit; the Polish "Fot." abbreviation needs no colon.
_CREDIT_LINE = re.compile(
    rf"^\W*(?:(?:{_PHOTO_WORD}|photograph|video|graphic|illustration|credit|credits"
    r"|titelbild|fotos|quelle|fuente|fonte|źródło)s?\s*(?::|by\b)|fot\.\s)",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"^(?:AFP|AP|REUTERS|GETTY|GETTY IMAGES|EPA|AA|ANADOLU|XINHUA|BLOOMBERG|DPA|IANS|PTI)$"
)

_FURNITURE = [
    # font-size controls: "A+ A-", "Text size A A A"
    re.compile(r"^(?:(?:text|font) size\s*)?(?:\s*[aA]\s*[+\-−–]?){1,4}$"),
    re.compile(
        r"^(?:advertisement|advertising|ad|sponsored(?: content)?|promoted|paid content"
        r"|story continues below(?: advertisement)?|continue reading(?: below| the main story)?"
        r"|scroll to continue(?: with content)?|article continues (?:below|after advertisement)"
        r"|loading\W*|skip to (?:main )?content|back to top"
        r"|listen to (?:this|the) (?:article|story)|artikel (?:anhören|vorlesen)"
        r"|escucha(?:r)? (?:esta|la) (?:nota|noticia)(?: aquí)?|écouter (?:cet|l')article"
        r"|anzeige|werbung|publicidad|publicité|publicidade|pubblicità|reklama|advertentie"
        r"|\d+\s*min(?:ute)?s? read|(?:reading time|lesezeit|lesedauer|temps de lecture"
        r"|tiempo de lectura|czas czytania)\b.*)\W*$",
        re.IGNORECASE,
    ),
    # an advertising label opening a paragraph: "ANZEIGE - ...", "*Werbung. ..."
    re.compile(
        r"^\W*(?:anzeige|werbung|advertisement|publicidad|publicité|reklama)\s*[:.|\-–—]\s",
        re.IGNORECASE,
    ),
    # sponsored-content and affiliate disclosures
    re.compile(r"\baffiliate[- ]links?\b|\b(?:enthält|contains) (?:werbung|advertising)\b"
               r"|\bangaben ohne gewähr\b", re.IGNORECASE),
    # the site promoting its own newsletter, paywall and login prompts
    re.compile(
        r"\b(?:our|unser(?:e[mnrs]?)?|notre|nos|nuestr[oa]s?|noss[oa]s?|nasz\w*|onze)"
        r"(?: \w+){0,2} newsletters?\b|\bsign up (?:here|now|today)\b"
        r"|\b(?:already a subscriber|please subscribe|subscribe to (?:read|continue|view))\b"
        r"|\bto (?:view|read) the full (?:story|article)\b|\bpour lire la suite\b"
        r"|\bréservé aux abonnés\b|\bnur für abonnenten\b"
        r"|\b(?:must|need to) be logged in\b|\bnot logged in\b|\bnicht eingeloggt\b"
        r"|\beingeloggt sein\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(?:sign up|subscribe|get (?:our|the) [\w\s]{0,30}newsletter|join our"
        r"|already a subscriber|register (?:now|for free)|log ?in (?:to|or)|create (?:a|an) "
        r"(?:free )?account|want more|enjoy(?:ed|ing)? (?:this|our))\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:this (?:block|module|content|element|embed|widget|video|iframe) (?:is|was|has been)"
        r" (?:broken|missing|blocked|unavailable|not available)|enable (?:the )?(?:original )?"
        r"(?:module|javascript)|you (?:may|might) be missing content|javascript (?:is )?"
        r"(?:disabled|required)|your browser does not support)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using) (?:to use )?"
        r"(?:this|our) (?:web)?site)|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(?:follow (?:us|@\w+|[\w ]{1,40}? on (?:twitter|x|facebook|instagram|telegram"
        r"|linkedin|youtube|tiktok|whatsapp|google news))|like us on|join us on|find us on"
        r"|connect with us)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(?:©|copyright\b|\(c\) ?\d{4})|\ball rights reserved\b|\balle rechte vorbehalten\b"
        r"|\btous droits réservés\b|\btodos los derechos reservados\b"
        r"|\btodos os direitos reservados\b|\btutti i diritti riservati\b"
        r"|\bwszelkie prawa zastrzeżone\b|\bchronion\w* prawem autorskim\b"
        r"|\burheberrechtlich geschützt\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:published|updated|last updated|posted|first published)\s*(?:on|at)?\s*:?\s*"
        r"(?=[^\d]{0,12}\d)[\w ,:./+-]{0,40}$",
        re.IGNORECASE,
    ),
]
_SOCIAL_WORDS = {
    "share", "shares", "this", "article", "story", "page", "on", "via", "tweet", "email",
    "e-mail", "print", "copy", "link", "facebook", "twitter", "x", "whatsapp", "linkedin",
    "pinterest", "reddit", "telegram", "comment", "comments", "save", "bookmark", "gift",
    "messenger", "flipboard", "mail", "menu", "home", "close", "search", "|", "·", "•",
}
_CONTRIBUTOR = [
    re.compile(r"\b(?:contributed|contributing) (?:reporting )?(?:to|for) (?:this|the) "
               r"(?:report|story|article)", re.IGNORECASE),
    re.compile(r"^\W*(?:additional )?(?:reporting|writing|editing|research|compiled|produced"
               r"|edited)(?: and [a-z]+)? by\b", re.IGNORECASE),
    re.compile(r"\((?:additional )?(?:reporting|writing|editing) by [^()]{2,200}\)\W*$",
               re.IGNORECASE),
]
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&|\|)"
                     r"\s*[\w.'’ -]{1,60})?$")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A paragraph judged boilerplate: its pieces and their kinds, in order.

    Usually one piece; a caption with a trailing credit is two ("caption" and
    "credit"), so the briefing can say which is which.
    """

    removed: tuple[Removed, ...]


def words_of(text: str) -> list[str]:
    return text.split()


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends the way a sentence (or a quoted sentence) does."""
    return bool(text) and text.rstrip()[-1] in _END_PUNCT


def is_link_cue_only(text: str) -> bool:
    """True for a bare cue such as "Related" or "READ MORE:" heading a list of links."""
    match = _LINK_CUE.match(text)
    return bool(match) and match.end() >= len(text.rstrip())


def headline_shaped(text: str, max_words: int = MAX_HEADLINE_WORDS) -> bool:
    """A line that reads like a headline: short and without final sentence punctuation."""
    n = len(words_of(text))
    return 0 < n <= max_words and text.rstrip()[-1] not in ".!?…:;,"


def classify(text: str, after_link_cue: bool = False) -> Verdict | None:
    """Why ``text`` (one paragraph) is boilerplate, or None when it is article text.

    Args:
        after_link_cue: the previous paragraph was a bare "Related"/"Read more"
            cue, so headline-shaped lines here are links to other stories.
    """
    text = text.strip()
    n = len(words_of(text))
    if n > 3 * MAX_FURNITURE_WORDS or _TABLE_ROW.match(text):
        return None  # nothing below applies to a long paragraph or a table row
    for rule in (_link, _caption, _contributor, _furniture, _label):
        kind = rule(text, n)
        if isinstance(kind, Verdict):
            return kind
        if kind:
            return Verdict((Removed(kind, text),))
    if after_link_cue and headline_shaped(text):
        return Verdict((Removed("link", text),))
    return None


def paragraph_kind(text: str) -> str:
    """"item" for a list item, "row" for a table row, "heading" for a heading-shaped line,
    else "text".

    A kept paragraph is given its kind so that later stages can tell running
    prose from a body's headings, list items and tables (which stay in the text).
    """
    if _LIST_ITEM.match(text):
        return "item"
    if _TABLE_ROW.match(text.strip()):
        return "row"
    return "heading" if _label(text.strip(), len(words_of(text))) else "text"


def is_heading(verdict: Verdict) -> bool:
    """True when ``verdict`` only says "a heading": content to keep, not boilerplate."""
    return all(r.kind == "heading" for r in verdict.removed)


def _link(text: str, n: int) -> str | None:
    if n > MAX_FURNITURE_WORDS:
        return None
    if _URL_LINE.match(text) or (_CLICK.search(text) and n <= MAX_HEADLINE_WORDS):
        return "link"
    match = _LINK_CUE.match(text)
    if match:
        rest = text[match.end():].strip()
        # a cue, a dash and then a full sentence may be prose ("Read-only files were
        # ..."); a colon-like separator, no text, or a headline-shaped rest is a link
        if not rest or not ends_like_sentence(text) or match.group(0).rstrip()[-1:] in ":|»›>":
            return "link"
    if _LINK_CUE_LOOSE.match(text) and (
        headline_shaped(text) or (n <= MAX_CUE_INTRO_WORDS and text.rstrip().endswith(":"))
    ):
        return "link"
    return None


def _caption(text: str, n: int) -> Verdict | str | None:
    credit = _TRAILING_CREDIT.search(text)
    credit_ok = credit is not None and _is_credit(credit)
    if _CREDIT_LINE.match(text) and n <= 15:
        return "credit"
    if credit_ok and credit is not None and credit.start() == 0:
        return "credit"
    lead = _CAPTION_LEAD.match(text)
    photo = _PHOTO_LEAD.match(text)
    is_caption = bool(lead) or (
        photo is not None
        and bool(_CAPTION_VERB.search(" ".join(words_of(photo.group("rest"))[:12])))
        and (credit_ok or bool(_POSITION.search(text)) or not ends_like_sentence(text))
    )
    if not is_caption and credit_ok and credit is not None and (
        _POSITION.search(text) or _is_photo_credit(credit)
    ):
        is_caption = True  # a "(Photo: ...)" closing a paragraph tells what a photo shows
    if not is_caption:
        return None
    if credit_ok and credit is not None:
        body, tail = text[: credit.start()].rstrip(), text[credit.start():].strip()
        return Verdict((Removed("caption", body), Removed("credit", tail)))
    return "caption"


def _is_credit(match: re.Match[str]) -> bool:
    """A parenthesised all-caps group is a credit only if it names an agency or a source/agency."""
    if match.group("label"):
        return True
    paren = match.group("paren") or ""
    if _is_photo_credit(match):
        return True
    return "/" in paren or bool(_AGENCY.match(paren.strip())) or len(paren.split()) >= 3


def _is_photo_credit(match: re.Match[str]) -> bool:
    """True for a credit in parentheses that names itself: "(Photo: ...)", "(Foto: ...)"."""
    return bool(_PHOTO_CREDIT.match(match.group("paren") or ""))


def split_credit(text: str) -> tuple[str, str | None]:
    """``text`` without its trailing photo credit, and the credit (None if there is none)."""
    credit = _TRAILING_CREDIT.search(text)
    if credit is None or not _is_credit(credit) or credit.start() == 0:
        return text, None
    return text[: credit.start()].rstrip(), text[credit.start():].strip()


def _contributor(text: str, n: int) -> str | None:
    if n <= 2 * MAX_FURNITURE_WORDS and any(rule.search(text) for rule in _CONTRIBUTOR):
        return "contributor"
    if _BYLINE.match(text) and n <= 12 and not text.endswith("."):
        return "byline"
    return None


def _furniture(text: str, n: int) -> str | None:
    if n > MAX_FURNITURE_WORDS:
        return None
    if any(rule.search(text) for rule in _FURNITURE):
        return "furniture"
    tokens = [t.strip(":,").lower() for t in words_of(text)]
    if n <= 8 and all(t in _SOCIAL_WORDS or t.isdigit() for t in tokens):
        return "furniture"
    # breadcrumbs: "Home > World > Middle East"
    if text.count(">") + text.count("›") + text.count("|") >= 2 and not ends_like_sentence(text):
        return "furniture"
    return None


def _label(text: str, n: int) -> str | None:
    """Headings and labels: very short, all-caps or title-case lines without final punctuation."""
    if ends_like_sentence(text) or n > MAX_HEADLINE_WORDS or _LIST_ITEM.match(text):
        return None  # list items are content, whatever their length
    if n <= MAX_LABEL_WORDS and len(text) <= MAX_LABEL_CHARS:
        return "heading"
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return "heading"
    capitalised = [w for w in words_of(text) if w[0].isalpha()]
    if (
        len(capitalised) >= MIN_TITLECASE_WORDS
        and sum(w[0].isupper() for w in capitalised) / len(capitalised) >= TITLECASE_SHARE
    ):
        return "heading"
    return None

"""Wire-service furniture: the codes news agencies put around the copy they file.

Agency feeds carry transmission marks that no reader should see: SGML codes
(``&UR;``, ``&QL;``, ``&QC;``), editors' notes ("Eds: UPDATES with ..."),
slug and filing codes (``(sf-cph)``, ``str-mae-vj``, ``(vi/gm)``), pick-up marks
("Turkey often, 15th graf pvs"), and "MORE"/"END" or time-stamp lines. The
SGML codes also separate pieces of a line, so a paragraph is cut at them and
each piece is judged on its own: a sentence followed by "&UR; str-mae-vj" keeps
the sentence and loses the code. Each removal is returned, to be listed.
"""

from __future__ import annotations

import re

from newsprism.model import Removed

KIND = "wire code"

# Agency SGML codes are two or three capitals; HTML entities (&amp;, &quot;) are lower case
# and were decoded long before this point.
_SGML = re.compile(r"&[A-Z]{2,3};")
# Slug, filing and operator codes: runs of 1-4 lower-case letters joined by "-" or "/",
# optionally in parentheses; a bare single run only in parentheses ("(gm)") or when it is
# the whole piece after an SGML code ("&UR; kl"), as a lone word in prose is no code.
_CODE = r"[a-z]{1,4}(?:\s*[-/]\s*[a-z]{0,4})*"
_SLUG = re.compile(rf"^(?:\(\s*{_CODE}\s*\)|[a-z]{{1,4}}(?:\s*[-/]\s*[a-z]{{1,4}})+)$")
_BARE_CODE = re.compile(r"^[a-z]{1,4}$")
# Pick-up marks tell an editor where an update goes: "Chile said, graf 3 pvs",
# "Turkey amassed troops, pick up 4th graf pvs", "Stepinac was, 5th graf, pvs.",
# "No member, 5th graf, 1st Ld-Writethru"
_PICKUP = re.compile(
    r"^(?:[^.!?]{0,60},\s*)?(?:pick ?up\s+)?(?:\d{1,2}(?:st|nd|rd|th)\s+graf|graf\s+\d{1,2})"
    r"(?:[\s,]+(?:\d{1,2}|pvs|\d{1,2}(?:st|nd|rd|th)\s+Ld-Writethru))*\.?$",
    re.IGNORECASE,
)
_EDS_NOTE = re.compile(r"^eds?\s*:", re.IGNORECASE)
# Transmission lines: "MORE", "(MORE)", "END", "NYT-10-05-98 1735EDT", "AP Photo",
# "Associated Press Writer", rules of underscores.
_TRANSMISSION = re.compile(
    r"^(?:\(?(?:MORE|END|ENDS|OPTIONAL TRIM|AP Photos?|Associated Press Writer)\)?"
    r"|[A-Z]{2,5}-\d{2}-\d{2}-\d{2}\s+\d{4}\s?[A-Z]{3}|_{2,}|-{3,}|#{3}|-30-)$",
)


def strip_wire(paragraphs: list[str]) -> tuple[list[str], list[Removed]]:
    """``paragraphs`` without wire furniture (pieces emptied are dropped), and what went."""
    kept: list[str] = []
    removed: list[Removed] = []
    for para in paragraphs:
        text, gone = strip_paragraph(para)
        removed += gone
        if text:
            kept.append(text)
    return kept, removed


def strip_paragraph(para: str) -> tuple[str, list[Removed]]:
    """One paragraph cut at its SGML codes, with its furniture pieces removed."""
    if not _SGML.search(para) and not is_furniture(para, after_code=False):
        return para, []
    pieces = _SGML.split(para)
    keep: list[str] = []
    gone: list[str] = []
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        (gone if is_furniture(piece, after_code=i > 0) else keep).append(piece)
    codes = _SGML.findall(para)
    text = " ".join(keep)
    if not gone and not codes:
        return para, []
    return text, [Removed(KIND, " ".join(codes + gone) if gone else " ".join(codes))]


def is_furniture(piece: str, after_code: bool) -> bool:
    """True when ``piece`` (a paragraph, or a part between SGML codes) is a wire mark.

    Args:
        after_code: the piece follows an SGML code, where a bare lower-case word
            ("kl") can only be an operator's initials.
    """
    piece = piece.strip()
    return bool(
        _SLUG.match(piece)
        or (after_code and _BARE_CODE.match(piece))
        or _PICKUP.match(piece)
        or _EDS_NOTE.match(piece)
        or _TRANSMISSION.match(piece)
        or piece == "nn"  # the New York Times service's end-of-story mark
    )


def clean_title(title: str | None) -> str | None:
    """A title without SGML codes and slugs (None when nothing is left)."""
    if title is None:
        return None
    text, _ = strip_paragraph(title)
    return text or None

"""Text helpers shared by stages: spelling-insensitive comparison of words and names,
and titles made from an article's lead."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_NON_ASCII_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
                                    "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case text without diacritics: ``fold("Erdoğan") == fold("Erdogan")``."""
    text = unicodedata.normalize("NFKD", text.translate(_NON_ASCII_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# A wire dateline opening a story: "UNITED NATIONS (AP) _ ", "RIO DE JANEIRO, Brazil _ ",
# "LONDON (Reuters) - ". The place is in capitals; the agency, if any, in parentheses.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*(?:\([\w .&-]{1,30}\))?\s*"
    r"(?:_|--|[-–—])\s+"
)


def lead_title(text: str, words: int = 12) -> str:
    """A title made from the first ``words`` words of ``text``, without a wire dateline."""
    parts = _DATELINE.sub("", text.lstrip(), count=1).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")

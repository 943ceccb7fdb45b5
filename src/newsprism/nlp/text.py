"""Text helpers shared by stages: spelling-insensitive comparison of words and names."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_NON_ASCII_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
                                    "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case text without diacritics: ``fold("Erdoğan") == fold("Erdogan")``."""
    text = unicodedata.normalize("NFKD", text.translate(_NON_ASCII_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()

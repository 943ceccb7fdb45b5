"""The cap on how much of one document is read: whole paragraphs up to a character budget.

Every later stage costs at least linear time in the text it is given, and some
(named entities, value conflicts, the summary's search) cost far more per
character than reading does. Capping each document keeps a 5 MB paste from
holding a run for minutes; what lies past the cap is listed as removed, so it
does not disappear silently.
"""

from __future__ import annotations

import logging

from newsprism.model import Removed

log = logging.getLogger("newsprism")

KIND = "over_length"


def cap_paragraphs(
    paragraphs: list[str], max_chars: int, origin: str
) -> tuple[list[str], list[Removed]]:
    """The leading paragraphs of ``paragraphs`` whose lengths sum to at most ``max_chars``.

    The first paragraph is always kept (cut at ``max_chars`` if it alone is over),
    so a document is never emptied by the cap. What is left out becomes one
    Removed entry of kind "over_length" that counts it, and a warning names
    ``origin``.
    """
    total, keep = 0, 0
    for para in paragraphs:
        total += len(para)
        if total > max_chars:
            break
        keep += 1
    if keep == len(paragraphs):
        return paragraphs, []
    kept = paragraphs[:keep] if keep else [paragraphs[0][:max_chars]]
    left = sum(map(len, paragraphs)) - sum(map(len, kept))
    log.warning("%s: only the first %s characters are read (%s more left out)",
                origin, f"{max_chars:,}", f"{left:,}")
    note = (f"{left:,} characters past the {max_chars:,}-character limit on one document "
            "(max_article_chars), not analysed")
    return kept, [Removed(KIND, note)]

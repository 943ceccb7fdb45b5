"""The head of an article: its title line, a date header, a title printed twice.

Plain-text articles carry their metadata inline: a short first line without
final punctuation is the title, and a date header may be glued to the first
sentence (" date 2022-10-27 Defense Minister Benny Gantz met ..."). These are
moved out of the text into fields, and each removal is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.clean.boilerplate import classify, ends_like_sentence
from newsprism.clean.duplicates import tokens
from newsprism.model import Removed
from newsprism.nlp.dates import absolute_date

# A title line has at most this many words (headlines run 6-15; decks run longer
# but end with a full stop, which already disqualifies them).
MAX_TITLE_WORDS = 25
# Datelines and repeated titles are looked for only in the first few paragraphs.
HEAD_PARAGRAPHS = 4

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_WRITTEN_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
)
_LABEL = r"(?:date|dated|published|posted|updated|last updated|first published)\s*(?:on|at)?\s*:?"
# A labelled date, or a bare date followed by a separator or the end of the line.
_DATELINE = re.compile(
    rf"^\W*?(?:{_LABEL}\s*(?P<a>{_ISO_DATE}|{_WRITTEN_DATE})(?:\s*[|:\-–—]\s*|\s+|$)"
    rf"|(?P<b>{_ISO_DATE}|{_WRITTEN_DATE})(?:\s*[|\-–—]\s*|\s*$))",
    re.IGNORECASE,
)
# Full dates anywhere (day, month and year), for a last-resort publication date.
_ANY_DATE = re.compile(rf"\b(?:{_ISO_DATE}|{_WRITTEN_DATE})\b", re.IGNORECASE)


@dataclass
class Head:
    """What the head of an article said, and what was taken out of it."""

    paragraphs: list[str]
    title: str | None = None
    published: str | None = None
    removed: list[Removed] = field(default_factory=list)


def take_dateline(head: Head) -> None:
    """Move a date header at the start of one of the first paragraphs into ``head.published``."""
    for i, para in enumerate(head.paragraphs[:HEAD_PARAGRAPHS]):
        match = _DATELINE.match(para)
        if not match:
            continue
        date = absolute_date(match.group("a") or match.group("b"))
        if date is None:
            continue
        head.published = head.published or date
        head.removed.append(Removed("dateline", para[: match.end()].strip()))
        rest = para[match.end():].strip()
        if rest:
            head.paragraphs[i] = rest
        else:
            del head.paragraphs[i]
        return


def take_title_line(head: Head) -> None:
    """Use a short first line without final punctuation as the title (plain text only).

    Furniture above the headline ("Share this article", a byline) is skipped
    over and left for the boilerplate pass to remove and record.
    """
    if len(head.paragraphs) < 2:
        return  # a one-line text is all body: nothing would be left
    for i, line in enumerate(head.paragraphs[:HEAD_PARAGRAPHS]):
        verdict = classify(line)
        if verdict is not None and verdict.removed[0].kind != "heading":
            continue
        n = len(line.split())
        if 0 < n <= MAX_TITLE_WORDS and not ends_like_sentence(line) and not line.endswith(":"):
            if head.title is None:
                head.title = line
                del head.paragraphs[i]
            elif tokens(line) == tokens(head.title):
                head.removed.append(Removed("title", line))
                del head.paragraphs[i]
        return


def drop_repeated_title(head: Head) -> None:
    """Remove copies of the title among the first paragraphs (a title printed twice)."""
    if not head.title:
        return
    title = tokens(head.title)
    keep = []
    for i, para in enumerate(head.paragraphs):
        if i < HEAD_PARAGRAPHS and title and tokens(para) == title:
            head.removed.append(Removed("title", para))
        else:
            keep.append(para)
    head.paragraphs = keep


def first_full_date(text: str, within: int = 600) -> str | None:
    """The first day-month-year date in the opening ``within`` characters of ``text``.

    A last resort for texts with no date header or metadata: captions and
    datelines near the top usually carry the publication date.
    """
    match = _ANY_DATE.search(text[:within])
    return absolute_date(match.group(0)) if match else None

"""Publication times as records and front matter write them -> ("YYYY-MM-DD", "HH:MM").

Accepted: ISO 8601 strings (with or without a time and offset), RFC 822
strings as feeds write them ("Tue, 01 Dec 2026 22:53:02 +0000"), epoch seconds
(a number or a string of digits; milliseconds when it is too large to be
seconds), and written dates ("Oct 27, 2022"), with a closing time of day kept
("10/02/1998 09:24:00"). A time with an offset is turned
into UTC, so the date and time shown are those of one clock.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from newsprism.nlp.dates import absolute_date

# Epoch values above this are milliseconds: 1e11 seconds is the year 5138.
_MILLISECONDS_FROM = 100_000_000_000
_EPOCH = re.compile(r"^-?\d{9,13}(?:\.\d+)?$")
_ISO_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_TIME_AT_END = re.compile(
    r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?\s*$", re.IGNORECASE
)
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")

When = tuple[str | None, str | None]


def parse_when(value: object) -> When:
    """The date ("YYYY-MM-DD") and time of day ("HH:MM", UTC when an offset is given).

    Either part is None when ``value`` does not give it; a value that is no
    date at all gives (None, None).
    """
    if isinstance(value, bool) or value is None:
        return None, None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    moment = _iso(text) or _rfc822(text)
    if moment is not None:
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC)
        return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M")
    day = absolute_date(text)
    return day, (_trailing_time(text) if day else None)


def _trailing_time(text: str) -> str | None:
    """The time closing a written date ("10/02/1998 09:24:00", "Oct 2, 1998 9:24 pm")."""
    match = _TIME_AT_END.search(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    if match["ampm"]:
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _from_epoch(seconds: float) -> When:
    if abs(seconds) >= _MILLISECONDS_FROM:
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None, None
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M")


def _iso(text: str) -> datetime | None:
    if not _ISO_TIME.match(text):
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    if not _RFC822.match(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None

"""Publication dates as the containers state them, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
import time
from datetime import datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for an ISO string, a common written date, or a struct_time; else None.

    Only absolute dates are accepted: a relative phrase such as "yesterday"
    means nothing without a reference, so it yields None rather than a guess.
    """
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        return _checked(*map(int, iso.groups()))
    return _parse_written(text)


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return None


def _parse_written(text: str) -> str | None:
    if not re.search(r"\d{4}", text):  # no year: not an absolute date
        return None
    import dateparser  # lazy: importing it costs a noticeable fraction of a second

    parsed = dateparser.parse(
        text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.strftime("%Y-%m-%d") if parsed else None

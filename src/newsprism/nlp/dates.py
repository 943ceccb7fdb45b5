"""Find dates in news text and resolve relative ones against the publication date.

Values are ISO prefixes at the precision the text gives: ``"2010"``,
``"2022-08"``, ``"2022-10-27"``. Relative expressions ("on Thursday", "in
August", "earlier this month", "last year", "two years later") resolve only
against an explicit anchor: the publication date, or for "N years later" the
last absolute year mentioned shortly before. Without an anchor they are
reported with ``value=None`` rather than guessed.

Works on plain and PTB-tokenised text ("Saturday , 25 April 2009").
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_SEP = r"\s*,?\s*"
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Ordered by precedence: the first pattern to claim a span wins, so a full date
# is never also read as a bare year or a bare month.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}{_SEP}{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_SEP}{_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH}{_SEP}(?:of\s+)?{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![:\d])")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w)")),
    ("rel_day", re.compile(r"\b(?P<rel>yesterday|today|tonight|this morning|this evening)\b",
                           re.I)),
    ("rel_period", re.compile(
        r"\b(?P<rel>(?:earlier|later|(?:at\s+the\s+)?(?:start|end|beginning)\s+of)\s+this|this|"
        r"last|next|past)\s+(?P<unit>month|year)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"eleven|twelve)\s+(?P<unit>years?|months?|days?)\s+ago\b", re.I)),
    ("later", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                         r"(?P<unit>years?)\s+later\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?{_WEEKDAY}\b")),
    ("month", re.compile(rf"\b(?P<prep>(?i:in|since|until|by|during|from|last|this|next|early|"
                         rf"mid-?|late|of))\s+(?:early\s+|mid-?|late\s+)?{_MONTH}(?!\w)")),
    ("year", re.compile(rf"(?<![\w$£€.,-]){_YEAR}(?![\w%-]|[.,]\d|\s*(?:%|per\s?cent))")),
]

_ABBREVIATED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.")
_LATER_REACH = 400  # chars back to look for the year that "two years later" counts from


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression ``text[start:end]`` and its ISO value (None when unresolvable)."""

    start: int
    end: int
    text: str
    value: str | None
    relative: bool


def parse_iso(value: str | None) -> date | None:
    """``"YYYY-MM-DD"`` as a date, or None when missing or malformed."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    Examples:
        >>> [m.value for m in find_dates("Met on Thursday, in August and in 2010.", "2022-10-27")]
        ['2022-10-27', '2022-08', '2010']
    """
    anchor = parse_iso(published)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            end = m.end()
            if text[end - 1] == "." and not _ABBREVIATED.search(text, m.start(), end):
                end -= 1  # "in August." ends a sentence; "Oct." is an abbreviation
            taken.append((m.start(), end))
            found.append((m.start(), end, kind, m))
    found.sort()
    out: list[DateMention] = []
    for start, end, kind, m in found:
        value = _resolve(kind, m, anchor, out, start, _looks_ahead(text, start))
        if value is _SKIP:
            continue
        out.append(DateMention(start, end, text[start:end], value, kind not in _ABSOLUTE))
    return out


_ABSOLUTE = {"iso", "mdy", "dmy", "my", "year"}
# A weekday or month named in a clause about what is to come ("will reopen on Friday",
# "until at least Friday", "is expected in August") is the next one, not the last one.
_FUTURE = re.compile(r"\b(?:will|won't|would|shall|until|till|expected|scheduled|due\s+to|plans?\s+to"
                     r"|going\s+to|set\s+to|next|upcoming|from\s+now)\b|'ll\b", re.I)
_CLAUSE_START = re.compile(r"[.;:!?]\s|,\s+(?:and|but|while|after|before|as)\s", re.I)


def _looks_ahead(text: str, start: int) -> bool:
    """Whether the clause before ``start`` speaks of the future."""
    window = text[max(0, start - 80): start]
    cuts = [m.end() for m in _CLAUSE_START.finditer(window)]
    return bool(_FUTURE.search(window, cuts[-1] if cuts else 0))
_SKIP = "skip"


def _resolve(kind: str, m: re.Match[str], anchor: date | None,
             before: list[DateMention], start: int, ahead: bool = False) -> str | None:
    """ISO value of one match; ``_SKIP`` when the match is not a date after all."""
    g = m.groupdict()
    month = _MONTHS[g["mon"][:3].lower()] if g.get("mon") else None
    if kind == "iso":
        return _valid(int(g["year"]), int(g["m"]), int(g["day"]))
    if kind == "mdy" or kind == "dmy":
        return _valid(int(g["year"]), month, int(g["day"]))
    if kind == "my":
        return f"{int(g['year']):04d}-{month:02d}"
    if kind == "year":
        return g["year"]
    if kind in ("md", "dm"):
        return _month_day(month, int(g["day"]), anchor)
    if kind == "later":
        return _years_later(g["n"], before, start)
    if anchor is None:
        return None
    if kind == "weekday":
        return _weekday(g["wd"], g.get("rel") or ("next" if ahead else None), anchor)
    if kind == "month":
        prep = g["prep"].lower()
        return _bare_month(month, "ahead" if ahead and prep in ("in", "until", "by") else prep,
                           anchor)
    return _relative(kind, g, anchor)


def _valid(year: int, month: int | None, day: int) -> str | None:
    try:
        return date(year, month or 0, day).isoformat()
    except ValueError:
        return _SKIP


def _month_day(month: int | None, day: int, anchor: date | None) -> str | None:
    """A day without a year: the year that puts it nearest before the anchor (news looks back)."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month or 0, day)
        except ValueError:
            return _SKIP
        # a date up to ~2 months ahead is an announced event, not last year's
        if candidate <= anchor + timedelta(days=62):
            return candidate.isoformat()
    return _SKIP


def _weekday(name: str, rel: str | None, anchor: date) -> str:
    """"on Thursday" is the latest Thursday on or before the anchor; "next" looks ahead."""
    target = _WEEKDAYS.index(name.lower())
    back = (anchor.weekday() - target) % 7
    if rel and rel.lower() == "next":
        return (anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)).isoformat()
    if rel and rel.lower() == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


def _bare_month(month: int | None, prep: str, anchor: date) -> str:
    """"in August": the latest August not after the anchor month; "next August" and
    ("ahead") an August in a clause about the future look ahead."""
    assert month is not None
    year = anchor.year
    if prep == "next":
        year += 1 if month <= anchor.month else 0
    elif prep == "ahead":  # "will open in May", said in May: this May
        year += 1 if month < anchor.month else 0
    elif month > anchor.month or (prep == "last" and month == anchor.month):
        year -= 1
    return f"{year:04d}-{month:02d}"


def _relative(kind: str, g: dict[str, str], anchor: date) -> str | None:
    if kind == "rel_day":
        shift = 1 if g["rel"].lower() == "yesterday" else 0
        return (anchor - timedelta(days=shift)).isoformat()
    if kind == "ago":
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "year":
            return f"{anchor.year - n:04d}"
        if unit == "day":
            return (anchor - timedelta(days=n)).isoformat()
        months = anchor.year * 12 + anchor.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    rel, unit = g["rel"].lower().split()[0], g["unit"].lower()
    step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    if rel == "past":
        return _SKIP  # "the past year" is a duration, not a date
    if unit == "year":
        return f"{anchor.year + step:04d}"
    months = anchor.year * 12 + anchor.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _years_later(n: str, before: list[DateMention], start: int) -> str | None:
    """"two years later" counts from the last absolute year mentioned just before it."""
    for prior in reversed(before):
        if start - prior.end > _LATER_REACH:
            break
        if prior.value and not prior.relative:
            return f"{int(prior.value[:4]) + _number(n):04d}"
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH_YEAR = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]{3,9})\.?,?"
    r"|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{4})\b",
    re.IGNORECASE,
)
_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]


def absolute_date(value: object) -> str | None:
    """``YYYY-MM-DD`` of an absolute date (ISO, written, struct_time, datetime), else None.

    Relative phrases ("yesterday") and dates without a day yield None: a
    publication date is either known or absent, never guessed.
    """
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = str(value or "").strip()
    iso = _ISO_PREFIX.match(text)
    if iso:
        return _checked(*map(int, iso.groups()))
    if not re.search(r"\d{4}", text):
        return None
    return _english_date(text) or _dateparser_date(text)


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _english_date(text: str) -> str | None:
    """"Oct 27, 2022" / "27 October 2022" without dateparser's import cost."""
    match = _DAY_MONTH_YEAR.search(text)
    if not match:
        return None
    word = (match.group("m1") or match.group("m2")).lower()
    # "Sept" and "Oct" abbreviate a month; "Mayor" does not
    month = next((i for i, name in enumerate(_MONTH_NAMES, 1)
                  if name.startswith(word) or (word == "sept" and i == 9)), None)
    if month is None:
        return None
    return _checked(int(match.group("y")), month, int(match.group("d1") or match.group("d2")))


def _dateparser_date(text: str) -> str | None:
    import dateparser  # lazy: a fifth of a second to import, and rarely needed

    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.strftime("%Y-%m-%d") if parsed else None

"""Values a sentence states, as comparable intervals: counts, amounts, shares, durations, dates.

Precision first: a value is only read where its meaning is plain ("ten Turkish
citizens", "$4.5 million", "62% of children", "over a decade", "since 2010"), and
every value is an interval so that "more than 10" and "12" do not conflict while
"9" and "10" do. Spelling ("two" / "2", "defence" / "defense") never makes a
difference, and neither does rounding of a written-out figure ("$4.5 million" /
"$4.52 million", "62%" / "62.3%").
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from newsprism.nlp.dates import DateMention, find_dates

_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {
    "a": 1, "an": 1, **{w: k for k, w in enumerate(_UNITS, start=1)},
    **{w: 10 * k for k, w in enumerate(_TENS, start=2)}, "hundred": 100,
    "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}
# "twenty-two" is one number (22), never "two" after a hyphen: a tens word with an
# optional unit is tried first.
_WORDS_ALT = (rf"(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS[:9])})\b)?|"
              + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)))
# "150,000", and "150, 000" as wire copy sometimes spaces it
_NUM = r"(?P<num>\d{1,3}(?:,\s?\d{3})+(?!\d)|\d(?:[\d,]*\d)?(?:\.\d+)?|" + _WORDS_ALT + r")"
_QUAL = (r"(?P<qual>more\s+than|over|at\s+least|about|around|nearly|almost|some|roughly|"
         r"approximately|up\s+to|fewer\s+than|less\s+than|under)")
_SCALE = r"(?:\s+(?P<scale>million|billion|trillion|thousand))?"
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_COUNT = re.compile(rf"\b(?:{_QUAL}\s+)?{_NUM}{_SCALE}\s+(?:(?P<cap>(?-i:[A-Z][\w-]+))\s+)?"
                    rf"(?P<noun>[a-z][a-z-]+)\b(?:\s+(?P<head>(?-i:[a-z]+[^s\W]s))\b)?",
                    re.I)
# After a capitalised word these end the phrase: "21 Israelis were killed" counts Israelis
_AFTER_NOUN = frozenset("were was are is have has had died and or in on at".split())
# "62%", "65 percent", "67 per cent": shares are compared with shares
_PERCENT = re.compile(rf"\b(?:{_QUAL}\s+)?(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)",
                      re.I)
# Shares in words: "two-thirds of voters", "half the town", "one in five children". A spoken
# fraction is rounded (a third of 31% or of 36%), so it holds _SHARE_FRACTION points either
# side; "the second half of 2010" is a span, not a share.
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION = re.compile(
    rf"\b(?:{_QUAL}\s+)?(?:(?P<num>a|one|two|three|four|nine)[\s-])?"
    rf"(?<!first\s)(?<!second\s)(?<!the\s)(?<!last\s)"
    rf"(?P<den>{'|'.join(_DENOMINATORS)})(?=\s+(?:of|the)\b)", re.I)
_ONE_IN = re.compile(rf"\b(?:{_QUAL}\s+)?(?P<num>one|1)\s+(?:in|out\s+of)\s+"
                     rf"(?P<den>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\b"
                     rf"(?!\s*(?:%|percent|per\s+cent|[,.]\d))", re.I)
_SHARE_FRACTION = 4.0
# Money and measures: "$4.5 million", "€40", "40 euros", "12 km", "3,000 tonnes"
_CURRENCY = {"$": "US dollars", "us$": "US dollars", "usd": "US dollars", "dollars": "US dollars",
             "€": "euros", "eur": "euros", "euros": "euros", "£": "pounds", "gbp": "pounds",
             "pounds": "pounds", "yen": "yen", "yuan": "yuan", "rupees": "rupees"}
_MEASURE = {"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
            "kilometer": "km", "miles": "miles", "mile": "miles", "metres": "metres",
            "meters": "metres", "metre": "metres", "meter": "metres", "feet": "feet",
            "tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes",
            "kg": "kg", "kilograms": "kg", "hectares": "hectares", "acres": "acres",
            "square kilometres": "km²", "square kilometers": "km²", "sq km": "km²",
            "square miles": "square miles", "km2": "km²"}
_PREFIX_MONEY = re.compile(rf"(?<![\w$€£])(?:{_QUAL}\s+)?(?P<unit>US\$|\$|€|£)\s?"
                           rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?){_SCALE}", re.I)
_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in [*_MEASURE, "dollars", "euros", "pounds",
                                                       "yen", "yuan", "rupees"]),
                              key=len, reverse=True))
_SUFFIX_UNIT = re.compile(rf"\b(?:{_QUAL}\s+)?{_NUM}{_SCALE}[\s-]*(?P<unit>{_UNIT_WORDS})\b",
                          re.I)
_DURATION = re.compile(
    rf"\b(?:{_QUAL}\s+)?(?:the\s+(?:past|last)\s+)?{_NUM}[\s-]+(?P<unit>decades?|years?|months?|"
    rf"weeks?|days?|hours?|minutes?|seconds?)\b"
    rf"(?![\s-]+(?:ago|later|old|earlier|before|after))", re.I)
# Tolls written with the verb first ("a fire that killed 67", "injuring 162"); the noun form
# ("67 dead", "60 killed", "162 injured") is read by _COUNT and keyed the same way.
_CASUALTY = re.compile(rf"\b(?P<verb>killed|killing|injured|injuring|wounded|wounding)\s+"
                       rf"(?:{_QUAL}\s+)?{_NUM}{_SCALE}\b(?!\s*(?:percent|%|[:.]\d))", re.I)
_CASUALTY_KEY = {"kill": "dead", "dead": "dead", "death": "dead", "injur": "injured",
                 "wound": "injured"}
_NEXT_WORD = re.compile(r"\s+([A-Za-z][a-z-]+)")
# "the death toll ... has reached 83" / "raising the toll to at least 74"
_TOLL = re.compile(rf"\btoll\b[^.;:]{{0,70}}?\b(?P<shown>(?:to|reached|at|of|hit|is|was)\s+"
                   rf"(?:{_QUAL}\s+)?{_NUM})\b(?!\s*(?:percent|%))", re.I)
# "60 people", "162 others": a count of people is a toll when a casualty verb is beside it
# ("killing 60 people", "162 others were injured"), so it meets "injuring 155".
_PEOPLE = frozenset({"people", "person", "persons", "others", "other"})
_VERB_BEFORE = re.compile(r"\b(kill|injur|wound|hurt)\w*\s+(?:at\s+least\s+|some\s+|about\s+)?$",
                          re.I)
_VERB_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:were|was|have\s+been|had\s+been)?\s*"
                         r"(kill|injur|wound|hurt|died|dead)", re.I)
_INCREMENT = re.compile(r"\b(?:another|an\s+additional|a\s+further|additional|further|extra)\s+$",
                        re.I)
_AGE = re.compile(r"\b(?P<num>\d{1,3})[\s-]years?[\s-]old\b", re.I)
_DECADE_ALONE = re.compile(rf"\b{_QUAL}\s+(?P<unit>a\s+decade)\b", re.I)
_SINCE_YEAR = re.compile(r"\bsince\s+(?P<year>(?:19|20)\d\d)\b")
_UNIT_YEARS = {"decade": 10.0, "year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365,
               "hour": 1 / 8760, "minute": 1 / 525600, "second": 1 / 31536000}
# Nouns after a number that do not count things reported as facts
_NOT_COUNTED = {"of", "and", "or", "to", "in", "on", "at", "the", "per", "percent", "times",
                "years", "year", "months", "month", "days", "day", "weeks", "week", "decades",
                "decade", "hours", "minutes", "am", "pm", "a", "an", "more", "other", "top",
                "million", "billion", "trillion", "thousand", "degrees", "degree", "celsius",
                "fahrenheit", "c", "f"}


@dataclass(frozen=True, slots=True)
class Value:
    """A stated value: ``kind`` and ``key`` say what it measures, ``low``-``high`` its range."""

    kind: str  # "number" | "amount" | "percent" | "duration" | "date"
    key: str  # counted noun ("citizens"), unit ("euros", "km"), "percent", "duration", "date"
    low: float
    high: float
    shown: str  # the words as written, for users
    start: int  # offset in the sentence
    iso: str = ""  # dates only
    relative: bool = False  # dates only: words read from the publication day ("Sunday")

    def conflicts(self, other: Value) -> bool:
        """True when both measure the same thing and their ranges cannot both hold."""
        if (self.kind, self.key) != (other.kind, other.key):
            return False
        if self.kind == "date":
            return not (self.iso.startswith(other.iso) or other.iso.startswith(self.iso))
        return self.high < other.low or other.high < self.low

    def moved(self, other: Value) -> bool:
        """True when the two cannot be one reading of a figure: they conflict, or both are
        bounds of one sense at different figures ("at least 40" / "at least 85" dead: a
        toll that rose between reports, though both bounds can hold)."""
        if self.conflicts(other):
            return True
        if (self.kind, self.key) != (other.kind, other.key) or self.kind == "date":
            return False
        lower = math.isinf(self.high) and math.isinf(other.high) and self.low != other.low
        upper = self.low == other.low == 0 and self.high != other.high
        return lower or upper

    def differs(self, other: Value) -> bool:
        """True when both measure the same thing and give different values ("at least 62"
        and "at least 65" do not conflict, but neither states the other)."""
        return (self.kind, self.key) == (other.kind, other.key) and \
            (self.low, self.high, self.iso) != (other.low, other.high, other.iso)


@functools.lru_cache(maxsize=4096)  # alignment, disputes and the timeline read each sentence
def values(text: str, published: str | None) -> tuple[Value, ...]:
    """Counts, durations and dates stated in one sentence."""
    found = _durations(text, published)
    taken = [(v.start, v.start + len(v.shown)) for v in found]
    mentions = find_dates(text, published)
    dates = [d for d in mentions
             if d.value and not _reporting_day(text, d) and not _DATELINE.match(text[:d.start])
             and not _in_name_or_clock(text, d.start, d.end)]
    taken += [(d.start, d.end) for d in dates]
    if _only_dates(text, mentions):
        dates = []  # "Tuesday, July 12, 2005" alone: a dateline, the day of the report
    for d in dates:
        # "Oct. 29" only borrows its year; "Sunday", "today", "in November" are read from the day
        deictic = d.relative and not any(ch.isdigit() for ch in d.text)
        found.append(Value("date", "date", 0, 0, d.text, d.start, d.value or "", deictic))
    found += _measures(text, taken)
    for m in _AGE.finditer(text):  # "a 23-year-old secretary" / "a 32-year-old secretary"
        n = float(m.group("num"))
        found.append(Value("number", "age", n, n, m.group(0), m.start()))
        taken.append((m.start(), m.end()))
    for m in _TOLL.finditer(text):
        n = _number(m.group("num"), None)
        if n is not None and not any(s < m.end("num") and m.start("num") < e for s, e in taken):
            low, high = _interval(n, m.group("qual"))
            found.append(Value("number", "dead", low, high, m.group("shown"), m.start("shown")))
            taken.append((m.start("num"), m.end("num")))
    for m in _CASUALTY.finditer(text):
        noun = _NEXT_WORD.match(text, m.end())
        if noun and noun.group(1).lower() not in _NOT_COUNTED:
            continue  # "injured 47 people": the count of people, read below
        n = _number(m.group("num"), m.group("scale"))
        if n is None or _clock(text, m.start("num"), m.end("num")):
            continue
        low, high = _interval(n, m.group("qual"))
        found.append(Value("number", _casualty(m.group("verb")), low, high, m.group(0),
                           m.start()))
        taken.append((m.start("num"), m.end("num")))
    for m in _COUNT.finditer(text):
        if any(s < m.end("num") and m.start("num") < e for s, e in taken):
            continue
        if _INCREMENT.search(text, 0, m.start()):
            continue  # "another 187 members": what was added, not the total
        if _clock(text, m.start("num"), m.end("num")):
            continue
        noun, end = m.group("noun").lower(), m.end("noun")
        if m.group("cap") and noun in _AFTER_NOUN:
            noun, end = m.group("cap").lower(), m.end("cap")
        if noun in _NOT_COUNTED or noun in _NUMBER_WORDS:
            continue
        if m.group("head") and end == m.end("noun") and m.group("head") not in _AFTER_NOUN:
            noun, end = m.group("head"), m.end("head")  # "1,200 health workers": workers
        if _singular_after_many(m.group("num"), noun, m.group("scale")):
            continue  # "the Aug. 27 earthquake": a day, not 27 earthquakes
        n = _number(m.group("num"), m.group("scale"))
        if n is None or (m.group("num").lower() in ("a", "an") and not m.group("qual")):
            continue  # "a" before a noun is an article, not a count
        # "38.5 million voters" may be rounded, "38 people" is exact
        rounded = m.group("scale") or "." in m.group("num")
        low, high = _interval(n, m.group("qual"),
                              _rounding(m.group("num"), m.group("scale")) if rounded else 0.0)
        key = _casualty(noun) or _toll(text, m.start(), end) or _singular(noun)
        if noun in _PEOPLE and key == _singular(noun):
            key = _people_state(text, m.start(), end)
        found.append(Value("number", key, low, high, text[m.start():end], m.start()))
    return tuple(sorted(found, key=lambda v: v.start))


# "1852 UTC" is a clock time; "USA Today", "Saturday Evening Post": a name holds the word
_CLOCK_ZONE = re.compile(r"\s*(?:UTC|GMT|EST|EDT|PST|PDT|CET|local\s+time|hours\b)")
_CAPITALISED = re.compile(r"(?:^|[^.!?]\s)(?-i:[A-Z][A-Za-z]*)\s+$")
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+\s+(?:Post|Times|News|Journal|Herald|Magazine))")


def _in_name_or_clock(text: str, start: int, end: int) -> bool:
    """A date word that is part of a clock time or of a title ("USA Today", "Saturday
    Evening Post"), not a date."""
    word = text[start:end]
    if word.isdigit() and _CLOCK_ZONE.match(text, end):
        return True
    before = text[max(0, start - 20):start]
    return word[:1].isupper() and " " not in word and (
        bool(_CAPITALISED.search(before)) and before.rstrip().split()[-1].isupper()
        or bool(_NAME_AFTER.match(text, end)))


def _only_dates(text: str, dates: list[DateMention]) -> bool:
    """True when the sentence says nothing but its dates (a dateline line)."""
    rest = text
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[:d.start] + rest[d.end:]
    return bool(dates) and not re.search(r"\w", rest)


# Nouns whose plural has no final s (and people named by an adjective: "67 dead")
_PLURAL_NO_S = frozenset("people children police staff personnel cattle crew dead missing "
                         "homeless".split())


def _singular_after_many(num: str, noun: str, scale: str | None) -> bool:
    """A figure above one before a singular noun is not a count ("Aug. 27 earthquake")."""
    n = _number(num, scale)
    return n is not None and n > 1 and not noun.endswith(("s", "men", "ed")) and \
        noun not in _PLURAL_NO_S


# What a count of people says they are: "5,000 people were left homeless", "300 people
# who were evacuated", "rescued 40 people"; a light verb says nothing ("left 40 people").
_STATE_AFTER = re.compile(r"^\s+(?:who\s+)?(?:(?:were|was|are|is|have\s+been|had\s+been|"
                          r"remain|remained|remaining)\s+)?(?:(?:left|made|still|now|reported|"
                          r"rendered|being)\s+)?(?P<state>[a-z]+)", re.I)
_STATE_BEFORE = re.compile(r"\b(?P<state>[a-z]+(?:ed|ing))\s+$", re.I)
_STATES = frozenset("homeless missing dead displaced trapped stranded unaccounted".split())
_LIGHT = frozenset("left leaving including involving affecting affected according saying "
                   "said totalling totaling numbering".split())


def _people_state(text: str, start: int, end: int) -> str:
    """The attribute a count of people measures: the state or participle that governs it
    ("5,000 people were left homeless": "homeless"; "evacuated 300 people": "evacuated";
    killed or injured ones are tolls, read by :func:`_toll`), or "person" when none is
    said. Counts of people in different states are different attributes: 5,000 homeless
    and 40 dead never conflict."""
    after = _STATE_AFTER.match(text[end:])
    word = after.group("state").lower() if after else ""
    if word in _STATES or (word.endswith("ed") and word not in _LIGHT):
        return _casualty(word) or word
    before = _STATE_BEFORE.search(text, 0, start)
    word = before.group("state").lower() if before else ""
    if word and word not in _LIGHT:
        return _casualty(word) or word
    return "person"


def _toll(text: str, start: int, end: int) -> str:
    """'dead' / 'injured' when a casualty verb governs the count ("killing 24 people",
    "21 Israelis were killed"), whatever noun names the people; else ''."""
    verb = _VERB_BEFORE.search(text, 0, start) or _VERB_AFTER.match(text[end:])
    return _casualty(verb.group(1)) if verb else ""


def _measures(text: str, taken: list[tuple[int, int]]) -> list[Value]:
    """Shares, money and measures; their spans join ``taken`` so they are not read as counts."""
    out = []
    for pattern, kind in ((_PERCENT, "percent"), (_PREFIX_MONEY, "amount"),
                          (_SUFFIX_UNIT, "amount")):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            scale = m.groupdict().get("scale")
            n = _number(m.group("num"), scale)
            if n is None:
                continue
            unit = "percent" if kind == "percent" else _unit(m.group("unit"))
            # "about 62%" is a share within two points, not within a fifth
            about = _SHARE_ABOUT if kind == "percent" else None
            low, high = _interval(n, m.group("qual"), _rounding(m.group("num"), scale), about)
            out.append(Value(kind, unit, low, high, m.group(0).strip(), m.start()))
            taken.append((m.start(), m.end()))
    for pattern in (_FRACTION, _ONE_IN):
        for m in pattern.finditer(text):
            share = _fraction(m.group("num"), m.group("den"))
            if share is None or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            low, high = _interval(share, m.group("qual"), _SHARE_FRACTION, _SHARE_FRACTION)
            out.append(Value("percent", "percent", low, high, m.group(0), m.start()))
            taken.append((m.start(), m.end()))
    return out


def _fraction(num: str | None, den: str) -> float | None:
    """The share a fraction in words states, in percent ("two-thirds" 66.7, "half" 50,
    "one in five" 20); None for what is not a share ("halves" of a count)."""
    top = 1.0 if num is None else _number(num, None)
    bottom = _DENOMINATORS.get(den.lower()) or _number(den, None)
    if top is None or not bottom or top >= bottom:
        return None
    return round(100.0 * top / bottom, 1)


_SHARE_ABOUT = 2.0  # percentage points either side of an approximate share


def _unit(word: str) -> str:
    w = " ".join(word.lower().split())
    return _CURRENCY.get(w) or _MEASURE.get(w, w)


def _rounding(num: str, scale: str | None) -> float:
    """Half the last written digit's place: "4.5 million" may be 4.45-4.55 million, "62%" 61.5-62.5."""
    digits = num.replace(",", "").replace(" ", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    factor = _SCALES.get((scale or "").lower(), 1)
    # 0.49, not 0.5: "$4 million" and "$5 million" must still conflict
    return 0.49 * 10 ** -places * factor


# "WASHINGTON, May 13 (Xinhua) --", "OSTERFELD, Vastoria, May 14": the day of the report
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,(?:\s+[A-Z][\w .'-]*,)?\s*$")
_REPORTING = re.compile(r"\b(?:said|says|told|reported|announced|added|confirmed|as\s+of)\s*$",
                        re.I)


def _reporting_day(text: str, d) -> bool:  # type: ignore[no-untyped-def]
    """'police said Monday', 'as of Wednesday': the day of the report, not of the event."""
    return d.relative and bool(_REPORTING.search(text[max(0, d.start - 30): d.start]))


def _clock(text: str, start: int, end: int) -> bool:
    """A number that is part of a clock time ('20:36:08'), not a count."""
    return (start > 0 and text[start - 1] == ":") or text[end : end + 1] == ":"


_EVERY = re.compile(r"\b(?:every|each|per)\s+$", re.I)


def _durations(text: str, published: str | None) -> list[Value]:
    out = []
    for m in _DURATION.finditer(text):
        n = _number(m.group("num"), None)
        if n is None or _EVERY.search(text, 0, m.start()):
            continue  # "signs up every 1.25 seconds": a rate, not a span
        years = n * _UNIT_YEARS[m.group("unit").lower().rstrip("s")]
        low, high = _interval(years, m.group("qual"))
        out.append(Value("duration", "duration", low, high, m.group(0), m.start()))
    for m in _DECADE_ALONE.finditer(text):
        if not any(v.start <= m.start() < v.start + len(v.shown) for v in out):
            low, high = _interval(10.0, m.group("qual"))
            out.append(Value("duration", "duration", low, high, m.group(0), m.start()))
    if published and published[:4].isdigit():
        for m in _SINCE_YEAR.finditer(text):
            years = int(published[:4]) - int(m.group("year"))
            out.append(Value("duration", "duration", years - 1, years + 1, m.group(0), m.start()))
    return out


def _interval(n: float, qual: str | None, rounding: float = 0.0,
              about: float | None = None) -> tuple[float, float]:
    """The range a qualified number allows: "over 10" is (10, inf), "about 10" is 8-12
    (or ``about`` either side when given); a bare figure is itself, give or take ``rounding``."""
    q = " ".join((qual or "").lower().split())
    if q in ("more than", "over", "at least"):
        return n, float("inf")
    if q in ("fewer than", "less than", "under", "up to"):
        return 0.0, n
    if q:
        return (n - about, n + about) if about is not None else (n * 0.8, n * 1.2)
    return n - rounding, n + rounding


def _number(word: str, scale: str | None) -> float | None:
    w = word.lower().replace(",", "")
    try:  # "150, 000" as wire copy spaces it; "twenty-two" / "twenty two" as words
        n = float(w.replace(" ", "")) if w[:1].isdigit() \
            else float(sum(_NUMBER_WORDS[part] for part in re.split(r"[-\s]+", w)))
    except (ValueError, KeyError):
        return None
    factor = _SCALES.get((scale or "").lower(), 1)
    return n * factor


def _casualty(word: str) -> str:
    """'dead' for killed/dead/deaths, 'injured' for injured/wounded; '' for other words."""
    w = word.lower()
    return next((key for stem, key in _CASUALTY_KEY.items() if w.startswith(stem)), "")


_CASUALTY_KEY.update({"hurt": "injured", "died": "dead"})


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun

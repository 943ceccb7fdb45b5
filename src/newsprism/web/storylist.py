"""The story list a reader scans: one card per story.

A card holds the story's clean title, the lede line of its briefing (or, before the
briefing is built, its first article's opening sentence), its newest article date,
how many outlets and articles cover it, a small bar of those outlets, and whether
articles arrived since this browser's last visit (cookies this app sets itself).
"""

from __future__ import annotations

import re
import zlib
from datetime import date
from typing import Any

from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.nlp.text import fold, lead_title
from newsprism.pipeline.build import built_summary
from newsprism.store import Store

LIST_COOKIE = "np-list-seen"  # when this browser last saw the story list
STORY_COOKIE = "np-seen-{}"  # when it last opened a story (set by the story page)
PALETTE = 8  # outlet colours in the coverage bar: classes o0..o7 in app.css
LEGEND = 6  # outlets named under the bar; the rest are counted

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_since(since: str | None) -> str | None:
    """``since`` when it is a YYYY-MM-DD date (or None); InputError naming the fix otherwise."""
    if since is None or since == "":
        return None
    if _DAY.match(since):
        try:
            date.fromisoformat(since)
            return since
        except ValueError:
            pass
    raise InputError("since", f"{since!r} is not a date: give one as YYYY-MM-DD, "
                              "e.g. ?since=2024-05-14 (stories with articles on or after it)")


def story_cards(store: Store, options: Options, since: str | None,
                cookies: dict[str, str]) -> list[dict[str, Any]]:
    """The stories (newest article first) as cards for the list page."""
    stories = store.stories(since=since)
    coverage = store.story_coverage([s["id"] for s in stories])
    last_list = cookies.get(LIST_COOKIE)
    cards = [_card(s, coverage[s["id"]], built_summary(store, s["id"], options),
                   _seen(last_list, cookies.get(STORY_COOKIE.format(s["id"]))))
             for s in stories]
    # newest first by the articles' own dates; undated stories last, in store order
    return sorted(cards, key=lambda c: c["newest"] or "", reverse=True)


def _seen(last_list: str | None, last_story: str | None) -> str | None:
    """When this browser last saw the story (on the list or its page); None on a first visit."""
    return max(filter(None, (last_list, last_story)), default=None)


def _card(story: dict[str, Any], cov: dict[str, Any], summary: list[str],
          seen: str | None) -> dict[str, Any]:
    outlets = sorted(cov["outlets"], key=lambda o: -o[1])
    title = story["title"] or "Untitled story"
    newest = story["last_date"] or cov["newest"]
    bar = _bar(outlets, story["articles"])
    return {
        "id": story["id"], "title": title,
        "lede": _lede(title, summary + _opening(cov["lead"])[:2]),
        "newest": newest, "first": story["first_date"] or newest,
        "when": _span(story["first_date"], newest),
        "articles": story["articles"], "outlets": outlets,
        "bar": bar, "legend": bar[:LEGEND], "more_outlets": len(outlets) - LEGEND,
        "new": bool(seen and cov["arrived"] and cov["arrived"] > seen),
    }


def _opening(lead: str | None) -> list[str]:
    """The whole sentences that open ``lead`` (a cut-off last one is dropped)."""
    if not lead:
        return []
    text = lead_title(lead, 120)  # without a wire dateline; "…" when cut
    return _SENTENCE_END.split(text)[:-1] if text.endswith("…") else _SENTENCE_END.split(text)


def _lede(title: str, lines: list[str]) -> str | None:
    """The first line that says more than the title (an untitled story's title is its lead)."""
    stem = fold(title.rstrip("…"))[:60]
    for line in lines:
        if line and not fold(line).startswith(stem):
            return line
    return None


def _bar(outlets: list[tuple[str, int]], total: int) -> list[dict[str, Any]]:
    """Coverage-bar segments: x and width in percent, and a colour class per outlet."""
    out, x, taken = [], 0.0, set()
    for name, n in outlets:
        width = 100.0 * n / max(total, 1)
        index = colour(name, taken)
        taken.add(index)
        out.append({"x": round(x, 2), "width": round(width, 2), "name": name, "n": n,
                    "colour": f"o{index}"})
        x += width
    return out


def colour(outlet: str, taken: set[int]) -> int:
    """A colour index for an outlet: the same on every card unless two outlets of one
    card would share it, then the next free one (the palette repeats past 8 outlets)."""
    index = zlib.crc32(outlet.encode("utf-8")) % PALETTE
    for step in range(PALETTE):
        if (index + step) % PALETTE not in taken:
            return (index + step) % PALETTE
    return index


def _span(first: str | None, last: str | None) -> str | None:
    """"14 May 2024", or "12–14 May 2024" / "30 Apr – 2 May 2024" for a span."""
    if not last:
        return None
    end = _human(last)
    if not first or first[:10] == last[:10]:
        return end
    a, b = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{end}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {end}"
    return f"{_human(first)} – {end}"


def _human(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{d.day} {d:%b %Y}"

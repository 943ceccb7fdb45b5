"""Front matter of plain-text articles: who published them, when, under which title.

Two forms are read at the very top of a ``.txt`` file and removed from its body:

- labelled lines, one per field, ending at the first line that is not one::

      Title: Ferry service resumes after storm
      Source: The Harbour Gazette
      Published: 2025-03-14 08:30

- YAML-style ``key: value`` lines between two ``---`` lines (only that flat form:
  no lists or nesting, which article front matter does not need).

Keys are case-insensitive; the ones no field is read from are reported once,
like a record's ignored fields.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from newsprism.ingest.when import parse_when

log = logging.getLogger("newsprism")

# front-matter key -> the RawDocument field it fills
KEYS = {
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "publisher": "source", "site_name": "source",
    "url": "url", "link": "url",
    "published": "published", "date": "published", "pubdate": "published",
    "published_at": "published", "datetime": "published",
    "author": "author", "by": "author",
}
# a labelled line: only these labels open front matter, so a first sentence such as
# "Officials said: ..." is never taken for one
_LABELLED = re.compile(r"^(title|source|url|published|date|author|outlet)\s*:\s*(\S.*)$",
                       re.IGNORECASE)
_YAML_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
# a YAML block is looked for only this far down: front matter is short
_MAX_YAML_LINES = 30


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Fields named by a text's front matter, and the body without it."""

    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_time: str | None = None
    author: str | None = None


def read_front_matter(text: str, origin: str) -> FrontMatter:
    """``text`` split into its front matter's fields and the rest; no front matter, no change."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    pairs, end = _yaml_block(lines, start)
    if pairs is None:
        pairs, end = _labelled_lines(lines, start)
    if not pairs:
        return FrontMatter(body=text)
    return _fields(pairs, "\n".join(lines[end:]), origin)


def _yaml_block(lines: list[str], start: int) -> tuple[list[tuple[str, str]] | None, int]:
    if start >= len(lines) or lines[start].strip() != "---":
        return None, start
    pairs = []
    for i in range(start + 1, min(len(lines), start + 1 + _MAX_YAML_LINES)):
        line = lines[i].strip()
        if line == "---":
            return pairs, i + 1
        match = _YAML_LINE.match(line)
        if line and not line.startswith("#") and match is None:
            return None, start  # not flat key: value pairs: leave the text alone
        if match:
            pairs.append((match.group(1), _unquote(match.group(2))))
    return None, start


def _labelled_lines(lines: list[str], start: int) -> tuple[list[tuple[str, str]], int]:
    pairs = []
    i = start
    while i < len(lines):
        match = _LABELLED.match(lines[i].strip())
        if match is None:
            break
        pairs.append((match.group(1), match.group(2).strip()))
        i += 1
    return pairs, i


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _fields(pairs: list[tuple[str, str]], body: str, origin: str) -> FrontMatter:
    values: dict[str, str] = {}
    ignored = []
    for key, value in pairs:
        field = KEYS.get(key.lower())
        if field is None or field in values or not value:
            ignored.append(key)
        else:
            values[field] = value
    if ignored:
        log.warning("%s: ignored fields: %s", origin, ", ".join(ignored))
    published, time = parse_when(values.pop("published", None))
    return FrontMatter(body=body, published=published, published_time=time, **values)

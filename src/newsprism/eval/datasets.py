"""Reader for the multi-document summarisation sets (``summarization/*.jsonl``).

One line per cluster: ``{"id", "documents": [{"docno", "title", "text", "source",
"date"}], "references": [str], "meta": {...}}``. The DUC newswire carries SGML
typesetting codes (``&QL;``, ``&UR;`` ...) and odd spacing; those are removed
here, at the boundary, so the summariser sees what a cleaned article looks like.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import date
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsprism.errors import InputError
from newsprism.model import Article, content_id

Kind = Literal["summaries", "clusters"]

# Typesetting codes of the NYT/AP wire feeds (quad left, upper rail ...): layout, not text.
_WIRE_CODES = re.compile(r"&(?:QL|QC|QR|UR|LR|UL|LL|MD|HT|TL|AMP|bullet);")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
# Wire-service furniture on lines of its own: distribution notes, trim marks, contact
# lines, "nn" paragraph marks. Only whole lines are dropped; article text is untouched.
_FURNITURE = re.compile(
    r"^(?:\(.*\)|--.*|_+|Story Filed By .*|For Use By Clients of .*|On the Net:?|nn"
    r"|Distributed by .*|HOW TO REACH US.*)$",
    re.IGNORECASE,
)
_TRAILING_NN = re.compile(r"\s+nn$")
# Editors' pick-up marks on a short line: "The Mahane, 3rd graf pvs", "Babs, which, 2nd
# graf", "The tribunal, graf 5 pvs" (insert this before the paragraph starting so).
_MARK = r",\s*(?:pick\s+up\s+)?(?:\d+(?:st|nd|rd|th)\s+graf|graf\s+\d+)\b"
_PICKUP = re.compile(rf"^.{{0,60}}{_MARK}.{{0,40}}$", re.IGNORECASE)
# ... or glued after the last sentence of a line, where a layout code stood between them
_PICKUP_TAIL = re.compile(rf"(?<=[.!?\"”])\s+[A-Z\"][^.!?\n]{{0,60}}{_MARK}[^\n]{{0,40}}$")

# Word budget per dataset family when --words is not given (the task's own limit).
_BUDGETS = (
    ("duc2003", 100),
    ("duc2004", 100),
    ("duc2007_update", 100),
    ("duc2006", 250),
    ("duc2007", 250),
    ("multiling", 250),
)
DEFAULT_WORDS = 100


@dataclass(frozen=True, slots=True)
class Document:
    docno: str
    text: str
    source: str
    date: str | None  # "YYYY-MM-DD"
    title: str | None = None
    time: str | None = None  # "HH:MM" when the set gives a time of day

    def article(self) -> Article:
        """The document as a cleaned :class:`Article` (its id is a hash of the text)."""
        return Article(
            id=content_id(self.text),
            name=self.source or self.docno,
            text=self.text,
            title=self.title or None,
            published=self.date,
            published_time=self.time,
            record_id=self.docno,
        )


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    documents: tuple[Document, ...]
    references: tuple[str, ...]
    query: str | None = None  # the DUC 2006/2007 topic question, when the set has one

    def articles(self) -> tuple[Article, ...]:
        """Distinct documents as Articles, in the order of the file."""
        seen: dict[str, Article] = {}
        for doc in self.documents:
            a = doc.article()
            seen.setdefault(a.id, a)
        return tuple(seen.values())


def normalise_text(text: str) -> str:
    """Drop wire typesetting codes, decode entities, tidy spaces; one paragraph per line."""
    text = html.unescape(_WIRE_CODES.sub(" ", text))
    lines = (_PICKUP_TAIL.sub("", _TRAILING_NN.sub("", _SPACES.sub(" ", line).strip()))
             for line in text.splitlines())
    return "\n".join(line for line in lines if _is_text(line))


def _is_text(line: str) -> bool:
    """A line of article text: not empty, not furniture, not all capitals (a slug/heading)."""
    return bool(line) and not _FURNITURE.match(line) and not _PICKUP.match(line) and \
        any(ch.islower() for ch in line)


def _document(raw: dict, origin: str) -> Document:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise InputError(origin, "each document needs a 'text' string")
    date, time = _date_time(raw.get("date"))
    return Document(
        docno=str(raw.get("docno") or ""),
        text=normalise_text(raw["text"]),
        source=str(raw.get("source") or raw.get("docno") or "unknown"),
        date=date,
        title=(raw.get("title") or None),
        time=time,
    )


# The sets write "1998-11-06 21:16" (NYT), "11/06/1998 08:36:00" (AP) or a bare date
_ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d))?")
_US_DATE = re.compile(r"(\d\d)/(\d\d)/(\d{4})(?:\s+(\d\d):(\d\d))?")


def _date_time(value: object) -> tuple[str | None, str | None]:
    """("YYYY-MM-DD", "HH:MM" or None) of a document date, (None, None) when unreadable."""
    text = value if isinstance(value, str) else ""
    iso, us = _ISO_DATE.match(text), _US_DATE.match(text)
    if iso:
        y, m, d, hh, mm = iso.groups()
    elif us:
        m, d, y, hh, mm = us.groups()
    else:
        return None, None
    if int(m) > 12 >= int(d):  # DUC 2007's AP copy writes "1998-14-06" (year-day-month)
        m, d = d, m
    try:
        day = date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None, None
    return day, (f"{hh}:{mm}" if hh else None)


def _cluster(record: object, origin: str) -> Cluster:
    if not isinstance(record, dict):
        raise InputError(origin, "expected a JSON object per line")
    docs = record.get("documents")
    refs = record.get("references", [])
    if not isinstance(docs, list) or not docs:
        raise InputError(origin, "'documents' must be a non-empty list")
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(origin, "'references' must be a list of strings")
    meta = record.get("meta") or {}
    query = meta.get("query") if isinstance(meta, dict) else None
    return Cluster(
        id=str(record.get("id", origin)),
        documents=tuple(_document(d, origin) for d in docs),
        references=tuple(r for r in refs if r.strip()),
        query=query if isinstance(query, str) and query.strip() else None,
    )


def read_clusters(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """Clusters that have at least one reference, in file order (at most ``limit``).

    Raises:
        InputError: the file is missing, or a line is not valid JSON / lacks fields
            (the message names the line).
    """
    clusters: list[Cluster] = []
    for origin, line in json_lines(Path(path)):
        cluster = _cluster(json_record(origin, line), origin)
        if cluster.references:
            clusters.append(cluster)
        if limit is not None and len(clusters) >= limit:
            break
    return clusters


def json_lines(path: Path) -> Iterator[tuple[str, str]]:
    """``(origin, line)`` for each non-empty line; origin is ``path:number``."""
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "file not found") from None
    except (IsADirectoryError, PermissionError) as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield f"{path}:{number}", line
        except UnicodeDecodeError:
            # decoding runs ahead in blocks, so the line number would be a guess
            raise InputError(str(path), "not UTF-8 text") from None


def json_record(origin: str, line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"not valid JSON ({exc.msg})") from None


def dataset_kind(path: str | Path) -> Kind:
    """Which evaluation a file is for, from its first non-empty line.

    ``"summaries"`` when it has ``"documents"`` (one cluster per line),
    ``"clusters"`` when it has ``"cluster"`` (one gold-labelled article per line).

    Raises:
        InputError: missing or empty file, or a first line that is neither.
    """
    path = Path(path)
    for origin, line in json_lines(path):
        record = json_record(origin, line)
        if isinstance(record, dict) and "documents" in record:
            return "summaries"
        if isinstance(record, dict) and "cluster" in record:
            return "clusters"
        raise InputError(origin, "expected a JSON object with 'documents' (a summary set) "
                                 "or 'cluster' (a gold-cluster set)")
    raise InputError(str(path), "empty file: expected one JSON object per line")


def default_words(path: str | Path) -> int:
    """The task's own word limit, from the dataset file name (100 when unknown)."""
    name = Path(path).name.lower()
    for prefix, words in _BUDGETS:
        if name.startswith(prefix):
            return words
    return DEFAULT_WORDS

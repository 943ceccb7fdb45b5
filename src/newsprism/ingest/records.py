"""JSON and JSON Lines records -> RawDocuments, validated at the boundary.

A record is an object with ``text`` (or ``html``) and optional ``title``,
``url``, ``source``, ``published``, ``author`` and ``id``. A ``.json`` file may
hold one record, a list of records, or JSON Lines.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsprism.errors import InputError
from newsprism.nlp.dates import absolute_date
from newsprism.model import RawDocument

_OPTIONAL_STRINGS = ("title", "url", "source", "published", "author", "id")


def parse_records(
    text: str, origin: str, path: str | None, whole_json: bool
) -> tuple[list[RawDocument], list[InputError]]:
    """Documents from a JSON/JSONL body; bad lines or records become errors, not exceptions.

    Args:
        whole_json: try the body as one JSON value first (``.json`` files),
            falling back to JSON Lines when that fails.
    """
    if whole_json:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            pass  # not one JSON value: read it as JSON Lines below
        else:
            items = value if isinstance(value, list) else [value]
            return _records([(f"{origin}:record {i + 1}", v) for i, v in enumerate(items)], path)
    return _json_lines(text, origin, path)


def _json_lines(
    text: str, origin: str, path: str | None
) -> tuple[list[RawDocument], list[InputError]]:
    items: list[tuple[str, Any]] = []
    errors: list[InputError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            items.append((where, json.loads(line)))
        except json.JSONDecodeError as exc:
            errors.append(InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})"))
    docs, record_errors = _records(items, path)
    if not items and not errors:
        errors.append(InputError(origin, "no JSON records found (the file is empty)"))
    return docs, errors + record_errors


def _records(
    items: list[tuple[str, Any]], path: str | None
) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for where, value in items:
        try:
            docs.append(record_to_document(value, where, path))
        except InputError as exc:
            errors.append(exc)
    return docs, errors


def record_to_document(value: Any, origin: str, path: str | None = None) -> RawDocument:
    """One validated record as a RawDocument; raises InputError saying what is missing."""
    if not isinstance(value, dict):
        raise InputError(origin, f"expected a JSON object with a 'text' field, got {_kind(value)}")
    fields = {k: value.get(k) for k in _OPTIONAL_STRINGS}
    for key, field_value in fields.items():
        if field_value is not None and not isinstance(field_value, (str, int)):
            raise InputError(origin, f"field {key!r} must be a string, got {_kind(field_value)}")
    body, fmt = _body(value, origin)
    return RawDocument(
        origin=origin,
        body=body,
        format=fmt,
        title=_text_or_none(fields["title"]),
        url=_text_or_none(fields["url"]),
        source=_text_or_none(fields["source"]),
        published=absolute_date(fields["published"]),
        published_time=_clock(fields["published"]),
        author=_text_or_none(fields["author"]),
        path=path,
        record_id=_text_or_none(fields["id"]),
    )


# "2025-03-04T09:30", "2025-03-04 09:30:00Z": the time of day an ISO timestamp gives
_ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\d[T ](\d\d):(\d\d)")


def _clock(value: Any) -> str | None:
    """"HH:MM" of an ISO timestamp with a time of day, else None."""
    m = _ISO_TIME.match(str(value or "").strip())
    return f"{m[1]}:{m[2]}" if m and int(m[1]) < 24 and int(m[2]) < 60 else None


def _body(value: dict[str, Any], origin: str) -> tuple[str, str]:
    for key, fmt in (("text", "text"), ("html", "html")):
        body = value.get(key)
        if isinstance(body, str) and body.strip():
            return body, fmt
        if body is not None and not isinstance(body, str):
            raise InputError(origin, f"field {key!r} must be a string, got {_kind(body)}")
    raise InputError(origin, "record has no text (a non-empty 'text' field is required)")


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")

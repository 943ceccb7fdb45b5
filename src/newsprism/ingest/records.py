"""JSON and JSON Lines records -> RawDocuments, validated at the boundary.

A record is an object with ``text`` (or ``html``) and optional ``title``,
``url``, ``author`` and ``id``; its outlet may be named ``source``, ``outlet``,
``site_name`` or ``publisher`` (a string, or an object with a ``name``), and
its date ``published``, ``date``, ``pubDate``, ``published_at``, ``datetime``
or ``timestamp`` (ISO, RFC 822 or epoch seconds; a time of day is kept). The
first of each list that a record has is read. A ``.json`` file may hold one
record, a list of records, or JSON Lines.

Fields that are not read are reported once per file, as a warning on the
``newsprism`` logger (printed on stderr), so nothing is dropped silently.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.when import parse_when
from newsprism.model import RawDocument

log = logging.getLogger("newsprism")

DATE_FIELDS = ("published", "date", "pubDate", "published_at", "datetime", "timestamp")
SOURCE_FIELDS = ("source", "outlet", "site_name", "publisher")
_OPTIONAL_STRINGS = ("title", "url", "author", "id")
_BODY_FIELDS = ("text", "html")


def parse_records(
    text: str, origin: str, path: str | None, whole_json: bool,
    max_record_bytes: int | None = None,
) -> tuple[list[RawDocument], list[InputError]]:
    """Documents from a JSON/JSONL body; bad lines or records become errors, not exceptions.

    Args:
        whole_json: try the body as one JSON value first (``.json`` files),
            falling back to JSON Lines when that fails.
        max_record_bytes: a record (a line, or an item's text) larger than this
            is refused on its own; the other records are still read.
    """
    if whole_json:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            pass  # not one JSON value: read it as JSON Lines below
        except RecursionError:
            return [], [InputError(origin, _TOO_DEEP)]
        else:
            items = value if isinstance(value, list) else [value]
            found = [(f"{origin}:record {i + 1}", v) for i, v in enumerate(items)]
            warn_ignored(origin, [v for _, v in found])
            return _records(found, path, max_record_bytes)
    return _json_lines(text, origin, path, max_record_bytes)


_TOO_DEEP = "invalid JSON (nested too deeply to read)"


def warn_ignored(origin: str, values: list[Any]) -> None:
    """Warn once for ``origin`` about the fields its records hold that are not read."""
    ignored: dict[str, None] = {}
    for value in values:
        if isinstance(value, dict):
            ignored.update(dict.fromkeys(ignored_fields(value)))
    if ignored:
        log.warning("%s: ignored fields: %s", origin, ", ".join(ignored))


def ignored_fields(record: dict[str, Any]) -> list[str]:
    """Keys of ``record`` that no document field is read from, in record order.

    Of several date (or outlet) fields only the first is read; the others are
    ignored and so listed.
    """
    read = set(_OPTIONAL_STRINGS) | set(_BODY_FIELDS)
    for names in (DATE_FIELDS, SOURCE_FIELDS):
        first = next((k for k in names if record.get(k) not in (None, "")), None)
        read.add(first or "")
        read.update(k for k in names if record.get(k) in (None, ""))
    return [k for k in record if k not in read]


def _json_lines(
    text: str, origin: str, path: str | None, max_record_bytes: int | None
) -> tuple[list[RawDocument], list[InputError]]:
    items: list[tuple[str, Any]] = []
    errors: list[InputError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        if _over(line, max_record_bytes):
            errors.append(InputError(where, _record_too_big(line, max_record_bytes)))
            continue
        try:
            items.append((where, json.loads(line)))
        except json.JSONDecodeError as exc:
            errors.append(InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})"))
        except RecursionError:
            errors.append(InputError(where, _TOO_DEEP))
    warn_ignored(origin, [v for _, v in items])
    docs, record_errors = _records(items, path, None)
    if not items and not errors:
        errors.append(InputError(origin, "no JSON records found (the file is empty)"))
    return docs, errors + record_errors


def _records(
    items: list[tuple[str, Any]], path: str | None, max_record_bytes: int | None
) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for where, value in items:
        try:
            doc = record_to_document(value, where, path)
            if _over(doc.body, max_record_bytes):
                raise InputError(where, _record_too_big(doc.body, max_record_bytes))
            docs.append(doc)
        except InputError as exc:
            errors.append(exc)
    return docs, errors


def _over(text: str, limit: int | None) -> bool:
    """True when ``text`` is over ``limit`` bytes in UTF-8 (encoded only when it may be)."""
    return limit is not None and len(text) * 4 > limit and len(text.encode("utf-8")) > limit


def _record_too_big(text: str, limit: int | None) -> str:
    return (f"record is {len(text.encode('utf-8')) / 1e6:.1f} MB, over the "
            f"{(limit or 0) / 1e6:g} MB size limit per record (raise max_bytes to read it)")


def record_to_document(value: Any, origin: str, path: str | None = None) -> RawDocument:
    """One validated record as a RawDocument; raises InputError saying what is missing."""
    if not isinstance(value, dict):
        raise InputError(origin, f"expected a JSON object with a 'text' field, got {_kind(value)}")
    fields = {k: value.get(k) for k in _OPTIONAL_STRINGS}
    for key, field_value in fields.items():
        if field_value is not None and not isinstance(field_value, (str, int)):
            raise InputError(origin, f"field {key!r} must be a string, got {_kind(field_value)}")
    body, fmt = _body(value, origin)
    published, published_time = _when(value, origin)
    return RawDocument(
        origin=origin,
        body=body,
        format=fmt,
        title=_text_or_none(fields["title"]),
        url=_text_or_none(fields["url"]),
        source=_outlet(value, origin),
        published=published,
        published_time=published_time,
        author=_text_or_none(fields["author"]),
        path=path,
        record_id=_text_or_none(fields["id"]),
    )


def _first(value: dict[str, Any], names: tuple[str, ...]) -> tuple[str, Any]:
    return next(((k, value[k]) for k in names if value.get(k) not in (None, "")), ("", None))


def _when(value: dict[str, Any], origin: str) -> tuple[str | None, str | None]:
    key, raw = _first(value, DATE_FIELDS)
    if raw is not None and not isinstance(raw, str | int | float):
        raise InputError(origin, f"field {key!r} must be a date string or epoch seconds, "
                                 f"got {_kind(raw)}")
    return parse_when(raw)


def _outlet(value: dict[str, Any], origin: str) -> str | None:
    key, raw = _first(value, SOURCE_FIELDS)
    if isinstance(raw, dict):  # {"id": "ap", "name": "Associated Press"}, as news APIs write
        raw = raw.get("name")
    if raw is not None and not isinstance(raw, str | int):
        raise InputError(origin, f"field {key!r} must be a string, got {_kind(raw)}")
    return _text_or_none(raw)


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

"""Records as people write them: every common date and outlet field, ignored fields reported."""

from __future__ import annotations

import json
import logging

import pytest

from newsprism.config import Options
from newsprism.ingest import read_bytes

TEXT = "The Velmora ferry resumed service on Friday after the storm passed, the operator said."


def read(records: list[dict], name: str = "feed.jsonl"):
    body = "\n".join(json.dumps(r) for r in records).encode()
    return read_bytes(body, name, Options(), kind="jsonl")


@pytest.mark.parametrize(("field", "value", "day", "time"), [
    ("published", "2025-03-14", "2025-03-14", None),
    ("date", "2025-03-14T08:30:00Z", "2025-03-14", "08:30"),
    ("pubDate", "Fri, 14 Mar 2025 08:30:00 +0100", "2025-03-14", "07:30"),
    ("published_at", "2025-03-14T23:30:00-02:00", "2025-03-15", "01:30"),
    ("datetime", "2025-03-14 06:05", "2025-03-14", "06:05"),
    ("timestamp", 1741941000, "2025-03-14", "08:30"),
    ("timestamp", "1741941000000", "2025-03-14", "08:30"),  # milliseconds
    ("date", "March 14, 2025", "2025-03-14", None),
    ("date", "03/14/2025 08:30:00", "2025-03-14", "08:30"),
    ("date", "March 14, 2025 8:30 pm", "2025-03-14", "20:30"),
])
def test_each_date_field_and_form_is_read(field, value, day, time, caplog):
    docs, errors = read([{"text": TEXT, field: value}])
    assert errors == []
    assert (docs[0].published, docs[0].published_time) == (day, time)
    assert "ignored fields" not in caplog.text


@pytest.mark.parametrize("field", ["source", "outlet", "site_name", "publisher"])
def test_each_outlet_field_is_read(field):
    docs, _ = read([{"text": TEXT, field: "The Harbour Gazette"}])
    assert docs[0].source == "The Harbour Gazette"


def test_outlet_as_an_object_with_a_name():
    docs, _ = read([{"text": TEXT, "source": {"id": "hg", "name": "The Harbour Gazette"}}])
    assert docs[0].source == "The Harbour Gazette"


def test_ignored_fields_are_reported_once_per_file(caplog):
    caplog.set_level(logging.WARNING, logger="newsprism")
    records = [
        {"text": TEXT, "date": "2025-03-14", "category": "transport", "lang": "en"},
        {"text": TEXT + " More.", "category": "transport", "pubDate": "2025-03-15",
         "published": "2025-03-14"},
    ]
    docs, errors = read(records)
    assert errors == [] and len(docs) == 2
    warnings = [r.getMessage() for r in caplog.records]
    # a second date field is not read, so it is reported too
    assert warnings == ["feed.jsonl: ignored fields: category, lang, pubDate"]
    assert docs[1].published == "2025-03-14"


def test_a_date_field_that_is_an_object_is_an_error():
    docs, errors = read([{"text": TEXT, "date": {"y": 2025}}])
    assert docs == [] and "field 'date'" in str(errors[0])

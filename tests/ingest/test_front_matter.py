"""Plain-text front matter: labelled lines or a YAML block name the outlet and date."""

from __future__ import annotations

import logging

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.ingest import read_bytes

BODY = ("The Velmora ferry resumed service on Friday after the storm passed.\n"
        "The operator said all crossings would run to timetable by Sunday.\n")


def read_text(text: str):
    docs, errors = read_bytes(text.encode(), "story.txt", Options(), kind="text",
                              path="story.txt")
    assert errors == []
    return docs[0]


def test_labelled_lines_name_title_outlet_url_and_date():
    doc = read_text("Title: Ferry back after storm\nSource: The Harbour Gazette\n"
                    "URL: https://gazette.example/ferry\nPublished: 2025-03-14 08:30\n\n" + BODY)
    assert (doc.title, doc.source, doc.url) == (
        "Ferry back after storm", "The Harbour Gazette", "https://gazette.example/ferry")
    assert (doc.published, doc.published_time) == ("2025-03-14", "08:30")
    article = clean_document(doc, Options())
    assert article.name == "The Harbour Gazette" and article.published_time == "08:30"
    assert "Source:" not in article.text and article.text.startswith("The Velmora ferry")
    assert not article.date_guessed


def test_yaml_block_is_read_and_unknown_keys_reported(caplog):
    caplog.set_level(logging.WARNING, logger="newsprism")
    doc = read_text('---\ntitle: "Ferry back after storm"\noutlet: Harbour Gazette\n'
                    "date: Fri, 14 Mar 2025 08:30:00 +0000\ntags: transport\n---\n" + BODY)
    assert (doc.title, doc.source, doc.published) == (
        "Ferry back after storm", "Harbour Gazette", "2025-03-14")
    assert doc.body.strip() == BODY.strip()
    assert [r.getMessage() for r in caplog.records] == ["story.txt: ignored fields: tags"]


def test_text_without_front_matter_is_unchanged():
    text = "Officials said: the ferry runs again.\n" + BODY
    doc = read_text(text)
    assert doc.body == text and doc.source is None


def test_a_date_guessed_from_the_body_says_so():
    doc = read_text("Ferry back after storm\n\nOn March 14, 2025 the Velmora ferry resumed "
                    "service after the storm passed, the operator said.\n")
    article = clean_document(doc, Options())
    assert article.published == "2025-03-14" and article.date_guessed

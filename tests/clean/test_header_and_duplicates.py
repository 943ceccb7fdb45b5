"""Titles, date headers, outlet names and repeated paragraphs."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document, outlet_name
from newsprism.clean.duplicates import find_duplicates
from newsprism.config import Options
from newsprism.errors import ExtractionError
from newsprism.model import RawDocument

OPTIONS = Options()


def text_doc(body, **kw):
    return RawDocument(origin=kw.pop("origin", "story.txt"), body=body, format="text", **kw)


@pytest.mark.parametrize(
    ("header", "date"),
    [
        (" date 2024-05-14 ", "2024-05-14"),
        ("Published: May 14, 2024 - ", "2024-05-14"),
        ("14 May 2024 | ", "2024-05-14"),
        ("Updated 2024-05-14T09:12:00Z ", "2024-05-14"),
    ],
)
def test_date_header_is_moved_to_published(header, date):
    article = clean_document(text_doc(f"{header}Rescue crews worked through the night."), OPTIONS)
    assert article.published == date
    assert article.text == "Rescue crews worked through the night."
    assert [r.kind for r in article.removed] == ["dateline"]


def test_a_date_inside_a_sentence_is_left_alone():
    body = "Harbour deal approved\n\nMay 14, 2024 was the day the council finally voted."
    article = clean_document(text_doc(body), OPTIONS)
    assert article.text == "May 14, 2024 was the day the council finally voted."


def test_title_line_needs_to_be_short_and_unpunctuated():
    article = clean_document(text_doc("The council met on Monday.\nIt voted 12 to 3."), OPTIONS)
    assert article.title is None and article.text.startswith("The council met")


def test_furniture_on_the_first_line_is_not_a_title():
    article = clean_document(text_doc("Share this article\nFerry deal approved\nThe vote was 12-3."),
                             OPTIONS)
    assert article.title == "Ferry deal approved"
    assert [(r.kind, r.text) for r in article.removed] == [("furniture", "Share this article")]


def test_container_title_repeated_in_body_is_removed():
    doc = text_doc("Ferry deal approved\n\nThe council approved the deal.",
                   title="Ferry deal approved")
    article = clean_document(doc, OPTIONS)
    assert article.text == "The council approved the deal."
    assert [(r.kind, r.text) for r in article.removed] == [("title", "Ferry deal approved")]


def test_nothing_left_is_an_extraction_error():
    with pytest.raises(ExtractionError, match="no article text"):
        clean_document(text_doc("Share this article\nAdvertisement\n"), OPTIONS)


@pytest.mark.parametrize(
    ("source", "url", "path", "name"),
    [
        ("Harbour Gazette", "https://www.x.example/a", "a.txt", "Harbour Gazette"),
        (None, "https://www.dailysabah.com/politics/x", "a.html", "dailysabah.com"),
        (None, None, "/data/capital_post.txt", "Capital Post"),
        (None, None, "/seeds/000_bd018aa35dbc4827.txt", "000_bd018aa35dbc4827"),
        (None, None, "/data/batch.jsonl:3", "Batch"),
        (None, None, "<stdin>", "stdin"),
    ],
)
def test_outlet_name(source, url, path, name):
    assert outlet_name(source, url, path) == name


def test_duplicates_exact_near_and_distinct():
    paragraphs = [
        "The council approved the new ferry contract on Tuesday after a long debate.",
        "Officials said the contract would run for ten years.",
        "The council approved the new ferry contract on Tuesday after a long debate",
        "The council approved the new ferry contract on Tuesday after a long debate, "
        "and also voted to buy two new electric ferries for the northern route by 2027 "
        "with money from the regional climate fund.",
    ]
    # the copy without a full stop goes; the long paragraph adds facts, so it stays
    assert find_duplicates(paragraphs) == {2: 0}


def test_changed_numbers_or_short_lines_are_not_duplicates():
    assert find_duplicates([
        "Forty people were hurt, and 40 of them were taken to hospital in Brenholt.",
        "Forty people were hurt, and 45 of them were taken to hospital in Brenholt.",
        "Yes.",
        "Yes.",
    ]) == {}


def test_a_later_complete_copy_replaces_a_truncated_one():
    first = '"We will rebuild the line," the minister told reporters at the scene'
    later = '"We will rebuild the line," Transport Minister Ana Ruiz told reporters at the scene.'
    assert find_duplicates([first, "Other news.", later]) == {0: 2}

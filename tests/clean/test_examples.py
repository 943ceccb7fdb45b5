"""The bundled sample story: furniture out of the text and into `removed`, metadata found."""

from __future__ import annotations

import re

import pytest

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.ingest import read_inputs

NOISE = re.compile(
    r"ALSO READ|READ MORE|Recommended|handout photo|File photo|Open gallery view|Credit:|Photo:|"
    r"A\+ A-|Advertisement|Share this|Sign up|newsletter|cookies|Follow us|block is broken|"
    r"contributed to this report|Reporting by|All rights reserved|Most read",
    re.I,
)


@pytest.fixture(scope="module")
def articles(examples):
    docs, errors = read_inputs([str(examples)], Options())
    assert errors == []
    return {a.name: a for a in (clean_document(d, Options()) for d in docs)}


def removed(article, kind):
    return [r.text for r in article.removed if r.kind == kind]


def test_every_outlet_is_read_with_its_name(articles):
    assert sorted(articles) == ["Capital Post", "Eastwind Observer", "Meridian Wire",
                                "The Brenholt Courier", "Vastoria Daily News"]


def test_no_noise_left_in_any_text(articles):
    for article in articles.values():
        for line in article.text.split("\n\n"):
            assert not NOISE.search(line), (article.name, line)


def test_metadata_from_pages_and_records(articles):
    courier = articles["The Brenholt Courier"]
    assert courier.title == "Dozens hurt as landslide derails commuter train near Osterfeld"
    assert courier.published == "2024-05-14" and courier.author == "Lena Hald"
    eastwind = articles["Eastwind Observer"]
    assert eastwind.published == "2024-05-14" and eastwind.record_id == "eo-2024-0514-rail"
    assert eastwind.url.startswith("https://eastwindobserver.example/")


def test_glued_date_header_and_title_printed_twice(articles):
    post = articles["Capital Post"]
    assert post.published == "2024-05-14"
    assert post.text.startswith("Rescue crews worked through the morning")
    assert removed(post, "dateline") == ["date 2024-05-14"]
    assert removed(post, "title") == ["Minister vows answers after Osterfeld train crash"]
    assert post.title == "Minister vows answers after Osterfeld train crash"
    assert removed(post, "furniture") == ["A+ A-"]
    assert removed(post, "credit") == ["Credit: Jan Brodsky"]
    assert removed(post, "contributor") == ["Anna Kovacs contributed to this report."]


def test_captions_and_credits_are_recorded(articles):
    assert removed(articles["Meridian Wire"], "credit") == ["(OSTERFELD FIRE BRIGADE / MERIDIAN)"]
    assert removed(articles["Vastoria Daily News"], "credit") == ["(VDN ARCHIVE / M. SOREL)"]
    courier = articles["The Brenholt Courier"]
    assert removed(courier, "caption")[0].startswith("Rescue workers stand beside")
    assert removed(courier, "credit") == ["Photo: Lena Hald / The Brenholt Courier"]


def test_repeated_paragraphs_keep_the_complete_copy_once(articles):
    wire = articles["Meridian Wire"]
    assert len(removed(wire, "duplicate")) == 1
    assert wire.text.count("Our first thought is with the injured") == 1
    assert "told reporters at the scene near Osterfeld." in wire.text
    daily = articles["Vastoria Daily News"]
    assert len(removed(daily, "duplicate")) == 1
    assert daily.text.count("We said it in March, in writing") == 1


def test_links_after_a_recommended_cue(articles):
    assert removed(articles["Eastwind Observer"], "link") == [
        "READ MORE: Vastoria's 2024 budget: where the money goes",
        "Recommended",
        "Five things to know about Vastoria's rail network",
        "Lindau tram strike called off after pay deal",
    ]


def test_text_is_one_paragraph_per_line_block(articles):
    for article in articles.values():
        paragraphs = article.text.split("\n\n")
        assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)

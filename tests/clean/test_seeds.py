"""The five real seed articles (skipped when ../shared/seeds is absent)."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.clean.duplicates import tokens
from newsprism.config import Options
from newsprism.ingest import read_inputs
from tests.conftest import SEED_NOISE


@pytest.fixture(scope="module")
def cleaned(seeds):
    docs, errors = read_inputs([str(seeds)], Options())
    assert errors == [] and len(docs) == 5
    return {d.origin.rsplit("/", 1)[-1][:3]: (d, clean_document(d, Options())) for d in docs}


TITLES = {
    "001": "Turkish, Israeli ministers pledge to boost security cooperation",
    "003": "Turkey, Israel agree on boosting ties, defense, security cooperation",
    "004": "Israeli minister signals resumption of defence ties with Turkey",
}


def test_titles_are_found(cleaned):
    for key, title in TITLES.items():
        assert cleaned[key][1].title == title
    assert cleaned["000"][1].title is None  # its first line is a full sentence


def test_glued_date_header(cleaned):
    article = cleaned["002"][1]
    assert article.published == "2022-10-27"
    assert article.text.startswith("Defense Minister Benny Gantz met")
    assert [r.text for r in article.removed if r.kind == "dateline"] == ["date 2022-10-27"]


def test_all_furniture_removed_and_recorded(cleaned):
    expected = {
        "000": {"duplicate": 1},
        "001": {"caption": 1, "credit": 1, "link": 3, "duplicate": 1},
        "002": {"dateline": 1, "caption": 2, "credit": 2, "contributor": 1},
        "003": {"title": 1, "furniture": 1},
        "004": {"furniture": 1},
    }
    for key, (_, article) in cleaned.items():
        counts: dict[str, int] = {}
        for r in article.removed:
            counts[r.kind] = counts.get(r.kind, 0) + 1
        assert counts == expected[key], key
        assert not SEED_NOISE.search(article.text), key


def test_no_real_sentence_is_lost(cleaned):
    """Every non-noise line of the source survives, or has a near-copy that does."""
    for key, (doc, article) in cleaned.items():
        removed_kinds = {r.text: r.kind for r in article.removed}
        kept = {tuple(tokens(p)) for p in article.text.split("\n\n")}
        for line in (" ".join(ln.split()) for ln in doc.body.splitlines()):
            if not line or line == article.title:
                continue
            if removed_kinds.get(line) in ("duplicate", "title"):
                continue
            if any(r.kind != "duplicate" and r.text in line for r in article.removed):
                continue  # a caption, credit, link, furniture or dateline
            assert tuple(tokens(line)) in kept, (key, line)

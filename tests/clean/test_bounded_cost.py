"""Cleaning costs near-linear time on huge input and reads a bounded share of it (issue 13)."""

from __future__ import annotations

import random

from newsprism.clean import clean_document
from newsprism.clean.duplicates import find_duplicates, same_paragraph, tokens
from newsprism.config import Options
from newsprism.model import RawDocument

PLACES = ["Brenholt", "Osterfeld", "Tarvosa", "Lenk", "Sellvik", "Quillan", "Durrow"]
THINGS = ["the rail line", "the harbour bridge", "the water plant", "the school roof"]


def paragraph(rng: random.Random) -> str:
    return " ".join(
        f"Officials in {rng.choice(PLACES)} said {rng.choice(THINGS)} reopened after "
        f"{rng.randint(2, 900)} days of repairs in {rng.randint(1990, 2024)}."
        for _ in range(3))


def test_a_huge_document_is_read_up_to_the_cap_and_the_rest_is_listed():
    rng = random.Random(7)
    body = "\n\n".join(paragraph(rng) for _ in range(4000))  # ~1 MB
    options = Options(max_article_chars=20_000)
    article = clean_document(RawDocument(origin="huge.txt", body=body, format="text"), options)
    assert 15_000 < len(article.text) <= 20_000
    assert body.startswith(article.text.split("\n\n")[0])
    (over,) = [r for r in article.removed if r.kind == "over_length"]
    assert "max_article_chars" in over.text


def test_a_short_document_is_untouched_by_the_cap():
    text = "The Lenk ferry sailed again on Monday after a week of storms, its owners said."
    article = clean_document(RawDocument(origin="a.txt", body=text, format="text"), Options())
    assert article.text == text and not article.removed


def brute_force(paragraphs: list[str]) -> dict[int, int]:
    """The pairwise definition find_duplicates must agree with (first copy kept unless a
    later one is more complete)."""
    toks = [tokens(p) for p in paragraphs]
    kept: list[int] = []
    dropped: dict[int, int] = {}
    for i, tok in enumerate(toks):
        match = next((k for k in kept if same_paragraph(toks[k], tok)), None)
        if match is None:
            kept.append(i)
        elif paragraphs[i][-1:] == "." and paragraphs[match][-1:] != "." \
                and len(paragraphs[i]) >= len(paragraphs[match]):
            kept[kept.index(match)] = i
            dropped = {d: (i if keep == match else keep) for d, keep in dropped.items()}
            dropped[match] = i
        else:
            dropped[i] = match
    return dropped


def test_the_word_index_finds_exactly_the_pairwise_copies():
    rng = random.Random(3)
    vocab = "the a council park budget bridge mayor said monday 40 45 storm road".split()
    for _ in range(400):
        base = [" ".join(rng.choices(vocab, k=rng.randint(3, 14))) for _ in range(4)]
        paragraphs = []
        for _ in range(rng.randint(1, 10)):
            words = rng.choice(base).split()
            if rng.random() < 0.5 and len(words) > 1:
                words.pop(rng.randrange(len(words)))
            paragraphs.append(" ".join(words) + rng.choice([".", ""]))
        assert find_duplicates(paragraphs) == brute_force(paragraphs), paragraphs


def test_thousands_of_paragraphs_are_compared_without_every_pair():
    rng = random.Random(11)
    paragraphs = [paragraph(rng) for _ in range(3000)]
    paragraphs += paragraphs[:50]  # exact repeats at the end
    found = find_duplicates(paragraphs)
    assert found == {3000 + i: i for i in range(50)}

"""A story's analysis looks at a bounded number of sentences: each article's lead (issue 13)."""

from __future__ import annotations

from newsprism import segment
from newsprism.model import Article


def article(key: str, sentences: int) -> Article:
    text = " ".join(f"The Lenk council met for the {n}th time on Monday, officials said."
                    for n in range(1, sentences + 1))
    return Article(id=key, name=f"Outlet {key}", text=text)


def split(*sizes: int) -> dict:
    return {a.id: segment.split_sentences(a) for a in
            (article(str(i), n) for i, n in enumerate(sizes))}


def test_every_sentence_is_kept_when_the_story_fits():
    by_article = split(10, 50, 3)
    assert segment.leading_sentences(by_article, 63) is by_article


def test_a_long_story_keeps_the_same_number_of_leading_sentences_per_article():
    by_article = split(10, 50, 3)
    kept = segment.leading_sentences(by_article, 20)
    assert {k: len(v) for k, v in kept.items()} == {"0": 8, "1": 8, "2": 3}
    assert all(kept[k] == by_article[k][:len(kept[k])] for k in kept)


def test_each_article_keeps_its_first_sentence_however_many_there_are():
    kept = segment.leading_sentences(split(*[4] * 30), 10)
    assert all(len(v) == 1 for v in kept.values())

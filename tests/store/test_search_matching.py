"""Matched words and snippets, found in one pass as SQLite's tokenizer would find them."""

from __future__ import annotations

from newsprism.store.matching import END, HIT, Matcher, fold, snippet

TEXT = ("The Selmar ferry sank near Varnholt harbour on Monday. Harbour officials said the "
        "ferry's captain, Jonas Brändle, had sailed the U.S.-built ferry for 20 years.")


def found(terms: list[tuple[tuple[str, ...], bool]], text: str = TEXT) -> list[str]:
    return [text[s:e] for s, e in Matcher(terms).spans(text)]


def test_fold_drops_case_and_accents() -> None:
    assert fold("BRÄNDLE") == fold("brandle") == "brandle"


def test_words_phrases_and_prefixes_are_found_with_their_original_spelling() -> None:
    assert found([(("harbour",), False)]) == ["harbour", "Harbour"]
    assert found([(("ferry", "sank"), False)]) == ["ferry sank"]
    assert found([(("harb",), True)]) == ["harbour", "Harbour"]
    assert found([(("brandle",), False)]) == ["Brändle"]
    assert found([(("u", "s", "bu"), True)]) == ["U.S.-built"]


def test_overlapping_terms_merge_into_one_span() -> None:
    terms = [(("ferry",), False), (("selmar", "ferry", "sank"), False), (("sank",), False)]
    assert found(terms)[0] == "Selmar ferry sank"


def test_snippet_marks_words_and_shows_where_the_text_was_cut() -> None:
    matcher = Matcher([(("captain",), False), (("brandle",), False)])
    text = "Filler words. " * 40 + TEXT
    out = snippet(text, matcher.spans(text), width=80)
    assert out.startswith("…") and out.endswith("…")
    assert f"{HIT}captain{END}" in out and f"{HIT}Brändle{END}" in out
    assert snippet("No match here.", []) == "No match here."


def test_snippet_prefers_the_window_with_most_different_words() -> None:
    text = "harbour " * 30 + "ferry harbour captain " + "x " * 100
    matcher = Matcher([(("harbour",), False), (("ferry",), False), (("captain",), False)])
    assert f"{HIT}captain{END}" in snippet(text, matcher.spans(text), width=60)

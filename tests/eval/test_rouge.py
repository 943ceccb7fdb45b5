"""The scorer against hand-computed ROUGE values."""

import pytest

pytest.importorskip("rouge_score")

from newsprism.eval.rouge import Score, Scorer, aggregate, truncate  # noqa: E402


def test_truncate_keeps_first_words():
    assert truncate("one two  three\nfour", 2) == "one two"
    assert truncate("one two", None) == "one two"
    assert truncate("one two", 10) == "one two"


def test_recall_and_f1_by_hand():
    # reference: the cat sat (3 unigrams, 2 bigrams); summary: 6 unigrams, 5 bigrams
    s = Scorer(words=None).score("the cat sat on the mat", ["the cat sat"])
    assert s.r1_recall == pytest.approx(1.0)
    assert s.r1_f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)  # precision 3/6
    assert s.r2_recall == pytest.approx(1.0)
    assert s.r2_f1 == pytest.approx(2 * 0.4 * 1.0 / 1.4)  # precision 2/5


def test_summary_is_truncated_before_scoring():
    s = Scorer(words=2).score("the cat sat on the mat", ["the cat sat"])
    assert s.r1_recall == pytest.approx(2 / 3)
    assert s.r2_recall == pytest.approx(1 / 2)


def test_cluster_score_is_mean_over_references():
    s = Scorer(words=None).score("the cat sat", ["the cat sat", "a dog ran"])
    assert s.r1_recall == pytest.approx(0.5)
    assert s.r2_recall == pytest.approx(0.5)


def test_stemming_is_on_and_stop_words_kept():
    s = Scorer(words=None).score("cats running", ["the cat runs"])
    assert s.r1_recall == pytest.approx(2 / 3)  # cat~cats, run~running; "the" counts


def test_aggregate_is_deterministic_with_interval():
    scores = [Score(0.1 * i, 0.1 * i, 0.05 * i, 0.05 * i) for i in range(1, 6)]
    a, b = aggregate(scores), aggregate(scores)
    assert a == b
    assert a.mean["r1_recall"] == pytest.approx(0.3)
    assert a.low["r1_recall"] <= 0.3 <= a.high["r1_recall"]
    same = aggregate([Score(0.2, 0.2, 0.1, 0.1)] * 4)
    assert same.low["r2_recall"] == pytest.approx(same.high["r2_recall"]) == pytest.approx(0.1)


def test_missing_extra_names_the_install(monkeypatch):
    import sys

    from newsprism.errors import DependencyError

    monkeypatch.setitem(sys.modules, "rouge_score", None)  # import now raises ImportError
    with pytest.raises(DependencyError, match=r"newsprism\[eval\]"):
        Scorer(words=100)

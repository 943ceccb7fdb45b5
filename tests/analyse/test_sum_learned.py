"""The summary's learned word-importance model: features by hand, sensible probabilities."""

import pytest

from newsprism.analyse.summary import learned as sum_learned
from newsprism.model import Sentence


def _sentences(outlets: dict[str, list[str]]) -> list[Sentence]:
    out = []
    for source, texts in outlets.items():
        start = 0
        for index, text in enumerate(texts):
            out.append(Sentence(source, start, start + len(text), text, index, index))
            start += len(text) + 1
    return out


STORY = _sentences({
    "a": ["Floods closed the Varna bridge on Monday.", "Crews worked overnight.",
          "\"We saw the water rise,\" a driver said.", "Repairs cost 40 million."],
    "b": ["The Varna bridge shut after floods.", "Officials blamed heavy rain.",
          "Drivers used the ferry."],
})


def _row(word: str, query: set[str] = frozenset()) -> dict[str, float]:
    stats = sum_learned.word_stats(STORY, set(query))
    return dict(zip(sum_learned.WORD_FEATURES, stats.rows[stats.words.index(word)]))


def test_word_features_by_hand():
    varna = _row("varna")
    assert varna["outlets"] == 1.0 and varna["lead"] == 1.0
    assert varna["capital"] == 1.0  # mid-sentence capital both times
    assert varna["early"] == 1.0  # first sentence of both outlets
    assert varna["sentences"] == pytest.approx(2 / 7)
    water = _row("water")
    assert water["outlets"] == 0.5 and water["quoted"] == 1.0 and water["lead"] == 0.0
    assert water["position"] == pytest.approx(2 / 4)
    assert _row("40")["number"] == 1.0
    assert _row("ferry", {"ferry"})["query"] == 1.0 and _row("ferry")["query"] == 0.0
    # stop words are not content words; plurals meet their singular
    stats = sum_learned.word_stats(STORY, set())
    assert "the" not in stats.words and "flood" in stats.words and "floods" not in stats.words
    assert stats.uses["varna"] == 2 and stats.outlets["varna"] == 2 and stats.outlets["40"] == 1


def test_importance_ranks_the_shared_lead_word_above_a_quoted_aside():
    stats = sum_learned.word_stats(STORY, set())
    importance = sum_learned.word_importance(stats)
    assert set(importance) == set(stats.words)
    assert all(0.0 < p < 1.0 for p in importance.values())
    assert importance["bridge"] > importance["water"]
    assert importance["flood"] > importance["overnight"]

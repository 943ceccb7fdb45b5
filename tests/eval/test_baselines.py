"""Baselines' plumbing on the fictional fixture: offline, in budget, made of source sentences."""

from pathlib import Path

import pytest

from newsprism.errors import ConfigError
from newsprism.eval.baselines import get_baseline, lead
from newsprism.eval.datasets import read_clusters

FIXTURE = Path(__file__).parents[1] / "fixtures" / "eval" / "tiny_mds.jsonl"


@pytest.fixture(scope="module")
def clusters():
    return read_clusters(FIXTURE)


def test_lead_takes_the_most_recent_document(clusters):
    text = lead(clusters[0], 5)
    assert text == "Commuters crossed the new Marrow"


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa"])
def test_sumy_baselines_run_offline(clusters, name):
    pytest.importorskip("sumy")
    pytest.importorskip("punkt")
    run = get_baseline(name)
    for cluster in clusters:
        text = run(cluster, 30)
        assert text
        source = " ".join(d.text for d in cluster.documents)
        first = text.split(". ")[0].rstrip(".")
        assert first in source
        # whole sentences in rating order until the budget is reached: at most one over
        assert len(text.split()) < 30 + max(len(s.split()) for s in source.split("\n"))


def test_offline_tokenizer_splits_sentences():
    pytest.importorskip("sumy")
    from newsprism.eval.baselines import offline_tokenizer

    tok = offline_tokenizer()
    assert tok.to_sentences("Dr. Brandt spoke. The library opened.") == (
        "Dr. Brandt spoke.", "The library opened.")
    assert "library" in tok.to_words("The library opened.")


def test_unknown_baseline():
    with pytest.raises(ConfigError, match="unknown baseline"):
        get_baseline("oracle")

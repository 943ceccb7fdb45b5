"""Quality gate: NewsPrism's summary on the first 10 DUC 2003 clusters, pinned floors.

Skips when the evaluation data is absent (a fresh clone). A change that lowers a
floor must say so in its commit message; raise the floors when quality goes up.
"""

from pathlib import Path

import pytest

DATA = Path(__file__).parents[2] / ".." / "shared" / "data" / "summarization"
DATA = DATA / "duc2003_mds.jsonl"

# tfidf embedder, 100 words, first 10 clusters, ROUGE recall in %. Measured at summary v4
# with pronoun-led and unterminated lines left out: R1 35.53, R2 8.59 (before: 36.00 /
# 8.68; v3 with corroboration: 34.83 / 8.7; v2: 33.80 / 8.48; sumy LexRank on the same
# clusters: 31.42 / 5.66). Summary v5 (standalone lines, issue 9): 35.38 / 8.42.
# Issue 9, learned stand-alone decision and citation check: 35.11 / 8.23 (the whole
# of DUC 2003 stays above its 38.0 / 10.0 gate: 38.09 / 10.15); floors lowered to 35.1 / 8.2.
# The output is deterministic; the margin only absorbs floating-point differences.
FLOORS = {"r1_recall": 35.1, "r2_recall": 8.2}


@pytest.mark.skipif(not DATA.exists(), reason=f"evaluation data not found at {DATA}")
def test_duc2003_first_ten_clusters_hold_their_floor():
    pytest.importorskip("rouge_score")
    from newsprism.eval import read_clusters
    from newsprism.eval.rouge import Scorer, aggregate
    from newsprism.eval.runner import newsprism_system

    clusters = read_clusters(DATA, limit=10)
    run, scorer = newsprism_system(embedder="tfidf"), Scorer(100)
    summary = aggregate([scorer.score(run(c, 100), c.references) for c in clusters])
    for metric, floor in FLOORS.items():
        assert 100 * summary.mean[metric] >= floor, (metric, 100 * summary.mean[metric])

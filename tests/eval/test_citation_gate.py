"""Quality gate: citation and "only in some" precision on hand-labelled DUC 2003 clusters.

The labels (``benchmarks/data/citations_labelled.jsonl``) are references into
``../shared/data``; the gate skips when it is absent. Precision is over the labelled
citations the pipeline still produces, so the gate also pins how many it still
produces: a change that drops most citations cannot pass by dropping the bad ones.
A change that lowers a floor must say so in its commit message.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "benchmarks" / "citation_precision.py"
DATA = ROOT / ".." / "shared" / "data" / "summarization" / "duc2003_mds.jsonl"

# Measured with value-aware alignment: strict 0.888 (79 of 89), exclusive 0.760 (19 of 25).
# Issue 9, citation check (Options.citation_carried): strict 0.927 (38 of 41 matched; 78
# labels are stale because their facts changed, 23 new citations unlabelled): matched
# floor lowered from 82 to 41. Session 6, a line cites only sentences holding 80% of its
# content words (Options.citation_states): 2 supported citations of these old labels go,
# the 3 bad ones stay (36 of 39); on the trust benchmark's report half the same rule took
# strict precision 0.89 -> 0.94 (TF-IDF) and 0.93 -> 0.95 (MiniLM): matched floor 41 -> 39.
FLOORS = {"citation": 0.86, "exclusive": 0.70, "matched": 39}


@pytest.mark.skipif(not DATA.exists(), reason=f"evaluation data not found at {DATA}")
def test_citations_and_exclusives_hold_their_floors():
    spec = importlib.util.spec_from_file_location("citation_precision", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from newsprism.eval import read_clusters

    labels = bench.load_labels()
    wanted = set(lab["cluster"] for lab in labels)
    clusters = {c.id: c for c in read_clusters(DATA) if c.id in wanted}
    out = bench.score(labels, clusters)
    cite, excl = out["cite"], out["excl"]
    assert cite["matched"] >= FLOORS["matched"], cite
    assert cite["supported"] / cite["matched"] >= FLOORS["citation"], cite
    assert excl["true"] / excl["matched"] >= FLOORS["exclusive"], excl

"""The join-model trainer's cross-validation on a tiny fictional data folder (seconds)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsprism.cluster import JoinModel
from newsprism.cluster.merge import MERGE_FEATURES
from newsprism.eval import train_cluster

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "tiny_clusters.jsonl"


def test_cross_validation_scores_each_training_set_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in train_cluster.FILES.values():
        shutil.copy(TINY, tmp_path / name)
    out_file = tmp_path / "weights.json"
    train_cluster.main(["--data", str(tmp_path), "--cv", "0.6,0.7", "-o", str(out_file)])
    out = capsys.readouterr().out
    for name in train_cluster.FILES:
        assert f"merge 0.70 {name}" in out
    assert "merge 0.60 mean" in out and "merge 0.70 mean" in out
    assert not out_file.exists()


def test_fitting_writes_join_and_merge_weights_the_clusterer_reads(tmp_path: Path) -> None:
    for name in train_cluster.FILES.values():
        shutil.copy(TINY, tmp_path / name)
    join_file, merge_file = tmp_path / "join.json", tmp_path / "merge.json"
    train_cluster.main(["--data", str(tmp_path), "-o", str(join_file),
                        "--merge-output", str(merge_file)])
    merger = JoinModel.from_dict(json.loads(merge_file.read_text()), MERGE_FEATURES)
    assert len(merger.coefficients) == len(MERGE_FEATURES)
    assert JoinModel.from_dict(json.loads(join_file.read_text())).coefficients

"""The join-model trainer's cross-validation on a tiny fictional data folder (seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
        assert f"join 0.70 {name}" in out
    assert "join 0.60 mean" in out and "join 0.70 mean" in out
    assert not out_file.exists()

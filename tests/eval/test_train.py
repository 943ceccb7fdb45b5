"""Fitting the summary's learned models: both parts written, every feature named, deterministic."""

import json
from pathlib import Path

from newsprism.analyse.summary import learned as sum_learned
from newsprism.eval import train

FIXTURE = Path(__file__).parents[1] / "fixtures" / "eval" / "tiny_mds.jsonl"


def test_train_writes_both_models_deterministically(tmp_path, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    train.main([str(FIXTURE), "-o", str(first)])
    train.main([str(FIXTURE), "-o", str(second)])
    capsys.readouterr()
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text())
    assert data["trained_on"] == ["tiny_mds.jsonl"]
    assert set(data["sentences"]["coefficients"]) == set(sum_learned.FEATURES)
    assert set(data["words"]["coefficients"]) == set(sum_learned.WORD_FEATURES)
    assert all(isinstance(v, float) for v in data["words"]["coefficients"].values())


def test_shipped_weights_name_every_feature():
    shipped = Path(sum_learned.__file__).with_name("weights.json")
    data = json.loads(shipped.read_text())
    assert "duc2003_mds.jsonl" not in data["trained_on"]  # DUC 2003 stays held out
    assert list(data["sentences"]["coefficients"]) == list(sum_learned.FEATURES)
    assert list(data["words"]["coefficients"]) == list(sum_learned.WORD_FEATURES)

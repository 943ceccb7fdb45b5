"""One options object: packaged defaults < config file < flags, checked at the boundary."""

from __future__ import annotations

import pytest

from newsprism.cluster import ClusterConfig
from newsprism.config import Options, build_options
from newsprism.errors import ConfigError


def test_file_overrides_defaults_and_flags_override_the_file(tmp_path, monkeypatch):
    cfg = tmp_path / "np.toml"
    cfg.write_text("[newsprism]\nwords = 80\nembedder = 'tfidf'\n", encoding="utf-8")
    monkeypatch.setenv("NEWSPRISM_CONFIG", str(cfg))
    options = build_options({"words": 150, "focus": None})
    assert (options.words, options.embedder, options.focus) == (150, "tfidf", None)
    assert build_options({}).words == 80


@pytest.mark.parametrize("body, message", [
    ("colour = 'red'\n", "unknown option"),
    ("words = 'many'\n", "must be int"),
    ("words = -5\n", "positive"),
    ("words = [\n", "not valid TOML"),
])
def test_bad_config_file_names_the_file_and_the_problem(tmp_path, body, message):
    cfg = tmp_path / "np.toml"
    cfg.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as exc:
        build_options({}, config=cfg)
    assert str(cfg) in str(exc.value)


def test_cluster_defaults_follow_the_options():
    assert ClusterConfig().join_probability == Options().story_join_probability
    assert ClusterConfig().window_days == Options().story_window_days

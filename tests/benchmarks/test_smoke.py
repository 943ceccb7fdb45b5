"""Every benchmark script still runs: a tiny-input smoke run of each (not its measurement).

The cluster_*.py and trust.py scripts have their own smoke runs elsewhere. Scripts
that read ../shared/data are skipped when it is absent; the others run on the
repository's examples or on fictional records written here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(),
                                  reason=f"{SHARED} is absent: the script reads its data there")

# Fictional wire copy, one event told twice, with the agency codes the cleaner removes.
WIRE = [
    {"id": "VW1", "cluster": "c1", "source": "Velmora Wire", "date": "2025-04-07 09:10",
     "title": "", "lang": "en",
     "text": "TARVOSA, Velmora (VW) _ The Tarvosa bridge reopened on Monday after a month of "
             "repairs, the city said. &UR; str-mae-vj\nTraffic was flowing again by noon, "
             "officials said.\n(sf-cph)"},
    {"id": "HG1", "cluster": "c1", "source": "Harbour Gazette", "date": "2025-04-07 11:30",
     "title": "", "lang": "en",
     "text": "The Tarvosa bridge reopened on Monday after a month of repairs, the city said.\n"
             "Traffic was flowing again by noon, officials said.\nThe bridge, 3rd graf pvs"},
    {"id": "VW2", "cluster": "c2", "source": "Velmora Wire", "date": "2025-04-08 10:00",
     "title": "", "lang": "en",
     "text": "LENK, Velmora (VW) _ Lida Orvane won the Sellvik chess championship on Tuesday "
             "after a long final game.\nShe beat Piet Haro in 61 moves, organisers said."},
    {"id": "HG2", "cluster": "c2", "source": "Harbour Gazette", "date": "2025-04-08 12:00",
     "title": "", "lang": "en",
     "text": "Lida Orvane won the Sellvik chess championship on Tuesday after a long final "
             "game.\nShe beat Piet Haro in 61 moves, organisers said. &QL;"},
]


def run(script: str, *args: str, timeout: float = 240) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "skipped" not in (done.stdout + done.stderr).lower()
    return done.stdout


@pytest.fixture()
def wire_file(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in WIRE), encoding="utf-8")
    return path


def test_wire_furniture_finds_no_code_on_fictional_wire_copy(wire_file: Path) -> None:
    out = run("wire_furniture.py", str(wire_file))
    assert "4 articles" in out and "0 with wire furniture" in out


def test_batch_dask_runs_sequential_and_dask_on_a_tiny_archive(wire_file: Path,
                                                                tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from batch_dask import build_archive
    finally:
        sys.path.pop(0)
    archive = build_archive(wire_file, tmp_path)
    stories = []
    for mode in ("sequential", "dask"):
        out = run("batch_dask.py", "--child", mode, "1", "tfidf", str(archive),
                  str(tmp_path / mode))
        stories.append(json.loads(out.strip().splitlines()[-1])["stories"])
    assert stories[0] >= 1 and stories[0] == stories[1]


def test_digest_speed_on_the_examples() -> None:
    out = run("digest_speed.py", str(ROOT / "examples"), "--repeat", "1", "--embedder", "tfidf")
    assert "| examples | 5 | NewsPrism (TF-IDF) |" in out


def test_disputes_on_three_items() -> None:
    assert "fictional" in run("disputes.py", "--limit", "3")


@needs_shared
def test_extraction_eval_on_two_pages() -> None:
    assert "2 pages" in run("extraction_eval.py", "--limit", "2", "--jobs", "1")


@needs_shared
def test_quotes_polnear_on_three_documents() -> None:
    assert "speaker matches" in run("quotes_polnear.py", "--limit", "3")


@needs_shared
def test_timeline17_on_one_collection_per_topic() -> None:
    out = run("timeline17.py", "--limit", "1")
    assert "collections" in out and "topic held out" in out


@needs_shared
def test_citation_precision_on_one_cluster_writes_nothing() -> None:
    results = ROOT / "benchmarks" / "results" / "citation_precision.md"
    before = results.read_bytes() if results.exists() else None
    assert "citation coverage" in run("citation_precision.py", "--limit", "1", "--no-write",
                                      "--embedder", "tfidf")
    assert (results.read_bytes() if results.exists() else None) == before


@needs_shared
def test_summary_quality_on_two_clusters(tmp_path: Path) -> None:
    out = run("summary_quality.py", "--datasets", "multiling2011_english.jsonl", "--limit", "2",
              "--baselines", "lead", "--out", str(tmp_path / "summary"))
    assert "2 clusters" in out and (tmp_path / "summary.md").is_file()


@needs_shared
def test_fit_standalone_smoke():
    assert "grouped-CV log loss" in run("fit_standalone.py", "--limit", "6")


@needs_shared
def test_fit_citations_smoke():
    assert "grouped CV" in run("fit_citations.py", "--limit", "8")


@needs_shared
def test_fit_disputes_smoke():
    weights = ROOT / "src" / "newsprism" / "analyse" / "disputes" / "weights.json"
    before = weights.read_bytes()
    out = run("fit_disputes.py", "--limit", "2", "--write")  # --limit never writes
    assert "C=0.1 dispute: out of fold" in out and "C=0.1 change: out of fold" in out
    assert weights.read_bytes() == before


@needs_shared
def test_fit_exclusive_verify_smoke():
    assert "story-grouped 5-fold CV" in run("fit_exclusive_verify.py", "--limit", "2")

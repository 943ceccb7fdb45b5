"""run_batch: an archive of two stories -> two story files and an index, the same on any cluster."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsprism.config import Options
from newsprism.errors import ConfigError, DependencyError, OutputError
from newsprism.pipeline.batch import run_batch

distributed = pytest.importorskip("dask.distributed")

TFIDF = Options(embedder="tfidf")

# A second fictional story, unrelated to the examples' train crash: two outlets, one archive.
FERRY = [
    {"id": "vh-0603-ferry", "source": "Velmora Herald", "published": "2024-06-03",
     "title": "Harbour council approves Velmora ferry contract",
     "text": "The Harbour Council of Velmora approved a new ferry contract on Monday.\n\n"
             "The contract with Nordlys Shipping is worth 42 million crowns over ten years, "
             "council officials said.\n\n"
             "\"The islands deserve a ferry that runs on time,\" said council chair Ida Marsk.\n\n"
             "Three new electric ferries will enter service on the Velmora-Skarholm route "
             "in 2026."},
    {"id": "cg-0603-ferry", "source": "Coastal Gazette", "published": "2024-06-03",
     "title": "Velmora signs ten-year ferry deal with Nordlys Shipping",
     "text": "Velmora's harbour council voted on Monday to approve the ferry contract with "
             "Nordlys Shipping.\n\n"
             "The deal is valued at 45 million crowns across a decade, the mayor said.\n\n"
             "Council chair Ida Marsk said the islands deserve a ferry that runs on time.\n\n"
             "Electric ferries will replace the diesel boats on the Velmora-Skarholm route."},
]


def write_ferry_archive(folder: Path, bad_line: bool = False) -> Path:
    """The ferry story as a JSONL archive, optionally with one broken line between records."""
    lines = [json.dumps(FERRY[0])] + (["{not json"] if bad_line else []) + [json.dumps(FERRY[1])]
    path = folder / "ferry.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def threads():
    """One in-process worker: fast, and the "1 worker" side of the determinism check."""
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1,
                            dashboard_address=":0") as client:
        yield client


@pytest.fixture(scope="module")
def processes():
    """Two worker processes, started once for the module: models load in each process."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            yield client


def outputs(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_two_stories_two_files_and_an_index(examples, tmp_path, threads):
    archive = write_ferry_archive(tmp_path)
    progress: list[tuple[str, int, int]] = []
    result = run_batch([str(examples), str(archive)], tmp_path / "out", TFIDF, client=threads,
                       progress=lambda *step: progress.append(step))
    assert result.errors == ()
    assert (result.stories, result.articles, result.skipped) == (2, 7, 0)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([f.name for f in result.files] + ["index.json"])
    index = json.loads(result.index.read_text(encoding="utf-8"))
    assert [s["file"] for s in index["stories"]] == [f.name for f in result.files]
    titles = [json.loads(f.read_text(encoding="utf-8"))["story"]["title"] for f in result.files]
    assert "Osterfeld" in titles[0] and "ferry" in titles[1].lower()  # largest story first
    assert progress[-1] == ("brief", 2, 2)


def test_same_files_on_one_thread_and_two_processes(examples, tmp_path, threads, processes):
    archive = write_ferry_archive(tmp_path)
    inputs = [str(examples), str(archive)]
    run_batch(inputs, tmp_path / "one", TFIDF, client=threads, fmt="md")
    run_batch(inputs, tmp_path / "two", TFIDF, client=processes, fmt="md")
    one, two = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    assert len(one) == 3
    assert one == two


def test_bad_line_is_reported_and_the_rest_is_done(examples, tmp_path, threads):
    archive = write_ferry_archive(tmp_path, bad_line=True)
    result = run_batch([str(examples), str(archive)], tmp_path / "out", TFIDF, client=threads)
    assert result.stories == 2
    assert len(result.errors) == 1
    assert "ferry.jsonl:2: invalid JSON" in str(result.errors[0])


def test_min_sources_skips_small_stories(examples, tmp_path, threads):
    archive = write_ferry_archive(tmp_path)
    result = run_batch([str(examples), str(archive)], tmp_path / "out", TFIDF, client=threads,
                       min_sources=3)
    assert (result.stories, result.skipped) == (1, 1)


def test_unwritable_out_dir_is_a_store_error(tmp_path, threads):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write the output folder"):
        run_batch(["examples"], blocker / "out", TFIDF, client=threads)


def test_missing_dask_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import now fails
    with pytest.raises(DependencyError, match=r"newsprism\[dask\]"):
        run_batch(["examples"], tmp_path / "out", TFIDF)


def test_workers_and_scheduler_together_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="either"):
        run_batch(["examples"], tmp_path, TFIDF, workers=2, scheduler="tcp://127.0.0.1:1")


def test_running_scheduler_by_address(examples, tmp_path):
    archive = write_ferry_archive(tmp_path)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=":0") as cluster:
        result = run_batch([str(examples), str(archive)], tmp_path / "out", TFIDF,
                           scheduler=cluster.scheduler_address)
        assert result.stories == 2
        assert len(cluster.scheduler.workers) == 1  # the borrowed cluster is left running


def test_unreachable_scheduler_is_a_config_error(tmp_path, monkeypatch):
    from newsprism.pipeline import batch

    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        run_batch(["examples"], tmp_path / "out", TFIDF, scheduler="tcp://127.0.0.1:1")

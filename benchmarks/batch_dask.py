"""Batch speed: a plain sequential loop over stories vs `run_batch` on Dask with 1 and 2 workers.

    .venv/bin/python benchmarks/batch_dask.py [--embedder tfidf minilm] [--repeat 3]

The archive is the DUC 2003 TDT event set of ../shared/data/clustering/ (30 events,
~300 AP/NYT articles), written as one JSON Lines file in a temporary folder
(never copied into the repo). Every run does the whole batch: read, clean, group
into stories, brief and render every story with >= 2 sources, write the files
and the index.

- ``sequential loop`` (the named baseline): ``load_articles`` + ``split_stories`` +
  ``brief``/``render`` in a plain loop, one process.
- ``run_batch on Dask``: the library behind ``newsprism batch``, with a LocalCluster
  of 1 or 2 worker processes (1 thread each).

Every measured run is a fresh child process, so no cache holds a text of the
archive. Two timings per configuration:

- start-up included: the child's whole wall time (interpreter, imports, cluster
  start, model loading in every worker) — what a user of the CLI waits for;
- start-up excluded: models first loaded by a warm-up batch over examples/
  (untimed, in every worker), then only the archive batch is timed — the
  throughput that matters once an archive is large enough to amortise start-up.

Configurations are interleaved within each of ``--repeat`` rounds so that load from
other jobs on the machine hits them alike; medians are reported. Every output
folder is compared with the sequential one byte for byte (a mismatch aborts).
Results go to stdout and to benchmarks/results/batch.md. Exits 0 with a message
when the data file is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from newsprism.config import Options
from newsprism.pipeline import brief, load_articles, split_stories
from newsprism.pipeline.batch import run_batch, story_id
from newsprism.render import render
from newsprism.render.index import render_index

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering" / "duc2003_tdt_event_clusters.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "batch.md"
MIN_SOURCES = 2
FMT = "json"


def iso_date(value: str | None) -> str | None:
    """The gold file mixes ``MM/DD/YYYY HH:MM:SS`` and ``YYYY-MM-DD HH:MM``."""
    for fmt in ("%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime((value or "").strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def build_archive(data: Path, folder: Path) -> Path:
    """The gold set as NewsPrism JSONL records (``date`` becomes ``published``)."""
    out = folder / "archive.jsonl"
    with data.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            record = {"id": row["id"], "source": row.get("source"), "text": row["text"],
                      "published": iso_date(row.get("date")), "title": row.get("title") or None}
            dst.write(json.dumps(record) + "\n")
    return out


def sequential(inputs: list[str], out: Path, options: Options) -> int:
    """The baseline: the same batch as a plain loop in one process. Returns stories written."""
    out.mkdir(parents=True, exist_ok=True)
    articles, _ = load_articles(inputs, options)
    stories = [s for s in split_stories(articles) if len(s) >= MIN_SOURCES]
    names, briefings = [], []
    for story in stories:
        b = brief(story, options)
        name = f"story-{story_id(story)}.{FMT}"
        (out / name).write_text(render(b, FMT), encoding="utf-8")
        names.append(name)
        briefings.append(b)
    (out / f"index.{FMT}").write_text(render_index(briefings, FMT, names), encoding="utf-8")
    return len(stories)


CONFIGS = (("sequential", 1), ("dask", 1), ("dask", 2))
LABELS = {"sequential": "sequential loop (baseline)", "dask": "run_batch on Dask"}


def child(mode: str, workers: int, embedder: str, archive: Path, out: Path, warm: bool) -> dict:
    """One measured batch in this (fresh) process; with ``warm``, models load first, untimed.

    The warm-up runs on examples/, not on the archive, so no text of the timed run
    is in any cache.
    """
    options = Options(embedder=embedder)
    warmup = [str(ROOT / "examples")]
    if mode == "sequential":
        if warm:
            sequential(warmup, out.with_name(out.name + "-warmup"), options)
        t0 = time.perf_counter()
        stories = sequential([str(archive)], out, options)
        return {"seconds": time.perf_counter() - t0, "stories": stories}
    if not warm:
        t0 = time.perf_counter()
        stories = run_batch([str(archive)], out, options, workers=workers).stories
        return {"seconds": time.perf_counter() - t0, "stories": stories}
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        # Every worker must load its models: one warm-up story per worker would not
        # guarantee that, so each worker runs the warm-up itself.
        client.run(sequential, warmup, out.with_name(out.name + "-warmup"), options)
        t0 = time.perf_counter()
        stories = run_batch([str(archive)], out, options, client=client).stories
        return {"seconds": time.perf_counter() - t0, "stories": stories}


def snapshot_dir(scratch: Path) -> Path:
    return scratch / "code"


def snapshot_code(scratch: Path) -> None:
    """Copy src/newsprism once, so every child (and its Dask workers) runs the same code.

    Other engineers edit this working tree while a benchmark runs; without a
    snapshot, runs of one benchmark would measure (and compare) different code.
    """
    shutil.copytree(ROOT / "src" / "newsprism", snapshot_dir(scratch) / "newsprism",
                    ignore=shutil.ignore_patterns("__pycache__"))


def measure(mode: str, workers: int, embedder: str, archive: Path, out: Path,
            warm: bool) -> tuple[float, float, int]:
    """Seconds, CPU seconds and stories of one child run.

    Cold: the child's whole wall time, start-up included. CPU is the child's and its
    worker processes' (reaped, so counted by RUSAGE_CHILDREN), start-up included
    either way: contention from other jobs inflates wall time far more than CPU time.
    """
    cmd = [sys.executable, __file__, "--child", mode, str(workers), embedder, str(archive),
           str(out)] + (["--warm"] if warm else [])
    env = {**os.environ, "PYTHONPATH": str(snapshot_dir(archive.parent))}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return (result["seconds"] if warm else wall), cpu, result["stories"]


def same_files(a: Path, b: Path) -> bool:
    files = sorted(p.name for p in a.iterdir())
    return files == sorted(p.name for p in b.iterdir()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files)


def bench(archive: Path, scratch: Path, embedder: str, repeat: int) -> list[tuple]:
    """Rows (label, workers, start-up, median s, median CPU s, stories); configs interleaved."""
    times: dict[tuple, list[float]] = {}
    cpus: dict[tuple, list[float]] = {}
    stories: dict[tuple, int] = {}
    for r in range(repeat):
        for warm in (False, True):
            for mode, n in CONFIGS:
                key = (mode, n, warm)
                out = scratch / f"{embedder}-{mode}{n}-{'warm' if warm else 'cold'}-{r}"
                seconds, cpu, stories[key] = measure(mode, n, embedder, archive, out, warm)
                times.setdefault(key, []).append(seconds)
                cpus.setdefault(key, []).append(cpu)
                print(f"  {embedder} {mode}{n} {'warm' if warm else 'cold'} run {r + 1}: "
                      f"{seconds:6.2f}s wall, {cpu:6.2f}s CPU, load {os.getloadavg()[0]:.1f}",
                      file=sys.stderr)
    base = scratch / f"{embedder}-sequential1-cold-0"
    for out in sorted(scratch.glob(f"{embedder}-*-[0-9]")):
        if not same_files(base, out):
            raise SystemExit(f"output of {out.name} differs from the sequential baseline")
    print(f"  {embedder}: every output folder is identical to the sequential one", file=sys.stderr)
    return [(LABELS[mode], n, "included" if not warm else "excluded (warmed up)",
             statistics.median(times[(mode, n, warm)]), statistics.median(cpus[(mode, n, warm)]),
             stories[(mode, n, warm)])
            for warm in (False, True) for mode, n in CONFIGS]


def table(rows: list[tuple]) -> list[str]:
    """Markdown rows; speed-up against the sequential loop with the same start-up treatment."""
    lines = ["| run | workers | start-up and model loading | wall s (median) | stories "
             "| stories/s | speed-up vs sequential | CPU s, all processes (median) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    base = {}
    for label, workers, startup, wall, cpu, stories in rows:
        base.setdefault(startup, wall)
        lines.append(f"| {label} | {workers} | {startup} | {wall:.2f} | {stories} | "
                     f"{stories / wall:.2f} | {base[startup] / wall:.2f}x | {cpu:.1f} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embedder", nargs="+", default=["tfidf", "minilm"],
                    choices=["tfidf", "minilm"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--no-write", action="store_true", help="Print only; leave batch.md alone.")
    ap.add_argument("--child", nargs=5, help=argparse.SUPPRESS)  # one measured run (internal)
    ap.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, workers, embedder, archive, out = args.child
        print(json.dumps(child(mode, int(workers), embedder, Path(archive), Path(out), args.warm)))
        return 0
    if not args.data.is_file():
        print(f"skipped: {args.data} is absent (the DUC 2003 TDT clusters are not here)")
        return 0
    command = "python benchmarks/batch_dask.py " + " ".join(sys.argv[1:])
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    report = ["# Batch on Dask vs a sequential loop\n",
              f"Code: a snapshot of src/newsprism taken at start (HEAD {head}, working tree "
              "as it was then).  ",
              f"Command: `{command.strip()}`  ",
              f"Data: `{args.data.name}`; machine: {os.cpu_count()} cores, shared with "
              f"other jobs (load average at start {os.getloadavg()[0]:.1f}).\n"]
    with tempfile.TemporaryDirectory(prefix="newsprism-batch-") as tmp:
        archive = build_archive(args.data, Path(tmp))
        snapshot_code(Path(tmp))
        for embedder in args.embedder:
            print(f"embedder {embedder}:", file=sys.stderr)
            rows = bench(archive, Path(tmp), embedder, args.repeat)
            report += [f"## embedder {embedder}\n", *table(rows), ""]
    text = "\n".join(report) + "\n"
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

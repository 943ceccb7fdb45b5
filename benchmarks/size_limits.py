"""Size limits: wall time and peak memory of `newsprism digest` on one huge input.

    .venv/bin/python benchmarks/size_limits.py [--sizes 1,5] [--kinds txt,html,jsonl]
        [--text fictional|shared] [--before REV [--before-sizes 0.1,0.3]] [--limit-s 300]

Each input is built at run time in a temporary folder, never committed: one
article of the given size in MB (a .txt, an .html page, or a .jsonl archive of
many ordinary records), made of fictional paragraphs (default) or of
../shared/data articles concatenated (``--text shared``). Each is digested in a
fresh process (start-up included) and the script prints seconds, peak resident
memory and the exit status beside the issue-13 targets for one article: 1 MB
within 20 s and 1 GB, 5 MB within 2 minutes and 1.5 GB (or refused at once). An
archive is timed too, without a target: its cost is that of its many articles.

``--before REV`` runs the same command on the source tree of git revision REV
(``git archive``, read only) for ``--before-sizes``, the named baseline of the
same run; a run over ``--limit-s`` seconds or 6 GB is stopped and shown as such.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TARGETS = {1.0: (20.0, 1024.0), 5.0: (120.0, 1536.0)}  # MB -> (seconds, MB of memory)
MEMORY_STOP_MB = 6144

# Fictional vocabulary: places, people and events of an invented country.
PLACES = ["Brenholt", "Osterfeld", "Tarvosa", "Lenk", "Sellvik", "Vastoria", "Marrow Bay",
          "Quillan", "Durrow", "Ebbing Cross"]
PEOPLE = ["Anna Varga", "Piet Haro", "Lida Orvane", "Thomas Berger", "Mira Solenne",
          "Karel Duin", "Ines Falk", "Oskar Lind"]
THINGS = ["the rail line", "the harbour bridge", "the water plant", "the council budget",
          "the flood barrier", "the school roof", "the night ferry", "the grain depot"]
VERBS = ["inspected", "reopened", "closed", "repaired", "funded", "delayed", "approved",
         "rebuilt"]


def fictional_paragraph(rng: random.Random) -> str:
    """Three to five sentences of invented local news, numbers and names varied."""
    out = []
    for _ in range(rng.randint(3, 5)):
        out.append(
            f"{rng.choice(PEOPLE)} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that "
            f"{rng.choice(THINGS)} near {rng.choice(PLACES)} was {rng.choice(VERBS)} after "
            f"{rng.randint(2, 900)} residents signed a petition in {rng.randint(1990, 2024)}."
        )
    return " ".join(out)


def paragraphs(size: int, text: str, seed: int = 13) -> list[str]:
    """Distinct paragraphs totalling about ``size`` characters."""
    out, total = [], 0
    if text == "shared":
        for line in _shared_lines():
            for para in json.loads(line)["text"].splitlines():
                if len(para.strip()) > 40 and total < size:
                    out.append(para.strip())
                    total += len(out[-1]) + 2
            if total >= size:
                return out
    rng = random.Random(seed)
    while total < size:
        out.append(fictional_paragraph(rng))
        total += len(out[-1]) + 2
    return out


def _shared_lines():
    for name in ("duc2006_topic_clusters.jsonl", "duc2007_topic_clusters.jsonl",
                 "duc2003_tdt_event_clusters.jsonl"):
        path = SHARED / "clustering" / name
        if path.exists():
            yield from path.open(encoding="utf-8")


def write_input(folder: Path, mb: float, kind: str, text: str) -> Path:
    """One input of ``mb`` megabytes: an article (.txt, .html) or an archive (.jsonl)."""
    paras = paragraphs(int(mb * 1e6), text)
    path = folder / f"big-{mb:g}mb.{kind}"
    if kind == "txt":
        path.write_text("A very long report\n\n" + "\n\n".join(paras), encoding="utf-8")
    elif kind == "html":
        body = "".join(f"<p>{p}</p>\n" for p in paras)
        path.write_text(f"<html><head><title>A very long report</title></head><body><article>"
                        f"<h1>A very long report</h1>{body}</article></body></html>",
                        encoding="utf-8")
    else:  # an archive: ordinary articles of ~12 paragraphs, one record each
        records = (json.dumps({"text": "\n".join(paras[i:i + 12]), "source": f"Outlet {i % 7}",
                               "published": f"2024-05-{1 + i % 28:02d}"})
                   for i in range(0, len(paras), 12))
        path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def source_tree(rev: str, folder: Path) -> Path:
    """``src/`` of git revision ``rev`` unpacked into ``folder`` (read-only git use)."""
    data = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def _rss_mb(pid: int) -> float:
    """Current resident memory of ``pid`` in MB (Linux /proc; 0 elsewhere, where only the
    peak reported at exit is shown)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def run(src: Path, path: Path, limit_s: float) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, outcome) of digesting ``path`` with ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "newsprism", "digest", str(path), "-q",
           "-o", str(path.with_suffix(".out.json"))]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, stopped = 0.0, ""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:  # exited: the kernel's peak resident size is exact
            peak = max(peak, usage.ru_maxrss / 1024)
            break
        peak = max(peak, _rss_mb(proc.pid))
        elapsed = time.perf_counter() - started
        if not stopped and (elapsed > limit_s or peak > MEMORY_STOP_MB):
            proc.kill()
            stopped = f"stopped at {elapsed:.0f} s / {peak:.0f} MB"
        time.sleep(0.05)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    err = (proc.stderr.read().decode(errors="replace") if proc.stderr else "").strip()
    outcome = stopped or ("ok" if code == 0 else f"exit {code}: "
                          + (err.splitlines()[-1] if err else ""))
    return wall, peak, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="input sizes in MB (comma-separated)")
    parser.add_argument("--kinds", default="txt,html,jsonl")
    parser.add_argument("--text", choices=["fictional", "shared"], default="fictional")
    parser.add_argument("--before", help="git revision to run as the baseline")
    parser.add_argument("--before-sizes", default="0.1,0.3")
    parser.add_argument("--limit-s", type=float, default=300.0)
    args = parser.parse_args()
    if args.text == "shared" and not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: use --text fictional")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        trees = [("now", ROOT / "src", [float(s) for s in args.sizes.split(",")])]
        if args.before:
            trees.insert(0, (args.before, source_tree(args.before, folder / "before"),
                             [float(s) for s in args.before_sizes.split(",")]))
        print("| code | input | MB | seconds | peak MB | target | outcome |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, src, sizes in trees:
            for kind in args.kinds.split(","):
                for mb in sizes:
                    path = write_input(folder, mb, kind, args.text)
                    wall, peak, outcome = run(src, path, args.limit_s)
                    # the targets are for one article; an archive is many ordinary ones
                    target = TARGETS.get(mb) if kind != "jsonl" else None
                    met = "" if target is None else (
                        "met" if wall <= target[0] and peak <= target[1] else "MISSED")
                    print(f"| {name} | {kind} | {path.stat().st_size / 1e6:.2f} | {wall:.1f} | "
                          f"{peak:.0f} | {met} | {outcome} |", flush=True)


if __name__ == "__main__":
    main()

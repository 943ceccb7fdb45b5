"""Summary quality on every development set: NewsPrism beside the classic baselines.

    python benchmarks/summary_quality.py [--data ../shared/data/summarization] [--jobs 2]

Writes ``benchmarks/results/summary.md`` (the table, with the command that made it)
and ``summary.json``. Each dataset is the same run as
``newsprism eval DATASET --baselines lead,lexrank,textrank`` (NewsPrism uses the
cluster's question as focus when the set has one; the baselines are generic).
Not part of the test suite: the DUC data is research-use only and lives outside
the repository.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "summarization"
DATASETS = (
    "duc2003_mds.jsonl",
    "duc2006_qfmds.jsonl",
    "duc2007_main_qfmds.jsonl",
    "duc2007_update.jsonl",
    "multiling2011_english.jsonl",
)


def run_one(path: str, baselines: list[str], embedder: str, limit: int | None = None) -> dict:
    from newsprism.eval import default_words, read_clusters
    from newsprism.eval.runner import Report, build_systems, evaluate

    words = default_words(path)
    clusters = read_clusters(path)[:limit]
    results = evaluate(clusters, words, build_systems(baselines, embedder, focus=True))
    report = Report(dataset=Path(path).name, words=words, focus=True, embedder=embedder,
                    systems=results, cluster_ids=[c.id for c in clusters])
    return report.to_dict()


def markdown(reports: list[dict], command: str, seconds: float) -> str:
    lines = [
        "# Summary quality (ROUGE recall / F1, %, 95% bootstrap interval over clusters)",
        "",
        f"Made by `{command}` in {seconds / 60:.1f} min"
        f" (Python {platform.python_version()}, {platform.machine()}).",
        "Scorer: rouge-score, Porter stemming on, stop words kept, summaries truncated to the"
        " word budget, per-cluster mean over references. Seconds per cluster exclude start-up"
        " (one untimed warm-up cluster per system).",
        "",
    ]
    for r in reports:
        lines += [
            f"## {r['dataset']} — {r['clusters']} clusters, {r['words']} words"
            f" (embedder {r['embedder']}, focus {'on' if r['focus'] else 'off'})",
            "",
            f"`newsprism eval ../shared/data/summarization/{r['dataset']}"
            f" --baselines {','.join(n for n in r['systems'] if n != 'newsprism')}`",
            "",
            "| system | R1 recall | R2 recall | R1 F1 | R2 F1 | s/cluster |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, s in r["systems"].items():
            cell = [
                f"{s['mean'][k]:.2f} [{s['ci95_low'][k]:.2f}–{s['ci95_high'][k]:.2f}]"
                for k in ("r1_recall", "r2_recall")
            ]
            bold = "**" if name == "newsprism" else ""
            lines.append(
                f"| {bold}{name}{bold} | {cell[0]} | {cell[1]} | {s['mean']['r1_f1']:.2f}"
                f" | {s['mean']['r2_f1']:.2f} | {s['seconds_per_cluster']:.3f} |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--baselines", default="lead,lexrank,textrank")
    parser.add_argument("--embedder", default="minilm", choices=["tfidf", "minilm"])
    parser.add_argument("--jobs", type=int, default=1, help="datasets run in parallel")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "summary"))
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set (smoke runs)")
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        sys.exit(f"no evaluation data at {data}: pass --data DIR (see ../shared/data/README.md)")
    paths = [str(data / name) for name in args.datasets.split(",")]
    baselines = [b for b in args.baselines.split(",") if b]
    start = time.time()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        reports = list(pool.map(run_one, paths, [baselines] * len(paths),
                                [args.embedder] * len(paths), [args.limit] * len(paths)))
    seconds = time.time() - start
    command = "python benchmarks/summary_quality.py " + " ".join(sys.argv[1:])
    Path(args.out + ".json").write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")
    Path(args.out + ".md").write_text(markdown(reports, command.strip(), seconds) + "\n",
                                      encoding="utf-8")
    print(markdown(reports, command.strip(), seconds))


if __name__ == "__main__":
    main()

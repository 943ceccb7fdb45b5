"""Update summaries ("what changed since") on DUC 2007 update, beside generic and LexRank.

    nice .venv/bin/python benchmarks/update_summary.py [--grid 0.7 0.84 1.0]
        [--limit N] [--no-write]

DUC 2007 update (../shared/data/summarization/duc2007_update.jsonl, never copied
here): 10 topics, each with sets A, B and C; a B summary must say what B adds to A,
a C summary what C adds to A and B. Scored on the B and C sets (100 words, ROUGE-1/2
recall, 95% bootstrap intervals over sets), three systems on the same sets:

- update: ``pipeline.since.update_summary`` (the earlier sets are the earlier articles);
- generic: the same summariser on the new set alone (what NewsPrism wrote before);
- LexRank (sumy) on the new set alone.

All three use the topic's question as focus where the system takes one (ours do;
LexRank does not). The topics are split first, by sorted id, into a tuning half
(1st, 3rd, ...) and a report half. With ``--embedder minilm``, ``since_threshold`` is
chosen on the tuning half from ``--grid`` (best ROUGE-2 recall) and both halves are
reported at that value; with ``--embedder tfidf`` a sentence is old when an
earlier one scores ``align_threshold_tfidf`` with it, so there is nothing to choose.
Results go to stdout and benchmarks/results/update_summary.md (not with ``--no-write``).
``--limit N`` keeps only the first N topics by sorted id (a quick smoke run).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from newsprism.config import Options
from newsprism.eval.baselines import get_baseline
from newsprism.eval.datasets import Cluster, read_clusters
from newsprism.eval.rouge import Scorer, aggregate
from newsprism.pipeline.digest import summarise
from newsprism.pipeline.since import update_summary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "summarization" / "duc2007_update.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "update_summary.md"
WORDS = 100


def _sets(limit: int | None = None) -> tuple[list[tuple[Cluster, tuple]],
                                             list[tuple[Cluster, tuple]]]:
    """(tuning, report) lists of (new set, earlier articles) for the B and C sets of the
    first ``limit`` topics (all when None)."""
    clusters = {c.id: c for c in read_clusters(DATA)}
    topics = sorted({cid[:-2] for cid in clusters})[:limit]
    halves: tuple[list, list] = ([], [])
    for n, topic in enumerate(topics):
        for letter, earlier in (("B", "A"), ("C", "AB")):
            before = tuple(a for e in earlier for a in clusters[f"{topic}-{e}"].articles())
            halves[n % 2].append((clusters[f"{topic}-{letter}"], before))
    return halves


def _text(items) -> str:  # type: ignore[no-untyped-def]
    return " ".join(i.text for i in items)


def _scores(sets, system, scorer):  # type: ignore[no-untyped-def]
    return aggregate([scorer.score(system(new, before), new.references) for new, before in sets])


def _options(new: Cluster, threshold: float, embedder: str) -> Options:
    return replace(Options(words=WORDS, focus=new.query, quiet=True), since_threshold=threshold,
                   embedder=embedder)


def _row(name: str, summ) -> str:  # type: ignore[no-untyped-def]
    cell = lambda f: (f"{100 * summ.mean[f]:.2f} [{100 * summ.low[f]:.2f}, "  # noqa: E731
                      f"{100 * summ.high[f]:.2f}]")
    return f"| {name} | {cell('r1_recall')} | {cell('r2_recall')} | {summ.n} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--grid", type=float, nargs="+",
                        default=[0.6, 0.7, 0.8, 0.84, 0.9, 1.0, 1.1])
    parser.add_argument("--embedder", default=Options().embedder, choices=("tfidf", "minilm"))
    parser.add_argument("--limit", type=int, help="only the first N topics (N >= 2)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    args = parser.parse_args()
    if args.limit is not None and args.limit < 2:
        parser.error("--limit: at least 2 topics (one for each half)")
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return
    tune, report = _sets(args.limit)
    scorer = Scorer(WORDS)
    lexrank = get_baseline("lexrank")

    def update(threshold: float):  # type: ignore[no-untyped-def]
        return lambda new, before: _text(update_summary(before, new.articles(),
                                                         _options(new, threshold, args.embedder)))

    generic = lambda new, before: _text(  # noqa: E731
        summarise(new.articles(), _options(new, 0.0, args.embedder)))
    baseline = lambda new, before: lexrank(new, WORDS)  # noqa: E731
    lines = ["# Update summaries, DUC 2007 update sets B and C (100 words, ROUGE recall %, "
             f"95% bootstrap intervals), embedder {args.embedder}", ""]
    if args.embedder == "minilm":
        lines += ["## Tuning half: since_threshold", "",
                  "| since_threshold | R2 recall |", "| --- | --- |"]
        grid = {t: _scores(tune, update(t), scorer) for t in args.grid}
        for t, summ in grid.items():
            lines.append(f"| {t:g} | {100 * summ.mean['r2_recall']:.2f} |")
        best = max(grid, key=lambda t: (grid[t].mean["r2_recall"], -t))
        setting = f"since_threshold = {best:g}"
    else:
        best = Options().since_threshold  # unused by TF-IDF: nothing to tune
        grid = {best: _scores(tune, update(best), scorer)}
        setting = f"old when an earlier sentence scores align_threshold_tfidf = " \
                  f"{Options().align_threshold_tfidf:g}"
    for name, sets in (("tuning", tune), ("report", report)):
        lines += ["", f"## {name} half ({len(sets)} sets), {setting}", "",
                  "| system | ROUGE-1 recall | ROUGE-2 recall | sets |", "| --- | --- | --- | --- |",
                  _row("update summary (ours)", grid[best] if name == "tuning"
                       else _scores(sets, update(best), scorer)),
                  _row("generic summary of the new set (ours)", _scores(sets, generic, scorer)),
                  _row("LexRank of the new set", _scores(sets, baseline, scorer))]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

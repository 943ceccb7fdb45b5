"""Digest speed: CPU seconds per story after start-up, beside sumy LexRank in the same run.

    .venv/bin/python benchmarks/digest_speed.py [FOLDER ...] [--repeat 5]

For each folder (default: examples/ and ../shared/seeds when present) it loads the
articles once, warms the models up, then times ``pipeline.brief`` (MiniLM and the
TF-IDF fallback) and sumy's LexRank over the same sentences, reporting the median
CPU and wall time and where NewsPrism's time goes (cumulative, by stage).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

from newsprism.config import Options
from newsprism.analyse import entities
from newsprism.nlp import ner
from newsprism.nlp.embed import get_embedder
from newsprism.errors import NewsPrismError
from newsprism.pipeline import brief, load_articles

ROOT = Path(__file__).resolve().parents[1]
STAGES = {
    "segment": "segment/__init__.py:split_sentences",
    "embed, MiniLM only": "nlp/embed.py:_batch",
    "embed, all": "nlp/embed.py:encode",
    "align": "analyse/align.py:align",
    "summary": "analyse/summary/select.py:summarise",
    "NER (spaCy)": "nlp/ner.py:mentions",
    "entities": "analyse/entities/__init__.py:find_entities",
    "quotes": "analyse/quotes/__init__.py:find_quotes",
    "disputed": "analyse/disputes/find.py:find",
    "timeline": "analyse/timeline/events.py:build_timeline",
}


def timed(fn, repeat: int) -> tuple[float, float]:
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu), statistics.median(wall)


def lexrank(articles, words: int) -> str:
    """sumy's LexRank over the same articles, through the baseline `newsprism eval` runs."""
    from newsprism.eval.baselines import get_baseline
    from newsprism.eval.datasets import Cluster, Document

    docs = tuple(Document(a.id, a.text, a.name, a.published) for a in articles)
    return get_baseline("lexrank")(Cluster("bench", docs, ()), words)


def fresh_brief(articles, options) -> None:
    """brief() with the NER, entity and embedding caches emptied, so repeats do not
    flatter us (MiniLM remembers the rows it encoded; before session 5 this run let it)."""
    ner._cache.clear()
    entities.resolve.cache_clear()
    get_embedder("minilm").forget()
    brief(articles, options)


def stage_profile(articles, options) -> list[tuple[str, float]]:
    prof = cProfile.Profile()
    prof.enable()
    fresh_brief(articles, options)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    out = []
    for label, where in STAGES.items():
        file, func = where.split(":")
        total = sum(v[3] for (f, _, fn), v in stats.items() if f.endswith(file) and fn == func)
        out.append((label, total))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--embedder", nargs="+", default=["minilm", "tfidf"],
                    choices=["minilm", "tfidf"], help="embedders to time (default both)")
    args = ap.parse_args()
    folders = args.folders or [str(ROOT / "examples")] + (
        [str(ROOT.parent / "shared" / "seeds")] if (ROOT.parent / "shared" / "seeds").is_dir() else []
    )
    rows = []
    for folder in folders:
        articles, _ = load_articles([folder], Options())
        systems = {"minilm": "NewsPrism (MiniLM)", "tfidf": "NewsPrism (TF-IDF)"}
        for embedder in args.embedder:
            name, options = systems[embedder], Options(embedder=embedder)
            brief(articles, options)  # warm-up: model load, spaCy load
            cpu, wall = timed(lambda o=options: fresh_brief(articles, o), args.repeat)
            rows.append((folder, len(articles), name, cpu, wall))
        try:
            lexrank(articles, 120)
            cpu, wall = timed(lambda: lexrank(articles, 120), args.repeat)
            rows.append((folder, len(articles), "sumy LexRank (summary only)", cpu, wall))
        except (ImportError, NewsPrismError):
            print("sumy is not installed: pip install 'newsprism[eval]' for the baseline", file=sys.stderr)
        profiled = Options(embedder=args.embedder[0])
        print(f"\nwhere the time goes ({Path(folder).name}, {profiled.embedder}, "
              "cumulative seconds):")
        for label, secs in stage_profile(articles, profiled):
            print(f"  {label:20s} {secs:6.3f}")
    print("\n| input | articles | system | CPU s (median) | wall s (median) |")
    print("| --- | --- | --- | --- | --- |")
    for folder, n, name, cpu, wall in rows:
        print(f"| {Path(folder).name} | {n} | {name} | {cpu:.3f} | {wall:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

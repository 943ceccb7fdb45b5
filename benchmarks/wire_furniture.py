"""Wire-service furniture left where a person reads: titles and coverage facts of a collection.

Ingests a JSONL stream into a temporary store (``newsprism ingest``), builds
every story's briefing, and searches each story title, article title, briefing
title, paragraph and coverage fact for agency codes: SGML codes (``&UR;``), editors' notes,
slug and filing codes (``(sf-cph)``, ``str-mae-vj``), pick-up marks ("5th graf
pvs") and, in titles, a wire dateline ("UNITED NATIONS (AP) _"). Prints the
number of places checked and every hit; exits 1 if there is one::

    .venv/bin/python benchmarks/wire_furniture.py \\
        ../shared/data/clustering/duc2003_tdt_event_clusters.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

CODES = re.compile(
    r"&[A-Z]{2,3};|\bEds?:|\b\d{1,2}(?:st|nd|rd|th) graf\b|\bgraf \d|\bpvs\b"
    r"|\(\s*[a-z]{1,4}(?:\s*[-/]\s*[a-z]{0,4})*\s*\)\s*$|(?:^|\s)[a-z]{2,4}(?:[-/][a-z]{2,4}){1,4}$"
)
DATELINE = re.compile(r"^[A-Z][A-Z.' -]{2,}(?:, [A-Z][\w.' ]+)?\s*(?:\([\w .]+\))?\s*_")


def hits(kind: str, text: str | None, title: bool = False) -> list[str]:
    """``[kind: text]`` when ``text`` holds wire furniture (a dateline counts in titles)."""
    if not text:
        return []
    bad = CODES.search(text) or (title and DATELINE.search(text))
    return [f"{kind}: {text[:120]}"] if bad else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stream", type=Path, help="a JSONL file of articles")
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--embedder", default="tfidf", choices=["tfidf", "minilm"])
    args = parser.parse_args(argv)
    if not args.stream.is_file():
        print(f"skipped: {args.stream} is absent (it lives in ../shared/data)", file=sys.stderr)
        return 0
    from newsprism.config import Options
    from newsprism.pipeline.collection import ingest_inputs, story_briefing
    from newsprism.store import Store

    options = Options(embedder=args.embedder, quiet=True)
    with tempfile.TemporaryDirectory() as tmp:
        stream = args.stream
        if args.limit:
            stream = Path(tmp) / "head.jsonl"
            with args.stream.open(encoding="utf-8") as f:
                stream.write_text("".join(f.readline() for _ in range(args.limit)), "utf-8")
        with Store(Path(tmp) / "np.db") as store:
            report = ingest_inputs([str(stream)], store, options)
            found, checked = check(store, options, story_briefing)
    print(f"{report.added} articles, {checked} titles, paragraphs and coverage facts checked, "
          f"{len(found)} with wire furniture")
    for line in found:
        print("  " + line)
    return 1 if found else 0


def check(store, options, story_briefing) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Every hit in the store's story titles and its briefings, and how many places were read."""
    found: list[str] = []
    checked = 0
    for row in store.stories(limit=10_000):
        story = store.story(row["id"])
        found += hits("story title", story["title"], title=True)
        for member in story["members"]:
            found += hits("article title", member["title"], title=True)
        for article in store.story_articles(row["id"]):
            found += [h for para in article.text.split("\n") for h in hits("paragraph", para)]
            checked += article.text.count("\n\n") + 1
        briefing = story_briefing(store, row["id"], options)
        found += hits("briefing title", briefing.title, title=True)
        for fact in briefing.facts:
            found += [h for s in fact.sentences for h in hits("coverage fact", s.text)]
        checked += 2 + len(story["members"]) + sum(len(f.sentences) for f in briefing.facts)
    return found, checked


if __name__ == "__main__":
    sys.exit(main())

"""Precision and recall of dispute detection on a small labelled set.

``benchmarks/data/disputes_labelled.jsonl``: one item per line, a group of
sentences from different outlets stating one fact, labelled ``conflict``
true/false. Items we wrote ourselves (``origin: "fictional"``) carry their
text; items drawn from ``../shared/data`` must carry only a reference
(``ref: [{"file", "id", "doc", "start", "end"}]``) and are read from there,
skipped when the folder is absent. Each referenced sentence is one article
published on its document's date (the dev files write "1998-10-06 17:23",
"10/06/1998 09:24:00" or nothing). Scores are reported for the fictional items,
the dev-data items and all.

Run: .venv/bin/python benchmarks/disputes.py
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import islice
from pathlib import Path

from newsprism.analyse.disputed import find_disputes
from newsprism.analyse.entities import find_entities
from newsprism.config import Options
from newsprism.model import Article, Fact
from newsprism.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "benchmarks" / "data" / "disputes_labelled.jsonl"
SHARED = ROOT.parent / "shared" / "data"


def _iso(date: str | None) -> str | None:
    m = re.match(r"(\d\d)/(\d\d)/(\d{4})", date or "")
    if m:
        return f"{m[3]}-{m[1]}-{m[2]}"
    m = re.match(r"\d{4}-\d\d-\d\d", date or "")
    return m[0] if m else None


_RECORDS: dict[str, dict[str, dict]] = {}


def _record(file: str, cluster: str) -> dict | None:
    if file not in _RECORDS:
        path = SHARED / file
        if not path.exists():
            return None
        _RECORDS[file] = {r["id"]: r for r in map(json.loads, path.open(encoding="utf-8"))}
    return _RECORDS[file][cluster]


def _texts(item: dict) -> list[tuple[str, str | None]] | None:
    """(text, publication date) per outlet; None when ../shared/data is absent."""
    if "sentences" in item:
        return [(t, item.get("published")) for t in item["sentences"]]
    texts = []
    for ref in item["ref"]:
        record = _record(ref["file"], ref["id"])
        if record is None:
            return None
        doc = next(d for d in record["documents"] if d["docno"] == ref["doc"])
        texts.append((doc["text"][ref["start"]:ref["end"]],
                      _iso(doc.get("date")) or item.get("published")))
    return texts


def predict(texts: list[tuple[str, str | None]]) -> bool:
    articles = tuple(Article(f"s{i}", f"s{i}", t, published=pub)
                     for i, (t, pub) in enumerate(texts))
    sentences = {a.id: split_sentences(a) for a in articles}
    fact = Fact("f", tuple(s for a in articles for s in sentences[a.id]))
    ents = find_entities(articles, sentences, Options())
    return bool(find_disputes(articles, sentences, (fact,), ents, Options()))


def _score(name: str, counts: dict[str, int]) -> None:
    tp, fp, fn, tn = (counts[k] for k in ("tp", "fp", "fn", "tn"))
    print(f"{name:<10} {tp + fp + fn + tn:3d} items  precision {tp / max(tp + fp, 1):.3f}  "
          f"recall {tp / max(tp + fn, 1):.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N items (smoke runs)")
    args = parser.parse_args(argv)
    groups = {g: dict.fromkeys(("tp", "fp", "fn", "tn"), 0) for g in ("fictional", "dev", "all")}
    skipped = 0
    for line in islice(LABELLED.open(encoding="utf-8"), args.limit):
        item = json.loads(line)
        texts = _texts(item)
        if texts is None:
            skipped += 1
            continue
        said, truth = predict(texts), item["conflict"]
        outcome = ("tp" if truth else "fp") if said else ("fn" if truth else "tn")
        for g in ("fictional" if item.get("origin") == "fictional" else "dev", "all"):
            groups[g][outcome] += 1
        if said != truth:
            print(f"  wrong: {item['id']} ({item['kind']}) said={said} gold={truth}")
    if skipped:
        print(f"{skipped} dev-data items skipped: {SHARED} is absent")
    for name, counts in groups.items():
        _score(name, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())

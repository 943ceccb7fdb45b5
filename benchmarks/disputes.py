"""Precision and recall of dispute detection on a small labelled set.

``benchmarks/data/disputes_labelled.jsonl``: one item per line, a group of
sentences from different outlets stating one fact, labelled ``conflict``
true/false. Items we wrote ourselves (``origin: "fictional"``) carry their
text; items drawn from ``../shared/data`` must carry only a reference
(``ref: [{"file", "id", "doc", "start", "end"}]``) and are read from there,
skipped when the folder is absent. Each referenced sentence is one article
published on its document's date (the dev files write "1998-10-06 17:23",
"10/06/1998 09:24:00" or nothing). Scores are reported for the fictional items,
the dev-data items and all. A pair counts as found when it is shown as a dispute
or, its reports being of different days, as a change over time (the labels predate
the ``changed`` section); name items are not scored, since forms of a name are
entity spellings now, not disputes.

Run: .venv/bin/python benchmarks/disputes.py

``--tune [--embedder minilm|tfidf]`` instead briefs the whole stories of the TUNE
half of ``benchmarks/data/trust_split.json`` (never the report half) and scores
every dispute and change shown against ``benchmarks/data/disputes_tune_judged.jsonl``
(hand judgements keyed by story, section and a short hash of the values shown),
printing precision and how many items are unlabelled.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from itertools import islice
from pathlib import Path

from newsprism.analyse.disputes import find
from newsprism.config import Options
from newsprism.model import Article, Fact
from newsprism.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "benchmarks" / "data" / "disputes_labelled.jsonl"
JUDGED = ROOT / "benchmarks" / "data" / "disputes_tune_judged.jsonl"
SPLIT = ROOT / "benchmarks" / "data" / "trust_split.json"
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
    """True when the pair is shown as a dispute or, across report days, as a change."""
    articles = tuple(Article(f"s{i}", f"s{i}", t, published=pub)
                     for i, (t, pub) in enumerate(texts))
    sentences = {a.id: split_sentences(a) for a in articles}
    fact = Fact("f", tuple(s for a in articles for s in sentences[a.id]))
    disputes, changes = find(articles, sentences, (fact,), Options())
    return bool(disputes or changes)


def _score(name: str, counts: dict[str, int]) -> None:
    tp, fp, fn, tn = (counts[k] for k in ("tp", "fp", "fn", "tn"))
    print(f"{name:<10} {tp + fp + fn + tn:3d} items  precision {tp / max(tp + fp, 1):.3f}  "
          f"recall {tp / max(tp + fn, 1):.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")


def values_key(values: list[str]) -> str:
    """Short hash of the values shown (digits, %, letters lower-cased), order-free."""
    norm = sorted(re.sub(r"[^0-9a-z%]", "", v.lower()) for v in values)
    return hashlib.sha1("|".join(norm).encode()).hexdigest()[:10]


def _tune_stories():  # type: ignore[no-untyped-def]
    from newsprism.eval.datasets import _cluster
    from newsprism.pipeline.digest import load_articles

    for entry in json.loads(SPLIT.read_text(encoding="utf-8"))["tune"]:
        if entry["file"] == "examples/":
            yield "examples", lambda: load_articles([str(ROOT / "examples")], Options())[0]
            continue
        path = SHARED / entry["file"]
        record = next(r for r in map(json.loads, path.open(encoding="utf-8"))
                      if r["id"] == entry["id"])
        yield entry["id"], lambda record=record: _cluster(record, str(path)).articles()


def tune(embedder: str) -> int:
    """Precision of the disputes and changes shown on the tune half's whole stories."""
    from newsprism.pipeline.digest import brief

    judged = {(j["story"], j["section"], j["values"]): j["real"]
              for j in map(json.loads, JUDGED.open(encoding="utf-8"))}
    counts = {"disputed": [0, 0], "changed": [0, 0]}
    unlabelled = 0
    for story, articles in _tune_stories():
        b = brief(articles(), Options(embedder=embedder))
        shown = [("disputed", [v.value for v in d.variants]) for d in b.disputed] + \
                [("changed", [r.value for r in c.reports]) for c in b.changed]
        for section, vals in shown:
            real = judged.get((story, section, values_key(vals)))
            if real is None:
                unlabelled += 1
                print(f"  unlabelled: {story} {section} {values_key(vals)} {vals}")
                continue
            counts[section][0 if real else 1] += 1
    for section, (real, wrong) in counts.items():
        print(f"{section:<9} shown {real + wrong:3d}  real {real:3d}  "
              f"precision {real / max(real + wrong, 1):.3f}")
    real = sum(c[0] for c in counts.values())
    total = real + sum(c[1] for c in counts.values())
    print(f"both      shown {total:3d}  real {real:3d}  precision {real / max(total, 1):.3f}"
          f"  ({unlabelled} unlabelled; embedder {embedder})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="whole tune-half stories")
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "tfidf"))
    parser.add_argument("--limit", type=int, help="only the first N labelled items (smoke runs)")
    args = parser.parse_args()
    return tune(args.embedder) if args.tune else pairs(args.limit)


def pairs(limit: int | None = None) -> int:
    """Precision and recall on the labelled sentence groups."""
    groups = {g: dict.fromkeys(("tp", "fp", "fn", "tn"), 0) for g in ("fictional", "dev", "all")}
    skipped = names = 0
    for line in islice(LABELLED.open(encoding="utf-8"), limit):
        item = json.loads(line)
        if item["kind"] == "name":  # forms of a name are entity spellings now (issue 9)
            names += 1
            continue
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
    if names:
        print(f"{names} name items not scored: name forms are entity spellings, not disputes")
    if skipped:
        print(f"{skipped} dev-data items skipped: {SHARED} is absent")
    for name, counts in groups.items():
        _score(name, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Precision and recall of dispute detection on a small labelled set.

``benchmarks/data/disputes_labelled.jsonl``: one item per line, a group of
sentences from different outlets stating one fact, labelled ``conflict``
true/false. Items we wrote ourselves (``origin: "fictional"``) carry their
text; items drawn from ``../shared/data`` must carry only a reference
(``ref: [{"file", "id", "doc", "start", "end"}]``) and are read from there,
skipped when the folder is absent.

Run: .venv/bin/python benchmarks/disputes.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsprism.analyse.disputed import find_disputes
from newsprism.analyse.entities import find_entities
from newsprism.config import Options
from newsprism.model import Article, Fact
from newsprism.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "benchmarks" / "data" / "disputes_labelled.jsonl"
SHARED = ROOT.parent / "shared" / "data"


def _texts(item: dict) -> list[str] | None:
    if "sentences" in item:
        return item["sentences"]
    texts = []
    for ref in item["ref"]:
        path = SHARED / ref["file"]
        if not path.exists():
            return None
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record["id"] == ref["id"]:
                doc = next(d for d in record["documents"] if d["docno"] == ref["doc"])
                texts.append(doc["text"][ref["start"]:ref["end"]])
    return texts


def predict(texts: list[str], published: str | None) -> bool:
    articles = tuple(Article(f"s{i}", f"s{i}", t, published=published)
                     for i, t in enumerate(texts))
    sentences = {a.id: split_sentences(a) for a in articles}
    fact = Fact("f", tuple(s for a in articles for s in sentences[a.id]))
    ents = find_entities(articles, sentences, Options())
    return bool(find_disputes(articles, sentences, (fact,), ents, Options()))


def main() -> int:
    tp = fp = fn = tn = skipped = 0
    for line in LABELLED.open(encoding="utf-8"):
        item = json.loads(line)
        texts = _texts(item)
        if texts is None:
            skipped += 1
            continue
        said, truth = predict(texts, item.get("published")), item["conflict"]
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
        tn += not said and not truth
        if said != truth:
            print(f"  wrong: {item['id']} ({item['kind']}) said={said} gold={truth}")
    print(f"{tp + fp + fn + tn} items ({skipped} skipped: ../shared/data absent)")
    print(f"precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speaker attribution of direct quotes on PolNeAR (development split).

Gold: attributions whose content starts with a quote mark (a direct quote).
A gold quote is *found* when one of our quotes overlaps its content span; the
speaker *matches* when our speaker mention overlaps the annotated source span
or has the same head word (last token, case- and diacritic-folded). Precision
of finding: share of our quotes that overlap any gold attribution content.

Run: .venv/bin/python benchmarks/quotes_polnear.py
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from pathlib import Path

from newsprism.analyse.ent_names import fold
from newsprism.analyse.q_find import find_quotes

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes" / "polnear_dev.jsonl"
_MARKS = ('"', "\u201c", "``")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _head(text: str) -> str:
    words = fold(text).replace("\u2019s", "").replace("'s", "").split()
    return words[-1].strip(".,") if words else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N documents (smoke runs)")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} not found (needs ../shared/data)")
        return 0
    found = matched = gold = ours = ours_true = 0
    for line in islice(DATA.open(encoding="utf-8"), args.limit):
        doc = json.loads(line)
        text = doc["text"]
        attrs = [a for a in doc["attributions"] if a.get("content") and a.get("source")]
        contents = [tuple(s) for a in attrs for s in a["content"]["spans"]]
        quotes = find_quotes(text)
        ours += len(quotes)
        ours_true += sum(any(_overlaps((q.start, q.end), c) for c in contents) for q in quotes)
        for a in attrs:
            if not a["content"]["text"].lstrip().startswith(_MARKS):
                continue
            gold += 1
            spans = [tuple(s) for s in a["content"]["spans"]]
            hit = next((q for q in quotes if any(_overlaps((q.start, q.end), s) for s in spans)),
                       None)
            if hit is None:
                continue
            found += 1
            src = tuple(a["source"]["spans"][0])
            if hit.speaker_start is not None and (
                    _overlaps((hit.speaker_start, hit.speaker_end), src)
                    or _head(hit.speaker or "") == _head(a["source"]["text"])):
                matched += 1
    print(f"PolNeAR dev: {gold} gold direct-quote attributions, {ours} quotes found by us")
    print(f"finding quotes: recall {found / gold:.3f}  precision {ours_true / ours:.3f}")
    print(f"speaker matches (of found): {matched / max(found, 1):.3f}  ({matched}/{found})")
    print(f"speaker matches (of all gold): {matched / gold:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

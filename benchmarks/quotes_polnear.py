"""Speaker attribution of direct quotes on PolNeAR: tune on train, check on dev.

Gold: attributions whose content starts with a quote mark (a direct quote).
A gold quote is *found* when one of our quotes overlaps its content span; the
speaker *matches* when our speaker mention overlaps the annotated source span
or has the same head word (last token, case- and diacritic-folded). Precision
of finding: share of our quotes that overlap any gold attribution content.

``--shown`` also runs the story-level speaker step (spaCy NER; slower) and
scores what a reader would see: of the found quotes whose speaker is shown
(a name of the story, a resolved "he"/role, or an "unnamed ..." label), the
share whose mention matches the gold source, and how many found quotes are
left out for naming nobody.

Rules were tuned on train only; dev is the check (a gain on train that does not
show on dev is overfitting). Both are printed.

Run: PYTHONPATH=src .venv/bin/python benchmarks/quotes_polnear.py [--split train|dev] [--shown]
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from dataclasses import dataclass
from pathlib import Path

from newsprism.analyse.entities.names import fold
from newsprism.analyse.quotes import find, speakers
from newsprism.config import Options
from newsprism.model import Article
from newsprism.segment import split_sentences

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes"
_MARKS = ('"', "\u201c", "``")


@dataclass
class Tally:
    gold: int = 0
    ours: int = 0
    ours_true: int = 0
    found: int = 0
    matched: int = 0
    shown: int = 0
    shown_matched: int = 0


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _head(text: str) -> str:
    words = fold(text).replace("\u2019s", "").replace("'s", "").split()
    return words[-1].strip(".,") if words else ""


def _shown(doc: dict, quotes: list[find.RawQuote]) -> list[str | None]:
    """The speaker a briefing would show for each quote of a one-article story."""
    article = Article(id=doc["id"], name=doc["publisher"], text=doc["text"])
    sents = split_sentences(article)
    cast = speakers.cast_of((article,))
    quoted = [(q.outer_start, q.outer_end) for q in quotes]
    return [speakers.speaker(cast, article, sents, q.speaker, q.speaker_start, quoted)
            for q in quotes]


def score(split: str, shown: bool, limit: int | None = None) -> Tally:
    t = Tally()
    for line in islice((DATA / f"polnear_{split}.jsonl").open(encoding="utf-8"), limit):
        doc = json.loads(line)
        attrs = [a for a in doc["attributions"] if a.get("content") and a.get("source")]
        contents = [tuple(s) for a in attrs for s in a["content"]["spans"]]
        quotes = find.find_quotes(doc["text"], Options().quote_min_words)
        who = _shown(doc, quotes) if shown else [None] * len(quotes)
        t.ours += len(quotes)
        t.ours_true += sum(any(_overlaps((q.start, q.end), c) for c in contents) for q in quotes)
        for a in attrs:
            if not a["content"]["text"].lstrip().startswith(_MARKS):
                continue
            t.gold += 1
            spans = [tuple(s) for s in a["content"]["spans"]]
            i = next((i for i, q in enumerate(quotes)
                      if any(_overlaps((q.start, q.end), s) for s in spans)), None)
            if i is None:
                continue
            t.found += 1
            hit, src = quotes[i], tuple(a["source"]["spans"][0])
            ok = hit.speaker_start is not None and (
                _overlaps((hit.speaker_start, hit.speaker_end), src)
                or _head(hit.speaker or "") == _head(a["source"]["text"]))
            t.matched += ok
            if who[i] is not None:
                t.shown += 1
                t.shown_matched += ok
    return t


def report(split: str, t: Tally, shown: bool) -> list[str]:
    lines = [
        f"PolNeAR {split}: {t.gold} gold direct-quote attributions, {t.ours} quotes found by us",
        f"  finding quotes: recall {t.found / t.gold:.3f}  precision {t.ours_true / t.ours:.3f}",
        f"  speaker matches (of found): {t.matched / max(t.found, 1):.3f}  "
        f"({t.matched}/{t.found}); of all gold {t.matched / t.gold:.3f}",
    ]
    if shown:
        lines.append(f"  shown speakers: {t.shown}/{t.found} found quotes get one; it matches "
                     f"in {t.shown_matched / max(t.shown, 1):.3f} ({t.shown_matched}/{t.shown})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), action="append")
    parser.add_argument("--shown", action="store_true", help="also score shown speakers (NER)")
    parser.add_argument("--limit", type=int, help="only the first N documents (smoke runs)")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} not found (needs ../shared/data)")
        return 0
    for split in args.split or ("train", "dev"):
        print("\n".join(report(split, score(split, args.shown, args.limit), args.shown)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Trim audit (issue 9): does every summary-line trim leave its source's statement intact?

A summary line shows a trim of its source sentence: a wire dateline cut
(``trim_span``), a closing unnamed attribution cut (``cut_attribution``), and
non-restrictive relative clauses cut (``cut_relative``). This runs each trim over
every sentence of

* the summarisation sets' TUNE-half stories (``benchmarks/data/trust_split.json``,
  read the way ``benchmarks/trust.py`` reads them), and
* the DUC 2006 / DUC 2007 / MultiLing clusters in no half of the split that share
  no document with a report or fresh story (DUC 2007 update sets reuse main-task
  documents),

and counts, per kind, the sentences a trim changes. Report and fresh stories are
never read.

Hand judgements (``benchmarks/data/trim_judged.jsonl``) are kept for a fixed
sample: a changed sentence is in it when a hash of its place (kind, story,
document, offset) falls below its kind's ``SHARE``, so the sample stays the same
sentences before and after a fix (and takes in sentences a new trim changes). A
judgement is keyed to the text it judges (short sha1 of kind + sentence + trimmed
text), so a trim that changes its output needs a new judgement; the audit prints
how many sample items are unlabelled. Verdicts: ``ok`` (a grammatical sentence that
states what the source states, minus the cut part), ``garbled`` (not a sentence, or
words glued across the cut), ``meaning`` (a sentence that says something its source
does not), ``claim`` (an attribution cut leaves a person's opinion, forecast, demand
or allegation reading as the briefing's own statement: grammatical, but the reader
loses who holds it). A sampled sentence the trim now leaves whole counts as ``kept``
(nothing to judge). Labels store references only (story, doc, offsets, key,
verdict, a note in our own words). Results: ``benchmarks/results/trim_audit.md``.

    PY="env PYTHONPATH=$PWD/src /work/main/.venv/bin/python"
    $PY benchmarks/trim_audit.py                         # counts + judged sample
    $PY benchmarks/trim_audit.py --dump /tmp/trims.txt   # unlabelled sample items
    # fill "verdict:" (and "note:") in the dump, then
    $PY benchmarks/trim_audit.py --add /tmp/trims.txt
    # or write "KEY VERDICT NOTE..." lines to a file and add them with the dump:
    $PY benchmarks/trim_audit.py --add /tmp/trims.txt --quick /tmp/verdicts.txt

Not part of the test suite (about a minute); tests/benchmarks/test_more_smoke.py runs it on two
stories (`--limit 2`).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPLIT = ROOT / "benchmarks" / "data" / "trust_split.json"
JUDGED = ROOT / "benchmarks" / "data" / "trim_judged.jsonl"
SHARED = ROOT.parent / "shared" / "data"
UNSPLIT = ("summarization/duc2006_qfmds.jsonl", "summarization/duc2007_main_qfmds.jsonl",
           "summarization/duc2007_update.jsonl", "summarization/multiling2011_english.jsonl")
VERDICTS = ("ok", "garbled", "meaning", "claim")
# Share of each kind's changed sentences in the judged sample: about 60 of the 1,381
# relative-clause cuts, 68 of 546 attribution cuts, 48 of 1,916 datelines (the fewest: a
# dateline is a fixed pattern) before the issue-9 fix.
SHARE = {"relative": 1 / 20, "attribution": 1 / 8, "dateline": 1 / 40}


@dataclass(frozen=True)
class Trim:
    """One sentence a trim changes: where it is, what it was, what is shown."""

    kind: str
    story: str
    doc: str
    start: int
    end: int
    sentence: str
    shown: str

    @property
    def key(self) -> str:
        """Short sha1 of what is judged: the kind, the sentence and the trimmed text."""
        text = "\x1f".join((self.kind, self.sentence, self.shown))
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    @property
    def place(self) -> tuple[str, str, str, int]:
        return self.kind, self.story, self.doc, self.start

    @property
    def sampled(self) -> bool:
        """In the judged sample: a hash of the place, not of the text, so a fix keeps it."""
        digest = hashlib.sha1(":".join(map(str, self.place)).encode("utf-8")).hexdigest()
        return int(digest[:8], 16) < SHARE[self.kind] * 16 ** 8


def _trims() -> dict[str, Callable[[str], str]]:
    from newsprism.analyse.summary import trim

    def dateline(text: str) -> str:
        start, end = trim.trim_span(text)
        return text[start:end]

    return {"dateline": dateline, "attribution": trim.cut_attribution,
            "relative": trim.cut_relative}


# --- stories --------------------------------------------------------------------------

def _clusters(file: str) -> Iterator:
    from newsprism.eval import datasets

    for origin, line in datasets.json_lines(SHARED / file):
        yield datasets._cluster(datasets.json_record(origin, line), origin)


def stories() -> Iterator[tuple[str, tuple]]:
    """(story id, articles) of the tune half and of the unsplit clusters, in a fixed order."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    tune = {(s["file"], s["id"]) for s in split["tune"] if s["file"] != "examples/"}
    held = {(s["file"], s["id"]) for h in ("report", "fresh") for s in split[h]}
    in_split = tune | held | {(s["file"], s["id"]) for s in split["tune"]}
    held_docs = {d.docno for f in sorted({f for f, _ in held})
                 for c in _clusters(f) if (f, c.id) in held for d in c.documents}
    for file in sorted({f for f, _ in tune} | set(UNSPLIT)):
        for c in _clusters(file):
            if (file, c.id) in tune:
                yield c.id, c.articles()
            elif file in UNSPLIT and (file, c.id) not in in_split \
                    and not held_docs & {d.docno for d in c.documents}:
                yield c.id, c.articles()


def audit(limit: int | None = None) -> tuple[Counter, list[Trim]]:
    """Sentences read per kind ("sentences") and every trim that changes one (of the first
    ``limit`` stories when given)."""
    from newsprism import segment

    trims = _trims()
    count: Counter = Counter()
    changed: list[Trim] = []
    for story, articles in itertools.islice(stories(), limit):
        count["stories"] += 1
        for a in articles:
            for s in segment.split_sentences(a):
                count["sentences"] += 1
                for kind, trim in trims.items():
                    shown = trim(s.text)
                    if shown != s.text:
                        changed.append(Trim(kind, story, a.record_id or a.id, s.start,
                                            s.end, s.text, shown))
    return count, changed


# --- judgements -----------------------------------------------------------------------

def load_judged(path: Path = JUDGED) -> dict[str, dict]:
    """Judgements by key (the last one of a key wins)."""
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip())
    return {r["key"]: r for r in rows}


def score(changed: list[Trim], judged: dict[str, dict]) -> dict[str, Counter]:
    """Per kind: verdicts of the sample as the trims now stand. The sample is every
    sentence judged before and every changed sentence the hash draws; "kept" when a
    judged sentence is no longer trimmed, "unlabelled" when its trim is new."""
    now = {t.place: t for t in changed}
    places = {(r["kind"], r["story"], r["doc"], r["start"]) for r in judged.values()}
    places |= {t.place for t in changed if t.sampled}
    out: dict[str, Counter] = {kind: Counter() for kind in SHARE}
    for place in places:
        t = now.get(place)
        verdict = "kept" if t is None else judged.get(t.key, {}).get("verdict", "unlabelled")
        out[place[0]][verdict] += 1
    return out


def dump(items: list[Trim], judged: dict[str, dict], path: Path) -> int:
    """Write the unlabelled items as blocks to fill in; returns how many."""
    todo = [t for t in items if t.key not in judged]
    blocks = [f"key: {t.key}\nkind: {t.kind}\nplace: {t.story} {t.doc} {t.start}:{t.end}\n"
              f"source: {t.sentence}\nshown : {t.shown}\nverdict: \nnote: \n" for t in todo]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return len(todo)


def _quick(path: Path | None) -> dict[str, tuple[str, str]]:
    """{key: (verdict, note)} from "KEY VERDICT NOTE..." lines."""
    if path is None:
        return {}
    parts = (line.split(maxsplit=2) for line in path.read_text(encoding="utf-8").splitlines())
    return {p[0]: (p[1], p[2] if len(p) > 2 else "") for p in parts if len(p) >= 2}


def add(path: Path, changed: list[Trim], quick: Path | None = None,
        judged_path: Path = JUDGED) -> int:
    """Append the filled blocks of a dump (or their verdicts from ``quick``) to the
    judgements (references only)."""
    by_key = {t.key: t for t in changed}
    verdicts = _quick(quick)
    rows = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        field = dict(line.split(":", 1) for line in block.splitlines() if ":" in line)
        key = field.get("key", "").strip()
        if key in verdicts:
            field["verdict"], field["note"] = verdicts[key]
        verdict = field.get("verdict", "").strip()
        if not verdict:
            continue
        if verdict not in VERDICTS or key not in by_key:
            raise SystemExit(f"bad block {key!r}: verdict {verdict!r}")
        t = by_key[key]
        rows.append({"key": key, "kind": t.kind, "story": t.story, "doc": t.doc,
                     "start": t.start, "end": t.end, "verdict": verdict,
                     "note": field.get("note", "").strip()})
    with judged_path.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, help="write unlabelled sample items here")
    parser.add_argument("--add", type=Path, help="append the judged blocks of a dump")
    parser.add_argument("--quick", type=Path, help='with --add: "KEY VERDICT NOTE" lines')
    parser.add_argument("--limit", type=int, help="only the first N stories (smoke runs)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    count, changed = audit(args.limit)
    if args.add:
        print(f"added {add(args.add, changed, args.quick)} judgements")
        return 0
    judged = load_judged()
    print(f"{count['stories']} stories, {count['sentences']} sentences, "
          f"{time.perf_counter() - began:.0f} s")
    kinds = Counter(t.kind for t in changed)
    for kind, verdicts in sorted(score(changed, judged).items()):
        shown = ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items()))
        print(f"{kind:12} changed {kinds[kind]:5}   judged sample: {shown}")
    if args.dump:
        items = [t for t in changed if t.sampled]
        print(f"{dump(items, judged, args.dump)} unlabelled items written to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())

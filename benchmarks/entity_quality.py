"""Entity list quality: the top entities a briefing shows, judged by hand.

Every story of ``benchmarks/data/trust_split.json`` (``--half tune|report|fresh``;
the tune side also holds the canonical sample ``../shared/seeds``, read by digest's
own reader the way ``trust.py`` reads ``examples/``) goes through the entity stage
the way ``pipeline/digest.py`` calls it (``entities.find_entities`` on the story's
articles with default ``Options``). The first ``TOP`` entities of each story are
looked up in ``benchmarks/data/entity_labels.jsonl``, keyed by story + shown name + aliases.

Labels (judge what the entity is *in this story*, from its articles):

type_ok   yes/no: the shown PERSON / ORG / PLACE is right ("White House said": ORG;
          a country or city: PLACE; a news agency: ORG).
span_ok   yes/no: the name is one whole entity, not glued to another word ("Turkey
          Irit Lilian") nor cut from one ("Tayyip Erdogan" when the story writes
          the full name is fine; "Lilian" cut from a glued span is not).
merge_ok  yes/no: every alias is the same entity, and no other entry of the shown list
          is the same entity (a missed merge: ``same_as`` names it).
gold      the right type (PERSON, ORG, PLACE or OTHER for what is no name of these
          kinds); when a change shows another type, type_ok is read from it.

A label stores references only: story, shown name, shown type, aliases, the labels
and a short note in the labeller's words; never article text. An entity shown with
other aliases than any label of its name (merging changed) is unlabelled: a report
with unlabelled items does not count.

    PY="env PYTHONPATH=$PWD/src /work/main/.venv/bin/python"
    $PY benchmarks/entity_quality.py --half tune               # scores
    $PY benchmarks/entity_quality.py --half tune --dump /tmp/ent_todo.txt   # unlabelled
    $PY benchmarks/entity_quality.py --add /tmp/ent_quick.txt  # STORY;NAME;T;S;M;GOLD;NOTE
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trust  # noqa: E402  (benchmarks/ is not a package)

ROOT = trust.ROOT
LABELS = ROOT / "benchmarks" / "data" / "entity_labels.jsonl"
SEEDS = trust.Story("seeds", "seeds/", "tune")
TOP = 15  # entities judged per story: what a reader scans of the list
MEASURES = ("type", "span", "merge")


def stories(half: str) -> list[trust.Story]:
    """The split's stories of one set, plus the seeds sample on the tune side."""
    found = trust.load_split(half)
    return [SEEDS, *found] if half in ("tune", "all") else found


def articles_of(story: trust.Story):
    from newsprism.config import Options
    from newsprism.pipeline.digest import load_articles

    if story.file == SEEDS.file:
        return load_articles([str(ROOT.parent / "shared" / "seeds")], Options())[0]
    return trust.story_articles(story)


def shown(story: trust.Story) -> tuple[tuple, list]:
    """(articles, the first TOP entities) as the digest computes them."""
    from newsprism.analyse import entities
    from newsprism.config import Options

    articles = articles_of(story)
    return articles, list(entities.find_entities(articles, {}, Options()))[:TOP]


def load_labels(path: Path = LABELS) -> dict[tuple, dict]:
    """Labels by (story, name, aliases): an entity shown with other aliases (merging
    changed) is judged anew, and the label of each version is kept; a later line wins."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    rows = (json.loads(line) for line in lines if line.strip())
    return {(r["story"], r["name"], tuple(r.get("aliases", []))): r for r in rows}


def _label_of(labels: dict, story: str, entity) -> dict | None:
    return labels.get((story, entity.name, tuple(entity.aliases)))


def judged(entity, lab: dict | None) -> dict[str, bool] | None:
    """The three yes/no verdicts for a shown entity, or None when unlabelled."""
    if lab is None:
        return None
    if lab["type"] == entity.type:
        type_ok = lab["type_ok"] == "yes"
    elif lab.get("gold"):
        type_ok = lab["gold"] == entity.type
    else:
        return None
    return {"type": type_ok, "span": lab["span_ok"] == "yes", "merge": lab["merge_ok"] == "yes"}


def score(found: list[tuple[trust.Story, tuple, list]], labels: dict) -> tuple[Counter, list]:
    n: Counter = Counter()
    errors = []
    for story, _, ents in found:
        for e in ents:
            n["shown"] += 1
            v = judged(e, _label_of(labels, story.id, e))
            if v is None:
                n["unlabelled"] += 1
                continue
            for m in MEASURES:
                n[f"{m}:ok"] += v[m]
                if not v[m]:
                    errors.append((story.id, m, e.name, e.type, e.aliases))
            n["labelled"] += 1
    return n, errors


def row(name: str, n: Counter) -> str:
    cells = [f"{n[f'{m}:ok'] / n['labelled']:.3f} ({n[f'{m}:ok']}/{n['labelled']})"
             if n["labelled"] else "n/a" for m in MEASURES]
    return f"| {name} | {' | '.join(cells)} | {n['shown']} | {n['unlabelled']} |"


def dump(found, labels, path: Path) -> int:
    """Unlabelled entities with every mention's NER label and a little context."""
    blocks = []
    for story, articles, ents in found:
        texts = {a.id: a.text for a in articles}
        listed = "; ".join(f"{e.name} ({e.type})" for e in ents)
        for e in ents:
            if judged(e, _label_of(labels, story.id, e)) is not None:
                continue
            blocks.append(_block(story, e, texts, listed))
    path.write_text("\n".join(blocks), encoding="utf-8")
    return len(blocks)


def _block(story, e, texts: dict[str, str], listed: str) -> str:
    from newsprism.analyse import entities

    r = next(x for x in entities.resolve(tuple(_articles_cache[story.id]))
             if x.entity.name == e.name)
    labels = Counter(s.label for s in r.spans)
    lines = [f"== {story.id};{e.name};{e.type}  aliases={list(e.aliases)} role={e.role} "
             f"mentions={len(r.spans)} ner={dict(labels)}", f"   list: {listed}"]
    for s in r.spans[:4]:
        t = texts[s.source]
        ctx = re.sub(r"\s+", " ", t[max(0, s.start - 70):s.end + 50])
        lines.append(f"   [{s.label}] …{ctx}…")
    return "\n".join(lines)


_articles_cache: dict[str, tuple] = {}


def add(path: Path, found) -> int:
    """Append STORY;NAME;TYPE_OK;SPAN_OK;MERGE_OK;GOLD;NOTE lines as labels."""
    shown_now = {(s.id, e.name): e for s, _, ents in found for e in ents}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        story, name, t, s, m, gold, *note = [p.strip() for p in line.split(";")]
        e = shown_now.get((story, name))
        if e is None:
            raise SystemExit(f"not shown now: {story};{name}")
        for v in (t, s, m):
            if v not in ("yes", "no"):
                raise SystemExit(f"labels are yes/no: {line}")
        if gold not in ("PERSON", "ORG", "PLACE", "OTHER"):
            raise SystemExit(f"gold is PERSON, ORG, PLACE or OTHER: {line}")
        out.append(json.dumps({"story": story, "name": name, "type": e.type,
                               "aliases": list(e.aliases), "type_ok": t, "span_ok": s,
                               "merge_ok": m, "gold": gold, "note": ";".join(note)},
                              ensure_ascii=False))
    with LABELS.open("a", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in out))
    return len(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--half", choices=(*trust.HALVES, "all"), default="tune")
    p.add_argument("--dump", type=Path, help="write unlabelled entities here (outside the repo)")
    p.add_argument("--add", type=Path, help="append STORY;NAME;T;S;M;GOLD;NOTE label lines")
    p.add_argument("--errors", action="store_true", help="list the wrong items (tune only!)")
    p.add_argument("--limit", type=int, help="only the first N stories of each set (smoke runs)")
    args = p.parse_args(argv)
    if not trust.SHARED.exists():
        print(f"SKIP: {trust.SHARED} is absent; the stories are read from it")
        return 0
    labels = load_labels()
    halves = trust.HALVES if args.half == "all" else (args.half,)
    print("| set | type precision | span precision | merge precision | shown | unlabelled |")
    print("| --- | --- | --- | --- | --- | --- |")
    found_all = []
    for half in halves:
        found = []
        for story in stories(half)[:args.limit]:
            articles, ents = shown(story)
            _articles_cache[story.id] = articles
            found.append((story, articles, ents))
        found_all += found
        n, errors = score(found, labels)
        print(row(half, n))
        if args.errors and half == "tune":
            for err in errors:
                print("   ", *err, file=sys.stderr)
    if args.add:
        print(f"added {add(args.add, found_all)} labels to {LABELS.relative_to(ROOT)}")
    if args.dump:
        print(f"wrote {dump(found_all, labels, args.dump)} unlabelled entities to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

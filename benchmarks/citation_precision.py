"""Citation precision and "only in some" precision on labelled DUC 2003 clusters.

``benchmarks/data/citations_labelled.jsonl`` holds hand labels made on briefings
of 14 DUC 2003 clusters (event clusters d3xxxxt and topic clusters d1xxx),
briefed with the shipped pipeline, the default MiniLM embedder and
``Options(words=120)``. The data is not ours to commit, so every item is a
reference only: cluster id, the document's ``docno`` and character offsets into
that document's text *as read by* :func:`newsprism.eval.read_clusters` (the
same text the pipeline's ``Article.text`` holds), plus a short hash of the span
so a change in the reader shows up as drift instead of silent mislabelling.

Two kinds of line:

``kind: "citation"``
    A summary item with two or more citations; every citation after the first
    claims "this outlet's sentence supports the item". ``item`` is the item's
    own sentence (its first citation), ``cited`` the supporting one. ``label``
    is ``supported`` (states the item's main claim; paraphrase and less detail
    allowed), ``partial`` (part of it, but misses or contradicts a key element:
    a number, an actor, the event) or ``no``.
``kind: "exclusive"``
    A sentence the briefing reports as only in one outlet (about three sampled
    per cluster at fixed positions of the exclusive list). ``exclusive`` is
    true when no other outlet of the cluster states that fact, checked by
    searching the other articles.

The script re-briefs the clusters, matches today's citations and exclusives to
the labels by (cluster, doc, offsets) and reports precision over the labelled
ones still produced, coverage (alignment changes create unlabelled citations
and retire labelled ones) and the unsupported ones by id and offsets. Labels
are a fixed snapshot: when coverage falls, label the new citations rather than
reading the precision alone. Not part of the test suite.

Run: .venv/bin/python benchmarks/citation_precision.py
"""

from __future__ import annotations

import hashlib
import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "benchmarks" / "data" / "citations_labelled.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "citation_precision.md"
SHARED = ROOT.parent / "shared" / "data"
COMMAND = ".venv/bin/python benchmarks/citation_precision.py"
WORDS = 120  # the budget the labels were made at; other budgets cite other sentences

Span = tuple[str, int, int]  # (docno, start, end)


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def _span(ref: dict) -> Span:
    return ref["doc"], ref["start"], ref["end"]


def load_labels() -> list[dict]:
    return [json.loads(line) for line in LABELLED.open(encoding="utf-8") if line.strip()]


def produced(cluster, embedder: str = "minilm") -> tuple[dict[Span, list[Span]], list[Span],
                                                        dict[str, str]]:
    """Today's briefing of one cluster: {item span: cited spans}, exclusive spans, texts."""
    from newsprism.config import Options
    from newsprism.pipeline import brief

    articles = cluster.articles()
    doc = {a.id: a.record_id for a in articles}
    b = brief(articles, Options(words=WORDS, embedder=embedder))
    cites = {}
    for item in b.summary:
        if len(item.citations) >= 2:
            first, *rest = item.citations
            cites[(doc[first.source], first.start, first.end)] = [
                (doc[c.source], c.start, c.end) for c in rest]
    exclusives = [(doc[e.source], e.start, e.end) for e in b.exclusive]
    return cites, exclusives, {a.record_id: a.text for a in articles}


def _drifted(label: dict, texts: dict[str, str]) -> bool:
    """The labelled span no longer holds the text it was labelled on."""
    refs = [label["span"]] if label["kind"] == "exclusive" else [label["item"], label["cited"]]
    return any(_sha(texts.get(r["doc"], "")[r["start"]:r["end"]]) != r["sha1"] for r in refs)


def score(labels: list[dict], clusters: dict, embedder: str = "minilm") -> dict:
    """Match labels to today's output, cluster by cluster; counts and the misses."""
    out = {"cite": Counter(), "excl": Counter(), "bad_cites": [], "bad_excl": [],
           "drift": [], "now_cites": 0, "now_excl": 0}
    for cid, cluster in clusters.items():
        cites, exclusives, texts = produced(cluster, embedder)
        pairs = {(item, c) for item, cs in cites.items() for c in cs}
        out["now_cites"] += len(pairs)
        out["now_excl"] += len(exclusives)
        mine = [lab for lab in labels if lab["cluster"] == cid]
        out["drift"] += [lab["id"] for lab in mine if _drifted(lab, texts)]
        _match_citations([m for m in mine if m["kind"] == "citation"], pairs, out)
        _match_exclusives([m for m in mine if m["kind"] == "exclusive"], set(exclusives), out)
    return out


def _match_citations(labels: list[dict], pairs: set, out: dict) -> None:
    seen = 0
    for lab in labels:
        if (_span(lab["item"]), _span(lab["cited"])) not in pairs:
            out["cite"]["stale"] += 1
            continue
        seen += 1
        out["cite"][lab["label"]] += 1
        if lab["label"] != "supported":
            out["bad_cites"].append(lab)
    out["cite"]["matched"] += seen
    out["cite"]["unlabelled"] += len(pairs) - seen


def _match_exclusives(labels: list[dict], spans: set, out: dict) -> None:
    for lab in labels:
        if _span(lab["span"]) not in spans:
            out["excl"]["stale"] += 1
            continue
        out["excl"]["matched"] += 1
        out["excl"]["true" if lab["exclusive"] else "false"] += 1
        if not lab["exclusive"]:
            out["bad_excl"].append(lab)


def _ratio(a: float, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def table(out: dict) -> list[str]:
    c, e = out["cite"], out["excl"]
    n = c["matched"]
    rows = [
        ("citation precision (strict)", _ratio(c["supported"], n),
         f"{c['supported']} supported / {n} labelled"),
        ("citation precision (partial = 1/2)", _ratio(c["supported"] + c["partial"] / 2, n),
         f"{c['partial']} partial, {c['no']} no"),
        ("exclusive precision", _ratio(e["true"], e["matched"]),
         f"{e['true']} true / {e['matched']} labelled"),
        ("citation coverage", _ratio(n, out["now_cites"]),
         (f"{n} of {out['now_cites']} current citations labelled; "
         f"{c['stale']} labels no longer produced")),
        ("exclusive coverage (a sample)", _ratio(e["matched"], out["now_excl"]),
         (f"{e['matched']} of {out['now_excl']} current exclusives labelled; "
         f"{e['stale']} labels no longer produced")),
    ]
    return ["| measure | value | counts |", "| --- | --- | --- |",
            *(f"| {name} | {value} | {counts} |" for name, value, counts in rows)]


def misses(out: dict) -> list[str]:
    lines = []
    for lab in out["bad_cites"]:
        i, c = lab["item"], lab["cited"]
        lines.append(f"- {lab['id']} {lab['label']}: {lab['cluster']} item {i['doc']} "
                     f"{i['start']}:{i['end']} cites {c['doc']} {c['start']}:{c['end']}")
    for lab in out["bad_excl"]:
        s = lab["span"]
        lines.append(f"- {lab['id']} not exclusive: {lab['cluster']} {s['doc']} {s['start']}:{s['end']}")
    return lines


def _revision() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (src/ has uncommitted changes)" if dirty else "")


def write_results(out: dict, labels: list[dict], clusters: list[str], secs: float) -> None:
    revs = sorted({lab["pipeline"] for lab in labels})
    lines = [
        "# Citation precision and \"only in some\" precision (DUC 2003)", "",
        f"Command: `{COMMAND}`", "",
        (f"Pipeline: {_revision()}, MiniLM embedder, `Options(words={WORDS})`; "
         f"labels made at {', '.join(revs)}; {len(clusters)} clusters "
         f"({', '.join(clusters)}); {secs:.0f} s."), "",
        *table(out), "",
        ("Labels are hand judgements on a fixed snapshot (see the script's docstring); "
         "precision is over the labelled citations/exclusives the pipeline still produces."), "",
    ]
    if out["drift"]:
        lines += [f"Spans whose text changed since labelling: {', '.join(out['drift'])}", ""]
    lines += ["## Not supported / not exclusive (ids and offsets)", "", *misses(out), ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N clusters (smoke runs)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave the results")
    parser.add_argument("--embedder", default="minilm", choices=["minilm", "tfidf"],
                        help="the labels were made with minilm; tfidf only for smoke runs")
    args = parser.parse_args(argv)
    labels = load_labels()
    files = {lab["file"] for lab in labels}
    if not all((SHARED / f).exists() for f in files):
        print(f"SKIP: {SHARED} is absent; the labelled items are references into it")
        return 0
    from newsprism.eval import read_clusters

    wanted = list(dict.fromkeys(lab["cluster"] for lab in labels))[: args.limit]
    labels = [lab for lab in labels if lab["cluster"] in wanted]
    (file,) = files
    found = {c.id: c for c in read_clusters(SHARED / file) if c.id in wanted}
    clusters = {cid: found[cid] for cid in wanted}
    started = time.perf_counter()
    out = score(labels, clusters, args.embedder)
    secs = time.perf_counter() - started
    print("\n".join(table(out)))
    if out["drift"]:
        print(f"WARNING: text changed under labelled spans: {', '.join(out['drift'])}")
    print("\n".join(misses(out)))
    if not args.no_write:
        write_results(out, labels, wanted, secs)
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

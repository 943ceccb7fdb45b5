"""The trust benchmark's code path on the bundled fictional story (no ../shared needed).

benchmarks/trust.py runs for minutes on real stories; this briefs ``examples/`` with
the dependency-free embedder and checks that every shown item gets a key, that a
dump can be filled in and added back as labels (references only, no source text),
and that the scores then count those labels.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "benchmarks" / "trust.py"


def _bench():
    spec = importlib.util.spec_from_file_location("trust_bench", SCRIPT)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)
    return bench


def _fill(dump: str) -> str:
    """Label every block of a dump the first allowed way (a stand-in labeller)."""
    out = []
    for line in dump.splitlines():
        if line.startswith(("label: (", "newsworthy: (")):
            name, choices = line.split(": (", 1)
            line = f"{name}: {choices.split(' | ')[0].rstrip(')')}"
        elif line.startswith("reason: ("):
            line = "reason: other"
        out.append(line)
    return "\n".join(out)


def test_examples_items_dump_and_labels_round_trip(tmp_path):
    bench = _bench()
    (story,) = [s for s in bench.load_split("tune") if s.file == bench.EXAMPLES]
    items = bench.run([story], "tfidf", progress=False)
    kinds = {it.kind for it in items}
    # no citation item: since the citation check, no summary line of the examples cites a
    # second outlet (the one that did was labelled partial); exclusives: only those judged
    # newsworthy, none here
    assert "standalone" in kinds
    assert len({it.key for it in items}) == len(items)
    assert all(it.refs and all({"doc", "start", "end"} <= r.keys() for r in it.refs)
               for it in items)
    per_outlet = {}
    for it in items:
        if it.kind == "exclusive":
            per_outlet[it.refs[0]["doc"]] = per_outlet.get(it.refs[0]["doc"], 0) + 1
    assert max(per_outlet.values(), default=0) <= bench.SHOWN_PER_OUTLET

    dump_file, labels_file = tmp_path / "todo.txt", tmp_path / "labels.jsonl"
    assert bench.dump(items, {}, dump_file) == len(items)
    dump_file.write_text(_fill(dump_file.read_text(encoding="utf-8")), encoding="utf-8")
    assert bench.add(dump_file, labels_file) == len(items)

    records = [json.loads(line) for line in labels_file.read_text(encoding="utf-8").splitlines()]
    shown_text = {s for it in items for s in it.shown}
    assert not any(text in json.dumps(r) for r in records for text in shown_text)
    result = bench.score(items, bench.load_labels(labels_file), stories=1)
    n = result["n"]
    assert sum(v for k, v in n.items() if k.endswith(":unlabelled")) == 0
    assert n["standalone:yes"] == n["standalone:shown"]
    assert "| examples | standalone lines | 1.00 |" in "\n".join(bench.rows("examples", result))

"""End-to-end trust benchmark (issue 9): what a reader sees in a briefing, judged by hand.

Every story of ``benchmarks/data/trust_split.json`` is briefed the way a user
gets it (``newsprism.pipeline.digest.brief`` with default ``Options``, only the
embedder chosen by ``--embedder``; ``examples/`` goes through ``digest``), and
every item the briefing shows is looked up in the hand labels of
``benchmarks/data/trust_labels.jsonl``. Items with no label are counted and
printed: a report with unlabelled items does not count.

Label definitions (judge the shown text only against the story's own articles):

citation
    A summary line's second, third ... citation claims "this outlet says it too".
    ``supported``: the cited outlet's sentence states the line's main claim (less
    detail is fine); ``partial``: it misses or contradicts a key element (a number,
    an actor, the event); ``no``: it does not state it.
dispute (and ``changed``, once briefings have it)
    ``real``: different values for the same attribute of the same thing for the
    same time. ``not``, with a reason: ``same value`` (equal however written, or
    relative words resolved against different days), ``name form`` (forms of one
    person's name), ``different events``, ``forecast vs outcome``, ``change over
    time`` (a figure updated between reports), ``other`` (say what in the note).
    For a ``changed`` item, ``real`` means it really is the same figure moving
    between reports published at different times. Rubric (session 9, after two
    labellers read "change" at 11% and 24% real on like candidates): it is the same
    figure when the counted thing, its owner and its scope agree (the toll of one
    disaster; lawsuits against one company; one country's, not one continent's, dead;
    the same period: a yearly figure is not a monthly one) and the later report gives
    it as it stood later, or corrects it ("revised to", "not 20 but 19"). ``not`` when
    the two are different quantities of one topic (two surveys, two budgets, two
    crashes), two bodies' estimates made at the same time (that is a dispute: say so
    in the note), a forecast against an outcome, or a part against a whole.
exclusive (only in some outlets, as shown by default)
    ``exclusive`` yes/no: no other outlet of the story states it, in any wording
    (search them: ``--story ID``); ``newsworthy`` yes/no: a fact a reader wants,
    not a bare quote fragment, a reaction without content, or colour. An
    "outlet" is one source of the briefing: in the evaluation sets every document
    is its own source, even two versions of one wire story. The same fact with
    another figure in another source ("at least 85 dead" / "102 died") is not
    exclusive; the dump's NEAREST lines only hint where to look.
variant (every wording of a quote after its first, session 5)
    A quote lists each outlet's wording with the outlets that printed it. ``same``: the
    wording is the same statement as the quote's first wording (an excerpt of it, a
    longer passage containing it, or a rewording or translation of the same words);
    ``different``: another statement (by the same speaker or not), though on the same
    subject. The outlets of a ``different`` wording are cited for a quote they do not
    carry.
speaker (the first quotes of the briefing, session 5)
    ``right``: the named speaker is the person or organisation who said these words, by
    the articles (a short form of the name is fine; an "unnamed ..." label is right when
    no article names who said it and the label fits). ``wrong``: someone else said them,
    or an article names the speaker and the label says "unnamed", or the label is not a
    speaker at all.
standalone (every summary line, read in order)
    ``yes``: a reader of the summary knows who and what the line is about; ``no``
    when it leans on context it lacks (a pronoun or "the X" with no referent) or
    when its pronoun or "the X" would be read as something from the previous line.

Labels are keyed to the text they judge: ``key`` = short sha1 of (story id, kind,
the shown text): the line + the previous line for ``standalone``; the line + the
cited sentence for ``citation``; the sentence for ``exclusive``; ``about`` + the
sorted variant values + the cited sentences for ``dispute``. When a change shows
new text, it has a new key and must be labelled. The data is not ours: a label
stores references only (story, file, kind, key, label, doc ids and offsets, a short
note in the labeller's own words), never source text.

Labelling workflow (dumps go OUTSIDE the repo; one item per block):

    PY="env PYTHONPATH=$PWD/src /work/main/.venv/bin/python"
    $PY benchmarks/trust.py --half report --embedder minilm --dump /tmp/trust_todo.txt
    $PY benchmarks/trust.py --story d31028t          # articles with sentence numbers
    # fill "label:" (and "newsworthy:" / "reason:" / "note:") in the blocks you judged
    $PY benchmarks/trust.py --add /tmp/trust_todo.txt   # appends them to the labels
    # or write KEY;LABEL;NEWSWORTHY-or-REASON;NOTE lines to a file and add them with the dump:
    $PY benchmarks/trust.py --add /tmp/trust_todo.txt --quick /tmp/my_labels.txt

Planted fictional stories (``tests/fixtures/planted/<stem>.jsonl`` with ``expected.json``,
when present): a planted dispute is found when one shown dispute's variant values cover
all its values, compared on digits, % and lower-cased letters ("About 62%" is found as
"62%"); a planted change over time should be in ``changed`` and not in ``disputed``.

Results: ``benchmarks/results/trust.md``; ``--write`` replaces the rows of the runs it
made and keeps the others.
Not part of the test suite (minutes); tests/benchmarks/test_trust_smoke.py runs its
code path on ``examples/``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPLIT = ROOT / "benchmarks" / "data" / "trust_split.json"
LABELS = ROOT / "benchmarks" / "data" / "trust_labels.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "trust.md"
PLANTED = ROOT / "tests" / "fixtures" / "planted"
SHARED = ROOT.parent / "shared" / "data"
EXAMPLES = "examples/"
COMMAND = "PYTHONPATH=src .venv/bin/python benchmarks/trust.py --half all --embedder minilm,tfidf"
KINDS = ("dispute", "changed", "exclusive", "standalone", "citation", "variant", "speaker")
SHOWN_PER_OUTLET = 3  # the new default of "only in some" (issue 9), when Exclusive has no `top`
VALUES = {
    "dispute": ("real", "not"), "changed": ("real", "not"),
    "citation": ("supported", "partial", "no"),
    "exclusive": ("yes", "no"), "standalone": ("yes", "no"),
    "variant": ("same", "different"),
    "speaker": ("right", "wrong"),
}
SPEAKERS_SHOWN = 5  # the quotes a reader meets first (most widely carried first) are judged
REASONS = ("same value", "name form", "different events", "forecast vs outcome",
           "change over time", "other")


HALVES = ("report", "tune", "fresh")


@dataclass(frozen=True)
class Story:
    id: str
    file: str  # as in the split: "summarization/...jsonl" or "examples/"
    half: str


@dataclass
class Item:
    """One thing a briefing shows, with what a labeller needs to judge it."""

    story: str
    file: str
    kind: str
    key: str
    refs: list[dict]  # {"doc", "start", "end"}: the cited sentences
    shown: list[str]  # what the reader sees (line, variants, sentence)
    cited: list[str] = field(default_factory=list)  # "[outlet doc start:end] text"
    context: list[str] = field(default_factory=list)  # previous line, nearest sentences


def short_key(story: str, kind: str, texts: list[str]) -> str:
    """The label key: a short sha1 of the story id, the kind and the judged text."""
    return hashlib.sha1("\x1f".join([story, kind, *texts]).encode("utf-8")).hexdigest()[:12]


# --- stories and briefings -------------------------------------------------------------

def load_split(half: str) -> list[Story]:
    """Stories of one set ("tune", "report", "fresh") or all three ("all"), in split order.

    "fresh" was added in session 4 after the report half's disputes had been looked at:
    stories nobody has seen, for a measurement the report half can no longer give.
    """
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    halves = HALVES if half == "all" else (half,)
    return [Story(s["id"], s["file"], h) for h in halves for s in split[h]]


def brief_story(story: Story, embedder: str):
    """The briefing a user gets for one story with default Options (bar the embedder)."""
    from newsprism.config import Options
    from newsprism.pipeline.digest import brief, digest

    if story.file == EXAMPLES:
        return digest([str(ROOT / "examples")], embedder=embedder)
    return brief(story_articles(story), Options(embedder=embedder))


def story_articles(story: Story):
    """The cleaned articles of one story, as the evaluation readers give them."""
    from newsprism.config import Options
    from newsprism.eval import datasets
    from newsprism.pipeline.digest import load_articles

    if story.file == EXAMPLES:
        return load_articles([str(ROOT / "examples")], Options())[0]
    # read_clusters skips clusters without reference summaries (nothing to score ROUGE
    # against); a trust story needs none, so every line is read, the same way.
    for origin, line in datasets.json_lines(SHARED / story.file):
        cluster = datasets._cluster(datasets.json_record(origin, line), origin)
        if cluster.id == story.id:
            return one_outlet_each(cluster.articles())
    raise KeyError(f"{story.id} not in {story.file}")


def one_outlet_each(articles):
    """The labels judge every document of an evaluation set as its own outlet (see
    "exclusive" above), though the sets name the agency ("Associated Press"): each
    document's outlet name gets its document id."""
    from dataclasses import replace

    return tuple(replace(a, name=f"{a.name} {_doc(a)}") for a in articles)


def _doc(article) -> str:
    return article.record_id or article.id


def _cite(briefing, c) -> tuple[dict, str, str]:
    """(reference, sentence text, display line) of one citation."""
    a = briefing.source(c.source)
    text = a.text[c.start:c.end]
    ref = {"doc": _doc(a), "start": c.start, "end": c.end}
    return ref, text, f"[{a.name} | {ref['doc']} {c.start}:{c.end}] {text}"


# --- what the briefing shows ------------------------------------------------------------

def shown_items(story: Story, briefing) -> list[Item]:
    """Every item of the briefing that is labelled, in the order a reader meets them."""
    return [*_summary_items(story, briefing), *_dispute_items(story, briefing),
            *_changed_items(story, briefing), *_exclusive_items(story, briefing),
            *_variant_items(story, briefing), *_speaker_items(story, briefing)]


def _speaker_items(story: Story, b) -> list[Item]:
    """Who said each of the briefing's first quotes."""
    items = []
    for q in b.quotes[:SPEAKERS_SHOWN]:
        cites = [_cite(b, c) for c in q.citations]
        items.append(Item(story.id, story.file, "speaker",
                          short_key(story.id, "speaker", [q.speaker or "", q.text]),
                          [r for r, _, _ in cites], [f"SPEAKER: {q.speaker}", f"QUOTE: {q.text}"],
                          [d for _, _, d in cites]))
    return items


def _variant_items(story: Story, b) -> list[Item]:
    """Each wording of a quote after its first, judged against the first."""
    items = []
    for q in b.quotes:
        for v in q.variants[1:]:
            cites = [_cite(b, c) for c in v.citations]
            items.append(Item(story.id, story.file, "variant",
                              short_key(story.id, "variant", [q.speaker or "", q.text, v.text]),
                              [r for r, _, _ in cites],
                              [f"SPEAKER: {q.speaker}", f"QUOTE: {q.text}", f"WORDING: {v.text}"],
                              [d for _, _, d in cites]))
    return items


def _summary_items(story: Story, b) -> list[Item]:
    items, previous = [], ""
    for line in b.summary:
        cites = [_cite(b, c) for c in line.citations]
        ref0, _, shown0 = cites[0]
        items.append(Item(story.id, story.file, "standalone",
                          short_key(story.id, "standalone", [line.text, previous]),
                          [ref0], [line.text], [shown0], [f"PREVIOUS LINE: {previous or '(none)'}"]))
        for ref, text, display in cites[1:]:
            items.append(Item(story.id, story.file, "citation",
                              short_key(story.id, "citation", [line.text, text]),
                              [ref0, ref], [line.text], [display],
                              [f"LINE'S OWN SOURCE: {shown0}"]))
        previous = line.text
    return items


def _dispute_items(story: Story, b) -> list[Item]:
    items = []
    for d in b.disputed:
        cites = [(v.value, _cite(b, c)) for v in d.variants for c in v.citations]
        texts = [d.about, *sorted(v.value for v in d.variants), *(t for _, (_, t, _) in cites)]
        items.append(Item(story.id, story.file, "dispute", short_key(story.id, "dispute", texts),
                          [r for _, (r, _, _) in cites],
                          [f"ABOUT: {d.about} (kind {d.kind})",
                           *(f"VALUE: {v.value!r}" for v in d.variants)],
                          [f"{value!r} <- {display}" for value, (_, _, display) in cites]))
    return items


def _changed_items(story: Story, b) -> list[Item]:
    """``Briefing.changed`` (a figure that moved between reports), read generically."""
    items = []
    for entry in b.to_dict().get("changed", []):
        cites = [c for c in _walk_citations(entry)]
        shown = _walk_strings(entry)
        resolved = [_cite(b, _Cite(c["source"], c["start"], c["end"])) for c in cites]
        texts = [*shown, *(t for _, t, _ in resolved)]
        items.append(Item(story.id, story.file, "changed", short_key(story.id, "changed", texts),
                          [r for r, _, _ in resolved], [json.dumps(_strip(entry))],
                          [d for _, _, d in resolved]))
    return items


@dataclass(frozen=True)
class _Cite:
    source: str
    start: int
    end: int


def _walk_citations(node) -> list[dict]:
    if isinstance(node, dict):
        if {"source", "start", "end"} <= node.keys():
            return [node]
        return [c for v in node.values() for c in _walk_citations(v)]
    if isinstance(node, list):
        return [c for v in node for c in _walk_citations(v)]
    return []


def _strip(node):
    """A JSON entry without its citations (they are shown resolved)."""
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k != "citations"}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _walk_strings(node) -> list[str]:
    stripped = _strip(node)
    return [json.dumps(stripped, sort_keys=True)]


def shown_exclusives(b) -> list:
    """The "only in some" items a reader sees by default."""
    if b.exclusive and hasattr(b.exclusive[0], "top"):
        return [e for e in b.exclusive if e.top]
    count: Counter = Counter()
    shown = []
    for e in b.exclusive:
        count[e.source] += 1
        if count[e.source] <= SHOWN_PER_OUTLET:
            shown.append(e)
    return shown


def _exclusive_items(story: Story, b) -> list[Item]:
    items = []
    for e in shown_exclusives(b):
        ref, text, display = _cite(b, _Cite(e.source, e.start, e.end))
        items.append(Item(story.id, story.file, "exclusive",
                          short_key(story.id, "exclusive", [text]), [ref], [e.text], [display],
                          [f"NEAREST ELSEWHERE: {n}" for n in _nearest(b, e)]))
    return items


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'%.-]*")
_STOP = set("""a an the of to in on at for and or but by with from as is are was were be been
has have had it its this that these those he she they his her their them said says say
will would could should not no yes who which what when where than then there also after
before into about over more most up out one two new mr mrs ms""".split())


def _words(text: str) -> set[str]:
    return {w.lower().strip(".'") for w in _WORD.findall(text)} - _STOP


def _nearest(b, e, k: int = 4) -> list[str]:
    """Other outlets' sentences sharing most content words: a hint where to search."""
    from newsprism import segment

    mine = _words(e.text)
    scored = []
    for a in b.sources:
        if a.id == e.source:
            continue
        for s in segment.split_sentences(a):
            overlap = len(mine & _words(s.text))
            if overlap:
                scored.append((-overlap, a.name, s.start, f"({overlap} shared) [{a.name} | "
                               f"{_doc(a)} s{s.index}] {s.text}"))
    return [line for *_, line in sorted(scored)[:k]]


# --- labels -----------------------------------------------------------------------------

def load_labels(path: Path = LABELS) -> dict[str, dict]:
    """Labels by key (a later line for the same key wins)."""
    if not path.exists():
        return {}
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lab = json.loads(line)
            labels[lab["key"]] = lab
    return labels


def score(items: list[Item], labels: dict[str, dict], stories: int) -> dict:
    """Counts and ratios of one run (one half, one embedder)."""
    n: Counter = Counter()
    for it in items:
        lab = labels.get(it.key)
        n[f"{it.kind}:shown"] += 1
        if lab is None:
            n[f"{it.kind}:unlabelled"] += 1
            continue
        n[f"{it.kind}:labelled"] += 1
        n[f"{it.kind}:{lab['label']}"] += 1
        if it.kind == "exclusive" and lab.get("newsworthy") == "yes":
            n["exclusive:newsworthy"] += 1
    return {"n": n, "stories": stories}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def rows(name: str, result: dict) -> list[str]:
    """Table rows of one run: measure, value, counts, unlabelled."""
    n, stories = result["n"], result["stories"]

    def row(measure: str, kind: str, good: str, extra: str = "") -> str:
        lab = n[f"{kind}:labelled"]
        return (f"| {name} | {measure} | {_ratio(n[f'{kind}:{good}'], lab)} | "
                f"{n[f'{kind}:{good}']} / {lab} labelled{extra} | {n[f'{kind}:unlabelled']} |")

    real = n["dispute:real"]
    return [
        row("dispute precision", "dispute", "real",
            f"; {n['dispute:shown']} shown, {real} real = {real / stories:.2f} per story"),
        *([row("changed precision", "changed", "real")] if n["changed:shown"] else []),
        row("only-in-some precision", "exclusive", "yes", f"; {n['exclusive:shown']} shown"),
        row("only-in-some newsworthy", "exclusive", "newsworthy"),
        row("standalone lines", "standalone", "yes"),
        row("citation precision (strict)", "citation", "supported",
            f"; {n['citation:partial']} partial, {n['citation:no']} no"),
        row("quote wordings: same statement", "variant", "same",
            f"; {n['variant:shown']} shown"),
        row(f"quote speakers (first {SPEAKERS_SHOWN} quotes)", "speaker", "right"),
    ]


# --- planted fictional stories ------------------------------------------------------------

def norm_value(value: str) -> str:
    """A value as compared with a planted one: digits, % and lower-cased letters only."""
    return "".join(ch for ch in value.lower() if ch.isalnum() or ch == "%")


def _covers(shown: set[str], planted: set[str]) -> bool:
    """Every planted value is one of the shown ones (either may carry a word more:
    "About 62%" is found as "62%")."""
    return bool(planted) and all(any(p in s or s in p for s in shown if s) for p in planted)


def planted(embedder: str) -> dict | None:
    """Dispute recall and precision on the planted stories, when expected.json exists."""
    expected_file = PLANTED / "expected.json"
    if not expected_file.exists():
        return None
    from newsprism.pipeline.digest import digest

    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    n: Counter = Counter()
    for stem, want in sorted(expected.items()):
        b = digest([str(PLANTED / f"{stem}.jsonl")], embedder=embedder)
        shown = [{norm_value(v.value) for v in d.variants} for d in b.disputed]
        changed = [{norm_value(t) for t in _leaves(e)} for e in b.to_dict().get("changed", [])]
        wanted = [{norm_value(v) for v in p["values"]} for p in want.get("disputes", [])]
        moves = [{norm_value(v) for v in p["values"]} for p in want.get("changed", [])]
        n["planted"] += len(wanted)
        n["found"] += sum(any(_covers(s, w) for s in shown) for w in wanted)
        n["shown"] += len(shown)
        n["right"] += sum(any(_covers(s, w) for w in wanted) for s in shown)
        n["changes"] += len(moves)
        n["changes_found"] += sum(any(_covers(c, m) for c in changed) for m in moves)
        n["changes_as_disputes"] += sum(any(_covers(s, m) for s in shown) for m in moves)
    return {"n": n, "stories": len(expected)}


def _leaves(node) -> list[str]:
    """Every string and number in a JSON entry (where a change's values are)."""
    if isinstance(node, dict):
        return [t for v in node.values() for t in _leaves(v)]
    if isinstance(node, list):
        return [t for v in node for t in _leaves(v)]
    return [str(node)] if isinstance(node, (str, int, float)) else []


def planted_row(name: str, result: dict) -> str:
    n = result["n"]
    return (f"| {name} | planted disputes ({result['stories']} fictional stories) | recall "
            f"{_ratio(n['found'], n['planted'])}, precision {_ratio(n['right'], n['shown'])} | "
            f"{n['found']} / {n['planted']} found; {n['right']} / {n['shown']} shown are planted; "
            f"changes over time: {n['changes_found']} / {n['changes']} shown as changed, "
            f"{n['changes_as_disputes']} shown as disputes | - |")


# --- the dump a labeller works from ---------------------------------------------------------

def dump(items: list[Item], labels: dict[str, dict], path: Path) -> int:
    """Write every unlabelled item as one block; returns how many."""
    todo = {it.key: it for it in items if it.key not in labels}  # one block per key
    blocks = [_block(it) for it in todo.values()]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return len(blocks)


def _block(it: Item) -> str:
    meta = {"story": it.story, "file": it.file, "kind": it.kind, "key": it.key, "refs": it.refs}
    lines = [f"=== {it.kind} {it.story} {it.key}", f"ref: {json.dumps(meta)}",
             *(f"SHOWN: {s}" for s in it.shown), *(f"CITED: {c}" for c in it.cited),
             *it.context, f"label: ({' | '.join(VALUES[it.kind])})"]
    if it.kind == "exclusive":
        lines.append("newsworthy: (yes | no)")
    if it.kind in ("dispute", "changed"):
        lines.append(f"reason: (if not: {' | '.join(REASONS)})")
    lines += ["note: ", ""]
    return "\n".join(lines)


def read_filled(path: Path, quick: Path | None = None) -> list[dict]:
    """The blocks of a dump whose label was filled in, as label records (no source text).

    ``quick`` optionally gives labels one per line instead of in the blocks:
    ``KEY;LABEL;NEWSWORTHY-or-REASON;NOTE`` (empty fields allowed, e.g.
    ``1a2b3c4d5e6f;no;;pronoun "it" has no referent``).
    """
    given = _quick(quick) if quick else {}
    records = []
    for block in path.read_text(encoding="utf-8").split("\n=== "):
        fields = _fields(block)
        if "ref" not in fields:
            continue
        fields.update(given.get(json.loads(fields["ref"])["key"], {}))
        rec = json.loads(fields["ref"])
        label = fields.get("label", "")
        if label.startswith("(") or not label:
            continue
        if label not in VALUES[rec["kind"]]:
            raise ValueError(f"{rec['key']}: label {label!r} not one of {VALUES[rec['kind']]}")
        rec["label"] = label
        if rec["kind"] == "exclusive":
            rec["newsworthy"] = _choice(fields.get("newsworthy", ""), ("yes", "no"), rec["key"])
        if rec["kind"] in ("dispute", "changed") and label == "not":
            rec["reason"] = _choice(fields.get("reason", ""), REASONS, rec["key"])
        rec["note"] = fields.get("note", "")[:200]
        rec["pipeline"] = _revision()
        records.append(rec)
    return records


def _quick(path: Path) -> dict[str, dict[str, str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, label, extra, note = (line.split(";", 3) + ["", "", ""])[:4]
            out[key.strip()] = {"label": label.strip(), "note": note.strip(),
                                "newsworthy": extra.strip(), "reason": extra.strip()}
    return out


def _fields(block: str) -> dict[str, str]:
    fields = {}
    for line in block.splitlines():
        for name in ("ref", "label", "newsworthy", "reason", "note"):
            if line.startswith(f"{name}:"):
                fields[name] = line[len(name) + 1:].strip()
    return fields


def _choice(value: str, allowed: tuple, key: str) -> str:
    if value not in allowed:
        raise ValueError(f"{key}: {value!r} not one of {allowed}")
    return value


def add(path: Path, labels_path: Path = LABELS, quick: Path | None = None) -> int:
    """Append the filled blocks of a dump (or its ``quick`` labels) to the labels; how many."""
    records = read_filled(path, quick)
    with labels_path.open("a", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


def print_story(story_id: str) -> None:
    """A story's cleaned articles, one numbered sentence a line, for searching by hand."""
    from newsprism import segment

    (story,) = [s for s in load_split("all") if s.id == story_id]
    for a in story_articles(story):
        print(f"##### {a.name} | {_doc(a)} | {a.published}")
        for s in segment.split_sentences(a):
            print(f"s{s.index} [{s.start}:{s.end}] {s.text}")


# --- running ------------------------------------------------------------------------------

def run(stories: list[Story], embedder: str, progress: bool = True,
        cache: Path | None = None) -> list[Item]:
    """Brief every story and collect what it shows.

    With ``cache`` (a folder outside the repo), a story's items are kept per committed
    ``src/`` tree and embedder, so scoring again after labelling does not re-brief;
    nothing is cached while ``src/`` has uncommitted changes.
    """
    tree = _src_tree() if cache else None
    items = []
    for story in stories:
        started = time.perf_counter()
        stored = cache / f"{tree}-{embedder}-{story.id}.json" if tree else None
        if stored and stored.exists():
            items += [Item(**it) for it in json.loads(stored.read_text(encoding="utf-8"))]
            continue
        mine = shown_items(story, brief_story(story, embedder))
        if stored:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(json.dumps([vars(it) for it in mine]), encoding="utf-8")
        items += mine
        if progress:
            print(f"  {embedder} {story.half} {story.id}: {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
    return items


def _src_tree() -> str | None:
    """The committed tree of src/ with this script's own hash (what a story's items depend
    on); None when src/ has uncommitted changes or there is no git."""
    try:
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        tree = subprocess.run(["git", "rev-parse", "HEAD:src"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    script = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:6]
    return None if dirty else f"{tree[:12]}-{script}"


def _revision() -> str:
    """The pipeline a row was measured on: the last commit that changed src/ (+dirty)."""
    try:
        rev = subprocess.run(["git", "log", "-1", "--format=%h", "--", "src"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev}+dirty" if dirty else rev or "unknown"


def write_results(table: list[str], command: str) -> None:
    """Write the table; rows of runs (half + embedder) not redone now are kept."""
    rev = _revision()
    table = [f"{row} {rev} |" for row in table]
    runs = {row.split("|")[1].strip() for row in table}
    kept = [row if row.count("|") >= 7 else f"{row} ? |"
            for row in _old_rows() if row.split("|")[1].strip() not in runs]
    commands = [c for c in _old_commands() if c != command] + [command]
    lines = ["# Trust benchmark (issue 9): what a reader sees, judged by hand", "",
             *(f"Command: `{c}`" for c in commands), "",
             "Default `Options` (words 120); pipeline = the last commit that changed `src/` when "
             "the row was measured. Labels `benchmarks/data/trust_labels.jsonl` (definitions: "
             "benchmarks/trust.py). A row with unlabelled items does not count.", "",
             "| run | measure | value | counts | unlabelled | pipeline |",
             "| --- | --- | --- | --- | --- | --- |",
             *sorted(kept + table, key=lambda r: r.split("|")[1].strip()), ""]
    notes = _old_notes()
    RESULTS.write_text("\n".join(lines) + ("\n" + notes if notes else ""), encoding="utf-8")


def _old_notes() -> str:
    """The hand-written sections (from the first "## " heading on) are kept as they are."""
    if not RESULTS.exists():
        return ""
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find("\n## ")
    return text[start + 1:] if start >= 0 else ""


def _head() -> list[str]:
    """The lines before the first hand-written "## " section (the generated part)."""
    if not RESULTS.exists():
        return []
    return RESULTS.read_text(encoding="utf-8").split("\n## ", 1)[0].splitlines()


def _old_rows() -> list[str]:
    """The main table's rows."""
    return [line for line in _head()
            if line.startswith("| ") and not line.startswith(("| run ", "| ---"))]


def _old_commands() -> list[str]:
    """The commands listed above the main table (never those quoted in the sections)."""
    return [line[len("Command: `"):-1] for line in _head() if line.startswith("Command: `")]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--half", choices=(*HALVES, "all"), default="report")
    p.add_argument("--embedder", default="minilm", help="minilm, tfidf or both: minilm,tfidf")
    p.add_argument("--only", help="comma-separated story ids (a subset while labelling)")
    p.add_argument("--dump", type=Path, help="write unlabelled items here (outside the repo)")
    p.add_argument("--story", help="print a story's articles with sentence numbers")
    p.add_argument("--add", type=Path, help="append the filled blocks of a dump to the labels")
    p.add_argument("--quick", type=Path,
                   help="with --add: labels as KEY;LABEL;NEWSWORTHY-or-REASON;NOTE lines")
    p.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    p.add_argument("--cache", type=Path, default=Path("/tmp/newsprism-trust-cache"),
                   help="where briefed items are kept per src/ tree (outside the repo)")
    args = p.parse_args(argv)
    if args.story:
        print_story(args.story)
        return 0
    if args.add:
        print(f"added {add(args.add, quick=args.quick)} labels to {LABELS.relative_to(ROOT)}")
        return 0
    if not SHARED.exists():
        print(f"SKIP: {SHARED} is absent; the stories are read from it")
        return 0
    stories = load_split(args.half)
    if args.only:
        stories = [s for s in stories if s.id in args.only.split(",")]
    labels, table, todo = load_labels(), [], []
    for embedder in args.embedder.split(","):
        for half in HALVES:
            mine = [s for s in stories if s.half == half]
            if not mine:
                continue
            items = run(mine, embedder, cache=args.cache)
            todo += items
            table += rows(f"{half} {embedder}", score(items, labels, len(mine)))
        if (result := planted(embedder)) is not None:
            table.append(planted_row(f"planted {embedder}", result))
    print("\n".join(table))
    if args.dump:
        print(f"wrote {dump(todo, labels, args.dump)} unlabelled items to {args.dump}")
    if args.write:
        write_results(table, "PYTHONPATH=src .venv/bin/python benchmarks/trust.py "
                      + " ".join(argv if argv is not None else sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

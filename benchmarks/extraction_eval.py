"""Main-text extraction quality: our clean stage against plain trafilatura, on annotated pages.

Reads ``../shared/data/extraction/trafilatura_eval/`` (990 pages with snippets
that a good extraction keeps and drops, gold titles and dates; see
``../shared/data/README.md``) and reports, for each system:

- ``kept``: share of ``must_contain`` snippets found in the extracted text;
- ``dropped``: share of ``must_not_contain`` snippets absent from it;
- ``title``: share of pages with a gold title whose title matches it;
- ``date``: share of pages with a gold date whose date (YYYY-MM-DD) matches it.

The baseline is trafilatura with its defaults (``bare_extraction`` with
metadata). Not part of the test suite: run it by hand::

    .venv/bin/python benchmarks/extraction_eval.py [--half tune|report] [--limit N] [--jobs N]
        [--failures]

``--half`` scores only the pages whose id sorts in the first ("tune") or second
("report") half: rules are tuned on the first half and reported on both.
``--failures`` also prints, page by page, every snippet our clean stage got
wrong: an unwanted one it kept (with the kept paragraph holding it) and a
wanted one it lost (with the kind of removal that took it). Study them on the
tune half only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction" / "trafilatura_eval"


# Characters a reader never sees: soft hyphens and zero-width marks. Some gold snippets
# keep them while extractors drop them, which would count text as lost that is there.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]")


def norm(text: str | None) -> str:
    """Whitespace-collapsed, case-folded text without invisible characters, so snippets
    match across line breaks."""
    return " ".join(_INVISIBLE.sub("", text or "").split()).casefold()


Extraction = tuple[str, str | None, str | None, tuple[Any, ...]]


def ours(html: str, url: str | None) -> Extraction:
    """Text, title, date and removed pieces from NewsPrism's clean stage."""
    from newsprism.clean import clean_document
    from newsprism.config import Options
    from newsprism.errors import InputError
    from newsprism.model import RawDocument

    doc = RawDocument(origin=url or "page", body=html, format="html", url=url)
    try:
        article = clean_document(doc, Options())
    except InputError:
        return "", None, None, ()
    return article.text, article.title, article.published, article.removed


def baseline(html: str, url: str | None) -> Extraction:
    """Text, title and date from trafilatura's defaults (it reports no removals)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return "", None, None, ()
    return doc.text or "", doc.title, doc.date, ()


SYSTEMS = {"newsprism": ours, "trafilatura": baseline}


Scores = dict[str, dict[str, float]]


def score_page(record: dict[str, Any], failures: bool = False) -> tuple[Scores, list[str]]:
    """Counts for one page and every system (snippets kept/dropped, title and date hits),
    and, when ``failures`` is set, one line per snippet our clean stage got wrong."""
    from newsprism.errors import InputError
    from newsprism.ingest.decode import decode_bytes

    raw = gzip.decompress((DATA / record["html_path"]).read_bytes())
    try:
        html = decode_bytes(raw, record["id"])
    except InputError:
        html = raw.decode("utf-8", errors="replace")
    gold = record.get("metadata") or {}
    out = {}
    report: list[str] = []
    for name, system in SYSTEMS.items():
        try:
            text, title, date, removed = system(html, record.get("url"))
        except Exception:  # noqa: BLE001 - a crash on one page scores as an empty extraction
            text, title, date, removed = "", None, None, ()
        body = norm(text)
        out[name] = {
            **_lost_by_kind(record["must_contain"], body, removed),
            "must": len(record["must_contain"]),
            "kept": sum(norm(s) in body for s in record["must_contain"]),
            "must_not": len(record["must_not_contain"]),
            "dropped": sum(norm(s) not in body for s in record["must_not_contain"]),
            "titles": 1 if gold.get("title") else 0,
            "title_ok": int(bool(gold.get("title")) and norm(title) == norm(gold["title"])),
            "dates": 1 if gold.get("date") else 0,
            "date_ok": int(bool(gold.get("date")) and (date or "")[:10] == gold["date"][:10]),
        }
        if failures and name == "newsprism":
            report = _failures(record, text, removed)
    return out, report


def _failures(record: dict[str, Any], text: str, removed: tuple[Any, ...]) -> list[str]:
    """One line per unwanted snippet kept (with its paragraph) and wanted snippet lost
    (with the kind of removal that took it)."""
    body = norm(text)
    lines = []
    for snippet in record["must_not_contain"]:
        if norm(snippet) in body:
            para = next((p for p in text.split("\n") if norm(snippet) in norm(p)), "")
            lines.append(f"{record['id']}\tKEPT-UNWANTED\t{snippet!r}\tin: {para[:300]!r}")
    for snippet in record["must_contain"]:
        if norm(snippet) not in body:
            kind = next((r.kind for r in removed if norm(snippet) in norm(r.text)),
                        "not extracted")
            lines.append(f"{record['id']}\tLOST-WANTED\t{snippet!r}\tby: {kind}")
    return lines


def _lost_by_kind(snippets: list[str], body: str, removed: tuple[Any, ...]) -> dict[str, int]:
    """Wanted snippets missing from the text, counted by the kind of removal that took them."""
    lost: dict[str, int] = {}
    for snippet in snippets:
        if norm(snippet) in body:
            continue
        kind = next((r.kind for r in removed if norm(snippet) in norm(r.text)), "not extracted")
        lost[f"lost:{kind}"] = lost.get(f"lost:{kind}", 0) + 1
    return lost


def half(records: list[dict[str, Any]], which: str | None) -> list[dict[str, Any]]:
    """The first ("tune") or second ("report") half of ``records`` sorted by id; all for None."""
    middle = len(records) // 2
    return {"tune": records[:middle], "report": records[middle:]}.get(which or "", records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="score only the first N pages")
    parser.add_argument("--jobs", type=int, default=4, help="worker processes (default 4)")
    parser.add_argument("--half", choices=["tune", "report"],
                        help="only the pages whose id sorts in the first (tune) or second half")
    parser.add_argument("--failures", action="store_true",
                        help="print every snippet our clean stage kept or lost wrongly, by page")
    args = parser.parse_args(argv)
    if not (DATA / "expected.jsonl").is_file():
        print(f"skipped: {DATA} is absent (it lives in ../shared/data)", file=sys.stderr)
        return 0
    with (DATA / "expected.jsonl").open(encoding="utf-8") as f:
        records = half(sorted((json.loads(line) for line in f), key=lambda r: r["id"]),
                       args.half)[: args.limit]
    started = time.perf_counter()
    totals: dict[str, dict[str, float]] = {name: {} for name in SYSTEMS}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for page, wrong in pool.map(partial(score_page, failures=args.failures), records,
                                    chunksize=8):
            for line in wrong:
                print(line)
            for name, counts in page.items():
                for key, value in counts.items():
                    totals[name][key] = totals[name].get(key, 0) + value
    print(f"{len(records)} pages, {time.perf_counter() - started:.0f} s")
    print(f"{'system':<12} {'kept':>7} {'dropped':>8} {'title':>7} {'date':>7}")
    for name, t in totals.items():
        print(
            f"{name:<12} {t['kept'] / t['must']:>7.3f} {t['dropped'] / t['must_not']:>8.3f} "
            f"{t['title_ok'] / t['titles']:>7.3f} {t['date_ok'] / t['dates']:>7.3f}"
        )
    print("counts: " + "; ".join(
        f"{name} kept {t['kept']:.0f}/{t['must']:.0f}, "
        f"dropped {t['dropped']:.0f}/{t['must_not']:.0f}"
        for name, t in totals.items()))
    print("wanted snippets lost, by cause (share of all must_contain snippets):")
    for name, t in totals.items():
        lost = sorted(((k[5:], v) for k, v in t.items() if k.startswith("lost:")),
                      key=lambda kv: -kv[1])
        print(f"  {name:<12} " + ", ".join(f"{k} {v / t['must']:.3f}" for k, v in lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())

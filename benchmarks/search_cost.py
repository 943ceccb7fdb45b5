"""Search cost: CPU seconds of hostile and heavy queries, before (SQLite's snippet over every
word as typed) and after (parsed, de-duplicated, capped query; one-pass snippets).

    .venv/bin/python benchmarks/search_cost.py [--data ../shared/data/summarization/duc2003_mds.jsonl]
        [--docs N] [--long-lines 4000] [--skip-before]

The store holds the DUC 2003 articles (read from ../shared/data, never copied here),
added straight to the store without clustering, plus one invented 860 KB article of 32
repeated words. "Before" runs the SQL that search used until issue 13: every word of the
query ANDed as a quoted string, ranked by bm25, with FTS5's snippet().
``--docs N`` stores only the data set's first N documents and ``--long-lines`` shortens
the invented article (4000 lines of the 32 words by default): a quick smoke run.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from newsprism.errors import QueryError
from newsprism.model import Article
from newsprism.store import Store, parse_query

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "summarization" / "duc2003_mds.jsonl"
WORDS = [f"word{i}" for i in range(32)]


def build(store: Store, data: Path, docs: int | None = None, long_lines: int = 4000) -> int:
    """Add the data set's first ``docs`` documents (all when None; one story per cluster)
    and the long article of ``long_lines`` lines; returns the number of documents added."""
    n = 0
    with store.transaction():
        for line in data.open(encoding="utf-8"):
            cluster = json.loads(line)
            for doc in cluster["documents"][:None if docs is None else docs - n]:
                n += 1
                store.add_article(f"a{n}", Article(id=f"a{n}", name="DUC", text=doc["text"]),
                                  cluster["id"], None, None)
        long_text = "\n".join(" ".join(WORDS) + "." for _ in range(long_lines))
        store.add_article("long", Article(id="long", name="Long Post", text=long_text),
                          "long", None, None)
    return n


def before(store: Store, query: str) -> int:
    words = re.findall(r"\w+", query)
    match = " ".join('"' + w + '"' for w in words)
    return len(store.db.execute(
        "SELECT a.id, snippet(articles_fts, 1, char(2), char(3), '…', 16) "
        "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.seq LIMIT 50",
        (match,)).fetchall())


def after(store: Store, query: str) -> int | str:
    try:
        return len(store.search(query, limit=50))
    except QueryError as exc:
        return f"refused ({exc.problem.split(';')[0]})"


def cpu(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    out = fn()
    return time.process_time() - start, out


def frequent_words(store: Store, n: int) -> list[str]:
    counts: Counter[str] = Counter()
    for (text,) in store.db.execute("SELECT text FROM articles WHERE id != 'long'"):
        counts.update(w for w in re.findall(r"[a-z]{5,}", text.lower()))
    return [w for w, _ in counts.most_common(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-before", action="store_true", help="only the new search")
    parser.add_argument("--docs", type=int, help="only the data set's first N documents")
    parser.add_argument("--long-lines", type=int, default=4000,
                        help="lines of the invented long article")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        n = build(store, args.data, args.docs, args.long_lines)
        common = frequent_words(store, 32)
        cases = [(f"'{common[0]}' x {k}", " ".join([common[0]] * k)) for k in (25, 50, 100)]
        cases += [("'word0' x 25 (long article)", " ".join(["word0"] * 25)),
                  ("32 frequent words, OR", " OR ".join(common)),
                  ("32 words of the long article, OR", " OR ".join(WORDS)),
                  ("'x' x 16000", " ".join(["x"] * 16000))]
        print(f"{n} DUC 2003 articles + one article of {args.long_lines * 32} words\n",
              flush=True)
        print("| query | before: CPU s (hits) | after: CPU s (hits) |\n| --- | --- | --- |")
        for label, query in cases:
            old = "—" if args.skip_before or "16000" in label else "%.2f (%s)" % cpu(
                lambda: before(store, query))
            t, hits = cpu(lambda: after(store, query))
            print(f"| {label} | {old} | {t:.3f} ({hits}) |", flush=True)
        q = parse_query(" OR ".join(WORDS))
        t, spans = cpu(lambda: store.matches("long", q))
        print(f"\nArticle-page highlight of the long article (32 words): {t:.3f} s, "
              f"{len(spans)} matches")


if __name__ == "__main__":
    main()

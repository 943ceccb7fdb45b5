"""Story clustering at scale: 100,000 articles through the clustering + store path.

The articles are generated from the gold clustering sets in
../shared/data/clustering/: each pass over the 2,773 articles is one "era",
its dates shifted by ``--era-days`` (default: the sets' span plus the clusterer's
window on both sides, so two eras never share a story; 1,100 days was enough for
a 60-day window, with 365 days era 2 met era 1's open topics and merged them) and
every text perturbed (words dropped and replaced, seeded), so the gold story of
each generated article is (its cluster, its era); 5% are followed by a
syndicated copy from another outlet, which must be found as a near-duplicate. Articles stream in date
order into ``ingest_articles`` with a real SQLite store on disk, exactly as
``newsprism ingest`` stores them, minus extraction and cleaning (measured
elsewhere).

Reports articles/second and CPU ms/article per 10,000-article slice next to the number of
stories already stored (the per-article cost must stay flat as that grows),
overall throughput, peak RSS and B-cubed F1 against the generated gold.

Speed work must not change a decision: ``--same-as OLD.db`` checks, after the
run, that every article went to the same story (and was marked a copy of the
same article) as in OLD.db, a store written by the same command before the
change (exit 1 when not).

Usage:
    python benchmarks/cluster_scale.py [--n 100000] [--db PATH] [--data DIR] [--same-as OLD.db]

Skips with a message (exit 0) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cluster_quality import DATA, FILES, datasets  # noqa: E402

from newsprism.eval.clusters import GoldArticle  # noqa: E402

from newsprism.cluster import ClusterConfig, bcubed  # noqa: E402
from newsprism.model import Article  # noqa: E402
from newsprism.pipeline.collection import ingest_articles  # noqa: E402
from newsprism.store import Store  # noqa: E402

SLICE = 10_000
SYNDICATED = 0.05  # share of articles followed by a syndicated copy (exercises MinHash/LSH)


def perturb(text: str, rng: random.Random, vocab: list[str]) -> str:
    """Drop ~10% of words and replace ~5% with random words, keeping line breaks."""
    lines = []
    for line in text.splitlines():
        words = []
        for w in line.split():
            roll = rng.random()
            if roll < 0.10:
                continue
            words.append(rng.choice(vocab) if roll < 0.15 else w)
        lines.append(" ".join(words))
    return "\n".join(lines)


def generate(n: int, base: list[GoldArticle], era_days: int,
             seed: int) -> Iterator[tuple[Article, str]]:
    """``n`` (article, gold label) pairs in date order, era after era."""
    rng = random.Random(seed)
    vocab = sorted({w for r in base[:500] for w in r.text.split()})
    dated = [r for r in base if r.date]
    made = 0
    era = 0
    while made < n:
        shift = timedelta(days=era * era_days)
        for r in dated:
            if made >= n:
                return
            day = (date.fromisoformat(r.date) + shift).isoformat()
            text = perturb(r.text, rng, vocab)
            if not text.strip():
                continue
            article = Article(id="x", name=f"Outlet {era}", text=text, title=r.title,
                              published=day, record_id=f"{era}:{r.key}")
            yield article, f"{era}:{r.gold}"
            made += 1
            if rng.random() < SYNDICATED and made < n:
                # a syndicated copy: another outlet, the same text lightly edited
                copy = Article(id="x", name=f"Syndicate {era}", text=text + " (Wire copy)",
                               title=article.title, published=day,
                               record_id=f"{era}:{r.key}:copy")
                yield copy, f"{era}:{r.gold}"
                made += 1
        era += 1


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run(n: int, db_path: Path, base: list[GoldArticle], era_days: int,
        same_as: Path | None = None) -> int:
    gold: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        for article, label in generate(n, base, era_days, seed=11):
            gold[article.record_id or ""] = label
            yield article

    # wall-clock rate and CPU time per article: on a shared machine the CPU time is
    # the steadier evidence that the cost per article does not grow
    marks = [(0, time.perf_counter(), time.process_time())]
    store = Store(db_path)

    def progress(done: int, total: int) -> None:
        if done // SLICE > marks[-1][0] // SLICE:
            now, cpu = time.perf_counter(), time.process_time()
            n_slice = done - marks[-1][0]
            rate = n_slice / (now - marks[-1][1])
            cpu_ms = 1000 * (cpu - marks[-1][2]) / n_slice
            print(f"{done:8d} articles  {rate:6.0f} art/s  {cpu_ms:5.2f} CPU ms/article  "
                  f"{store.count('stories'):7d} stories stored  peak RSS {peak_rss_mb():5.0f} MB",
                  flush=True)
            marks.append((done, now, cpu))

    started, cpu_started = time.perf_counter(), time.process_time()
    report = ingest_articles(articles(), store, total=n, progress=progress)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rows = store.db.execute("SELECT record_id, story_id FROM articles ORDER BY seq").fetchall()
    p, r, f = bcubed([s for _, s in rows], [gold[k] for k, _ in rows])
    print(f"\n{report.added} articles stored in {elapsed:.1f}s = {report.added / elapsed:.0f} "
          f"articles/s overall ({report.added / cpu:.0f}/s per CPU second); "
          f"{store.count('stories')} stories; "
          f"{report.near_duplicates} marked as near-duplicates")
    print(f"peak RSS {peak_rss_mb():.0f} MB; store {db_path.stat().st_size / 1e6:.0f} MB")
    print(f"B-cubed vs generated gold: P={p:.3f} R={r:.3f} F1={f:.3f}")
    same = same_as is None or same_stories(store.db, same_as)
    if same_as is not None:
        print(f"same stories and copies as {same_as}: {'yes' if same else 'NO'}")
    store.close()
    return 0 if same else 1


def same_stories(db: sqlite3.Connection, other: Path) -> bool:
    """Whether the store at ``other`` put the same articles, in the same order, in the
    same stories with the same copies as ``db`` (story ids derive from content)."""
    sql = "SELECT record_id, story_id, duplicate_of FROM articles ORDER BY seq"
    old = sqlite3.connect(other)
    try:
        return old.execute(sql).fetchall() == [tuple(r) for r in db.execute(sql)]
    finally:
        old.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="store file (default: a temp dir)")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--era-days", type=int, default=None,
                    help="days between eras (default: span of the sets + 2 windows)")
    ap.add_argument("--same-as", type=Path, default=None,
                    help="store of an earlier run of the same command: check the same stories")
    args = ap.parse_args()
    if not (args.data / FILES["duc2003_tdt_events"]).exists():
        print(f"SKIP: clustering data not found in {args.data} (see shared/data/README.md)")
        return 0
    base = datasets(args.data)["mixed_all"]
    if args.era_days is None:
        days = sorted(date.fromisoformat(a.date).toordinal() for a in base if a.date)
        args.era_days = days[-1] - days[0] + 2 * ClusterConfig().window_days + 1
    print(f"streaming {args.n} generated articles from {len(base)} gold articles "
          f"(eras of {args.era_days} days)")
    if args.db:
        return run(args.n, args.db, base, args.era_days, args.same_as)
    with tempfile.TemporaryDirectory() as tmp:
        return run(args.n, Path(tmp) / "scale.db", base, args.era_days, args.same_as)


if __name__ == "__main__":
    sys.exit(main())

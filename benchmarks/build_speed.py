"""Build speed: briefings ready before anyone asks, beside today's rebuild from scratch.

    nice .venv/bin/python benchmarks/build_speed.py [--cluster D0601A] [--repeat 3]
        [--articles N] [--no-write]

One DUC 2006 cluster (25 articles, ../shared/data/summarization/duc2006_qfmds.jsonl,
never copied here) is stored as one story (written to the store directly:
the clusterer splits this topic cluster into several events). Every measurement runs in a fresh child process whose models
are warmed on other text first, so only the measured work is timed:

- baseline, rebuild from scratch: ``brief`` over the 25 stored articles with no
  stored per-article work (what opening a changed story cost before: the view
  built it);
- first build: ``build_dirty`` of the 24-article story, storing each article's
  vectors and entity mentions;
- first view of the built story: GET /stories/ID and /api/stories/ID/briefing on the
  web app (FastAPI TestClient), server time from request to response;
- rebuild after one new article: the 25th article is ingested, then
  ``build_dirty`` (the `newsprism build` a cron job runs) in a fresh process.

CPU seconds are process time (all threads); medians over ``--repeat`` runs.
Targets (issue 11): first view <= 0.2 s; rebuild after one article <= 1.5 s CPU.
Results go to stdout and benchmarks/results/build_speed.md (not with ``--no-write``).
``--articles N`` keeps only the cluster's first N articles (a quick smoke run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "summarization" / "duc2006_qfmds.jsonl"
STORY = "sbench"
RESULTS = ROOT / "benchmarks" / "results" / "build_speed.md"


def _articles(cluster_id: str):  # type: ignore[no-untyped-def]
    from newsprism.eval.datasets import read_clusters

    for cluster in read_clusters(DATA):
        if cluster.id == cluster_id:
            return [d.article() for d in cluster.documents]
    raise SystemExit(f"no cluster {cluster_id} in {DATA}")


def _warm() -> None:
    """Load the models on text of our own, so the timed work excludes start-up."""
    from newsprism.config import Options
    from newsprism.model import Article
    from newsprism.pipeline.digest import brief

    text = ("The council of Tarnholm met on Monday. Mayor Ada Lind said the harbour "
            "would reopen in May after repairs costing 4 million crowns.")
    brief((Article("w1", "Warm Gazette", text), Article("w2", "Warm Post", text + " Fine.")),
          Options())


def _ingest(db: str, articles: list) -> None:  # type: ignore[type-arg]
    """Store ``articles`` into one story, as an ingest that joined them to it would."""
    from newsprism.store import Store, article_key

    with Store(db) as store, store.transaction():
        for article in articles:
            seq = store.add_article(article_key(article), article, STORY, None, None)
        dates = sorted(a.published for a in articles if a.published)
        store.save_story(STORY, '{"t": [], "w": []}', dates[0], dates[-1],
                         articles[0].title, seq)


def step(name: str, db: str, cluster_id: str) -> dict[str, float]:
    """One measurement, run in this (fresh) process; returns its timings."""
    from newsprism.config import Options
    from newsprism.pipeline.build import build_dirty
    from newsprism.pipeline.digest import brief
    from newsprism.store import Store

    _warm()
    options = Options()
    with Store(db) as store:
        if name == "scratch":
            articles = store.story_articles(STORY)
            cpu, wall = time.process_time(), time.perf_counter()
            brief(articles, options)
        elif name == "view":
            return _view(db, STORY)
        else:  # "build": whatever is dirty
            cpu, wall = time.process_time(), time.perf_counter()
            report = build_dirty(store, options)
            assert len(report.built) == 1, report.line()
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


def _view(db: str, story_id: str) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from newsprism.config import Options
    from newsprism.web import create_app

    client = TestClient(create_app(db, Options()), base_url="http://localhost")
    client.get("/")  # first request: templates compiled
    out = {}
    for key, path in (("page", f"/stories/{story_id}"),
                      ("api", f"/api/stories/{story_id}/briefing")):
        wall = time.perf_counter()
        response = client.get(path)
        out[key] = time.perf_counter() - wall
        assert response.status_code == 200, (path, response.status_code)
    return out


def _child(name: str, db: str, cluster_id: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--step", name, "--db", db,
                           "--cluster", cluster_id], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"step {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _round(cluster_id: str, articles: list) -> dict[str, dict[str, float]]:
    """One run of every step on ``articles``: all but the last stored, then the last."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "np.db")
        _ingest(db, articles[:-1])
        out = {f"first build ({len(articles) - 1} articles)": _child("build", db, cluster_id),
               "first view": _child("view", db, cluster_id)}
        _ingest(db, articles[-1:])
        out["rebuild after 1 new article"] = _child("build", db, cluster_id)
        out[f"baseline: rebuild from scratch ({len(articles)})"] = _child("scratch", db,
                                                                          cluster_id)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster", default="D0601A")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int,
                        help="only the cluster's first N articles (N >= 2)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.articles is not None and args.articles < 2:
        parser.error("--articles: at least 2 (one is added after the first build)")
    if args.step:
        print(json.dumps(step(args.step, args.db, args.cluster)))
        return
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return
    articles = _articles(args.cluster)[:args.articles]
    rounds = [_round(args.cluster, articles) for _ in range(args.repeat)]
    lines = [f"# Build speed ({args.cluster}, {len(articles)} DUC 2006 articles in one story; "
             f"median of {args.repeat} runs, each step a fresh process)", "",
             "| step | CPU s | wall s |", "| --- | --- | --- |"]
    for name in rounds[0]:
        if name == "first view":
            for key in ("page", "api"):
                med = statistics.median(r[name][key] for r in rounds)
                lines.append(f"| first view of the built story, {key} (server time) | | {med:.3f} |")
            continue
        cpu = statistics.median(r[name]["cpu"] for r in rounds)
        wall = statistics.median(r[name]["wall"] for r in rounds)
        lines.append(f"| {name} | {cpu:.2f} | {wall:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

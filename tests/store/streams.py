"""Realistic article streams for the store's consistency tests.

Read at run time from ``../shared/data/clustering`` (never copied into the
project); a test using them skips when that folder is absent. A stream mixes
the four sets (different eras, years apart), out of date order, with
undated articles, syndicated copies under another outlet and exact repeats,
the shapes that exercise every path of the incremental clusterer.
"""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

import pytest

from newsprism.model import Article

CLUSTERING = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "clustering"
FILES = ("duc2003_tdt_event_clusters.jsonl", "duc2006_topic_clusters.jsonl",
         "duc2007_topic_clusters.jsonl", "multiling2011_en_clusters.jsonl")


def records(n: int, seed: int = 13) -> list[dict[str, str | None]]:
    """``n`` JSONL-style records (text, title, source, published), mixed as described."""
    if not all((CLUSTERING / f).is_file() for f in FILES):
        pytest.skip("../shared/data/clustering is absent: no realistic stream here")
    rng = random.Random(seed)
    pool = []
    for name in FILES:
        with open(CLUSTERING / name, encoding="utf-8") as fh:
            pool += [json.loads(line) for line in fh]
    picked = sorted(rng.sample(range(len(pool)), n - n // 10))
    # mostly in date order, as a feed arrives, with a tenth moved anywhere
    stream = [_record(pool[i], rng) for i in picked]
    stream.sort(key=lambda r: r["published"] or "")
    for _ in range(n // 10):
        stream.insert(rng.randrange(len(stream)), stream.pop(rng.randrange(len(stream))))
    for _ in range(n // 20):  # syndicated copies, carried by another outlet
        original = rng.choice(stream)
        stream.insert(rng.randrange(len(stream)), {**original, "source": "Wire Reprints"})
    for _ in range(n - len(stream)):  # the same record again
        stream.insert(rng.randrange(len(stream)), rng.choice(stream))
    return stream


def _record(row: dict[str, str], rng: random.Random) -> dict[str, str | None]:
    undated = rng.random() < 0.05
    return {"text": row["text"], "title": row["title"] or None, "source": row["source"],
            "published": None if undated else _iso(row["date"])}


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    for fmt in ("%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def articles(rows: list[dict[str, str | None]]) -> list[Article]:
    """The records as clean articles (what ingest hands the clusterer)."""
    return [Article(id=f"r{i}", name=r["source"] or "Unknown", text=r["text"] or "",
                    title=r["title"], published=r["published"]) for i, r in enumerate(rows)]

"""Shared fixtures and checks. Tests never touch the network."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from newsprism.model import Briefing
from newsprism.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
# The kinds of noise the seed articles carry; none may survive cleaning.
SEED_NOISE = re.compile(
    r"ALSO READ|READ MORE|handout photo|Open gallery view|Credit:|A\+ A-|"
    r"block is broken|contributed to this report|PRESS OFFICE OF THE MINISTRY",
    re.I,
)


def assert_traceable(b: Briefing) -> None:
    """Every citation is a whole sentence of the source it names."""
    sentences = {a.id: {(s.start, s.end) for s in split_sentences(a)} for a in b.sources}
    for c in b.citations():
        assert c.source in sentences, f"citation of unknown source {c.source}"
        text = b.source(c.source).text
        assert 0 <= c.start < c.end <= len(text)
        assert (c.start, c.end) in sentences[c.source], f"not a sentence: {text[c.start:c.end]!r}"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent: the seed story is not available here")
    return SEEDS


@pytest.fixture(scope="session")
def examples() -> Path:
    if not any(EXAMPLES.glob("*.*")):
        pytest.skip("examples/ holds no articles yet")
    return EXAMPLES


def stored_articles(db: Path) -> int:
    """Articles in the store at ``db`` as another process sees it (0 before it exists)."""
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet

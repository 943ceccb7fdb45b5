"""Shared fixtures for the web tests: a store holding the bundled example and a hostile article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.config import Options
from newsprism.model import Article
from newsprism.pipeline.collection import ingest_articles, ingest_inputs
from newsprism.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OPTIONS = Options(embedder="tfidf")

XSS_TEXT = (
    "Hostile markup test in Qarvel.\n"
    'The mayor of Qarvel said <script>window.__pwned = 1</script> that the bridge would open.\n'
    '<img src=x onerror="window.__pwned = 2"> Engineers in Qarvel checked the bridge again.\n'
    "<b onmouseover=\"window.__pwned = 3\">Bold claim</b> about the Qarvel bridge."
)
XSS = Article(id="x", name='Evil <i>Outlet</i>', text=XSS_TEXT,
              title='Qarvel bridge <script>window.__pwned = 4</script>', published="2024-06-01")


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "np.db"
    with Store(path) as store:
        if EXAMPLES.is_dir():
            ingest_inputs([str(EXAMPLES)], store, OPTIONS)
        ingest_articles([XSS], store)
    return path

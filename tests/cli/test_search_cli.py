"""`newsprism search`: the query syntax from the command line, and its errors as one line."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from newsprism.cli import main
from newsprism.pipeline.collection import ingest_articles
from newsprism.store import Store
from newsprism.web import create_app
from tests.store.test_search import ARTICLES
from tests.web.conftest import OPTIONS


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("clisearch") / "np.db"
    with Store(path) as store:
        ingest_articles(ARTICLES, store)
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_query_words_and_syntax(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "search", "harbour", "-strike", "--db", db, "--json")
    assert code == 0
    assert [r["name"] for r in json.loads(out)["results"]] == ["Varnholt Gazette"]
    code, out, _ = run(capsys, "search", '"fishing boats" coastguard', "--db", db)
    assert code == 0 and "[fishing boats]" in out and "[coastguard]" in out


@pytest.mark.parametrize("args,message", [
    ((), 'query: empty; type a word or "a phrase" to search for'),
    (("",), 'query: empty; type a word or "a phrase" to search for'),
    (('"ferry sank',), "unbalanced quote"),
    (("ferry", "OR"), "OR needs a word or phrase on each side"),
    (("-ferry",), "only excluded terms"),
])
def test_unreadable_query_is_one_line_and_exit_1(capsys, db: str, args, message) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "search", "--db", db, *args)
    assert code == 1 and out == ""
    assert err.startswith("newsprism: error: query: ") and message in err
    assert err.count("\n") == 1


def test_empty_query_is_the_same_error_in_cli_and_api(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    _, _, err = run(capsys, "search", "--db", db)
    api = TestClient(create_app(db, OPTIONS), base_url="http://localhost").get("/api/search", params={"q": ""})
    assert api.status_code == 400
    assert err.strip() == f"newsprism: error: {api.json()['error']['message']}"


def test_help_documents_the_syntax(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "search", "--help")
    assert code == 0
    for example in ('"ferry sank"', "ferry OR boat", "-strike", "NOT strike", "harb*", "500"):
        assert example in out

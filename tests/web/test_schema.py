"""Schemathesis against the app's own OpenAPI schema, in process (ASGI, no network).

Every documented operation gets a bounded number of generated requests, valid
and invalid; each response must not be a server error and must conform to the
schema (documented status, content type, headers and body). A fixed seed keeps
the run the same from one CI run to the next.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsprism.model import Article  # noqa: E402
from newsprism.pipeline.collection import ingest_articles  # noqa: E402
from newsprism.store import Store  # noqa: E402
from newsprism.web import create_app  # noqa: E402
from newsprism.web.security import Guard  # noqa: E402
from tests.web.conftest import OPTIONS  # noqa: E402

# The checks: no server error, and every response as the schema documents it. Not checked
# is how requests are judged: a form with neither files nor URLs is valid by the schema
# (OpenAPI cannot say "at least one of two fields") yet refused, and a multipart field
# "of the wrong type" is still text on the wire, so accepting it is right.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
# examples per operation and mode; 25 keeps the run near 30 s on two busy cores
EXAMPLES = int(os.environ.get("NEWSPRISM_SCHEMA_EXAMPLES", "25"))
CALLS: list[int] = []  # status codes seen, for the figures a failing run prints

STORY = Article(id="s", name="Varden Gazette", published="2024-03-02",
                title="Tollen ferry returns to service",
                text="The Tollen ferry returned to service on Saturday after repairs. "
                     "Harbour master Ines Arvo said the crossing would run hourly.")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The app's schema over a small store of its own (the run ingests into it)."""
    db = tmp_path_factory.mktemp("schema") / "np.db"
    with Store(db) as store:
        ingest_articles([STORY], store)
    # schemathesis's in-process client names its host "testserver"
    app = create_app(db, OPTIONS, guard=Guard(allowed_hosts=("testserver",)))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Generated URLs must never reach the network: every host name fails to resolve."""
    def refuse(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "name resolution is off in this test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_api_conforms_to_its_schema(api_schema: object) -> None:
    """Valid and invalid requests to every operation: no 5xx, every response as documented."""
    for result in api_schema.get_all_operations():  # type: ignore[attr-defined]
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode)


def _fuzz(operation: object, mode: GenerationMode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case: object) -> None:
        response = case.call_and_validate(checks=CHECKS)  # type: ignore[attr-defined]
        CALLS.append(response.status_code)
        assert response.status_code < 500, response.text

    try:
        call()
    except Unsatisfiable:
        # an operation whose every input is a free string (a story id) has no invalid form
        assert mode is GenerationMode.NEGATIVE, operation


@pytest.mark.parametrize("query", ["offset=9223372036854775808", "offset=-1",
                                   "limit=99999999999999999999", "limit=0"])
def test_out_of_range_paging_is_a_422_with_the_error_shape(api_schema: object,
                                                          query: str) -> None:
    """The one 5xx the issue-13 run found: an offset past SQLite's integer range."""
    from fastapi.testclient import TestClient

    app = api_schema.app  # type: ignore[attr-defined]
    response = TestClient(app, base_url="http://localhost").get(f"/api/stories?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """Not a check: prints how many calls the run above made, by status class."""
    classes: dict[str, int] = {}
    for status in CALLS:
        classes[f"{status // 100}xx"] = classes.get(f"{status // 100}xx", 0) + 1
    with capsys.disabled():
        print(f"\nschemathesis: {len(CALLS)} calls, {classes}")

"""The optional writer: rewordings are kept only where their citations support them.

The endpoint tests talk HTTP to a small OpenAI-compatible server started here: it
stands in for the user's language model (which CI cannot run); what is tested is our
client, the checks and the wiring into the briefing.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.cli import main
from newsprism.config import Options
from newsprism.errors import ConfigError, WriterError
from newsprism.pipeline import brief, load_articles
from newsprism.render import render
from newsprism.write import supported

EXAMPLES = Path(__file__).parents[2] / "examples"
LINE = "The R14 train hit a landslide near Osterfeld on Tuesday, injuring 40 people."


@pytest.mark.parametrize("proposal", [
    "A landslide near Osterfeld derailed the R14 train on Tuesday, injuring 40 people.",
    "On Tuesday the R14 hit a landslide near Osterfeld; 40 people were injured.",
])
def test_a_faithful_rewording_is_supported(proposal):
    assert supported(proposal, LINE, LINE, 0.8)


@pytest.mark.parametrize("proposal, why", [
    ("The R14 train hit a landslide near Osterfeld on Tuesday, injuring 45 people.", "number"),
    ("The R14 train hit a landslide near Lindau on Tuesday, injuring 40 people.", "name"),
    ("The R14 train did not hit a landslide near Osterfeld, injuring 40 people.", "negation"),
    ("Reckless managers let the R14 crash near Osterfeld, hurting 40 people.", "new words"),
    ("The R14 train hit a landslide near Osterfeld on Tuesday, injuring 40 people and "
     "frightening many more.", "longer than the line"),
    ("", "empty"),
])
def test_an_unsupported_rewording_is_refused(proposal, why):
    assert not supported(proposal, LINE, LINE, 0.8), why


def test_dropping_the_lines_negation_is_refused():
    line = "The minister did not resign after the crash."
    assert not supported("The minister resigned after the crash.", line, line, 0.8)
    assert supported("After the crash, the minister didn't resign.", line, line, 0.8)


class _Model(BaseHTTPRequestHandler):
    """Answers each line with a rewording chosen by the test (``server.answer``)."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)  # type: ignore[attr-defined]
        if self.server.status != 200:  # type: ignore[attr-defined]
            self.send_error(self.server.status)  # type: ignore[attr-defined]
            return
        user = body["messages"][-1]["content"]
        line = user.split("\n", 1)[0].removeprefix("Line: ")
        answer = self.server.answer(line)  # type: ignore[attr-defined]
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data.encode())

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture()
def model():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Model)
    server.requests, server.status = [], 200
    server.answer = lambda line: line
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def _options(server, **extra) -> Options:
    return Options(embedder="tfidf", writer="openai", writer_model="test",
                   writer_url=f"http://127.0.0.1:{server.server_port}/v1", **extra)


@pytest.fixture(scope="module")
def articles():
    found, errors = load_articles([str(EXAMPLES)], Options())
    assert not errors
    return found


def test_writer_rewords_supported_lines_and_keeps_the_rest(model, articles):
    plain = brief(articles, Options(embedder="tfidf"))
    first, second = plain.summary[0].text, plain.summary[1].text

    def answer(line: str) -> str:
        if line == first:  # the same words, reordered around the first comma
            head, _, tail = line.rstrip(".").partition(", ")
            return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}." if tail else line
        if line == second:
            return "Officials said 999 people were hurt."  # invented: must be dropped
        return line

    model.answer = answer
    b = brief(articles, _options(model))
    assert len(model.requests) == len(plain.summary)
    request = model.requests[0]
    assert request["model"] == "test" and request["temperature"] == 0
    assert first in request["messages"][-1]["content"]
    assert b.summary[0].rewritten_from == first and b.summary[0].text != first
    assert b.summary[1] == plain.summary[1]  # the invented rewording was refused
    for new, old in zip(b.summary, plain.summary):
        assert new.citations == old.citations and new.fact == old.fact
        assert new.rewritten_from in (None, old.text)
    reworded = [i for i in b.summary if i.rewritten_from]
    assert all(supported(i.text, i.rewritten_from, i.rewritten_from, 0.8) for i in reworded)
    assert b.to_dict()["summary"][0]["rewritten_from"] == first
    assert f"*the source says:* {first}" in render(b, "md")
    assert 'class="reworded"' in render(b, "html")


def test_writer_none_changes_nothing(articles):
    plain = brief(articles, Options(embedder="tfidf"))
    assert all(i.rewritten_from is None for i in plain.summary)


def test_unreachable_or_broken_endpoint_is_a_clear_error(model, articles):
    model.status = 500
    with pytest.raises(WriterError, match="HTTP 500"):
        brief(articles, _options(model))
    closed = Options(embedder="tfidf", writer="openai", writer_model="m",
                     writer_url="http://127.0.0.1:9/v1", fetch_timeout=2.0)
    with pytest.raises(WriterError, match="cannot reach the writer"):
        brief(articles, closed)
    with pytest.raises(ConfigError, match="--writer-url"):
        brief(articles, Options(embedder="tfidf", writer="openai"))


def test_cli_writer_failure_is_one_line_and_nonzero(model, tmp_path, capsys):
    model.status = 503
    out = tmp_path / "b.json"
    with pytest.raises(SystemExit) as exit_:
        main(["digest", str(EXAMPLES), "-o", str(out), "--embedder", "tfidf", "--writer",
              "openai", "--writer-url", f"http://127.0.0.1:{model.server_port}/v1",
              "--writer-model", "m"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "HTTP 503" in err[0] and err[0].startswith("newsprism: error:")
    assert not out.exists()

"""read_inputs: every kind of input, and one clear error per bad document."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest

from newsprism.config import Options
from newsprism.ingest import read_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"
OPTIONS = Options()


def messages(errors):
    return [str(e) for e in errors]


def test_folder_is_read_recursively_sorted_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b.txt").write_text("Second story\n\nThe council met on Monday.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Nested story text, long enough.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("never read", "utf-8")
    (tmp_path / "README.md").write_text("not an article", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    docs, errors = read_inputs([str(tmp_path)], OPTIONS)
    assert errors == []
    assert [Path(d.origin).name for d in docs] == ["b.txt", "a.txt"]
    assert all(d.format == "text" and d.path == d.origin for d in docs)


def test_html_file_is_marked_html(examples):
    docs, errors = read_inputs([str(examples / "brenholt_courier.html")], OPTIONS)
    assert errors == [] and docs[0].format == "html"


def test_jsonl_records_carry_metadata_and_bad_lines_name_their_line():
    docs, errors = read_inputs([str(FIXTURES / "records.jsonl")], OPTIONS)
    assert [d.record_id for d in docs] == ["r1", "r4"]
    first = docs[0]
    assert (first.title, first.source, first.url, first.published) == (
        "Council approves ferry deal", "Velmora Herald", "https://velmoraherald.example/ferry",
        "2024-03-05")
    assert docs[1].published == "2024-03-05"  # "5 March 2024" normalised
    text = messages(errors)
    assert any(m.startswith(f"{FIXTURES / 'records.jsonl'}:2: invalid JSON") for m in text)
    assert any(m.startswith(f"{FIXTURES / 'records.jsonl'}:3: record has no text") for m in text)


def test_json_file_with_a_list_of_records(tmp_path):
    f = tmp_path / "batch.json"
    f.write_text('[{"text": "One story."}, {"text": "Another story.", "source": "X"}]', "utf-8")
    docs, errors = read_inputs([str(f)], OPTIONS)
    assert errors == [] and [d.body for d in docs] == ["One story.", "Another story."]


def test_feed_entries_with_content_become_documents():
    docs, errors = read_inputs([str(FIXTURES / "feed.xml")], OPTIONS)
    assert errors == []
    assert len(docs) == 1  # the link-only gallery item carries no text
    doc = docs[0]
    assert doc.source == "Harbour Gazette" and doc.format == "html"
    assert doc.title == "Ferry contract approved after long debate"
    assert doc.published == "2024-03-05" and doc.author == "Ines Marr"
    assert doc.url == "https://harbourgazette.example/2024/03/05/ferry-contract"


def test_stdin(monkeypatch):
    fake = type("Stdin", (), {"buffer": BytesIO("A story from a pipe.\n".encode())})()
    monkeypatch.setattr("sys.stdin", fake)
    docs, errors = read_inputs(["-"], OPTIONS)
    assert errors == [] and docs[0].origin == "<stdin>" and docs[0].body.startswith("A story")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        ("noise.txt", bytes(range(128, 256)) * 40, "undecodable"),
        ("empty.txt", b"   \n\n", "empty"),
    ],
)
def test_unreadable_files_are_errors_naming_the_file(tmp_path, name, content, problem):
    f = tmp_path / name
    f.write_bytes(content)
    docs, errors = read_inputs([str(f)], OPTIONS)
    assert docs == []
    assert len(errors) == 1 and errors[0].origin == str(f) and problem in str(errors[0])


def test_missing_path_and_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    docs, errors = read_inputs([str(tmp_path / "nope.txt"), str(empty)], OPTIONS)
    assert docs == []
    assert messages(errors)[0] == f"{tmp_path / 'nope.txt'}: no such file or folder"
    assert messages(errors)[1].startswith(f"{empty}: folder holds no article files")


def test_over_size_file_is_refused_not_truncated(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("word " * 300, "utf-8")
    docs, errors = read_inputs([str(f)], replace(OPTIONS, max_bytes=1000))
    assert docs == [] and "size limit" in str(errors[0]) and errors[0].origin == str(f)


def test_bad_file_among_good_ones_keeps_the_good(tmp_path):
    (tmp_path / "good.txt").write_text("A real story about the harbour.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    docs, errors = read_inputs([str(tmp_path)], OPTIONS)
    assert [Path(d.origin).name for d in docs] == ["good.txt"]
    assert [Path(e.origin).name for e in errors] == ["bad.txt"]


def test_legacy_encodings_are_decoded(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("Caf\u00e9 owners in Br\u00fcnn said \u201cno\u201d.".encode("cp1252"))
    docs, errors = read_inputs([str(f)], OPTIONS)
    assert errors == [] and docs[0].body == "Caf\u00e9 owners in Br\u00fcnn said \u201cno\u201d."

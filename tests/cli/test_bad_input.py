"""Every kind of bad input through the real CLI: one clear line, non-zero exit, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """Harbour council approves ferry contract

The Harbour Council of Velmora approved the new ferry contract on Tuesday.
The contract is worth 42 million crowns over ten years, officials said.
"""
GOOD_2 = """Velmora's harbour council voted on Tuesday to approve the ferry contract.
The deal is valued at 45 million crowns across a decade, the mayor said.
"""


def digest(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", "digest", "--embedder", "tfidf", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], *names: str) -> None:
    assert result.returncode != 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for name in names:
        assert name in result.stderr, result.stderr


def test_nonexistent_path(tmp_path):
    missing = tmp_path / "no-such-story.txt"
    result = digest(str(missing))
    assert_clean_failure(result, "no-such-story.txt", "no such file or folder")


def test_empty_folder(tmp_path):
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    assert_clean_failure(digest(str(folder)), "empty-folder", "no article files")


def test_binary_file(tmp_path):
    f = tmp_path / "picture.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 64)
    assert_clean_failure(digest(str(f)), "picture.txt", "binary")


def test_undecodable_file(tmp_path):
    f = tmp_path / "garbled.txt"
    f.write_bytes(bytes(range(128, 256)) * 32)
    assert_clean_failure(digest(str(f)), "garbled.txt", "undecodable")


def test_invalid_json_line_names_the_line(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(json.dumps({"text": GOOD}) + "\n{not json\n", encoding="utf-8")
    result = digest(str(f), "-o", str(tmp_path / "out.json"))
    assert_clean_failure(result, "batch.jsonl:2", "invalid JSON")


def test_record_with_no_text(tmp_path):
    f = tmp_path / "records.jsonl"
    f.write_text(json.dumps({"title": "Only a title", "source": "Velmora Herald"}) + "\n", "utf-8")
    assert_clean_failure(digest(str(f)), "records.jsonl:1", "no text")


def test_article_with_no_text_left(tmp_path):
    f = tmp_path / "furniture.txt"
    f.write_text("Share this article\nAdvertisement\nSign up for our newsletter\n", "utf-8")
    assert_clean_failure(digest(str(f)), "furniture.txt", "no article text")


def test_html_page_without_article_text(tmp_path):
    f = tmp_path / "blank.html"
    f.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "utf-8")
    assert_clean_failure(digest(str(f)), "blank.html")


def test_file_over_the_size_cap(tmp_path):
    f = tmp_path / "huge.txt"
    line = "The council met again on Tuesday to discuss the ferry contract.\n"
    f.write_text(line * (6_000_000 // len(line)), encoding="utf-8")  # > 5 MB default cap
    assert_clean_failure(digest(str(f)), "huge.txt", "size limit")


def test_failing_url(tmp_path):
    result = digest("http://127.0.0.1:9/story", "--allow-private")
    assert_clean_failure(result, "http://127.0.0.1:9/story", "could not fetch")


def test_private_url_refused_without_permission():
    result = digest("http://127.0.0.1:9/story")
    assert_clean_failure(result, "http://127.0.0.1:9/story", "--allow-private")


@pytest.mark.parametrize("url", ["ftp://example.invalid/story", "file:///etc/hostname"])
def test_non_http_url_refused(url):
    assert_clean_failure(digest(url), url, "only http and https")


def test_one_bad_file_among_good_ones(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_2, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\xff" * 500)
    out = tmp_path / "brief.json"
    result = digest(str(tmp_path), "-o", str(out))
    assert_clean_failure(result, "c.txt")
    briefing = json.loads(out.read_text(encoding="utf-8"))
    assert briefing["schema"] == "newsprism.briefing/2"
    assert sorted(s["path"].rsplit("/", 1)[-1] for s in briefing["story"]["sources"]) == [
        "a.txt", "b.txt"]

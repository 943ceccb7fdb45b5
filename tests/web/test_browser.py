"""The web app in a real browser: Debian's Chromium driven by Playwright.

Ingests the bundled example (and a hostile article), opens the story page,
clicks the first citation badge and checks that the cited sentence is
highlighted and visible; then checks that hostile markup never executes.
Screenshots go to tests/web/artifacts/ (ignored by git).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsprism.web import create_app
from tests.web.conftest import EXAMPLES, OPTIONS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and shutil.which("chromium") is None,
                       reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_path, OPTIONS), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/api/stories", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        # the browser may talk to our server only: nothing else exists offline
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(base_url) else route.abort())
        pg = context.new_page()
        yield pg
        browser.close()


def open_story(page, base_url: str, word: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    page.get_by_role("link", name=word).first.click()
    page.wait_for_selector("button.cite")


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not in this checkout")
def test_clicking_a_citation_highlights_the_cited_sentence(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    titles = page.locator("a.story-title").all_inner_texts()
    assert any("Osterfeld" in t for t in titles), titles
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "stories.png"))
    open_story(page, base_url, "Osterfeld")
    badge = page.locator("button.cite").first
    target = badge.get_attribute("data-target")
    assert target
    sentence = page.locator(f"[id='{target}']")
    assert "hl" not in (sentence.get_attribute("class") or "").split()
    badge.click()
    page.wait_for_function(
        "id => document.getElementById(id).classList.contains('hl')", arg=target, timeout=5000)
    assert sentence.is_visible()
    assert sentence.evaluate(
        "el => { const r = el.getBoundingClientRect(); let p = el.parentElement;"
        " while (p && p.scrollHeight <= p.clientHeight) p = p.parentElement;"
        " const box = p ? p.getBoundingClientRect() : {top: 0, bottom: innerHeight};"
        " return r.bottom > Math.max(0, box.top) && r.top < Math.min(innerHeight, box.bottom); }")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "story_citation_highlight.png"
    page.screenshot(path=str(shot), full_page=False)
    print(f"\nscreenshot: {shot}")


def test_hostile_article_text_never_executes(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ("/", "/search?q=qarvel"):
        page.goto(base_url + url)
        assert page.evaluate("window.__pwned === undefined"), url
    open_story(page, base_url, "Qarvel")
    page.locator("button.cite").first.click()
    page.mouse.move(10, 10)
    for b in page.locator("b").all():
        b.hover()
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("text=<script>window.__pwned = 1</script>").count() >= 1  # shown as text
    assert page.locator("img[onerror]").count() == 0
    assert dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile_article.png"))

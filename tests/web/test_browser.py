"""The web app in a real browser: Debian's Chromium driven by Playwright.

One server and one browser for the module. The store holds the bundled example
(5 articles), a hostile article and a fictional 30-article story written at test
time (tests/web/bigstory.py). Every page (story list, both story pages, search,
ingest form, error page) is visited at 390 and 1440 px: it must not scroll
sideways and axe-core must find no serious or critical violation. Screenshots go
to artifacts/screens/ (ignored by git), named page-width[-size].png.
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

from newsprism.model import Article
from newsprism.pipeline.collection import ingest_articles, ingest_inputs, story_briefing
from newsprism.render import render
from newsprism.store import Store
from newsprism.web import create_app
from tests.web.bigstory import big_story
from tests.web.conftest import EXAMPLES, OPTIONS, XSS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "artifacts" / "screens"
WIDTHS = (390, 1440)
BLOCKING = {"serious", "critical"}  # axe impacts that fail the test

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and shutil.which("chromium") is None,
                       reason="Debian's chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not in this checkout"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "np.db"
    with Store(path) as store:
        ingest_inputs([str(EXAMPLES)], store, OPTIONS)
        ingest_articles([XSS], store)
        ingest_articles(big_story(), store)
    return path


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store_path, OPTIONS), host="127.0.0.1",
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
def stories(base_url: str) -> dict[str, str]:
    """Story ids by a word of their title: "Osterfeld" (5 articles), "Rennick" (30), "Qarvel"."""
    listed = httpx.get(base_url + "/api/stories", timeout=10).json()["stories"]
    out = {}
    for word in ("Osterfeld", "Qarvel"):
        out[word] = next(s["id"] for s in listed if word in (s["title"] or ""))
    out["Rennick"] = next(s["id"] for s in listed if s["articles"] == 30)
    hits = httpx.get(base_url + "/api/search", params={"q": "rennick"}, timeout=10).json()
    out["article"] = hits["results"][0]["id"]
    return out


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        # the browser may talk to our server (and open files) only: nothing else exists offline
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith((base_url, "file:")) else route.abort())
        pg = context.new_page()
        pg.set_default_timeout(30_000)  # the 30-article briefing is built on first view
        yield pg
        browser.close()


def pages(stories: dict[str, str]) -> dict[str, str]:
    return {"list": "/", "story-5": f"/stories/{stories['Osterfeld']}",
            "story-30": f"/stories/{stories['Rennick']}", "search": "/search?q=rennick",
            "ingest": "/ingest", "error": "/stories/no-such-story",
            "article": f"/articles/{stories['article']}?q=rennick#match"}


def shot_name(name: str, width: int) -> str:
    """page-width.png, or story-width-size.png for a story page."""
    page_name, _, size = name.partition("-")
    return f"{page_name}-{width}{'-' + size if size else ''}.png"


def axe_problems(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["list", "story-5", "story-30", "search", "article", "ingest",
                                  "error"])
def test_page_fits_the_screen_and_passes_axe(  # type: ignore[no-untyped-def]
        page, base_url: str, stories, name: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + pages(stories)[name])
    assert page.locator("main").count() == 1
    wide = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    assert wide[0] <= wide[1], f"{name} at {width} px scrolls sideways: {wide}"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / shot_name(name, width)), full_page=True)
    assert axe_problems(page) == []


def test_story_list_cards(  # type: ignore[no-untyped-def]
        page, base_url: str, stories) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + "/")
    titles = page.locator("a.story-title").all_inner_texts()
    assert titles.index(next(t for t in titles if "Rennick" in t)) \
        < titles.index(next(t for t in titles if "Osterfeld" in t))  # 2025 before 2024
    card = page.locator("li.story", has=page.locator(f"a[href='/stories/{stories['Rennick']}']"))
    meta = card.locator(".meta").inner_text()
    assert "4 outlets, 30 articles" in meta and "10–12 Mar 2025" in meta, meta
    assert card.locator("svg.bar rect").count() == 4
    assert "Valley Wire Service" in card.locator(".legend").inner_text()
    assert card.locator(".lede").inner_text().strip()
    assert "undated" not in page.locator("main").inner_text()


def test_citation_opens_under_its_line_on_a_phone(  # type: ignore[no-untyped-def]
        page, base_url: str, stories) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + pages(stories)["story-30"])
    page.wait_for_load_state("load")
    badge = page.locator("#l-summary-1 button.cite").first
    badge.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    badge.click()
    panel = page.locator("#p-summary-1")
    assert badge.get_attribute("aria-expanded") == "true"
    assert badge.get_attribute("aria-controls") == "p-summary-1"
    assert panel.is_visible()
    cited = page.locator(f"[id='{badge.get_attribute('data-target')}']").text_content()
    assert cited and cited.strip() in panel.inner_text()
    gap = panel.bounding_box()["y"] - (badge.bounding_box()["y"] + badge.bounding_box()["height"])
    assert 0 <= gap < 60, gap  # right under the line, not 20,000 px down
    assert abs(page.evaluate("scrollY") - before) < 5
    assert page.evaluate("location.hash") == "#l-summary-1"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "citation-390-30.png"))
    panel.get_by_role("link").first.click()  # the article, at the cited sentence
    page.wait_for_function("location.hash.startsWith('#s-')")
    assert page.evaluate("scrollY") > before + 1000
    page.go_back()
    page.wait_for_function("location.hash === '#l-summary-1'")
    assert page.locator("#l-summary-1").evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.bottom > 0 && r.top < innerHeight; }")
    badge.click()
    assert badge.get_attribute("aria-expanded") == "false" and not panel.is_visible()


def test_citation_highlights_the_sentence_beside_on_a_desktop(  # type: ignore[no-untyped-def]
        page, base_url: str, stories) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + pages(stories)["story-5"])
    badge = page.locator("button.cite").first
    target = badge.get_attribute("data-target")
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
    assert page.evaluate("scrollY") < 400  # the sources box scrolled, not the page
    page.screenshot(path=str(SCREENS / "citation-1440-5.png"))


def test_long_sections_fold_and_the_menu_reaches_them(  # type: ignore[no-untyped-def]
        page, base_url: str, stories) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + pages(stories)["story-30"])
    menu = page.get_by_role("navigation", name="Sections")
    assert menu.get_by_role("link", name="Sources").count() == 1
    folded = page.locator("details.more > summary").all_text_contents()
    assert folded and all(t.split()[0].isdigit() and " more " in t for t in folded), folded
    coverage = page.locator("#coverage th").all_inner_texts()
    assert coverage[1:5] == ["Valley Wire Service", "Halvaro Tribune", "Northgate Herald",
                             "Coastline Radio News"]  # one column per outlet


def test_standalone_page_runs_its_inline_script_under_its_csp(  # type: ignore[no-untyped-def]
        page, store_path: Path, stories, tmp_path: Path) -> None:
    with Store(store_path) as store:
        html = render(story_briefing(store, stories["Osterfeld"], OPTIONS), "html")
    out = tmp_path / "briefing.html"
    out.write_text(html, encoding="utf-8")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(out.as_uri())
    badge = page.locator("#l-summary-1 button.cite").first
    badge.click()
    assert page.locator("#p-summary-1").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.cite')).minHeight") == "24px"
    assert not [e for e in errors if "Content Security Policy" in e], errors
    page.screenshot(path=str(SCREENS / "standalone-390-5.png"))


def test_hostile_article_text_never_executes(  # type: ignore[no-untyped-def]
        page, base_url: str, stories) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ("/", "/search?q=qarvel"):
        page.goto(base_url + url)
        assert page.evaluate("window.__pwned === undefined"), url
    page.goto(base_url + f"/stories/{stories['Qarvel']}")
    page.locator("button.cite").first.click()
    page.mouse.move(10, 10)
    for b in page.locator("b").all():
        b.hover()
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("text=<script>window.__pwned = 1</script>").count() >= 1  # shown as text
    assert page.locator("img[onerror]").count() == 0
    assert dialogs == []


def test_stories_with_new_articles_are_marked_new(  # type: ignore[no-untyped-def]
        page, base_url: str, store_path: Path, stories) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base_url + "/")  # this visit is the "last visit"
    assert page.locator(".story .new").count() == 0
    time.sleep(1.1)  # arrival times have one-second resolution
    extra = Article(id="late", name="Lindau Evening Standard", published="2024-05-15",
                    title="Osterfeld line to reopen after landslide",
                    text="The railway line near Osterfeld, where a landslide derailed a "
                         "commuter train on Tuesday, will reopen on Friday, the operator said. "
                         "Forty people were injured when two carriages left the tracks near "
                         "the village of Osterfeld, south of Brenholt.")
    with Store(store_path) as store:
        report = ingest_articles([extra], store)
    assert stories["Osterfeld"] in report.updated
    page.goto(base_url + "/")
    new = page.locator("li.story.is-new a.story-title").all_inner_texts()
    assert len(new) == 1 and "Osterfeld" in new[0], new
    page.screenshot(path=str(SCREENS / "list-1440-new.png"))

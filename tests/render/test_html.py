"""HTML rendering: untrusted text stays text; every badge points at a highlighted span."""

from __future__ import annotations

import base64
import hashlib
import html
import re

from newsprism.config import Options
from newsprism.model import Article, content_id
from newsprism.pipeline import brief
from newsprism.render import format_for, render
from newsprism.render.html import asset, briefing_fragment

HOSTILE = (
    "Port officials in Velmora said the <script>alert('x')</script> ferry tender closed on Monday.\n\n"
    'A second bid arrived late, <img src=x onerror="alert(1)"> according to the council.'
)
FRIENDLY = (
    "Port officials in Velmora said the ferry tender closed on Monday.\n\n"
    "A second bid arrived late, according to the council."
)


def _briefing():
    arts = tuple(
        Article(id=content_id(t), name=n, text=t, title="Velmora <b>ferry</b> tender")
        for n, t in (("Coast <Herald>", HOSTILE), ("Island Post", FRIENDLY))
    )
    return brief(arts, Options(embedder="tfidf"))


def test_source_text_is_escaped():
    page = render(_briefing(), "html")
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "&lt;script&gt;" in page
    assert "<b>ferry</b>" not in page and "Coast &lt;Herald&gt;" in page


def test_every_badge_has_a_target_sentence():
    page = render(_briefing(), "html")
    targets = re.findall(r'data-target="([^"]+)"', page)
    assert targets
    for t in targets:
        assert f'id="{t}"' in page


def test_markdown_and_json_render():
    b = _briefing()
    md = render(b, "md")
    assert md.startswith("# Velmora")
    assert "<script>" not in md
    assert '"schema": "newsprism.briefing/2"' in render(b, "json")
    if b.facts:  # the coverage matrix: one row per shared fact, one column per outlet
        table = md.split("## Coverage", 1)[1]
        assert "| Coast <Herald> | Island Post |" not in table  # names are escaped
        rows = [r for r in table.splitlines() if r.startswith("| ") and "✓" in r]
        assert len(rows) == len(b.facts)


def test_format_follows_extension():
    assert format_for("out/x.JSON") == "json"
    assert format_for("b.htm") == "html"
    assert format_for("b.md") == "md"


def test_every_badge_controls_a_panel_and_its_sentences_exist():
    fragment = briefing_fragment(_briefing())
    for controls in re.findall(r'aria-controls="([^"]+)"', fragment):
        assert f'id="{controls}"' in fragment
    for targets in re.findall(r'data-targets="([^"]+)"', fragment):
        for t in targets.split():
            assert f'id="{t}"' in fragment
    assert 'aria-expanded="false"' in fragment


def test_fragment_has_no_landmark_script_or_style_of_its_own():
    fragment = briefing_fragment(_briefing())
    assert "<main" not in fragment and "<script" not in fragment and "<style" not in fragment
    assert " style=" not in fragment


def test_standalone_page_inlines_its_assets_allowed_by_hash():
    page = render(_briefing(), "html")
    csp = html.unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1))
    for tag, name in (("style", "briefing.css"), ("script", "briefing.js")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        assert body == asset(name)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp
    assert page.count("<main") == 1
    assert not re.search(r'(src|href)="https?:', page)  # nothing fetched from outside

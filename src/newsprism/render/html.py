"""HTML rendering: one self-contained page, or a fragment the web app embeds.

Source text is untrusted web content: it only ever reaches the page through
Jinja2 with autoescaping on. Citations are badges (``button.cite``), one per
outlet of a line, whose ``data-target`` (and ``data-targets`` when the outlet has
several articles) name the cited sentences' ``span.sent`` in the sources panel;
clicking one opens those sentences under the line (``aria-controls`` names the
panel) and highlights them in the sources (class ``hl``).

The fragment carries no style or script: the web app links ``static/briefing.css``
and ``static/briefing.js`` (served from this package), and a standalone page inlines
the same two files, so a strict Content-Security-Policy holds in both.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.model import Article, Briefing, Citation, outlets, source_labels, sources_line
from newsprism.render.markdown import exclusive_groups, more

# Stores cache rendered fragments under this; it changes whenever the template or this
# module does, so a cached fragment never outlives the markup that made it.
FRAGMENT_VERSION = hashlib.sha256(
    (files("newsprism.render") / "templates" / "briefing.html").read_bytes()
    + Path(__file__).read_bytes()).hexdigest()[:10]

# How much of a long section shows before the rest folds into a <details> with a count:
# enough to read the section's gist on a phone screen (chosen by looking at a 30-article
# story at 390 px), all of it one click away.
SHOW = {"lines": 5, "exclusive": 4, "rows": 8, "open_sources": 5}

_env = Environment(
    loader=PackageLoader("newsprism.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a source's text; ``target`` is set when the run is a cited span."""

    text: str
    target: str | None


def target_id(c: Citation) -> str:
    return f"s-{c.source}-{c.start}-{c.end}"


def pieces(article: Article, citations: list[Citation]) -> list[Piece]:
    """``article.text`` cut into runs so that each cited span is one run.

    Spans are sentences, so they do not partly overlap; if one ever did, the later
    span is shown unmarked rather than cutting the text wrongly.
    """
    spans = sorted({(c.start, c.end) for c in citations if c.source == article.id})
    out: list[Piece] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        if start > pos:
            out.append(Piece(article.text[pos:start], None))
        out.append(Piece(article.text[start:end], target_id(Citation(article.id, start, end))))
        pos = end
    if pos < len(article.text):
        out.append(Piece(article.text[pos:], None))
    return out


@dataclass(frozen=True, slots=True)
class Badge:
    """One outlet's citations of a line: its label, the sentence ids, a hover text."""

    label: str
    targets: tuple[str, ...]
    title: str


def badge_groups(b: Briefing, names: dict[str, str], citations: list[Citation]) -> list[Badge]:
    """The citations as one badge per outlet, outlets in citation order.

    An outlet with one cited article keeps that article's label; one with several
    gets "Outlet (n)", so a line cited by 15 wire stories shows one badge, not 15.
    """
    groups: dict[str, dict[str, Citation]] = {}
    for c in citations:
        groups.setdefault(b.source(c.source).name, {}).setdefault(target_id(c), c)
    out = []
    for outlet, by_id in groups.items():
        cs = list(by_id.values())
        if len(cs) == 1:
            c = cs[0]
            cited = b.source(c.source).text[c.start:c.end]
            out.append(Badge(names[c.source], (target_id(c),), cited))
        else:
            labels = "; ".join(names[c.source] for c in cs)
            out.append(Badge(f"{outlet} ({len(cs)})", tuple(by_id),
                             f"{len(cs)} articles of {outlet}: {labels}"))
    return out


def _sections(b: Briefing, coverage: list, removed: list) -> list[tuple[str, str, int]]:
    """The section menu: (anchor, label, item count) of each section present."""
    parts = [("summary", "Summary", len(b.summary)),
             ("exclusive", "Only in some", len(b.exclusive)),
             ("disputed", "Disputed", len(b.disputed)), ("changed", "Changed", len(b.changed)),
             ("quotes", "Quotes", len(b.quotes)), ("timeline", "Timeline", len(b.timeline)),
             ("entities", "Entities", len(b.entities)), ("coverage", "Coverage", len(coverage))]
    shown = [p for p in parts if p[2] or p[0] == "summary"]
    return shown + [("removed", "Removed", len(removed)), ("sources", "Sources", len(b.sources))]


def _context(b: Briefing, all_exclusive: bool = False) -> dict:
    cites = b.citations()
    names = source_labels(b.sources)  # outlet, plus time where an outlet repeats
    coverage = [(f, set(f.sources)) for f in b.facts]
    removed = [(a.id, r) for a in b.sources for r in a.removed]
    return {
        "b": b,
        "names": names,
        "badge_groups": lambda citations: badge_groups(b, names, list(citations)),
        "sections": _sections(b, coverage, removed),
        "show": SHOW,
        "removed": removed,
        "sources_line": sources_line(b.sources),
        "outlets": outlets(b.sources),  # coverage and entity columns: one per outlet
        "mentions": lambda e, ids: sum(n for src, n in e.mentions if src in ids),
        "target": target_id,
        "cited": lambda c: b.source(c.source).text[c.start : c.end],
        "pieces": {a.id: pieces(a, cites) for a in b.sources},
        "coverage": [f for f, _ in coverage],
        "all_exclusive": all_exclusive,
        "exclusive_groups": exclusive_groups(b),  # (outlet, its exclusives), outlet order
        "more": more,
    }


def briefing_fragment(b: Briefing, all_exclusive: bool = False) -> str:
    """The briefing's inner HTML, without <main>, style or script (the page brings
    ``briefing.css`` and ``briefing.js``); each outlet's top exclusives only, unless
    ``all_exclusive``."""
    return _env.get_template("briefing.html").render(**_context(b, all_exclusive))


def asset(name: str) -> str:
    """The text of one of this package's static files (``briefing.css``, ``briefing.js``)."""
    return (files("newsprism.render") / "static" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def render_html(b: Briefing, all_exclusive: bool = False) -> str:
    """A complete, self-contained HTML page (no external requests): the briefing with
    ``briefing.css`` and ``briefing.js`` inlined, allowed by hash in its CSP."""
    css, js = asset("briefing.css"), asset("briefing.js")
    return _env.get_template("page.html").render(
        fragment=briefing_fragment(b, all_exclusive), title=b.title, css=css, js=js,
        css_hash=_csp_hash(css), js_hash=_csp_hash(js),
        icon=base64.b64encode(asset("favicon.svg").encode()).decode())


def index_page(entries: list[dict]) -> str:
    """A self-contained page listing stories, linking each to its briefing file."""
    return _env.get_template("index.html").render(entries=entries)

"""HTML rendering: one self-contained page, or a fragment the web app embeds.

Source text is untrusted web content: it only ever reaches the page through
Jinja2 with autoescaping on. Citations are badges (``button.cite``) whose
``data-target`` names the cited sentence's ``span.sent`` in the sources panel;
clicking one highlights that sentence (class ``hl``) and scrolls to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.model import Article, Briefing, Citation, outlets, source_labels, sources_line
from newsprism.render.markdown import exclusive_groups, more

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


def _context(b: Briefing, all_exclusive: bool = False) -> dict:
    cites = b.citations()
    return {
        "b": b,
        "names": source_labels(b.sources),  # outlet, plus time where an outlet repeats
        "sources_line": sources_line(b.sources),
        "outlets": outlets(b.sources),  # coverage and entity columns: one per outlet
        "mentions": lambda e, ids: sum(n for src, n in e.mentions if src in ids),
        "target": target_id,
        "cited": lambda c: b.source(c.source).text[c.start : c.end],
        "pieces": {a.id: pieces(a, cites) for a in b.sources},
        "coverage": [(f, set(f.sources)) for f in b.facts],
        "all_exclusive": all_exclusive,
        "exclusive_groups": exclusive_groups(b),  # (outlet, its exclusives), outlet order
        "more": more,
    }


def briefing_fragment(b: Briefing, all_exclusive: bool = False) -> str:
    """The briefing's inner HTML with its own <style> and <script> (no <html>/<head>);
    each outlet's top exclusives only, unless ``all_exclusive``."""
    return _env.get_template("briefing.html").render(**_context(b, all_exclusive))


def render_html(b: Briefing, all_exclusive: bool = False) -> str:
    """A complete, self-contained HTML page (no external requests)."""
    return _env.get_template("page.html").render(fragment=briefing_fragment(b, all_exclusive),
                                                 title=b.title)


def index_page(entries: list[dict]) -> str:
    """A self-contained page listing stories, linking each to its briefing file."""
    return _env.get_template("index.html").render(entries=entries)

"""Render stage: a Briefing -> JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

from newsprism.errors import ConfigError
from newsprism.model import Briefing

FORMATS = ("json", "md", "html")


def render(briefing: Briefing, fmt: str, all_exclusive: bool = False) -> str:
    """The briefing as text in ``fmt`` ("json", "md" or "html").

    Markdown and HTML show each outlet's top exclusives unless ``all_exclusive``; the
    JSON always holds all of them, ranked.
    """
    if fmt == "json":
        return briefing.to_json() + "\n"
    if fmt == "md":
        from newsprism.render.markdown import render_markdown

        return render_markdown(briefing, all_exclusive)
    if fmt == "html":
        from newsprism.render.html import render_html

        return render_html(briefing, all_exclusive)
    raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def format_for(path: str) -> str:
    """The output format implied by a file name's extension (.json, .md, .html/.htm)."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    fmt = {"json": "json", "md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(suffix)
    if fmt is None:
        raise ConfigError(f"{path}: cannot tell the output format; use .json, .md or .html")
    return fmt

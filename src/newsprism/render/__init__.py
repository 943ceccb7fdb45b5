"""Render stage: a Briefing -> JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

from newsprism.errors import ConfigError
from newsprism.model import Briefing

FORMATS = ("json", "md", "html")


def render(briefing: Briefing, fmt: str) -> str:
    """The briefing as text in ``fmt`` ("json", "md" or "html")."""
    if fmt == "json":
        return briefing.to_json() + "\n"
    if fmt == "md":
        from newsprism.render.markdown import render_markdown

        return render_markdown(briefing)
    if fmt == "html":
        from newsprism.render.html import render_html

        return render_html(briefing)
    raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def format_for(path: str) -> str:
    """The output format implied by a file name's extension (.json, .md, .html/.htm)."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    fmt = {"json": "json", "md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(suffix)
    if fmt is None:
        raise ConfigError(f"{path}: cannot tell the output format; use .json, .md or .html")
    return fmt

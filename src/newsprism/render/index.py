"""An index of several briefings (when one input holds several stories)."""

from __future__ import annotations

import json

from newsprism.model import Briefing, outlets, sources_line
from newsprism.render.html import index_page

INDEX_SCHEMA = "newsprism.index/1"


def _entry(b: Briefing, file: str | None) -> dict:
    return {"title": b.title, "date": b.date, "file": file,
            "sources": [a.name for a in b.sources], "summary": len(b.summary),
            "outlets": [name for name, _ in outlets(b.sources)],
            "sources_line": sources_line(b.sources)}


def render_index(briefings: list[Briefing], fmt: str, files: list[str] | None = None) -> str:
    """The index in ``fmt``; ``files`` (one per briefing) are linked when given.

    Without files, JSON and Markdown indexes embed the briefings themselves, so one
    stream on stdout carries every story.
    """
    names = files or [None] * len(briefings)
    if fmt == "json":
        doc = {"schema": INDEX_SCHEMA,
               "stories": [_entry(b, f) for b, f in zip(briefings, names)]}
        if files is None:
            doc["briefings"] = [b.to_dict() for b in briefings]
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from newsprism.render.markdown import render_markdown

        n = len(briefings)
        lines = [f"# {n} {'story' if n == 1 else 'stories'}", ""]
        for i, (b, f) in enumerate(zip(briefings, names), 1):
            label = f"[{b.title}]({f})" if f else b.title
            lines.append(f"{i}. {label} — {b.date or 'undated'}, {sources_line(b.sources)}")
        body = "\n".join(lines) + "\n"
        if files is None:
            body += "".join("\n---\n\n" + render_markdown(b) for b in briefings)
        return body
    return index_page([_entry(b, f) for b, f in zip(briefings, names)])

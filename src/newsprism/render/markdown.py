"""Markdown rendering: readable in a terminal, a newsletter draft or a code review."""

from __future__ import annotations

from itertools import groupby

from newsprism.model import Briefing, Citation


def _names(briefing: Briefing, citations: tuple[Citation, ...]) -> str:
    names = {a.id: a.name for a in briefing.sources}
    seen = dict.fromkeys(names[c.source] for c in citations)
    return ", ".join(seen)


def _md(text: str) -> str:
    # Source text is untrusted; neutralise characters that would become markup.
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _since(b: Briefing) -> list[str]:
    """The "new since" section: what the new articles add, and their new quotes."""
    if b.since is None:
        return []
    n = len(b.since.articles)
    out = ["", f"## New since {b.since.time} ({n} new article{'' if n == 1 else 's'})", ""]
    out += [f"- {_md(s.text)} — *{_names(b, s.citations)}*" for s in b.since.summary]
    for q in b.since.quotes:
        who = _md(q.speaker) if q.speaker else "unattributed"
        out.append(f"- new quote, **{who}**: “{_md(q.text)}” — *{_names(b, q.citations)}*")
    if not b.since.summary and not b.since.quotes:
        out.append("- (nothing the earlier articles had not reported)")
    return out


def render_markdown(b: Briefing) -> str:
    """The briefing as Markdown, every statement followed by its outlets."""
    out = [f"# {_md(b.title)}", ""]
    out.append(f"*{b.date or 'undated'} · {len(b.sources)} sources: "
               + ", ".join(_md(a.name) for a in b.sources) + "*")
    out += ["", "## Summary", ""]
    for s in b.summary:
        out.append(f"- {_md(s.text)} — *{_names(b, s.citations)}*")
        if s.rewritten_from:  # a writer's rewording: the source line stays in view
            out.append(f"  - *reworded from:* {_md(s.rewritten_from)}")
    if not b.summary:
        out.append("- (none)")
    out += _since(b)
    if b.exclusive:
        out += ["", "## Only in some outlets", ""]
        names = {a.id: a.name for a in b.sources}
        for source, items in groupby(b.exclusive, key=lambda e: e.source):
            out += [f"**{_md(names[source])}**", ""]
            out += [f"- {_md(e.text)}" for e in items]
            out.append("")
    if b.disputed:
        out += ["", "## Disputed", ""]
        for d in b.disputed:
            variants = "; ".join(
                f"**{_md(v.value)}** ({_names(b, v.citations)})" for v in d.variants
            )
            out.append(f"- {_md(d.about)}: {variants}")
    if b.quotes:
        out += ["", "## Quotes", ""]
        for q in b.quotes:
            who = _md(q.speaker) if q.speaker else "unattributed"
            out.append(f"- **{who}**: “{_md(q.text)}” — *{_names(b, q.citations)}*")
            out += [f"  - variant: “{_md(v)}”" for v in q.variants]
            if q.paraphrases:
                out.append(f"  - paraphrased by: *{_names(b, q.paraphrases)}*")
    if b.timeline:
        out += ["", "## Timeline", ""]
        out += [f"- **{t.date}** {_md(t.text)} — *{_names(b, t.citations)}*" for t in b.timeline]
    if b.entities:
        out += ["", "## Entities", ""]
        for e in b.entities:
            aka = f" (also {', '.join(_md(a) for a in e.aliases)})" if e.aliases else ""
            role = f", {_md(e.role)}" if e.role else ""
            total = sum(n for _, n in e.mentions)
            out.append(f"- {_md(e.name)}{aka} — {e.type}{role}; {total} mention"
                       f"{'' if total == 1 else 's'}")
    if b.facts:
        out += ["", "## Coverage", "", "| fact | " + " | ".join(_md(a.name) for a in b.sources)
                + " |", "| --- |" + " --- |" * len(b.sources)]
        for f in b.facts:
            covered = set(f.sources)
            text = _md(f.sentences[0].text)
            text = text if len(text) <= 90 else text[:89].rstrip() + "…"
            out.append(f"| {text} | " + " | ".join("✓" if a.id in covered else ""
                                                   for a in b.sources) + " |")
    removed = [(a.name, r) for a in b.sources for r in a.removed]
    if removed:
        out += ["", "## Removed during cleaning", ""]
        out += [f"- {_md(name)} · {r.kind}: {_md(r.text)[:160]}" for name, r in removed]
    return "\n".join(out).rstrip() + "\n"

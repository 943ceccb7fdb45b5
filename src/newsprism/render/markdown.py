"""Markdown rendering: readable in a terminal, a newsletter draft or a code review."""

from __future__ import annotations

from newsprism.model import (
    Briefing, Citation, Entity, Exclusive, outlets, source_labels, sources_line,
)


def _names(briefing: Briefing, citations: tuple[Citation, ...]) -> str:
    names = source_labels(briefing.sources)
    seen = dict.fromkeys(names[c.source] for c in citations)
    return ", ".join(seen)


def _md(text: str) -> str:
    # Source text is untrusted; neutralise characters that would become markup.
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _spellings(b: Briefing, e: Entity) -> str:
    """"; written Benny Gantz (A, B) / Benjamin Gantz (C)" when outlets spell the name apart."""
    if not e.spellings:
        return ""
    names = source_labels(b.sources)
    forms = " / ".join(f"{_md(sp.text)} ({', '.join(_md(names[s]) for s in sp.sources)})"
                       for sp in e.spellings)
    return f"; written {forms}"


def exclusive_groups(b: Briefing) -> list[tuple[str, list[Exclusive]]]:
    """The exclusives by outlet, in the briefing's order: (outlet name, its items)."""
    names = source_labels(b.sources)
    groups: dict[str, list[Exclusive]] = {}
    for e in b.exclusive:
        groups.setdefault(e.outlet or names[e.source], []).append(e)
    return list(groups.items())


def more(n: int) -> str:
    """How many exclusives of an outlet are not shown, and how to see them."""
    return f"{n} more (shown with --all and in the JSON)"


def _carried(e: Exclusive) -> tuple[Citation, ...]:
    """The articles of the outlet that state an exclusive, as citations to name them."""
    return tuple(Citation(a, e.start, e.end) for a in e.articles or (e.source,))


def _since(b: Briefing) -> list[str]:
    """The "new since" section: what the new articles add, and their new quotes."""
    if b.since is None:
        return []
    n = len(b.since.articles)
    out = ["", f"## New since {b.since.time} ({n} new article{'' if n == 1 else 's'})", ""]
    out += [f"- {_md(s.text)} — *{_names(b, s.citations)}*" for s in b.since.summary]
    for q in b.since.quotes:
        who = _md(q.speaker) if q.speaker else "unnamed source"
        out.append(f"- new quote, **{who}**: “{_md(q.text)}” — *{_names(b, q.citations)}*")
    if not b.since.summary and not b.since.quotes:
        out.append("- (nothing the earlier articles had not reported)")
    return out


def render_markdown(b: Briefing, all_exclusive: bool = False) -> str:
    """The briefing as Markdown, every statement followed by its outlets.

    "Only in some outlets" shows each outlet's top facts and how many more there are,
    or all of them with ``all_exclusive``.
    """
    out = [f"# {_md(b.title)}", ""]
    out.append(f"*{b.date or 'undated'} · {_md(sources_line(b.sources))}*")
    out += ["", "## Summary", ""]
    for s in b.summary:
        out.append(f"- {_md(s.text)} — *{_names(b, s.citations)}*")
        if s.rewritten_from:  # names put in, or a writer's rewording: the source line in view
            out.append(f"  - *the source says:* {_md(s.rewritten_from)}")
    if not b.summary:
        out.append("- (none)")
    out += _since(b)
    if b.exclusive:
        out += ["", "## Only in some outlets", ""]
        repeats = {name for name, ids in outlets(b.sources) if len(ids) > 1}
        for outlet, items in exclusive_groups(b):
            shown = [e for e in items if all_exclusive or e.top]
            out += [f"**{_md(outlet)}**", ""]
            out += [f"- {_md(e.text)}" + (f" — *{_names(b, _carried(e))}*" if outlet in repeats
                                          else "") for e in shown]
            if len(items) > len(shown):
                out.append(f"- *… and {more(len(items) - len(shown))}*")
            out.append("")
    if b.disputed:
        out += ["", "## Disputed", ""]
        for d in b.disputed:
            variants = "; ".join(
                f"**{_md(v.value)}** ({_names(b, v.citations)})" for v in d.variants
            )
            out.append(f"- {_md(d.about)}: {variants}")
    if b.changed:
        out += ["", "## Changed", ""]
        for c in b.changed:
            reports = " → ".join(
                f"**{_md(r.value)}** ({r.published}: {_names(b, r.citations)})" for r in c.reports
            )
            out.append(f"- {_md(c.about)}: {reports}")
    if b.quotes:
        out += ["", "## Quotes", ""]
        for q in b.quotes:
            who = _md(q.speaker or "")
            out.append(f"- **{who}**: “{_md(q.text)}” — *{_names(b, q.citations)}*")
            if len(q.variants) > 1:  # one wording needs no list; several name their outlets
                out += [f"  - wording: “{_md(v.text)}” — *{_names(b, v.citations)}*"
                        for v in q.variants]
            if q.paraphrases:
                out.append(f"  - paraphrased by: *{_names(b, q.paraphrases)}*")
    if b.timeline:
        out += ["", "## Timeline"]
        for heading, background in (("The story's days", False), ("Background", True)):
            events = [t for t in b.timeline if t.background == background]
            if events:
                out += ["", f"### {heading}", ""]
                for t in events:
                    out.append(f"- **{t.date}** {_md(t.text)} — *{_names(b, t.citations)}*"
                               + (f" (also told by *{_names(b, t.also)}*)" if t.also else ""))
                    if t.rewritten_from:  # a person named for a pronoun: the source wording
                        out.append(f"  - *the source says:* {_md(t.rewritten_from)}")
    if b.entities:
        out += ["", "## Entities", ""]
        for e in b.entities:
            aka = f" (also {', '.join(_md(a) for a in e.aliases)})" if e.aliases else ""
            role = f", {_md(e.role)}" if e.role else ""
            total = sum(n for _, n in e.mentions)
            out.append(f"- {_md(e.name)}{aka} — {e.type}{role}; {total} mention"
                       f"{'' if total == 1 else 's'}{_spellings(b, e)}")
    if b.facts:
        out += _coverage(b)
    labels = source_labels(b.sources)
    removed = [(labels[a.id], r) for a in b.sources for r in a.removed]
    if removed:
        out += ["", "## Removed during cleaning", ""]
        out += [f"- {_md(name)} · {r.kind}: {_md(r.text)[:160]}" for name, r in removed]
    return "\n".join(out).rstrip() + "\n"


def _coverage(b: Briefing) -> list[str]:
    """The sources × facts table, one column per outlet (however many articles it has)."""
    groups = outlets(b.sources)
    out = ["", "## Coverage", "", "| fact | " + " | ".join(_md(name) for name, _ in groups)
           + " |", "| --- |" + " --- |" * len(groups)]
    for f in b.facts:
        covered = set(f.sources)
        text = _md(f.sentences[0].text)
        text = text if len(text) <= 90 else text[:89].rstrip() + "…"
        out.append(f"| {text} | " + " | ".join("✓" if covered & set(ids) else ""
                                               for _, ids in groups) + " |")
    return out

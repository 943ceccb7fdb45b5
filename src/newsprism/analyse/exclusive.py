"""What only one outlet reports: sentences no other outlet states, grouped by outlet."""

from __future__ import annotations

from newsprism.analyse.align import is_substantive
from newsprism.model import Exclusive, Fact, SummaryItem

_PER_SOURCE = 6  # enough to show what an outlet adds without repeating its whole article


def exclusives(
    facts: tuple[Fact, ...], loose: tuple[Fact, ...], summary: tuple[SummaryItem, ...],
    source_order: list[str],
) -> tuple[Exclusive, ...]:
    """Single-outlet facts, at most ``_PER_SOURCE`` per outlet, in outlet then reading order.

    A sentence is exclusive only when no other outlet states anything close to it: it
    must stand alone in its strict group (``facts``, what citations rest on) and in its
    loose group (``loose``, the broader grouping disputes use), because an outlet that
    says the same in other words has not missed it. Nothing is exclusive in a one-source
    story. Facts already shown in the summary are left out, so a reader does not see the
    same sentence twice.
    """
    if len(source_order) < 2:
        return ()
    in_summary = {item.fact for item in summary}
    shared = {(s.source, s.start) for f in loose if len(f.sources) > 1 for s in f.sentences}
    by_source: dict[str, list[Exclusive]] = {src: [] for src in source_order}
    for fact in facts:
        if len(fact.sources) != 1 or fact.id in in_summary:
            continue
        s = fact.sentences[0]
        if (s.source, s.start) not in shared and s.kind == "text" and is_substantive(s) \
                and len(by_source[s.source]) < _PER_SOURCE:
            by_source[s.source].append(Exclusive(s.source, s.text, s.start, s.end))
    return tuple(e for src in source_order for e in sorted(by_source[src], key=lambda e: e.start))

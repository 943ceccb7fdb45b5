"""Candidate pairs that share the counted thing, wherever the sentences are in the story.

Embedding groups miss conflicts: two sentences giving "161" and "167" candidates, or "22"
and "20" counties, are worded apart exactly where they differ, and a long sentence seldom
lands in a group with a short one. So sentences of different outlets are also paired when
they state one value of the same kind and key (the same counted noun or unit, or a share)
and share capitalised words (:func:`.learned.names`; an age only when it is given to the
same name). Each pair becomes a two-sentence group that goes through the same candidate
filters, event/time structure and learned decision as the embedding groups
(:func:`.find.find`).
"""

from __future__ import annotations

from collections import Counter

from newsprism.analyse.disputes.learned import names
from newsprism.analyse.disputes.values import Value, values
from newsprism.model import Fact, Sentence

# What is counted is said by the key: a noun or a unit. Dates and durations say nothing
# about what they date, so they stay with the embedding groups.
_KINDS = frozenset({"number", "amount", "percent"})
# Words either side of an age searched for the person it is given to.
_BESIDE = 3


def keyed_groups(sentences: dict[str, tuple[Sentence, ...]], least_names: int
                 ) -> tuple[tuple[Fact, tuple[str, str]], ...]:
    """Two-sentence groups with the (kind, key) they are paired on, in a stable order:
    sentences of different outlets, each stating exactly one value of that (kind, key)
    (kinds of :data:`_KINDS`), that share at least ``least_names`` capitalised names."""
    by_key: dict[tuple[str, str], list[tuple[Sentence, set[str], set[str]]]] = {}
    for source in sorted(sentences):
        for sent in sentences[source]:
            stated = [v for v in values(sent.text, None) if v.kind in _KINDS]
            count = Counter((v.kind, v.key) for v in stated)
            for v in stated:
                if count[v.kind, v.key] == 1:
                    by_key.setdefault((v.kind, v.key), []).append(
                        (sent, names(sent.text), _whose(sent.text, v)))
    out = []
    for kind_key in sorted(by_key):
        items = by_key[kind_key]
        for i, (x, nx, wx) in enumerate(items):
            for y, ny, wy in items[i + 1:]:
                if x.source != y.source and len(nx & ny) >= least_names and \
                        (kind_key[1] != "age" or wx & wy):
                    out.append((Fact(f"keyed-{len(out)}", (x, y)), kind_key))
    return tuple(out)


def _whose(text: str, value: Value) -> set[str]:
    """The names right beside a value ("16-year-old Ilse Morrow", "Morrow, 16,"): whose
    age it is. Two ages are only paired when they are given to the same name."""
    end = value.start + len(value.shown)
    after = " ".join(text[end:].split()[:_BESIDE])
    before = " ".join(text[:value.start].split()[-_BESIDE:])
    return names(f"x {before} x {after}")

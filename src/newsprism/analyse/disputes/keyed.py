"""Candidate pairs that share the counted thing, wherever the sentences are in the story.

Embedding groups miss conflicts: two sentences giving "161" and "167" candidates, or "22"
and "20" counties, are worded apart exactly where they differ, and a long sentence seldom
lands in a group with a short one. So sentences of different outlets are also paired when
they state one value of the same kind and key (the same counted noun or unit, or a share)
and name something in common (:func:`.learned.names`). Each pair becomes a two-sentence
group that goes through the same candidate filters, event/time structure and learned
decision as the embedding groups (:func:`.find.find`).
"""

from __future__ import annotations

from collections import Counter

from newsprism.analyse.disputes.learned import names
from newsprism.analyse.disputes.values import values
from newsprism.model import Fact, Sentence

# What is counted is said by the key: a noun or a unit. Dates and durations say nothing
# about what they date, so they stay with the embedding groups.
_KINDS = frozenset({"number", "amount", "percent"})


def keyed_groups(sentences: dict[str, tuple[Sentence, ...]], least_names: int
                 ) -> tuple[tuple[Fact, tuple[str, str]], ...]:
    """Two-sentence groups with the (kind, key) they are paired on, in a stable order:
    sentences of different outlets, each stating exactly one value of that (kind, key)
    (kinds of :data:`_KINDS`), that share at least ``least_names`` capitalised names."""
    by_key: dict[tuple[str, str], list[tuple[Sentence, set[str]]]] = {}
    for source in sorted(sentences):
        for sent in sentences[source]:
            count = Counter((v.kind, v.key) for v in values(sent.text, None)
                            if v.kind in _KINDS)
            for kind_key in sorted(k for k, n in count.items() if n == 1):
                by_key.setdefault(kind_key, []).append((sent, names(sent.text)))
    out = []
    for kind_key in sorted(by_key):
        items = by_key[kind_key]
        for i, (x, nx) in enumerate(items):
            for y, ny in items[i + 1:]:
                if x.source != y.source and len(nx & ny) >= least_names:
                    out.append((Fact(f"keyed-{len(out)}", (x, y)), kind_key))
    return tuple(out)

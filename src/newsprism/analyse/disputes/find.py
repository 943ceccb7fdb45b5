"""Where outlets disagree, and where a figure changed between reports.

A dispute is two outlets giving different values for the same attribute of the
same thing at the same time. Candidates come from groups of similar sentences:
the aligned facts, then looser groups (a sentence that says "45 people" where
another says "40 people" is, by that very difference, less alike), then pairs of
sentences that state the same counted thing and share names (:mod:`.keyed`). Two values of
one kind are a candidate when their ranges cannot both hold ("ten" / "12" fishermen;
not "two" / "2", not "over 10" / "12"); a learned decision (:mod:`.learned`) says
whether the two sentences make the same statement apart from the values. Before
that, structure (:mod:`.event`): values of sentences that name places and share none
are about different things, and values of events dated differently are never a dispute
(a figure that may move can still be a change between reports). Then:

* a figure that may move (a count, a total, an amount, a share) reported at different
  times (another day, or another time of day; a report's day is its dateline when it
  has no publication date) is at most a :class:`Change`, in report-time order, never a
  dispute; lower bounds that rose ("at least 40" / "at least 85" dead) count as moved;
* an attribute that does not move (how long, how far, an age, a date) may be disputed
  across report days only when both clauses date the event alike;
* relative dates ("Sunday", "today") are only compared between reports of the
  same day, and the same words are never a dispute;
* people given titles that cannot both be right inside one aligned fact
  (Defense / Foreign Minister) are a dispute of kind "title".

Forms of one person's name are not disputes: they are entity spellings.
"""

from __future__ import annotations

import bisect

from newsprism.analyse import entities
from newsprism.analyse.entities import names as ent_names
from newsprism.analyse.disputes import event
from newsprism.analyse.disputes.keyed import keyed_groups
from newsprism.analyse.disputes.learned import (Stated, confidence, features, forecast_one,
                                                names, one_sided_span)
from newsprism.analyse.disputes.same import masked, other_things
from newsprism.analyse.disputes.values import Value, values
from newsprism.config import Options
from newsprism.model import (Article, Change, Citation, Dispute, Fact, Report, Sentence,
                             Variant)

# Attributes of one event that do not move between reports: when it happened, how long
# it lasted, how far (an epicentre 10 km from a town), a person's age. Counts, totals,
# amounts and shares may move: reports of different times give a change, not a dispute.
_DISTANCES = frozenset({"km", "miles", "metres", "feet"})


def _static(kind: str, key: str) -> bool:
    """True for an attribute that does not move between reports (see above)."""
    return kind in ("date", "duration") or key == "age" or key in _DISTANCES


def find(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
         facts: tuple[Fact, ...], options: Options, loose: tuple[Fact, ...] = ()
         ) -> tuple[tuple[Dispute, ...], tuple[Change, ...]]:
    """Disputes (story order) and changes over time, each variant citing whole sentences.

    ``facts`` are the aligned groups, ``loose`` broader groups searched after them; a
    conflict already found (sharing a cited sentence) is not reported twice.
    """
    disputes: list[Dispute] = []
    changes: list[Change] = []
    meta = {a.id: a for a in articles}
    day_of = event.report_days(articles)
    keyed = keyed_groups(sentences, options.dispute_keyed_names) \
        if options.dispute_keyed_names else ()
    for group, only in (*((g, None) for g in (*facts, *loose)), *keyed):
        for found in _group_findings(group, meta, day_of, options, only):
            done = disputes if isinstance(found, Dispute) else changes
            if not any(_overlaps(found, e) for e in (*disputes, *changes)):
                done.append(found)  # type: ignore[arg-type]
    if articles:
        disputes.extend(_title_disputes(articles, sentences, facts))
    return tuple(disputes), tuple(changes)


def find_disputes(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
                  facts: tuple[Fact, ...], options: Options, loose: tuple[Fact, ...] = ()
                  ) -> tuple[Dispute, ...]:
    """Only the disputes of :func:`find`."""
    return find(articles, sentences, facts, options, loose)[0]


def candidates(group: Fact, meta: dict[str, Article], day_of: dict[str, str]
               ) -> dict[tuple[str, str], list[tuple[Stated, Stated, str]]]:
    """Per (kind, key), the pairs of one group's values that cannot both hold, stated by
    different outlets, with their timing ("same", "different", "unknown"); ``day_of`` is
    :func:`.event.report_days` of the story's articles."""
    days = sorted({d for d in day_of.values() if d})
    anchor = days[-1] if days else None  # for relative dates of undated reports
    stated: dict[tuple[str, str], list[Stated]] = {}
    for rank, sent in enumerate(group.sentences):
        article, day = meta[sent.source], day_of[sent.source]
        vals = values(sent.text, day or anchor)
        cut = frozenset(masked(sent, vals))
        for kind_key in sorted({(v.kind, v.key) for v in vals}):
            same = [v for v in vals if (v.kind, v.key) == kind_key]
            if len(same) == 1:  # two values of one kind in a sentence: cannot tell which matches
                frame = tuple(v for v in vals if v.kind in ("date", "duration")
                              and (v.kind, v.key) != kind_key)
                stated.setdefault(kind_key, []).append(Stated(
                    same[0], sent, cut, day, (article.published_time or "") if day else "",
                    rank, frame, event.event_date(sent, same[0], day or anchor or ""),
                    event.places(sent)))
    one_day = len(days) <= 1
    out = {}
    for kind_key, items in sorted(stated.items()):
        pairs = [(x, y, _timing(x, y, one_day)) for i, x in enumerate(items) for y in items[:i]]
        out[kind_key] = [p for p in pairs if _candidate(*p)]
    return out


def _group_findings(group: Fact, meta: dict[str, Article], day_of: dict[str, str],
                    options: Options, only: tuple[str, str] | None = None) -> list[Dispute | Change]:
    """The group's candidates the learned decision accepts, as disputes or changes; with
    ``only``, those of that (kind, key) alone."""
    out: list[Dispute | Change] = []
    least = {"dispute": options.dispute_confidence, "change": options.change_confidence}
    for (kind, key), pairs in candidates(group, meta, day_of).items():
        if only and (kind, key) != only:
            continue
        shown: dict[str, list[tuple[Stated, Stated]]] = {"dispute": [], "change": []}
        for x, y, when in pairs:
            where = section(kind, key, when, event.relation(x.event, y.event))
            if where and confidence(features(x, y, when, options.dispute_context_words)
                                    ) >= least[where]:
                shown[where].append((x, y))
        if shown["dispute"]:
            out.append(Dispute(_about(kind, key, shown["dispute"][0][1]),
                               _variants(shown["dispute"]), kind))
        elif shown["change"]:
            out.append(Change(_about(kind, key, shown["change"][0][1]), kind,
                              _reports(shown["change"])))
    return out


def section(kind: str, key: str, when: str, same_event: str) -> str:
    """Where two values that are one statement go, given when they were reported
    (``when``) and whether their events are dated alike (``same_event``, see
    :func:`.event.relation`): never a dispute between events of different dates; a
    figure that may move is a "dispute" only when reported at the same time, a "change"
    when reported at different times; an attribute that does not move (:func:`_static`)
    is a "dispute" across report days only when both events are dated alike (an event's
    date and a person's age are timeless); else "" (not shown)."""
    if same_event == "different":
        return "change" if when == "different" and not _static(kind, key) else ""
    if kind == "date" or key == "age":
        return "dispute"
    if _static(kind, key):
        return "dispute" if when == "same" or same_event == "same" else ""
    if when == "same":
        return "dispute"
    return "change" if when == "different" else ""


def _candidate(x: Stated, y: Stated, when: str) -> bool:
    """Two outlets, values that cannot both hold (or, for a figure that may move reported
    at different times, two bounds at different figures: "at least 40" / "at least 85"
    dead), of the same things ("five bronze medals" / "three gold medals" are not; see
    also :func:`_same_thing`) over the same span ("100,000 calls a day" / "36 million
    calls" are not), neither a forecast the other is not ("is expected to fall to 300,000
    tonnes" / "fell to 350,000 tonnes"), dates that can be compared. (The first two broke
    no labelled conflict; the forecast test 3 of 71, which precision first accepts.)"""
    if x.sentence.source == y.sentence.source:
        return False
    moved = when == "different" and not _static(x.value.kind, x.value.key)
    if not (x.value.moved(y.value) if moved else x.value.conflicts(y.value)):
        return False
    if other_things(x.value, y.value) or one_sided_span(x, y) or forecast_one(x, y):
        return False
    if not _same_thing(x, y, when):
        return False
    return not (x.value.kind == "date" and _incomparable_dates(x, y, when))


def _same_thing(x: Stated, y: Stated, when: str) -> bool:
    """Nothing says the values are about different things: the sentences do not name
    different places ("10 km north of Arlen" / "25 km east of Sorvik": two quakes), and a
    date or an age from reports of different days belongs to something both sentences
    name (a person, a place). Events dated differently are :func:`section`'s."""
    if event.apart(x.places, y.places):
        return False
    timeless = x.value.kind == "date" or x.value.key == "age"
    return when == "same" or not timeless or bool(names(x.sentence.text) & names(y.sentence.text))


def _incomparable_dates(x: Stated, y: Stated, when: str) -> bool:
    """The same words ("Sunday" / "Sunday"); or a relative date against anything but a
    relative date of a report of the same day: "last Thursday" may mean either of two
    Thursdays, and "Sunday" in Monday's and in Friday's paper are different days."""
    same_words = " ".join(x.value.shown.lower().split()) == " ".join(y.value.shown.lower().split())
    if same_words or not (x.value.relative or y.value.relative):
        return same_words
    return not (x.value.relative and y.value.relative) or when == "unknown" or x.day != y.day


def _timing(x: Stated, y: Stated, one_day: bool) -> str:
    """"same" time, "different" times (another day, or another known time of one day),
    or "unknown" (an undated report in a story spanning several days)."""
    if not (x.day and y.day):
        return "same" if one_day else "unknown"
    if x.day != y.day or (x.time and y.time and x.time != y.time):
        return "different"
    return "same"


def _stamp(x: Stated) -> str:
    return f"{x.day} {x.time}".strip()


def _overlaps(a: Dispute | Change, b: Dispute | Change) -> bool:
    """The same finding met again in another group: same kind, a shared sentence and value."""
    return a.kind == b.kind and bool(set(_cited(a)) & set(_cited(b))) and \
        bool(_shown(a) & _shown(b))


def _shown(found: Dispute | Change) -> set[str]:
    parts = found.variants if isinstance(found, Dispute) else found.reports
    return {p.value for p in parts}


def _cited(found: Dispute | Change) -> list[Citation]:
    parts = found.variants if isinstance(found, Dispute) else found.reports
    return [c for p in parts for c in p.citations]


def _about(kind: str, key: str, x: Stated) -> str:
    if kind == "number":
        return "age" if key == "age" else f"number of {key}"
    words = x.sentence.text.split()
    gist = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    label = {"duration": "how long", "date": "when", "percent": "share",
             "amount": f"amount ({key})"}[kind]
    return f"{label}: {gist}"


def _members(pairs: list[tuple[Stated, Stated]]) -> list[Stated]:
    seen = {s.rank: s for pair in pairs for s in pair}
    return [seen[r] for r in sorted(seen)]


def _variants(pairs: list[tuple[Stated, Stated]]) -> tuple[Variant, ...]:
    """One variant per value, each citing its sentences, first seen first.

    A value joins the first variant whose range holds it or lies inside it ("about 62%"
    and "62 percent" are one variant; "65%" and "some 67%" are two).
    """
    groups: list[tuple[Value, list[Citation]]] = []
    for s in _members(pairs):
        cites = next((c for v, c in groups if _nested(v, s.value)), None)
        if cites is None:
            groups.append((s.value, cites := []))
        if Citation.of(s.sentence) not in cites:
            cites.append(Citation.of(s.sentence))
    return tuple(Variant(v.shown, tuple(cites)) for v, cites in groups)


def _nested(a: Value, b: Value) -> bool:
    if a.kind == "date":
        return a.iso == b.iso
    return (a.low <= b.low and b.high <= a.high) or (b.low <= a.low and a.high <= b.high)


def _reports(pairs: list[tuple[Stated, Stated]]) -> tuple[Report, ...]:
    """Reports in time order; a later report repeating the figure joins the earlier one
    (40, then 45 at 08:00 and 45 again at 18:30 shows as 40 -> 45)."""
    out: list[tuple[Stated, list[Citation]]] = []
    for s in sorted(_members(pairs), key=lambda s: (_stamp(s), s.rank)):
        if not out or out[-1][0].value.moved(s.value):
            out.append((s, []))
        if Citation.of(s.sentence) not in out[-1][1]:
            out[-1][1].append(Citation.of(s.sentence))
    return tuple(Report(first.value.shown, _stamp(first), tuple(cites)) for first, cites in out)


def _title_disputes(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
                    facts: tuple[Fact, ...]) -> list[Dispute]:
    """People given titles that cannot both be right (Defense vs Foreign Minister).

    Only titles stated inside one aligned fact are compared: across a story a
    title may change legitimately (a foreign minister in June, prime minister
    by September). Facts in order, then people in :func:`entities.resolve` order.
    """
    resolved = entities.resolve(articles)
    fact_at = _fact_index(facts)
    # fact -> person -> the spans of that person's titles inside the fact
    inside: dict[int, dict[int, list[entities.Span]]] = {}
    for person, r in enumerate(resolved):
        for span in r.spans:
            fact = _containing(fact_at.get(span.source, ()), span.start) if span.role else None
            if fact is not None:
                inside.setdefault(fact, {}).setdefault(person, []).append(span)
    out = []
    for fact in sorted(inside):
        for person in sorted(inside[fact]):
            dispute = _person_titles(resolved[person], inside[fact][person], sentences)
            if dispute is not None:
                out.append(dispute)
    return out


def _fact_index(facts: tuple[Fact, ...]) -> dict[str, list[tuple[int, int, int]]]:
    """Per source, its sentences' (start, end, fact number), by start."""
    at: dict[str, list[tuple[int, int, int]]] = {}
    for k, fact in enumerate(facts):
        for s in fact.sentences:
            at.setdefault(s.source, []).append((s.start, s.end, k))
    for spans in at.values():
        spans.sort()
    return at


def _containing(spans: list[tuple[int, int, int]] | tuple, offset: int) -> int | None:
    """The fact number of the sentence holding ``offset`` (sentences do not overlap)."""
    i = bisect.bisect_right(spans, (offset, float("inf"), 0)) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i][2]
    return None


def _person_titles(r: entities.Resolved, spans: list[entities.Span],
                   sentences: dict[str, tuple[Sentence, ...]]) -> Dispute | None:
    cores: dict[str, list[entities.Span]] = {}
    for span in spans:
        cores.setdefault(ent_names.role_core(span.role), []).append(span)
    distinct = [c for c in cores if c and not any(
        c != d and (set(c.split()) <= set(d.split()) or set(d.split()) <= set(c.split()))
        for d in cores)]
    if len(distinct) < 2 or len({s.source for c in distinct for s in cores[c]}) < 2:
        return None
    shown = [cores[c][0].role or c for c in distinct]
    if any(_abbreviated(a, b) for a in shown for b in shown if a != b):
        return None  # "HUD Secretary" is "Housing and Urban Development Secretary"
    variants = tuple(Variant(cores[c][0].role or c, _cite_spans(cores[c], sentences))
                     for c in distinct)
    return Dispute(f"{r.entity.name}'s title", variants, "title")


def _abbreviated(a: str, b: str) -> bool:
    """True when ``a`` writes ``b`` with an acronym ("U.S." for "United States")."""
    def initials(title: str) -> str:
        words = [w.replace(".", "") for w in title.split() if w[:1].isupper()]
        return "".join(w if w.isupper() else w[0] for w in words)
    return any(w.replace(".", "").isupper() and len(w.replace(".", "")) > 1
               for w in a.split()) and initials(a) == initials(b)


def _cite_spans(spans: list[entities.Span],
                sentences: dict[str, tuple[Sentence, ...]]) -> tuple[Citation, ...]:
    cites: list[Citation] = []
    for span in spans:
        for s in sentences.get(span.source, ()):
            if s.start <= span.start < s.end and Citation.of(s) not in cites:
                cites.append(Citation.of(s))
    return tuple(cites)

"""Where outlets disagree: the same fact reported with different values.

Three sources of disputes, all precision first:

* within each aligned group (a :class:`Fact`), sentences of different outlets
  whose counts, durations or dates measure the same thing but cannot both be
  true ("ten" / "nine" citizens; "2016" / "2018"); a value written differently
  ("two" / "2", "Oct 27" / "Thursday" when that Thursday is Oct 27, "over a
  decade" / "since 2010") is not a dispute;
* within looser groups (``loose``: sentences only broadly alike, because a
  sentence that says "45 people" where another says "40 people" is, by that very
  difference, less alike), the same comparison;
* in both, two values clash only when the words around them agree ("injuring 45
  people" / "injuring 40 people"; not "restored in 2016" / "expelled in 2018");
* across the whole story, the same person named with different given names
  (Benny / Benjamin Gantz) or given different titles (Defense / Foreign
  Minister). Diacritics and spelling never count (Erdoğan / Erdogan).
"""

from __future__ import annotations

from newsprism.analyse import ent_names, entities
from newsprism.analyse.dispute_values import Value, values
from newsprism.analyse.timeline import story_date
from newsprism.config import Options
from newsprism.model import Article, Citation, Dispute, Entity, Fact, Sentence, Variant


def find_disputes(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    entities_: tuple[Entity, ...],
    options: Options,
    loose: tuple[Fact, ...] = (),
) -> tuple[Dispute, ...]:
    """Conflicting values with their variants and evidence, in story order.

    Every variant cites whole sentences of its outlets. ``loose`` are groups of
    broadly similar sentences, searched after the aligned facts.
    """
    published = _anchors(articles)
    out = []
    for fact in facts:
        out.extend(fact_disputes(fact, published))
    for group in loose:
        for d in fact_disputes(group, published):
            if not any(_same_dispute(d, e) for e in out):
                out.append(d)
    if articles:
        out.extend(_title_disputes(articles, sentences, facts))
        out.extend(_name_disputes(articles, sentences))
    return tuple(out)


def _anchors(articles: tuple[Article, ...]) -> dict[str, str | None]:
    fallback = story_date(articles)
    return {a.id: a.published or fallback for a in articles}


def fact_disputes(fact: Fact, published: dict[str, str | None]) -> list[Dispute]:
    """Value conflicts between outlets inside one group of sentences.

    Two values only clash when the words around them agree: even within one aligned
    fact, "37 killed in the first bombing" and "12 in the second" measure different
    things (on the labelled set, dev-data precision 0.36 -> 0.44 at equal recall).
    """
    stated: dict[tuple[str, str], list[tuple[Value, Sentence]]] = {}
    for sent in fact.sentences:
        vals = values(sent.text, published.get(sent.source))
        for kind_key in {(v.kind, v.key) for v in vals}:
            same = [v for v in vals if (v.kind, v.key) == kind_key]
            if len(same) == 1:  # two values of one kind in a sentence: cannot tell which matches
                stated.setdefault(kind_key, []).append((same[0], sent))
    out = []
    for (kind, key), items in sorted(stated.items()):
        if len({s.source for _, s in items}) < 2:
            continue
        clashes = any(a.conflicts(b) and _context_agrees(a, sa, b, sb)
                      for i, (a, sa) in enumerate(items)
                      for b, sb in items[:i] if sa.source != sb.source)
        if clashes:
            noun = key if key in ("dead", "injured", "age") else items[0][0].shown.split()[-1]
            about = _about(kind, noun, items[0][1])
            out.append(Dispute(about, _variants(items), kind))
    return out


_CONTEXT_WORDS = 5  # words on each side of a value that say what it measures
_STOP = frozenset(
    "a an the and or but of in on at to for from by with as is was were be been has have had "
    "it its this that these those he she they we who which when after before since than "
    "more over about some said says say two three four five six seven eight nine ten one "
    "people".split()
)


def _context(value: Value, sent: Sentence) -> set[str]:
    """Content-word stems near the value (first five letters, accents kept)."""
    before = sent.text[: value.start].split()[-_CONTEXT_WORDS:]
    after = sent.text[value.start + len(value.shown):].split()[:_CONTEXT_WORDS]
    words = (w.strip(".,;:!?\"'“”‘’()").lower() for w in before + after)
    return {w[:5] for w in words if w.isalpha() and w not in _STOP and len(w) > 2}


def _context_agrees(a: Value, sa: Sentence, b: Value, sb: Sentence) -> bool:
    return bool(_context(a, sa) & _context(b, sb))


def _same_dispute(a: Dispute, b: Dispute) -> bool:
    cites = {c for v in b.variants for c in v.citations}
    return a.kind == b.kind and any(c in cites for v in a.variants for c in v.citations)


def _about(kind: str, noun: str, sent: Sentence) -> str:
    if kind == "number":
        return "age" if noun == "age" else f"number of {noun}"
    words = sent.text.split()
    gist = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return f"{'how long' if kind == 'duration' else 'when'}: {gist}"


def _variants(items: list[tuple[Value, Sentence]]) -> tuple[Variant, ...]:
    """One variant per distinct value (by range), each citing its sentences, first seen first."""
    groups: dict[tuple[float, float, str], tuple[str, list[Citation]]] = {}
    for value, sent in items:
        k = (value.low, value.high, value.iso)
        shown, cites = groups.setdefault(k, (value.shown, []))
        if Citation.of(sent) not in cites:
            cites.append(Citation.of(sent))
    return tuple(Variant(shown, tuple(cites)) for shown, cites in groups.values())


def _name_disputes(articles: tuple[Article, ...],
                   sentences: dict[str, tuple[Sentence, ...]]) -> list[Dispute]:
    """People whose full name is written with different given names across outlets."""
    out = []
    for r in entities.resolve(articles):
        if r.entity.type != "PERSON":
            continue
        forms: dict[str, list[entities.Span]] = {}
        for span in r.spans:
            if " " in span.text:
                given = ent_names.fold(" ".join(span.text.split()[:-1]))
                forms.setdefault(given, []).append(span)
        givens = [g for g in forms if not any(g != h and set(g.split()) < set(h.split())
                                              for h in forms)]
        if len(givens) < 2 or len({s.source for g in givens for s in forms[g]}) < 2:
            continue
        surname = r.entity.name.split()[-1]
        variants = tuple(Variant(forms[g][0].text, _cite_spans(forms[g], sentences))
                         for g in givens)
        out.append(Dispute(f"{surname}'s first name", variants, "name"))
    return out


def _title_disputes(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
                    facts: tuple[Fact, ...]) -> list[Dispute]:
    """People given titles that cannot both be right (Defense vs Foreign Minister).

    Only titles stated inside one aligned fact are compared: across a story a
    title may change legitimately (a foreign minister in June, prime minister
    by September).
    """
    out = []
    for fact in facts:
        out.extend(_fact_titles(articles, sentences, fact))
    return out


def _fact_titles(articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
                 fact: Fact) -> list[Dispute]:
    inside = {(s.source, s.start, s.end) for s in fact.sentences}
    out = []
    for r in entities.resolve(articles):
        cores: dict[str, list[entities.Span]] = {}
        for span in r.spans:
            if span.role and any(src == span.source and s <= span.start < e
                                 for src, s, e in inside):
                cores.setdefault(ent_names.role_core(span.role), []).append(span)
        distinct = [c for c in cores if c and not any(
            c != d and (set(c.split()) <= set(d.split()) or set(d.split()) <= set(c.split()))
            for d in cores)]
        if len(distinct) < 2 or len({s.source for c in distinct for s in cores[c]}) < 2:
            continue
        variants = tuple(Variant(cores[c][0].role or c, _cite_spans(cores[c], sentences))
                         for c in distinct)
        out.append(Dispute(f"{r.entity.name}'s title", variants, "title"))
    return out


def _cite_spans(spans: list[entities.Span],
                sentences: dict[str, tuple[Sentence, ...]]) -> tuple[Citation, ...]:
    cites: list[Citation] = []
    for span in spans:
        for s in sentences.get(span.source, ()):
            if s.start <= span.start < s.end and Citation.of(s) not in cites:
                cites.append(Citation.of(s))
    return tuple(cites)

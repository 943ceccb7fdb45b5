"""One quote carried by several outlets: grouping by shared wording, variants, paraphrases."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.analyse.quotes import find
from newsprism.analyse.quotes.speakers import is_named
from newsprism.analyse.quotes.text import in_order, normalise, overlap
from newsprism.config import Options
from newsprism.model import Citation, Quote, QuoteVariant
from newsprism.nlp.embed import get_embedder


@dataclass(slots=True)
class Found:
    """One quote in one article, with its resolved speaker and cited sentences."""

    source: str
    order: int  # article index, for stable output
    raw: find.RawQuote
    text: str
    speaker: str | None
    citations: tuple[Citation, ...]
    words: frozenset[str]


@dataclass(slots=True)
class Draft:
    """A quote being built: its group's speaker, wordings and citations."""

    speaker: str | None
    group: list[Found]
    paraphrases: list[Citation] = field(default_factory=list)

    def freeze(self) -> Quote:
        """The Quote: the first outlet's wording, every distinct wording with its outlets."""
        wordings: dict[str, tuple[str, list[Citation]]] = {}
        citations: list[Citation] = []
        for f in self.group:
            _, cites = wordings.setdefault(normalise(f.text), (f.text, []))
            cites.extend(c for c in f.citations if c not in cites)
            citations.extend(c for c in f.citations if c not in citations)
        variants = tuple(QuoteVariant(text, tuple(cites)) for text, cites in wordings.values())
        quoting = {c.source for c in citations}
        # An outlet that prints the quote is not also one that "paraphrases" it.
        paraphrases = tuple(c for c in self.paraphrases if c.source not in quoting)
        return Quote(self.speaker, self.group[0].text, tuple(citations), variants, paraphrases)


def group(found: list[Found], options: Options) -> list[list[Found]]:
    """Union quotes of different outlets that share wording; an outlet joins a group once.

    Pairs are joined best-first, so a long quote that spans two shorter ones of
    another outlet joins the one it shares most with.
    """
    pairs = []
    for i, a in enumerate(found):
        for j in range(i + 1, len(found)):
            if _same_quote(a, found[j], options):
                pairs.append((-overlap(a.words, found[j].words)[0], i, j))
    pairs.sort()
    group_of = list(range(len(found)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(found))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or _clash(found, members[gi], members[gj]):
            continue
        for k in members.pop(gj):
            group_of[k] = gi
            members[gi].append(k)
    groups = [sorted((found[k] for k in ks), key=lambda f: (f.order, f.raw.start))
              for ks in members.values()]
    split = [part for g in groups for part in _around_lead(g, options)]
    return [_add_containing(g, found, options) for g in split]


def _around_lead(members: list[Found], options: Options) -> list[list[Found]]:
    """A group is shown as its first wording: every member must be that statement. Pairs
    chain (an excerpt joins a long passage, which joins another excerpt of it), so the
    members that are not the first one's statement form groups of their own, the same way."""
    out = []
    while members:
        lead = members[0]
        same = [f for f in members if f is lead or same_statement(lead.text, f.text, options)]
        out.append(same)
        members = [f for f in members if not any(f is g for g in same)]
    return out


def _same_quote(a: Found, b: Found, options: Options) -> bool:
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    score, shared = overlap(a.words, b.words)
    bar = 0.9 if a.source == b.source else options.quote_same
    return shared >= options.quote_min_shared and score >= bar and \
        shared >= options.quote_min_shared_of_longer * max(len(a.words), len(b.words)) and \
        same_statement(a.text, b.text, options)


def same_statement(a: str, b: str, options: Options) -> bool:
    """Two wordings are one statement, not two statements on one subject: one is (nearly)
    an excerpt of the other, or they share most words in order and mean the same
    (MiniLM cosine; computed only for those few pairs)."""
    ordered = in_order(a, b)
    if ordered >= options.quote_excerpt:
        return True
    if ordered < options.quote_reworded_order:
        return False
    rows = get_embedder("minilm").encode([a, b])
    return float(rows[0] @ rows[1]) >= options.quote_reworded_meaning


def _add_containing(members: list[Found], found: list[Found], options: Options) -> list[Found]:
    """Add other outlets' longer quotes that contain this one (one outlet ran two together)."""
    lead, sources = members[0], {f.source for f in members}
    extra = []
    for f in found:
        if f.source in sources or (f.speaker and lead.speaker and f.speaker != lead.speaker):
            continue
        shared = len(lead.words & f.words)
        if shared >= max(options.quote_min_shared, options.quote_contains * len(lead.words)) \
                and same_statement(lead.text, f.text, options):
            extra.append(f)
            sources.add(f.source)
    return sorted(members + extra, key=lambda f: (f.order, f.raw.start))


def _clash(found: list[Found], a: list[int], b: list[int]) -> bool:
    """Two groups may not merge if they hold different quotes of one outlet."""
    sources_a = {found[k].source: k for k in a}
    for k in b:
        other = sources_a.get(found[k].source)
        if other is not None and overlap(found[k].words, found[other].words)[0] < 0.9:
            return True
    return False


def draft(members: list[Found]) -> Draft:
    """The group as a quote; its speaker is a name over an unnamed label, then the most
    frequent, then the first."""
    speakers = [f.speaker for f in members if f.speaker]
    pool = [s for s in speakers if is_named(s)] or speakers
    speaker = max(pool, key=lambda s: (pool.count(s), -pool.index(s))) if pool else None
    return Draft(speaker, members)


def best_quote(words: frozenset[str], speaker: str, drafts: list[Draft],
               options: Options) -> int | None:
    """Index of the quote of ``speaker`` that an indirect sentence best rewords, if any."""
    best, best_score = None, options.quote_paraphrase
    for i, d in enumerate(drafts):
        if d.speaker and d.speaker != speaker:
            continue
        for f in d.group:
            score, shared = overlap(words, f.words)
            if shared >= options.quote_min_shared and score >= best_score:
                best, best_score = i, score + 1e-9  # strictly better wins; first on ties
    return best

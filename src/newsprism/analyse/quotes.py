"""Who said what: direct quotes, their speakers, their outlets and wording variants.

Quotes are found per article by :mod:`q_find`; speakers written as a pronoun
("he") or a role ("the Turkish defence chief") are resolved here to a named
person of the story, using the merged entities. The same quote carried by
several outlets becomes one :class:`Quote`: its text is the first outlet's
wording, ``variants`` are the other outlets' differing wordings, and
``paraphrases`` cite indirect-speech sentences that say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.analyse import ent_names, entities, q_find
from newsprism.analyse.q_text import content_words, overlap, normalise
from newsprism.config import Options
from newsprism.model import Article, Citation, Fact, Quote, Sentence

SAME_QUOTE = 0.5  # shared content words / smaller quote; translations of one quote scored
# 0.6-0.9 on the seeds, different quotes of one speaker under 0.3
PARAPHRASE = 0.4  # indirect speech rewords more, so the bar is lower but needs 3 shared words
_MIN_SHARED = 3
_MIN_SHARED_OF_LONGER = 0.2  # keeps a short quote from joining a long one on 3 common words
_CONTAINS = 0.6  # a longer quote holding this share of a group's words is also that quote
_PRONOUN_REACH = 3  # paragraphs over which "he" still means the last quoted speaker
_PERSON_NAMES: dict[int, frozenset[str]] = {}


@dataclass(slots=True)
class _Found:
    """One quote in one article, with its resolved speaker and cited sentences."""

    source: str
    order: int  # article index, for stable output
    raw: q_find.RawQuote
    text: str
    speaker: str | None
    citations: tuple[Citation, ...]
    words: frozenset[str]


def find_quotes(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[Quote, ...]:
    """Quotes merged across outlets, most widely carried first, then in story order.

    Every citation is a whole sentence of its source that overlaps the quote.
    """
    people = entities.lookup(articles)
    resolved = entities.resolve(articles)
    _PERSON_NAMES[id(resolved)] = frozenset(r.entity.name for r in resolved
                                            if r.entity.type == "PERSON")
    found: list[_Found] = []
    for order, article in enumerate(articles):
        found.extend(_in_article(article, order, sentences.get(article.id, ()), people,
                                 resolved))
    groups = _group(found)
    quotes = [_quote(g) for g in groups]
    _link_paraphrases(quotes, groups, articles, sentences, people, resolved)
    keyed = sorted(zip(quotes, groups),
                   key=lambda qg: (-len({f.source for f in qg[1]}), qg[1][0].order,
                                   qg[1][0].raw.start))
    return tuple(q.freeze() for q, _ in keyed)


def _in_article(article: Article, order: int, sents: tuple[Sentence, ...],
                people: dict[str, entities.Resolved],
                resolved: tuple[entities.Resolved, ...]) -> list[_Found]:
    raws = q_find.find_quotes(article.text)
    spans = [(r.outer_start, r.outer_end) for r in raws]
    out: list[_Found] = []
    # (paragraph, speaker, offset) of the last quote with a named speaker
    last: tuple[int, str, int] | None = None
    for raw in raws:
        cites = tuple(Citation.of(s) for s in sents if s.start < raw.end and raw.start < s.end)
        if not cites:
            continue  # text outside every sentence (e.g. dropped furniture) cannot be cited
        speaker: str | None
        if raw.speaker and raw.speaker.lower() in ("he", "she") and last \
                and raw.paragraph - last[0] <= _PRONOUN_REACH:
            # "he" continues the speaker of the quotes before, unless someone else was
            # named since ('Thomas Berger ... said ... "...," he said').
            named = _last_person(article.id, raw.speaker_start or raw.start, resolved, spans)
            speaker = named[1] if named and named[0] > last[2] else last[1]
        else:
            speaker = resolve_speaker(article, raw.speaker, raw.speaker_start, people,
                                      resolved, spans)
        if speaker and speaker in _PERSON_NAMES.get(id(resolved), ()):
            last = (raw.paragraph, speaker, raw.outer_end)
        text = article.text[raw.start:raw.end]
        out.append(_Found(article.id, order, raw, text, speaker, cites, content_words(text)))
    return out


def resolve_speaker(article: Article, speaker: str | None, at: int | None,
                    people: dict[str, entities.Resolved],
                    resolved: tuple[entities.Resolved, ...],
                    quoted: list[tuple[int, int]]) -> str | None:
    """The story's name for a speaker mention: a name, a pronoun or a role phrase.

    A name maps through the merged entities (Gantz -> Benny Gantz); "he"/"she"
    to the last person named before it outside quotes; a role phrase to the
    person whose stated role shares its words ("the Turkish defence chief" ->
    the Turkish Defense Minister). Anything else is returned as written.
    """
    if speaker is None or at is None:
        return None
    hit = people.get(ent_names.key(speaker)) or people.get(ent_names.key(speaker.split()[-1]))
    if hit is not None and hit.entity.type == "PERSON" and speaker[0].isupper() \
            and speaker.split()[0].lower() not in ("the", "a", "one"):
        return hit.entity.name
    if speaker.lower() in ("he", "she"):
        named = _last_person(article.id, at, resolved, quoted)
        return named[1] if named else None
    by_role = _by_role(speaker, article.id, at, resolved)
    return by_role or speaker


def _last_person(source: str, at: int, resolved: tuple[entities.Resolved, ...],
                 quoted: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(offset, name) of the person named last before ``at``, not counting names in quotes."""
    best: tuple[int, str] | None = None
    for r in resolved:
        # A person in the news is introduced by full name at least once; a single word
        # tagged PERSON throughout is too often a mis-tagged place ("the capital, Lindau").
        if r.entity.type != "PERSON" or " " not in r.entity.name:
            continue
        for span in r.spans:
            if span.source != source or span.end > at:
                continue
            if any(s <= span.start < e for s, e in quoted):
                continue
            if best is None or span.start > best[0]:
                best = (span.start, r.entity.name)
    return best


def _by_role(phrase: str, source: str, at: int,
             resolved: tuple[entities.Resolved, ...]) -> str | None:
    """The person whose role best shares the phrase's words; None if nobody or a tie."""
    words = {w[:4] for w in ent_names.fold(phrase).replace("’s", "").replace("'s", "").split()
             if len(w) > 3 and w not in _GENERIC_HEADS}
    if not words:
        return None
    scored = []
    for r in resolved:
        if r.entity.type != "PERSON" or not r.entity.role:
            continue
        role_words = {w[:4] for w in ent_names.fold(r.entity.role).replace("defence", "defense")
                      .split()}
        shared = len(words & role_words)
        if shared and any(s.source == source for s in r.spans):
            scored.append((shared, r.entity.name))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


_GENERIC_HEADS = {"chief", "official", "officials", "head", "minister", "leader", "counterpart",
                  "visiting", "senior", "top", "former"}


def _group(found: list[_Found]) -> list[list[_Found]]:
    """Union quotes of different outlets that share wording; an outlet joins a group once.

    Pairs are joined best-first, so a long quote that spans two shorter ones of
    another outlet joins the one it shares most with.
    """
    pairs = []
    for i, a in enumerate(found):
        for j in range(i + 1, len(found)):
            b = found[j]
            if a.speaker and b.speaker and a.speaker != b.speaker:
                continue
            score, shared = overlap(a.words, b.words)
            same_source = a.source == b.source
            if shared >= _MIN_SHARED and score >= (0.9 if same_source else SAME_QUOTE) \
                    and shared >= _MIN_SHARED_OF_LONGER * max(len(a.words), len(b.words)):
                pairs.append((-score, i, j))
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
    return [_add_containing(g, found) for g in groups]


def _add_containing(group: list[_Found], found: list[_Found]) -> list[_Found]:
    """Add other outlets' longer quotes that contain this one (one outlet ran two together)."""
    lead, sources = group[0], {f.source for f in group}
    extra = []
    for f in found:
        if f.source in sources or (f.speaker and lead.speaker and f.speaker != lead.speaker):
            continue
        shared = len(lead.words & f.words)
        if shared >= _MIN_SHARED and shared >= _CONTAINS * len(lead.words):
            extra.append(f)
            sources.add(f.source)
    return sorted(group + extra, key=lambda f: (f.order, f.raw.start))


def _clash(found: list[_Found], a: list[int], b: list[int]) -> bool:
    """Two groups may not merge if they hold different quotes of one outlet."""
    sources_a = {found[k].source: k for k in a}
    for k in b:
        other = sources_a.get(found[k].source)
        if other is not None and overlap(found[k].words, found[other].words)[0] < 0.9:
            return True
    return False


@dataclass(slots=True)
class _Draft:
    speaker: str | None
    text: str
    citations: list[Citation]
    variants: list[str]
    paraphrases: list[Citation]

    def freeze(self) -> Quote:
        return Quote(self.speaker, self.text, tuple(self.citations), tuple(self.variants),
                     tuple(self.paraphrases))


def _quote(group: list[_Found]) -> _Draft:
    speakers = [f.speaker for f in group if f.speaker]
    # a name beats a role phrase left as written; then the most frequent, then the first
    named = [s for s in speakers if s and s[0].isupper() and s.split()[0] not in ("The", "A")]
    pool = named or speakers
    speaker = max(pool, key=lambda s: (pool.count(s), -pool.index(s))) if pool else None
    seen = {normalise(group[0].text)}
    variants = []
    for f in group[1:]:
        if normalise(f.text) not in seen:
            seen.add(normalise(f.text))
            variants.append(f.text)
    citations: list[Citation] = []
    for f in group:
        citations.extend(c for c in f.citations if c not in citations)
    return _Draft(speaker, group[0].text, citations, variants, [])


def _link_paraphrases(quotes: list[_Draft], groups: list[list[_Found]],
                      articles: tuple[Article, ...], sentences: dict[str, tuple[Sentence, ...]],
                      people: dict[str, entities.Resolved],
                      resolved: tuple[entities.Resolved, ...]) -> None:
    """Attach each indirect-speech sentence to the quote it best rewords, if any."""
    quoted = {c for q in quotes for c in q.citations}
    for article in articles:
        for sent in sentences.get(article.id, ()):
            cite = Citation.of(sent)
            if cite in quoted or any(m in sent.text for m in "“”\""):
                continue
            speaker = _indirect_speaker(article, sent, people, resolved)
            if speaker is None:
                continue
            words = content_words(sent.text)
            best = _best_quote(words, speaker, quotes, groups)
            if best is not None:
                quotes[best].paraphrases.append(cite)


def _indirect_speaker(article: Article, sent: Sentence, people: dict[str, entities.Resolved],
                      resolved: tuple[entities.Resolved, ...]) -> str | None:
    m = q_find.INDIRECT.search(sent.text)
    if m is None:
        return None
    at = sent.start + m.start("spk")
    return resolve_speaker(article, m.group("spk"), at, people, resolved, [])


def _best_quote(words: frozenset[str], speaker: str, quotes: list[_Draft],
                groups: list[list[_Found]]) -> int | None:
    best, best_score = None, PARAPHRASE
    for i, (q, group) in enumerate(zip(quotes, groups)):
        if q.speaker and q.speaker != speaker:
            continue
        for f in group:
            score, shared = overlap(words, f.words)
            if shared >= _MIN_SHARED and score >= best_score:
                best, best_score = i, score + 1e-9  # strictly better wins; first on ties
    return best

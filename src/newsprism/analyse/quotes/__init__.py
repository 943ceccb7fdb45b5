"""Who said what: direct quotes, their speakers, their outlets and wording variants.

Quotes are found per article by :mod:`.find` (quote marks and speech cues, no
model); :mod:`.speakers` turns each speaker mention into a person or
organisation of the story ("he" and roles resolved) or an honest "unnamed ..."
label, and drops mentions that name nobody; :mod:`.merge` makes the same quote
carried by several outlets one :class:`~newsprism.model.Quote` whose
``variants`` list every wording with the outlets that printed it, and whose
``paraphrases`` cite indirect-speech sentences that say the same thing.
"""

from __future__ import annotations

from newsprism.analyse.quotes import find, merge, speakers
from newsprism.analyse.quotes.text import content_words
from newsprism.config import Options
from newsprism.model import Article, Citation, Fact, Quote, Sentence


def find_quotes(
    articles: tuple[Article, ...],
    sentences: dict[str, tuple[Sentence, ...]],
    facts: tuple[Fact, ...],
    options: Options,
) -> tuple[Quote, ...]:
    """Quotes with a speaker, merged across outlets, most widely carried first, then in
    story order.

    Every citation is a whole sentence of its source that overlaps the quote. A
    quote whose speaker no outlet names (nor describes) is left out: it does not
    say who said it.
    """
    cast = speakers.cast_of(articles)
    found: list[merge.Found] = []
    for order, article in enumerate(articles):
        found.extend(_in_article(article, order, sentences.get(article.id, ()), cast, options))
    groups = merge.group(found, options)
    drafts = [merge.draft(g) for g in groups]
    _link_paraphrases(drafts, articles, sentences, cast, options)
    kept = sorted((d for d in drafts if d.speaker),
                  key=lambda d: (-len({f.source for f in d.group}), d.group[0].order,
                                 d.group[0].raw.start))
    return tuple(d.freeze() for d in kept)


def _in_article(article: Article, order: int, sents: tuple[Sentence, ...],
                cast: speakers.Cast, options: Options) -> list[merge.Found]:
    raws = find.find_quotes(article.text, options.quote_min_words)
    quoted = [(r.outer_start, r.outer_end) for r in raws]
    out: list[merge.Found] = []
    said: list[speakers.Named] = []
    for raw in raws:
        who = speakers.speaker(cast, article, sents, raw.speaker, raw.speaker_start, quoted,
                               tuple(said))
        person = speakers.person_at(cast, who, raw.speaker_start, raw.speaker_end)
        if person is not None and not raw.inherited:
            said.append(person)
        cites = tuple(Citation.of(s) for s in sents if s.start < raw.end and raw.start < s.end)
        if not cites:
            continue  # text outside every sentence (e.g. dropped furniture) cannot be cited
        text = article.text[raw.start:raw.end]
        out.append(merge.Found(article.id, order, raw, text, who, cites, content_words(text)))
    return out


def _link_paraphrases(drafts: list[merge.Draft], articles: tuple[Article, ...],
                      sentences: dict[str, tuple[Sentence, ...]], cast: speakers.Cast,
                      options: Options) -> None:
    """Attach each indirect-speech sentence to the quote it best rewords, if any."""
    quoted = {c for d in drafts for f in d.group for c in f.citations}
    for article in articles:
        sents = sentences.get(article.id, ())
        for sent in sents:
            cite = Citation.of(sent)
            if cite in quoted or any(m in sent.text for m in "“”\""):
                continue
            m = find.INDIRECT.search(sent.text)
            if m is None:
                continue
            who = speakers.speaker(cast, article, sents, m.group("spk"),
                                   sent.start + m.start("spk"), [])
            if who is None:
                continue
            best = merge.best_quote(content_words(sent.text), who, drafts, options)
            if best is not None:
                drafts[best].paraphrases.append(cite)

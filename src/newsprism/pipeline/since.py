"""What changed since a time: the facts, quotes and articles that the earlier reports lacked.

Articles the collection received after the time are "new" (a reader's "since I
last looked"), the others "earlier". The new
articles are aligned among themselves as any story is; a fact of theirs is
already reported when one of its sentences states what an earlier sentence
stated (the alignment's support score, at ``options.since_threshold``). The
update summary is the story's own summariser run over the facts that remain,
so it cites exact sentences like every other summary.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np

from newsprism import segment
from newsprism.analyse import align, summary
from newsprism.config import Options
from newsprism.errors import ConfigError
from newsprism.model import Article, Briefing, Fact, Quote, Sentence, Since, SummaryItem
from newsprism.nlp.embed import get_embedder
from newsprism.pipeline.collection import story_briefing
from newsprism.pipeline.digest import Aligned, align_story
from newsprism.store import Store


def utc_time(text: str) -> str:
    """``text`` (ISO date, or date and time; naive means UTC) as the store's UTC stamps.

    Raises ConfigError naming the accepted forms.
    """
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"--since {text!r}: give a time as YYYY-MM-DD or "
                          "YYYY-MM-DDTHH:MM (UTC unless an offset is given)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def story_since(store: Store, story_id: str, since: str, options: Options) -> Briefing:
    """The story's briefing with what arrived in the collection after ``since`` (any
    :func:`utc_time` form): the update summary, and the quotes only new articles carry."""
    briefing = story_briefing(store, story_id, options)
    moment = utc_time(since)
    arrived = set(store.arrived_after(story_id, moment))
    new = tuple(a for a in briefing.sources if a.id in arrived)
    earlier = tuple(a for a in briefing.sources if a.id not in arrived)
    return replace(briefing, since=Since(moment, update_summary(earlier, new, options),
                                         new_quotes(briefing.quotes, new),
                                         tuple(a.id for a in new)))


def update_summary(earlier: tuple[Article, ...], new: tuple[Article, ...],
                   options: Options) -> tuple[SummaryItem, ...]:
    """A summary of what ``new`` adds to ``earlier``: only facts no earlier article stated."""
    if not new:
        return ()
    al = align_story(new, options)
    fresh = novel_facts(al, earlier, options)
    keep = {s for f in fresh for s in f.sentences}
    rows = [i for i, s in enumerate(al.sentences) if s in keep]
    return summary.summarise([al.sentences[i] for i in rows], al.lexical[rows], fresh, options,
                             {a.id: a.text for a in new})


def novel_facts(al: Aligned, earlier: tuple[Article, ...], options: Options) -> tuple[Fact, ...]:
    """The facts of ``al`` none of whose sentences an earlier article stated."""
    before = [s for a in earlier for s in segment.split_sentences(a)]
    if not before:
        return al.facts
    known = _stated_before(al.sentences, before, options)
    index = {s: i for i, s in enumerate(al.sentences)}
    return tuple(f for f in al.facts if not any(known[index[s]] for s in f.sentences))


def _stated_before(sentences: list[Sentence], before: list[Sentence],
                   options: Options) -> np.ndarray:
    """For each sentence, whether some earlier sentence supports it (align's score)."""
    texts = [s.text for s in sentences] + [s.text for s in before]
    lexical = get_embedder("tfidf").encode(texts)
    if options.embedder == "tfidf":
        scores, threshold = lexical @ lexical.T, options.align_threshold_tfidf
    else:
        vectors = get_embedder(options.embedder).encode(texts)
        scores = vectors @ vectors.T + align.LEXICAL_WEIGHT * (lexical @ lexical.T)
        threshold = options.since_threshold
    cross = scores[: len(sentences), len(sentences):]
    return cross.max(axis=1) >= threshold


def new_quotes(quotes: tuple[Quote, ...], new: tuple[Article, ...]) -> tuple[Quote, ...]:
    """Quotes that only new articles carry (an earlier outlet quoting them makes them old)."""
    ids = {a.id for a in new}
    return tuple(q for q in quotes
                 if all(c.source in ids for c in q.citations + q.paraphrases))

"""The data model: frozen, slotted dataclasses shared by every stage (stdlib only).

Everything that points at source text carries positions, not copies: a
:class:`Citation` is ``(source, start, end)`` into that source's cleaned
``Article.text``, so ``article.text[start:end]`` is the cited sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsprism.briefing/2"


def content_id(text: str, prefix: str = "a", length: int = 10) -> str:
    """A stable id from content: same text, same id, on every machine."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from an input, before cleaning.

    ``body`` is decoded text; ``format`` says how to read it (``"html"`` or
    ``"text"``). Metadata fields hold what the container itself said (a JSONL
    record, a feed entry); cleaning fills the gaps from the page.
    """

    origin: str  # where it came from, for error messages: path, URL, "path:line", "<stdin>"
    body: str
    format: str  # "html" | "text"
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet name, when the container named it
    published: str | None = None  # "YYYY-MM-DD" when the container said
    published_time: str | None = None  # "HH:MM" (UTC when known) when the container said
    author: str | None = None
    path: str | None = None
    record_id: str | None = None  # a JSONL record's own "id"


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of text that cleaning dropped, and why."""

    kind: str  # "link", "caption", "credit", "furniture", "contributor", "title", "duplicate", ...
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the text every offset in a briefing refers to."""

    id: str
    name: str  # outlet name shown to users
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # "YYYY-MM-DD"
    published_time: str | None = None  # "HH:MM" when the source gave a time of day
    author: str | None = None
    path: str | None = None
    record_id: str | None = None
    removed: tuple[Removed, ...] = ()
    date_guessed: bool = False  # ``published`` was read from the body, not from metadata
    # paragraphs of the text that are not running prose: (start, end, kind), kind being
    # "heading", "item" (a list item) or "row" (a table row); everything else is "text"
    marks: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, by position. ``text == article.text[start:end]``."""

    source: str
    start: int
    end: int
    text: str
    index: int  # position of the sentence within its article, from 0
    paragraph: int  # index of the paragraph (line block) holding it, from 0
    kind: str = "text"  # "text", or "heading"/"item"/"row" for a heading, list item, table row


@dataclass(frozen=True, slots=True)
class Citation:
    """A span of a source's cleaned text that supports a statement."""

    source: str
    start: int
    end: int

    @staticmethod
    def of(sentence: Sentence) -> Citation:
        return Citation(sentence.source, sentence.start, sentence.end)


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences from different outlets that state the same thing (an aligned group).

    ``sentences`` are in a stable order (source order, then position); a source
    may appear more than once when it repeats the fact in other words.
    """

    id: str
    sentences: tuple[Sentence, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for s in self.sentences:
            seen.setdefault(s.source, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class SummaryItem:
    text: str
    citations: tuple[Citation, ...]
    fact: str | None = None  # id of the Fact it was drawn from
    rewritten_from: str | None = None  # the source wording, when names were put in or a
    # writer reworded the line


@dataclass(frozen=True, slots=True)
class Exclusive:
    """A fact one outlet states and no other; ``rank`` 1 is that outlet's most important,
    ``top`` marks the few shown by default (``Options.exclusive_per_outlet``). The citation
    (``source``, ``start``, ``end``) is one sentence; ``articles`` lists every article of
    the outlet that states the fact."""

    source: str
    text: str
    start: int
    end: int
    rank: int = 1
    top: bool = True
    outlet: str = ""  # the outlet (Article.name) whose articles state it
    articles: tuple[str, ...] = ()  # ids of that outlet's articles stating it (``source`` first)


@dataclass(frozen=True, slots=True)
class Variant:
    value: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Dispute:
    about: str
    variants: tuple[Variant, ...]
    kind: str = "value"  # "number", "date", "duration", "name", "title", "place", ...


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One wording of a quote and the sentences of the outlets that printed it."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """One report of a figure that changed: its value, when it was published, its evidence."""

    value: str
    published: str  # "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """A figure that differs between reports published at different times (not a dispute).

    ``reports`` are in report-time order, earliest first.
    """

    about: str
    kind: str  # "number", "duration", ...
    reports: tuple[Report, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    citations: tuple[Citation, ...]
    variants: tuple[QuoteVariant, ...] = ()  # every distinct wording; the first is ``text``
    paraphrases: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Since:
    """What the articles published after ``time`` add to the earlier ones."""

    time: str  # "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", as asked
    summary: tuple[SummaryItem, ...]  # facts no earlier article stated
    quotes: tuple[Quote, ...]  # quotes only the new articles carry
    articles: tuple[str, ...]  # ids of the new articles


@dataclass(frozen=True, slots=True)
class DatedEvent:
    date: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    text: str  # the clause that carries the event; citations are its whole sentences
    citations: tuple[Citation, ...]
    background: bool = False  # before the story's own days (earlier history)
    # Sentences of other outlets that tell the same event in other words (merged into it);
    # not citations of ``text``, which cite what its own sentence's Fact cites.
    also: tuple[Citation, ...] = ()
    # The source wording when ``text`` names a person its source left as a pronoun ("He
    # said ..." -> "Benny Gantz said ..."), or introduces one it names by surname alone
    # at their first timeline mention, as a summary line does; citations unchanged.
    rewritten_from: str | None = None


@dataclass(frozen=True, slots=True)
class Spelling:
    """One way an entity's name is written, and the outlets (source ids) that wrote it."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str  # "PERSON" | "ORG" | "PLACE" | ...
    aliases: tuple[str, ...]
    mentions: tuple[tuple[str, int], ...]  # (source id, count), in source order
    role: str | None = None
    # Forms of the full name when outlets write it differently (Benny / Benjamin Gantz,
    # Erdoğan / Erdogan): not disputes, just who wrote which.
    spellings: tuple[Spelling, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """The product: one story, analysed, every statement traceable to its sources."""

    title: str
    date: str | None
    sources: tuple[Article, ...]
    summary: tuple[SummaryItem, ...] = ()
    exclusive: tuple[Exclusive, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    changed: tuple[Change, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[DatedEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = field(default=())  # the coverage matrix: who covered what
    since: Since | None = None  # set when asked what changed since a time

    def source(self, source_id: str) -> Article:
        for article in self.sources:
            if article.id == source_id:
                return article
        raise KeyError(source_id)

    def citations(self) -> list[Citation]:
        """Every citation the briefing makes, section by section (duplicates kept)."""
        cites: list[Citation] = []
        for s in self.summary:
            cites += s.citations
        cites += [Citation(e.source, e.start, e.end) for e in self.exclusive]
        for d in self.disputed:
            for v in d.variants:
                cites += v.citations
        for c in self.changed:
            for r in c.reports:
                cites += r.citations
        for q in self.quotes:
            cites += q.citations + q.paraphrases
        for t in self.timeline:
            cites += t.citations + t.also
        for f in self.facts:
            cites += [Citation.of(s) for s in f.sentences]
        if self.since is not None:
            for s in self.since.summary:
                cites += s.citations
            for q in self.since.quotes:
                cites += q.citations + q.paraphrases
        return cites

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of PRODUCT.md (``schema: newsprism.briefing/2``)."""
        return {
            "schema": SCHEMA,
            "story": {
                "title": self.title,
                "date": self.date,
                "sources": [_article_dict(a) for a in self.sources],
            },
            "summary": [
                {"text": s.text, "citations": _cites(s.citations), "fact": s.fact,
                 "rewritten_from": s.rewritten_from}
                for s in self.summary
            ],
            "exclusive": [
                {"source": e.source, "text": e.text, "start": e.start, "end": e.end,
                 "rank": e.rank, "top": e.top, "outlet": e.outlet,
                 "articles": list(e.articles)}
                for e in self.exclusive
            ],
            "disputed": [
                {
                    "about": d.about,
                    "kind": d.kind,
                    "variants": [
                        {"value": v.value, "citations": _cites(v.citations)} for v in d.variants
                    ],
                }
                for d in self.disputed
            ],
            "changed": [
                {
                    "about": c.about,
                    "kind": c.kind,
                    "reports": [
                        {"value": r.value, "published": r.published,
                         "citations": _cites(r.citations)} for r in c.reports
                    ],
                }
                for c in self.changed
            ],
            "quotes": [_quote_dict(q) for q in self.quotes],
            "timeline": [
                {"date": t.date, "text": t.text, "citations": _cites(t.citations),
                 "background": t.background, "also": _cites(t.also),
                 "rewritten_from": t.rewritten_from}
                for t in self.timeline
            ],
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "role": e.role,
                    "aliases": list(e.aliases),
                    "mentions": dict(e.mentions),
                    "spellings": [{"text": sp.text, "sources": list(sp.sources)}
                                  for sp in e.spellings],
                }
                for e in self.entities
            ],
            "coverage": [
                {"fact": f.id, "sources": list(f.sources), "citations": _cites(
                    tuple(Citation.of(s) for s in f.sentences))}
                for f in self.facts
            ],
            "removed": [
                {"source": a.id, "kind": r.kind, "text": r.text}
                for a in self.sources
                for r in a.removed
            ],
            "since": None if self.since is None else _since_dict(self.since),
        }

    def to_json(self, indent: int | None = 2) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


# Words of a headline added to a label when an outlet's articles share a time.
_LABEL_TITLE_WORDS = 8


def source_labels(articles: tuple[Article, ...] | list[Article]) -> dict[str, str]:
    """A label per article id that tells apart several articles of one outlet.

    An outlet with one article is labelled by its name; otherwise each article
    gets its time ("AP, 14:05", with the date when the outlet's articles span
    days), then its headline where times tie, then a number if all else ties.
    """
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(a.name, []).append(a)
    labels: dict[str, str] = {}
    for name, group in groups.items():
        if len(group) == 1:
            labels[group[0].id] = name
            continue
        one_day = len({a.published for a in group}) == 1
        labels.update(_distinct(name, group, one_day))
    return labels


def _distinct(name: str, group: list[Article], one_day: bool) -> dict[str, str]:
    def when(a: Article) -> str:
        parts = ([] if one_day and a.published_time else [a.published or ""]) \
            + [a.published_time or ""]
        return " ".join(p for p in parts if p)

    labels = {a.id: ", ".join(p for p in (name, when(a)) if p) for a in group}
    for level in ("title", "number"):
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1
        for i, a in enumerate(group, 1):
            if counts[labels[a.id]] > 1:
                labels[a.id] += f" #{i}" if level == "number" else _short_title(a.title)
    return labels


def _short_title(title: str | None) -> str:
    if not title:
        return ""
    words = title.split()
    cut = " ".join(words[:_LABEL_TITLE_WORDS])
    return f" “{cut}{'…' if len(words) > _LABEL_TITLE_WORDS else ''}”"


def outlets(articles: tuple[Article, ...] | list[Article]) -> list[tuple[str, tuple[str, ...]]]:
    """Each outlet with the ids of its articles, outlets in first-seen order."""
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(a.name, []).append(a.id)
    return [(name, tuple(ids)) for name, ids in groups.items()]


def sources_line(articles: tuple[Article, ...] | list[Article]) -> str:
    """"5 sources: A, B, …", or "29 articles from 2 outlets: A (12), B (17)" when outlets repeat."""
    groups = outlets(articles)
    if len(groups) == len(articles):
        return f"{len(articles)} source{'' if len(articles) == 1 else 's'}: " \
            + ", ".join(name for name, _ in groups)
    return (f"{len(articles)} articles from {len(groups)} outlet{'' if len(groups) == 1 else 's'}: "
            + ", ".join(f"{name} ({len(ids)})" for name, ids in groups))


def _since_dict(since: Since) -> dict[str, Any]:
    return {
        "time": since.time,
        "summary": [{"text": s.text, "citations": _cites(s.citations), "fact": s.fact,
                     "rewritten_from": s.rewritten_from} for s in since.summary],
        "quotes": [_quote_dict(q) for q in since.quotes],
        "articles": list(since.articles),
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "speaker": q.speaker,
        "text": q.text,
        "citations": _cites(q.citations),
        "variants": [{"text": v.text, "citations": _cites(v.citations)} for v in q.variants],
        "paraphrases": _cites(q.paraphrases),
    }


def _cites(citations: tuple[Citation, ...]) -> list[dict[str, Any]]:
    return [{"source": c.source, "start": c.start, "end": c.end} for c in citations]


def _article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "title": a.title,
        "url": a.url,
        "published": a.published,
        "published_time": a.published_time,
        "date_guessed": a.date_guessed,
        "path": a.path,
        "author": a.author,
        "record_id": a.record_id,
        "text": a.text,
        "marks": [list(m) for m in a.marks],
    }

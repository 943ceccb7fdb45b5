"""Cached briefings: a Briefing to JSON text and back, through the public JSON contract.

The cache stores ``Briefing.to_dict()`` (schema ``newsprism.briefing/2``), so a
cached briefing is exactly what ``show -o x.json`` prints. Decoding rebuilds the
dataclasses; a body it cannot read is treated as a cache miss by the caller.
"""

from __future__ import annotations

import json
from typing import Any

from newsprism.model import (
    SCHEMA,
    Article,
    Briefing,
    Change,
    Citation,
    DatedEvent,
    Dispute,
    Entity,
    Exclusive,
    Fact,
    Quote,
    QuoteVariant,
    Removed,
    Report,
    Sentence,
    Spelling,
    Since,
    SummaryItem,
    Variant,
)


def encode(briefing: Briefing) -> str:
    return json.dumps(briefing.to_dict(), ensure_ascii=False, separators=(",", ":"))


def decode(body: str) -> Briefing:
    """The Briefing of ``body``; raises ValueError/KeyError/TypeError on anything else."""
    d = json.loads(body)
    if d.get("schema") != SCHEMA:
        raise ValueError(f"cached briefing has schema {d.get('schema')!r}, not {SCHEMA}")
    sources = _sources(d)
    texts = {a.id: a.text for a in sources}
    return Briefing(
        title=d["story"]["title"],
        date=d["story"]["date"],
        sources=sources,
        summary=_summary(d["summary"]),
        exclusive=tuple(Exclusive(e["source"], e["text"], e["start"], e["end"],
                                  e.get("rank", 1), e.get("top", True), e.get("outlet", ""),
                                  tuple(e.get("articles", ())))
                        for e in d["exclusive"]),
        disputed=tuple(Dispute(x["about"], tuple(Variant(v["value"], _cites(v["citations"]))
                                                  for v in x["variants"]), x.get("kind", "value"))
                       for x in d["disputed"]),
        changed=tuple(Change(c["about"], c["kind"], tuple(
            Report(r["value"], r["published"], _cites(r["citations"])) for r in c["reports"]))
                      for c in d.get("changed", [])),
        quotes=_quotes(d["quotes"]),
        timeline=tuple(DatedEvent(t["date"], t["text"], _cites(t["citations"]),
                                  t.get("background", False), _cites(t.get("also", [])),
                                  t.get("rewritten_from"))
                       for t in d["timeline"]),
        entities=tuple(Entity(e["name"], e["type"], tuple(e["aliases"]),
                              tuple(e["mentions"].items()), e.get("role"),
                              tuple(Spelling(sp["text"], tuple(sp["sources"]))
                                    for sp in e.get("spellings", [])))
                       for e in d["entities"]),
        facts=tuple(_fact(f, texts) for f in d.get("coverage", [])),
        since=_since(d.get("since")),
    )


def _summary(items: list[dict[str, Any]]) -> tuple[SummaryItem, ...]:
    return tuple(SummaryItem(s["text"], _cites(s["citations"]), s.get("fact"),
                             s.get("rewritten_from")) for s in items)


def _quotes(items: list[dict[str, Any]]) -> tuple[Quote, ...]:
    return tuple(Quote(q["speaker"], q["text"], _cites(q["citations"]),
                       tuple(QuoteVariant(v["text"], _cites(v["citations"]))
                             for v in q.get("variants", ())),
                       _cites(q.get("paraphrases", [])))
                 for q in items)


def _since(d: dict[str, Any] | None) -> Since | None:
    if d is None:
        return None
    return Since(d["time"], _summary(d["summary"]), _quotes(d["quotes"]), tuple(d["articles"]))


def _sources(d: dict[str, Any]) -> tuple[Article, ...]:
    removed: dict[str, list[Removed]] = {}
    for r in d.get("removed", []):
        removed.setdefault(r["source"], []).append(Removed(r["kind"], r["text"]))
    return tuple(
        Article(id=s["id"], name=s["name"], text=s["text"], title=s.get("title"),
                url=s.get("url"), published=s.get("published"), author=s.get("author"),
                path=s.get("path"), record_id=s.get("record_id"),
                removed=tuple(removed.get(s["id"], ())),
                published_time=s.get("published_time"),
                date_guessed=bool(s.get("date_guessed", False)),
                marks=tuple((m[0], m[1], m[2]) for m in s.get("marks", ())))
        for s in d["story"]["sources"]
    )


def _cites(items: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(Citation(c["source"], c["start"], c["end"]) for c in items)


def _fact(f: dict[str, Any], texts: dict[str, str]) -> Fact:
    # sentence index/paragraph are not in the JSON contract; -1 says "unknown"
    sentences = tuple(Sentence(c["source"], c["start"], c["end"],
                               texts[c["source"]][c["start"]:c["end"]], -1, -1)
                      for c in f["citations"])
    return Fact(f["fact"], sentences)

"""Briefings built ahead: dirty stories, `build_dirty`, and per-article work reused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.config import Options
from newsprism.model import Article
from newsprism.nlp import ner
from newsprism.nlp.embed import get_embedder
from newsprism.pipeline.build import build_dirty
from newsprism.pipeline.collection import ingest_articles, ingest_inputs, story_briefing
from newsprism.pipeline.digest import brief
from newsprism.segment import split_sentences
from newsprism.store import Store

TFIDF = Options(embedder="tfidf")


def _late_report(store: Store, story_id: str) -> Article:
    """One more outlet's report of the story's event, made of the story's own opening."""
    first = store.story_articles(story_id)[0]
    return replace(first, id="late", name="Harbour Evening Post",
                   text="Update: " + first.text.split("\n")[0] + "\nOfficials repeated "
                        "on Wednesday that an inquiry would report within a month.")


@pytest.fixture()
def store(examples):
    with Store(":memory:") as s:
        ingest_inputs([str(examples)], s, TFIDF)
        yield s


def test_ingest_marks_stories_dirty_and_build_clears_them(store):
    dirty = store.dirty_stories()
    assert dirty and len(dirty) == store.count("stories")
    report = build_dirty(store, TFIDF)
    assert report.built == dirty and not report.failed and store.dirty_stories() == []
    assert report.line().startswith(f"build: {len(dirty)} briefing")
    key = f"v{store.story_version(dirty[0])}|tfidf|120|None"
    assert store.cached_briefing(dirty[0], key) is not None  # opening it now reads the cache


def test_a_story_that_changes_during_its_build_stays_dirty(store):
    story = store.dirty_stories()[0]
    version = store.story_version(story)
    ingest_articles([_late_report(store, story)], store)
    store.mark_built(story, version)  # the build that started before the new article
    assert story in store.dirty_stories()


def test_rebuild_reuses_stored_vectors_and_mentions(store, monkeypatch):
    options = Options(embedder="minilm")  # the rows kept per article
    story = max(store.stories(), key=lambda s: s["articles"])["id"]
    build_dirty(store, options)
    assert len(store.article_work("vectors:minilm", [a.id for a in
                                                     store.story_articles(story)])) > 1
    ingest_articles([_late_report(store, story)], store)
    encoded: list[str] = []
    tagged: list[str] = []
    embedder = get_embedder("minilm")
    batch = embedder._batch
    monkeypatch.setattr(embedder, "_batch", lambda texts: encoded.extend(texts) or batch(texts))
    pipe = ner.load().pipe

    def tagging(texts, **kw):  # texts may be a generator: read it once, for both
        texts = list(texts)
        tagged.extend(texts)
        return pipe(texts, **kw)

    monkeypatch.setattr(ner.load(), "pipe", tagging)
    embedder.forget()  # as in a new process: only the store remembers
    ner._cache.clear()
    assert build_dirty(store, options).built[0] == story
    late = [a for a in store.story_articles(story) if a.name == "Harbour Evening Post"][0]
    assert tagged == [late.text]  # only the new article went through the models
    old = {s.text for a in store.story_articles(story) if a.id != late.id
           for s in split_sentences(a)}
    # no older article's sentence is encoded again (the few quote wordings whose meaning
    # is compared are: they are not stored)
    assert encoded and not old.intersection(encoded)
    # and the briefing is the one built from scratch
    built = story_briefing(store, story, options)
    embedder.forget()
    ner._cache.clear()
    assert built.to_dict() == brief(store.story_articles(story), options).to_dict()

"""Entities: merging across spellings, aliases and surnames; roles; counts; and the seeds check."""

from __future__ import annotations

import pytest

from newsprism.analyse.entities import names as ent_names
from newsprism.analyse.entities import find_entities
from newsprism.config import Options
from tests.conftest import SEEDS, assert_traceable
from tests.fixtures.analyse.story import article, story


def test_fold_and_alias_keys():
    assert ent_names.key("Erdoğan") == ent_names.key("Erdogan")
    assert ent_names.key("Türkiye") == ent_names.key("Turkey")
    assert ent_names.key("Gantz's") == ent_names.key("Gantz")
    assert ent_names.compatible_given(["benny"], ["benjamin"])
    assert not ent_names.compatible_given(["chelsea"], ["hillary"])


def test_keys_ignore_titles_dots_and_corporate_suffixes():
    assert ent_names.key("Mrs. Ciller") == ent_names.key("Ciller")
    assert ent_names.key("said Evans") == ent_names.key("Evans")
    assert ent_names.key("F.W. de Klerk") == "f.w. de klerk"  # particles stay
    assert ent_names.key("A.N.C.") == ent_names.key("ANC")
    assert ent_names.key("U.K.") == ent_names.key("Britain")
    assert ent_names.key("Halvard Shipping Corp.") == ent_names.key("Halvard Shipping")
    assert ent_names.key("King's Cross") == ent_names.key("Kings Cross")


# A fictional story (written by us): the small NER model glues "Valdoria" to the new
# ambassador's name and tags the port director's sentence-initial surname ORG.
FERRY_HERALD = (
    "Vastoria restored full diplomatic ties with Valdoria on Monday, ending a four-year "
    "freeze.\n"
    "Foreign Minister Tomas Ravelli welcomed the appointment of the new ambassador to Valdoria "
    "Ilse Varga, who will arrive in Valdoria next month.\n"
    "Kettering said the agreement would hold. Port director Ruth Kettering had pressed for "
    "the ferry link to reopen. Kettering expects 40 sailings a week by July."
)
FERRY_POST = (
    "Ferries between Kessburg and Brask, on the coast of Valdoria, will run again from June, "
    "officials in Vastoria said.\n"
    "Kettering told the Kessburg Herald that bookings had already opened.\n"
    "Kettering said the first crossing would leave Brask on June 3.\n"
    "Ms. Varga, a former trade envoy, said she would visit the port first."
)


def _ferry_entities():
    articles = (article(FERRY_HERALD, "herald"), article(FERRY_POST, "post"))
    return {e.name: e for e in find_entities(articles, {}, Options())}


def test_a_place_glued_to_a_person_is_split():
    ents = _ferry_entities()
    assert not [name for name in ents if "Valdoria " in name]
    assert ents["Ilse Varga"].type == "PERSON" and "Varga" in ents["Ilse Varga"].aliases
    assert ents["Valdoria"].type == "PLACE"


def test_a_person_ner_tags_org_is_typed_from_the_whole_story():
    ents = _ferry_entities()
    assert ents["Ruth Kettering"].type == "PERSON"
    assert "Kettering" in ents["Ruth Kettering"].aliases and "Kettering" not in ents
    assert ents["Kessburg Herald"].type == "ORG" and ents["Brask"].type == "PLACE"


def test_role_before_a_name():
    text = "Israeli Defense Minister Benny Gantz arrived."
    assert ent_names.role_before(text, text.index("Benny")) == "Israeli Defense Minister"
    assert ent_names.role_before("Then Benny Gantz came.", 5) is None


def test_story_entities_merge_spellings_and_surnames():
    articles, sentences = story()
    ents = find_entities(articles, sentences, Options())
    mayor = next(e for e in ents if "Kovač" in e.name)
    assert mayor.type == "PERSON"
    assert {"Kovac", "Kovač", "Alexandra Kovac"} <= set(mayor.aliases)
    assert mayor.role is not None and "Mayor" in mayor.role
    assert [src for src, _ in mayor.mentions] == ["gazette", "post", "wire"]
    assert sum(1 for e in ents if e.name in ("Turkey", "Türkiye")) == 1
    turkey = next(e for e in ents if e.name == "Turkey")
    assert turkey.type == "PLACE" and "Türkiye" in turkey.aliases


def test_output_is_deterministic():
    articles, sentences = story()
    assert find_entities(articles, sentences, Options()) == find_entities(
        articles, sentences, Options())


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seeds_check():
    """Issue 4's seeds check, end to end through the pipeline."""
    from newsprism.pipeline import brief, load_articles

    options = Options(embedder="tfidf")
    articles, _ = load_articles([str(SEEDS)], options)
    b = brief(articles, options)
    assert_traceable(b)
    for person in ("Gantz", "Akar", "Erdogan"):
        hits = [e for e in b.entities
                if person in ent_names.fold(" ".join((e.name, *e.aliases))).title()]
        assert len(hits) == 1, (person, hits)
        assert hits[0].aliases
    assert sum(1 for e in b.entities if {"Turkey", "Türkiye"} & {e.name, *e.aliases}) == 1
    moving = [q for q in b.quotes if "adopt a steady, positive approach" in q.text]
    assert len(moving) == 1 and moving[0].speaker == "Benny Gantz"
    carriers = {c.source for c in moving[0].citations}
    expected = {a.id for a in articles if "we must adopt a" in a.text}
    assert carriers == expected and moving[0].variants
    # forms of one name are spellings with their outlets, never a dispute
    assert not [d for d in b.disputed if d.kind == "name"]
    gantz = next(e for e in b.entities if e.name == "Benny Gantz")
    spelled = {sp.text: set(sp.sources) for sp in gantz.spellings}
    assert {"Benny Gantz", "Benjamin Gantz"} <= set(spelled)
    assert spelled["Benjamin Gantz"] == {a.id for a in articles if "Benjamin Gantz" in a.text}
    dates = {t.date: t for t in b.timeline}
    for wanted in ("2010", "2016", "2018", "2022-08", "2022-10-27"):
        # "2018" may be told more precisely by another outlet ("May 2018"): one event
        assert any(d.startswith(wanted) and t.citations for d, t in dates.items()), wanted

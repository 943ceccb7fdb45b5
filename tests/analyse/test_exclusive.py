"""Only in some outlets: few, ranked, worth reading, and stated by no other outlet."""

from __future__ import annotations

import json

import pytest

from newsprism.analyse.exclusive import exclusives
from newsprism.analyse.exclusive.verify import mask_numbers
from newsprism.analyse.exclusive.worth import worth_showing
from newsprism.config import build_options
from newsprism.model import Article, content_id
from newsprism.pipeline import align_story, brief
from newsprism.render import render

# A fictional story: a ferry fire off the (fictional) port of Marrowby, three outlets.
HARBOUR = """Fire broke out on the passenger ferry Aldous Quay off Marrowby on Saturday morning, forcing 212 passengers into lifeboats.
All passengers were rescued by coastguard crews and fishing boats within two hours, the coastguard said.
The fire started in the engine room shortly after the ferry left Marrowby harbour for Tellisk.
Tessaline Lines, which owns the ferry, said it would pay for hotel rooms for every stranded passenger.
The company also said the ferry had passed a safety inspection in March.
"Amen," replied a deckhand.
"We are deeply grateful to everyone who helped," a Tessaline spokeswoman said.
It was towed back to port by two tugs in the evening."""

COAST = """A fire on the ferry Aldous Quay forced 212 passengers into lifeboats off Marrowby on Saturday.
Coastguard crews and fishing boats rescued all of the passengers within two hours.
Investigators said the blaze began in the engine room soon after the ferry sailed from Marrowby for Tellisk.
Four passengers were treated in hospital for smoke inhalation and released the same day.
The harbour master closed the northern channel to shipping until Sunday noon.
The mayor of Marrowby praised the rescuers for their courage.
A retired captain who watched from the pier said the smoke could be seen from the old lighthouse on the cliffs."""

ISLAND = """Passengers were taken off the burning ferry Aldous Quay by lifeboat near Marrowby on Saturday.
All 212 people on board were rescued within two hours by the coastguard and local fishing boats.
Tessaline Lines will put every stranded passenger up in a hotel, the ferry company said.
A second ferry, the Mirren Star, will take over the Tellisk route from Monday.
The engine room fire is the third on a Tessaline ferry in five years, according to port records."""


def _articles() -> tuple[Article, ...]:
    texts = {"Harbour Gazette": HARBOUR, "Coast Wire": COAST, "Island Times": ISLAND}
    return tuple(Article(id=content_id(t), name=n, text=t) for n, t in texts.items())


@pytest.fixture(scope="module")
def found():
    """Every verified, readable exclusive (the newsworthiness cut switched off)."""
    articles = _articles()
    options = build_options({"embedder": "tfidf", "words": 40, "exclusive_newsworthy": 0.0},
                            config=None)
    al = align_story(articles, options)
    names = {a.id: a.name for a in articles}
    items = exclusives(al.sentences, al.lexical, al.facts, al.loose, (), options,
                       (al.support, al.loose_threshold))
    return [(names[e.source], e.text, e.rank, e.top) for e in items]


def test_a_fact_another_outlet_states_in_other_words_is_not_exclusive(found):
    texts = [t for _, t, _, _ in found]
    assert not any("hotel" in t for t in texts)  # Harbour and Island both say it
    assert not any("engine room shortly" in t or "blaze began" in t for t in texts)
    assert any("Mirren Star" in t for t in texts)  # only the Island Times has the new ferry
    assert any("smoke inhalation" in t for t in texts)


# The Island Times again, telling the Coast Wire's hospital fact in other words and with
# another figure ("Four passengers ... smoke inhalation"): few shared words, same fact.
ISLAND_FUMES = ISLAND + """
Six people were checked by doctors after breathing in fumes and went home that evening."""


def test_a_fact_told_in_other_words_with_another_figure_is_not_exclusive():
    texts = {"Harbour Gazette": HARBOUR, "Coast Wire": COAST, "Island Times": ISLAND_FUMES}
    articles = tuple(Article(id=content_id(t), name=n, text=t) for n, t in texts.items())

    def listed(paraphrase: float) -> list[str]:
        options = build_options({"embedder": "tfidf", "words": 40, "exclusive_newsworthy": 0.0,
                                 "exclusive_paraphrase": paraphrase}, config=None)
        al = align_story(articles, options)
        return [e.text for e in exclusives(al.sentences, al.lexical, al.facts, al.loose, (),
                                           options, (al.support, al.loose_threshold))]

    lexical_only = listed(2.0)  # above 1: the MiniLM test is off
    assert any("smoke inhalation" in t for t in lexical_only)
    assert any("breathing in fumes" in t for t in lexical_only)
    checked = listed(build_options({}, config=None).exclusive_paraphrase)
    assert not any("smoke inhalation" in t or "breathing in fumes" in t for t in checked)
    assert any("Mirren Star" in t for t in checked)  # a fact no one else tells stays


def test_mask_numbers_hides_every_figure():
    assert mask_numbers("At least 85 people died, 1,200 fled and 6.6 million were "
                        "without power for two days.") == (
        "At least several people died, several fled and several were without "
        "power for several days.")
    assert mask_numbers("The harbour reopened on Sunday.") == "The harbour reopened on Sunday."


def test_quote_fragments_reactions_and_leaning_lines_are_not_listed(found):
    texts = [t for _, t, _, _ in found]
    assert not any("Amen" in t for t in texts)
    assert not any("grateful" in t for t in texts)  # a reaction, nearly all quotation
    assert not any("praised the rescuers" in t for t in texts)  # a reaction without content
    assert not any(t.startswith("It was towed") for t in texts)  # "It": which?


def test_each_outlet_ranked_from_one_top_first(found):
    by_outlet: dict[str, list[tuple[int, bool]]] = {}
    for outlet, _, rank, top in found:
        by_outlet.setdefault(outlet, []).append((rank, top))
    for ranks in by_outlet.values():
        assert [r for r, _ in ranks] == list(range(1, len(ranks) + 1))
        assert [t for _, t in ranks] == [r <= 3 for r, _ in ranks]
    assert [o for o, _, _, _ in found] == sorted(
        (o for o, _, _, _ in found), key=["Harbour Gazette", "Coast Wire", "Island Times"].index)


# The Harbour Gazette again, a later article: it repeats its own fact about
# the inspection, which stays exclusive to the outlet (one item naming both articles).
HARBOUR_LATER = """The company said the vessel had passed its last safety inspection in March.
Tugs brought the Aldous Quay back to Marrowby harbour late on Saturday.
Divers will inspect the hull on Monday before the ferry is moved to a dry dock in Tellisk."""


def test_an_outlets_articles_share_its_exclusives():
    articles = (*_articles(), Article(id=content_id(HARBOUR_LATER), name="Harbour Gazette",
                                      text=HARBOUR_LATER))
    options = build_options({"embedder": "tfidf", "words": 40, "exclusive_newsworthy": 0.0},
                            config=None)
    b = brief(articles, options)
    harbour = {a.id for a in articles if a.name == "Harbour Gazette"}
    inspection = [e for e in b.exclusive if "inspection" in e.text]
    assert inspection and all(e.outlet == "Harbour Gazette" for e in inspection)
    assert [set(e.articles) for e in inspection] == [harbour]
    for e in b.exclusive:
        assert e.source == e.articles[0] and set(e.articles) <= {
            a.id for a in articles if a.name == e.outlet}
    ranks = [e.rank for e in b.exclusive if e.outlet == "Harbour Gazette"]
    assert ranks == list(range(1, len(ranks) + 1))  # one ranking per outlet, not per article
    listed = json.loads(b.to_json())["exclusive"]
    assert all(e["outlet"] and e["articles"] for e in listed)
    markdown = render(b, "md")
    assert markdown.count("**Harbour Gazette**") == 1


def test_the_newsworthiness_model_keeps_leads_over_colour():
    """By default only what the learned model finds newsworthy is listed; a lead-like
    fact with figures outranks a bystander's colour."""
    articles = _articles()
    options = build_options({"embedder": "tfidf", "words": 40}, config=None)
    al = align_story(articles, options)
    everything = build_options({"embedder": "tfidf", "words": 40, "exclusive_newsworthy": 0.0},
                               config=None)
    default = exclusives(al.sentences, al.lexical, al.facts, al.loose, (), options,
                         (al.support, al.loose_threshold))
    every = exclusives(al.sentences, al.lexical, al.facts, al.loose, (), everything,
                       (al.support, al.loose_threshold))
    assert {(e.source, e.start) for e in default} <= {(e.source, e.start) for e in every}
    assert not any("retired captain" in e.text for e in default)


def test_worth_showing_by_hand():
    options = build_options({}, config=None)
    assert worth_showing("The harbour master closed the northern channel to shipping until "
                         "Sunday noon.", options)
    assert not worth_showing('"Amen," replied a launch controller at the space centre.', options)
    assert not worth_showing('"This is a dark day for all of us here," the mayor said.', options)
    assert not worth_showing("The minister expressed her condolences to the families of "
                             "the victims.", options)
    assert worth_showing("The minister said 14 families would receive emergency grants "
                         "from the regional fund.", options)
    assert not worth_showing("He said the ferry had been inspected in March.", options)
    assert not worth_showing("The crew would not be blamed for the fire, he said.", options)
    assert not worth_showing("Ferry fire: what we know", options)  # a headline


def test_json_lists_all_ranked_while_markdown_and_html_show_the_top():
    options = build_options({"embedder": "tfidf", "words": 40, "exclusive_per_outlet": 1,
                             "exclusive_newsworthy": 0.0}, config=None)
    b = brief(_articles(), options)
    listed = json.loads(b.to_json())["exclusive"]
    assert {e["rank"] for e in listed} >= {1, 2}
    assert all(e["top"] == (e["rank"] == 1) for e in listed)
    hidden = [e for e in listed if not e["top"]]
    markdown = render(b, "md")
    assert all(e["text"] not in markdown for e in hidden)
    assert "more (shown with --all and in the JSON)" in markdown
    assert all(e["text"] in render(b, "md", all_exclusive=True) for e in listed)
    html = render(b, "html")
    assert "more (shown with --all and in the JSON)" in html
    assert "more (shown with" not in render(b, "html", all_exclusive=True)


def test_nothing_is_exclusive_in_a_one_source_story():
    (one,) = _articles()[:1]
    options = build_options({"embedder": "tfidf"}, config=None)
    al = align_story((one,), options)
    assert exclusives(al.sentences, al.lexical, al.facts, al.loose, (), options) == ()

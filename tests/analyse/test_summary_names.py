"""People named in full at their first mention in the summary (issue 9), on a fictional story."""

from __future__ import annotations

from newsprism.analyse.summary.names import People
from newsprism.config import build_options
from newsprism.model import Article
from newsprism.pipeline import summarise

# Three fictional outlets on one fictional event (written for this test).
TEXTS = {
    "gazette": (
        "Port Director Ilona Vesk closed the port of Tessport on Monday after the tanker "
        "Marigold Star ran aground on a sandbank.\n"
        "Divers inspected the hull of the tanker on Monday afternoon.\n"
        "Vesk said the spill was smaller than feared and the port would reopen on Friday.\n"
        "The Karvelian coast guard sent two boats to contain the oil."
    ),
    "courier": (
        "Ilona Vesk, the harbour master, ordered the port of Tessport shut on Monday when the "
        "tanker Marigold Star grounded on a sandbank.\n"
        "Vesk told reporters the port would reopen on Friday.\n"
        "Fishermen Tomas Orrin and Petra Orrin said their nets were already fouled."
    ),
    "wire": (
        "The port of Tessport was closed on Monday after the tanker Marigold Star ran aground, "
        "harbour master Ilona Vesk said.\n"
        "Orrin said the catch would be lost for a week.\n"
        "The Karvelian coast guard sent two boats to contain the oil slick."
    ),
}


def test_a_surname_alone_is_given_in_full_once_two_outlets_name_the_person():
    people = People(TEXTS, 2)
    line = "Vesk said the spill was smaller than feared and the port would reopen on Friday."
    text, put, _ = people.introduce(line, "gazette")
    assert text.startswith("Ilona Vesk said the spill") and put == ("Ilona Vesk",)
    # a later line, once the summary has named her, keeps the surname
    assert people.introduce(line, "gazette", met={"Ilona Vesk"})[0] == line


def test_a_surname_two_people_share_is_left_as_written():
    people = People(TEXTS, 2)
    line = "Orrin said the catch would be lost for a week."
    assert people.introduce(line, "wire")[0] == line  # Tomas or Petra Orrin?
    # NER reads the tanker "Marigold Star" as a person, never "Star" alone: no name put in
    line = "Star crews were flown off the sandbank by helicopter on Tuesday."
    assert people.introduce(line, "wire")[0] == line


def test_a_title_only_in_the_words_left_over():
    people = People(TEXTS, 2)
    line = "Vesk said the spill was smaller than feared."
    assert people.introduce(line, "gazette", room=0)[0].startswith("Ilona Vesk said")
    titled, _, used = people.introduce(line, "gazette", room=5)
    assert titled.startswith("Port Director Ilona Vesk said") and used == 2


def test_the_summary_names_a_person_in_full_and_keeps_the_source_wording():
    articles = tuple(Article(id=k, name=k.title(), text=v, published="2031-04-07")
                     for k, v in TEXTS.items())
    # 18 words: the line chosen names the harbour master by surname; its title fits too
    (item,) = summarise(articles, build_options({"words": 18, "embedder": "tfidf"}, config=None))
    assert item.text == ("Port Director Ilona Vesk said the spill was smaller than feared and "
                         "the port would reopen on Friday.")
    first = item.citations[0]
    assert TEXTS[first.source][first.start:first.end] == item.rewritten_from
    assert item.rewritten_from.startswith("Vesk said") and len(item.text.split()) <= 18

"""classify(): kinds of furniture are recognised; real news sentences are left alone."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_paragraphs
from newsprism.clean.boilerplate import classify


def kinds(text, **kw):
    verdict = classify(text, **kw)
    return None if verdict is None else [r.kind for r in verdict.removed]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ALSO READ: Port workers end strike after pay deal", "link"),
        ("READ MORE: Turkey and Israel 'want to improve ties'", "link"),
        ("Related: Council elections set for June", "link"),
        ("Read more", "link"),
        ("See also | Harbour dredging plan", "link"),
        ("Click here to watch the full press conference", "link"),
        ("https://example.com/news/2024/other-story", "link"),
        ("A+ A-", "furniture"),
        ("Share this article", "furniture"),
        ("Share on Facebook Twitter Email", "furniture"),
        ("Advertisement", "furniture"),
        ("Sign up for our newsletter", "furniture"),
        ("Subscribe to our daily briefing", "furniture"),
        ("This block is broken or missing. You may be missing content or you might need "
         "to enable the original module.", "furniture"),
        ("We use cookies to give you the best experience on our website.", "furniture"),
        ("Follow us on Twitter and Facebook for the latest updates.", "furniture"),
        ("© 2024 Harbour Media Group. All rights reserved.", "furniture"),
        ("Published: 12 March 2024 10:40", "furniture"),
        ("Home > World > Europe", "furniture"),
        ("Jan Novak contributed to this report.", "contributor"),
        ("(Reporting by Ana Lopes; Editing by Tom Reed)", "contributor"),
        ("Additional reporting by Mia Chen in Lisbon", "contributor"),
        ("By Karin Holm", "byline"),
        ("Photo: Marek Vos", "credit"),
        ("Credit: Reuters", "credit"),
        ("(AFP)", "credit"),
        ("Open gallery view The minister arrives in the capital on Monday.", "caption"),
        ("FILE PHOTO: A tanker sails past the harbour wall", "caption"),
        ("BACKGROUND", "heading"),
        ("What We Know So Far About The Harbour Deal", "heading"),
    ],
)
def test_furniture_is_recognised(line, kind):
    assert kinds(line) and kinds(line)[0] == kind


def test_caption_with_trailing_credit_is_split_into_caption_and_credit():
    line = ("This handout photo released on March 5 by the port authority shows workers "
            "(left) on the quay in Velmora. (PORT AUTHORITY / AFP)")
    verdict = classify(line)
    assert [r.kind for r in verdict.removed] == ["caption", "credit"]
    assert verdict.removed[1].text == "(PORT AUTHORITY / AFP)"


def test_headlines_after_a_bare_cue_are_links():
    kept, removed = clean_paragraphs([
        "The council approved the budget on Monday.",
        "Recommended",
        "Five things to know about the port",
        "Strike called off after pay deal",
        "The vote was 12 to 3, the clerk said.",
    ])
    assert kept == ["The council approved the budget on Monday.",
                    "The vote was 12 to 3, the clerk said."]
    assert [r.kind for r in removed] == ["link", "link", "link"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Related talks between the two ministries are expected to continue next month.",
        "Read more widely, the report suggests the port has been losing money since 2019.",
        "The photo, taken by a passer-by, shows the ferry listing to one side.",
        "Images released by the coast guard showed a large oil slick near the harbour.",
        "Watchdogs said the contract had been awarded without a proper tender.",
        "Subscribers to the ferry pass will pay 12 percent more from April.",
        "Updated figures from the ministry showed 45 people were injured.",
        "By Thursday, the rescue teams had reached all of the stranded villages.",
        "Share prices of the operator fell 4 percent after the announcement.",
        "Follow-up inspections found cracks in two of the harbour cranes.",
        "Turkish and Israeli Defense Ministers Akar and Gantz met in Ankara, holding talks on "
        "improving bilateral relations",
        "ANKARA – Turkish Defense Minister Hulusi Akar and his visiting Israeli counterpart "
        "Benny Gantz vowed to enhance bilateral security and defense cooperation on Thursday.",
        "Gantz will meet with Turkish President Recep Tayyip Erdogan later in the day.",
        "\"We said it in March, in writing, and nobody listened,\" union leader Karel Stavik said.",
        "The agreement was signed in the presence of the European Union (EU).",
        "Credit card payments will be accepted on all ferries from June.",
        "Photographers were kept behind a cordon while the minister spoke.",
        "No deaths were reported.",
    ],
)
def test_real_sentences_stay(sentence):
    assert classify(sentence) is None

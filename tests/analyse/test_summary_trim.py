"""Summary-line trims: a trim is a grammatical sentence stating what its source states.

Every sentence here is fictional; each garbling case is one the trim audit
(``benchmarks/trim_audit.py``) found with the old cut "from ', who' to the next comma".
"""

import pytest

from newsprism.analyse.summary import trim
from newsprism.nlp import parse


@pytest.mark.parametrize("source, shown", [
    # the clause holds a list, an apposition, a number with a comma
    ("The Brenna cooperative, which sells wheat, barley and oats to mills in the north, "
     "will close two depots.", "The Brenna cooperative will close two depots."),
    ("Mayor Ilse Varga, whose deputy, a former teacher, resigned last week, opened the new "
     "harbour bridge.", "Mayor Ilse Varga opened the new harbour bridge."),
    ("The Orlen Valley dam, which holds 1,200 million cubic metres of water, was inspected "
     "by engineers on Monday.", "The Orlen Valley dam was inspected by engineers on Monday."),
    ('Pieter Olsen, 77, who has written, drawn, colored and lettered every "Harbour Lights" '
     "strip for almost 50 years, decided to retire.", "Pieter Olsen, 77, decided to retire."),
    # a relative clause inside another one goes with it
    ("The treaty, which the senate ratified despite objections from two parties, which "
     "wanted a vote, does not name the chemical.", "The treaty does not name the chemical."),
])
def test_a_clause_with_commas_of_its_own_is_cut_whole(source, shown):
    assert trim.cut_relative(source) == shown


@pytest.mark.parametrize("source, shown", [
    # the comma after the clause ends an introductory phrase or an apposition: it stays
    ("By praising Admiral Teodor Brask, who commanded the fleet in the war, the president "
     "angered the opposition.", "By praising Admiral Teodor Brask, the president angered "
                                "the opposition."),
    ("Lena Morrow, the port's director, who took office in May, announced the new ferry "
     "route.", "Lena Morrow, the port's director, announced the new ferry route."),
    ("Senator Ana Ruiz, D-Vestland, who chairs the harbour committee, opposed the sale.",
     "Senator Ana Ruiz, D-Vestland, opposed the sale."),
    ("The board will not decide until the pier is rebuilt in a dry dock, which could take a "
     "year, but engineers still expect the work to finish early.",
     "The board will not decide until the pier is rebuilt in a dry dock, but engineers still "
     "expect the work to finish early."),
    # ... but never between a subject and its verb
    ("The impact of the closure on local fishermen, who already face falling prices, could "
     "be severe.", "The impact of the closure on local fishermen could be severe."),
    ("Most of the growers, many of whom sell to the Brenna cooperative, opposed the new "
     "tariff.", "Most of the growers opposed the new tariff."),
])
def test_the_comma_after_the_clause_stays_only_where_the_sentence_needs_it(source, shown):
    assert trim.cut_relative(source) == shown


@pytest.mark.parametrize("source", [
    # a quotation is shown verbatim
    '"The council, which I chaired for years, made the right call," said Oskar Lind.',
    # a clause that ends the sentence often is the news
    "The strike was called by Ferro Union, which represents 4,000 dock workers.",
    # not a relative clause
    "The council, meeting on Monday, voted to close the bridge.",
])
def test_what_is_not_a_cuttable_clause_is_kept(source):
    assert trim.cut_relative(source) == source


def test_good_cuts_still_happen():
    assert trim.cut_relative("The drug, which was approved in 1998, is used by millions.") \
        == "The drug is used by millions."
    who = "John Smith, who has led the firm since 1990, said he would resign."
    assert trim.cut_relative(who) == "John Smith said he would resign."


def test_only_flagged_sentences_are_parsed(monkeypatch):
    def no_parse(text):
        raise AssertionError(f"parsed {text!r}")

    monkeypatch.setattr(parse, "parse", no_parse)
    plain = "The council, meeting on Monday, voted to close the bridge, the mayor said."
    assert trim.cut_relative(plain) == plain


def test_a_cut_the_parser_reads_differently_is_not_shown(monkeypatch):
    whole = parse.parse("The drug, which was approved in 1998, is used by millions.")
    misread = parse.parse("Drug use is common among millions of people now.")  # another root
    monkeypatch.setattr(parse, "parse", lambda text: whole if "which" in text else misread)
    source = "The drug, which was approved in 1998, is used by millions."
    assert trim.cut_relative(source) == source


def test_wire_headers_are_cut():
    dateline = "WASHINGTON (AP) -- The Senate voted on the budget today."
    assert trim.trim_span(dateline)[0] == 19
    assert trim.trim_span("The Senate voted on the budget today.")[0] == 0
    slugged = "HARBOUR-VOTE _ PORT ELLIN, Vestland _ The harbour board voted to close the pier."
    assert trim.shown(slugged) == "The harbour board voted to close the pier."


def test_an_unnamed_closing_attribution_is_cut_a_quotation_is_not():
    cut = trim.cut_attribution("The storm killed 12 people in the village, officials said.")
    assert cut == "The storm killed 12 people in the village."
    quoted = '"We will rebuild the village," the mayor said.'
    assert trim.cut_attribution(quoted) == quoted

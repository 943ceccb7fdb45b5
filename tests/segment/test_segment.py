"""Sentence splitting with offsets: per paragraph, quotations kept whole."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.segment import split_sentences, split_text

TEXT = (
    "OSTERFELD, May 14 - A commuter train derailed on Tuesday. Seven people were hurt.\n\n"
    '"Our first thought is with the injured. Our second is with the cause," the minister said.\n'
    "Caption line without a stop\n"
    "“It is big. Very big,” he said. “Another.” Fine.\n\n"
    "Türkiye and Erdoğan met in Ankara on Oct. 27."
)


def test_offsets_round_trip_and_paragraphs_are_respected():
    article = Article(id="x", name="x", text=TEXT)
    sents = split_sentences(article)
    for s in sents:
        assert TEXT[s.start : s.end] == s.text and s.text == s.text.strip()
    assert [s.index for s in sents] == list(range(len(sents)))
    assert any(s.text == "Caption line without a stop" for s in sents)
    assert all("\n" not in s.text for s in sents)


def test_a_quotation_split_by_the_splitter_is_rejoined():
    texts = [s.text for s in split_text(TEXT)]
    assert ('"Our first thought is with the injured. Our second is with the cause," '
            "the minister said.") in texts
    assert "“It is big. Very big,” he said." in texts
    assert "Fine." in texts


def test_non_ascii_offsets():
    last = split_text(TEXT)[-1]
    assert last.text == "Türkiye and Erdoğan met in Ankara on Oct. 27."


def test_a_quotation_attributed_up_front_stays_split():
    text = 'He continued, "Moving forward, we must adopt a steady approach. As agreed, I have instructed my staff."'
    assert [s.text for s in split_text(text)] == [
        'He continued, "Moving forward, we must adopt a steady approach.',
        'As agreed, I have instructed my staff."',
    ]


def test_a_title_before_a_name_does_not_end_the_sentence():
    text = ("A military court in Fort Brannock found Army Spc. Dale Orrin guilty of theft on "
            "Friday. Sgt. Maj. Ina Voss testified for the defence. Rep. Colm Tarry and Gov. "
            "Lise Amber asked for calm. The hearing was held on Garrow St. It lasted a day.")
    assert [s.text for s in split_text(text)] == [
        "A military court in Fort Brannock found Army Spc. Dale Orrin guilty of theft on "
        "Friday.",
        "Sgt. Maj. Ina Voss testified for the defence.",
        "Rep. Colm Tarry and Gov. Lise Amber asked for calm.",
        "The hearing was held on Garrow St.",
        "It lasted a day.",
    ]

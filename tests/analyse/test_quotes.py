"""Quotes: marks, speakers (cues, pronouns, roles, colon lead-ins), merging and paraphrases."""

from __future__ import annotations

from newsprism.analyse.quotes.find import find_quotes as raw
from newsprism.analyse.quotes import find_quotes
from newsprism.config import Options
from newsprism.model import Article
from newsprism.pipeline import load_articles
from newsprism.segment import split_sentences
from tests.fixtures.analyse.story import article, story


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start:q.end], q.speaker) for q in raw(text, Options().quote_min_words)]


def test_said_after_and_before_the_quote():
    assert speakers('"We will rebuild the whole harbour," Nadia Ferro said.') == [
        ("We will rebuild the whole harbour", "Nadia Ferro")]
    assert speakers("\u201cWe will rebuild the whole harbour,\u201d said Nadia Ferro.")[0][1] == \
        "Nadia Ferro"
    assert speakers('Nadia Ferro told reporters: "We will rebuild the whole harbour."')[0][1] == \
        "Nadia Ferro"


def test_a_title_before_the_name_does_not_end_the_sentence():
    assert speakers('"The harbour will open in May," Ms. Ferro said. "Not a day later."')[0][1] \
        == "Ms. Ferro"
    assert speakers('"It is finished and done," Sen. J. Alvarez conceded.')[0][1] == \
        "Sen. J. Alvarez"


def test_colon_lead_in_uses_the_subject():
    text = ('He said the talks were hard, but continued: "Today I am glad to say we agree '
            'on everything."')
    assert speakers(text)[0][1] == "He"


def test_interrupted_quote_shares_its_speaker():
    text = ('"The river is rising fast," the fire chief said. "We need every volunteer '
            'we can find tonight."')
    found = speakers(text)
    assert [s for _, s in found] == ["the fire chief", "the fire chief"]


def test_open_quote_runs_into_next_paragraph():
    text = ('"The first paragraph of a long statement goes on here.\n'
            '"And the second one ends it now," Ferro said.')
    assert [s for _, s in speakers(text)] == ["Ferro", "Ferro"]


def test_scare_quotes_are_not_quotes():
    assert speakers('It was a "productive meeting" for all.') == []


def test_cited_as_saying():
    text = 'Staff were told "to begin the procedures for the move," AP cited Mayor Dan Ota as saying.'
    assert speakers(text)[0][1] == "Mayor Dan Ota"


def test_quotes_merge_across_outlets_with_variants_and_paraphrase():
    articles, sentences = story()
    quotes = find_quotes(articles, sentences, (), Options())
    bridge = quotes[0]
    assert bridge.speaker == "Alexandra Kovač"  # "she" in one outlet resolves to the mayor
    assert {c.source for c in bridge.citations} == {"gazette", "post", "wire"}
    assert bridge.text.startswith("This bridge will carry our city")  # first outlet's words
    # each wording names the outlets that printed it; the first is the quote's text
    assert [{c.source for c in v.citations} for v in bridge.variants] == [
        {"gazette"}, {"post"}, {"wire"}]
    assert bridge.variants[0].text == bridge.text
    # wire rewords the quote too, but it prints the quote: not listed as paraphrasing it
    assert bridge.paraphrases == ()
    for c in bridge.citations:
        text = next(a.text for a in articles if a.id == c.source)
        assert any((s.start, s.end) == (c.start, c.end) for s in sentences[c.source])
        assert text[c.start:c.end]


def test_an_outlet_that_only_rewords_a_quote_is_listed_as_paraphrasing_it():
    articles, _ = story()
    radio = article("Mayor Alexandra Kovač said the bridge would carry the city into the next "
                    "century and had been built together.", "radio")
    articles = (*articles, radio)
    sentences = {a.id: split_sentences(a) for a in articles}
    bridge = find_quotes(articles, sentences, (), Options())[0]
    assert [c.source for c in bridge.paraphrases] == ["radio"]
    assert "radio" not in {c.source for c in bridge.citations}


def test_two_statements_sharing_words_are_two_quotes():
    """A speaker's thanks in one outlet and another thanks in a second outlet share
    "life-saving security cooperation" but are different statements: neither outlet is
    cited for the other's words. The same statement reworded stays one quote."""
    one = article('"I thank Nordmark for its life-saving security cooperation," Minister Ines '
                  'Valla said on Monday.', "one")
    two = article('"We are grateful to President Oduya, the navy and the security agencies for '
                  'this crucial, life-saving cooperation," Minister Ines Valla said.', "two")
    three = article('"I thank Nordmark for its security cooperation, which saved lives," '
                    'Minister Ines Valla said.', "three")
    articles = (one, two, three)
    sentences = {a.id: split_sentences(a) for a in articles}
    quotes = find_quotes(articles, sentences, (), Options())
    outlets = sorted(sorted(c.source for c in q.citations) for q in quotes)
    assert outlets == [["one", "three"], ["two"]]


# A fictional story of the same shape as the seeds' Gantz/Akar paragraphs: the person
# named last before "He" is the object of the sentence, not its subject.
HARBOUR_TALKS = (
    "Port Minister Nadia Ferro met her Veldish counterpart Oskar Lund in Marrow on Monday.\n"
    "\u201cWe agreed to reopen the ferry line before the summer season,\u201d Ferro told the "
    "joint news conference with Lund.\n"
    "He said the talks had not been easy, but continued: \u201cYet today the two harbours "
    "trade more than ever before.\u201d\n"
    "One source said \u201cthe deal was drafted by the harbour masters weeks ago.\u201d\n"
    "\u201cNothing has been signed about the fishing quotas yet,\u201d In the evening said.\n"
    "\u201cOur boats will be ready for the new route by June,\u201d said Lund."
)


def test_he_after_a_sentence_naming_a_speaker_is_that_speaker():
    articles = (Article(id="tide", name="Tide Herald", text=HARBOUR_TALKS,
                        published="2024-05-14"),)
    quotes = find_quotes(articles, {a.id: split_sentences(a) for a in articles}, (), Options())
    said = {q.text.split()[0]: q.speaker for q in quotes}
    assert said["We"] == "Nadia Ferro"
    assert said["Yet"] == "Nadia Ferro"  # not Lund, named last in the sentence before
    assert said["Our"] == "Oskar Lund"


def test_speakers_are_names_of_the_story_or_honestly_unnamed():
    articles = (Article(id="tide", name="Tide Herald", text=HARBOUR_TALKS,
                        published="2024-05-14"),)
    quotes = find_quotes(articles, {a.id: split_sentences(a) for a in articles}, (), Options())
    said = {q.text.split()[0]: q.speaker for q in quotes}
    assert said["the"] == "unnamed source"  # "One source"
    assert "Nothing" not in said  # "In the evening" names nobody: the quote is left out
    assert all(q.speaker for q in quotes)


def test_three_gantz_quotes_of_the_seeds_go_to_gantz(seeds):
    articles, errors = load_articles([str(seeds)], Options())
    quotes = find_quotes(articles, {a.id: split_sentences(a) for a in articles}, (),
                         Options())
    for words in ("one of our top five trading partners", "just as Israel has achieved",
                  "The maritime border agreement reflects"):
        quote = next(q for q in quotes if words in q.text)
        assert quote.speaker == "Benny Gantz", (words, quote.speaker)
    shown = {q.speaker for q in quotes}
    assert not shown & {None, "One source", "The source", "unattributed"}, shown
    assert "unnamed source" in shown


def test_a_place_or_school_after_of_is_not_the_speaker():
    text = ("Professor Lena Vossberg of Marrow University studies harbours.\n"
            "Professor Lena Vossberg of Marrow University said: \u201cThe old quay will not "
            "survive another winter storm.\u201d")
    articles = (Article(id="tide", name="Tide Herald", text=text, published="2024-05-14"),)
    quotes = find_quotes(articles, {a.id: split_sentences(a) for a in articles}, (), Options())
    assert [q.speaker for q in quotes] == ["Lena Vossberg"]


def _speakers_of(*texts: str) -> list[tuple[str | None, str]]:
    articles = tuple(article(t, f"outlet{i}") for i, t in enumerate(texts))
    sentences = {a.id: split_sentences(a) for a in articles}
    return [(q.speaker, q.text) for q in find_quotes(articles, sentences, (), Options())]


def test_a_definite_description_names_the_one_it_refers_back_to():
    found = _speakers_of(
        "President Ana Lorca welcomed former President Tomas Varga to the water summit in "
        "Keldar on Monday. Delegates from nine countries attended. "
        '"No country can manage a river alone," the former president said.\n'
        "The Arvell Prize Committee announced its award in Oslo on Friday. "
        '"Their work saved thousands of lives in the flood," the committee said.')
    assert ("Tomas Varga", "No country can manage a river alone") in found
    assert ("Arvell Prize Committee", "Their work saved thousands of lives in the flood") in found


def test_an_indefinite_description_stays_an_unnamed_source():
    found = _speakers_of(
        "Former President Tomas Varga opened the water summit in Keldar on Monday. "
        '"The talks will run late into the night," a senior official said.')
    assert found == [("unnamed senior official", "The talks will run late into the night")]


def test_quoted_as_saying_with_an_apposition_names_the_one_quoted():
    found = _speakers_of(
        "The Keldar Courier reported on the swimming team on Tuesday. "
        '"We are strong in relay events but weaker in butterfly," the newspaper quoted '
        "Lian Moravec, the national team's head coach, as saying.")
    assert found == [("Lian Moravec", "We are strong in relay events but weaker in butterfly")]


def test_he_is_the_subject_of_the_sentence_before_not_its_first_name():
    found = _speakers_of(
        "Finance Minister Petra Olund met bankers in Keldar on Monday. "
        "Noting that he had spoken with Finance Minister Petra Olund that morning, Governor "
        "Marco Lisle told students that the markets would calm down. "
        '"Our banks are sound and our policy is sound," he said.')
    assert ("Marco Lisle", "Our banks are sound and our policy is sound") in found


def test_she_after_a_sentence_that_names_who_says_it_is_that_speaker():
    found = _speakers_of(
        "The painter Arvo Lindqvist opened his first show in Keldar on Monday. "
        "Arvo Lindqvist, who rarely leaves his studio in the hills, never expected the crowds "
        "that came, his agent, Maren Solberg, said Tuesday. "
        '"He just paints. All of this is new to him," she said.')
    assert ("Maren Solberg", "He just paints. All of this is new to him") in found


def test_he_after_a_described_subject_is_the_person_described():
    found = _speakers_of(
        "Judge Anna Fersen heard the case in Keldar. Prosecutor Tom Reyes asked for a delay. "
        "The judge said on Tuesday that she saw no reason to wait. "
        '"The evidence would only confuse the jury," she wrote in her order.')
    assert ("Anna Fersen", "The evidence would only confuse the jury") in found


def test_an_unnamed_source_label_ends_at_its_head_noun():
    found = _speakers_of(
        'The border will stay closed for a week, Keldar officials previously said. "We will '
        'review the closure every day," Keldar officials previously told reporters.')
    assert found == [("Keldar officials", "We will review the closure every day")]
    found = _speakers_of('"We will review the closure every day," two senior officials previously '
                         "told reporters on Monday.")
    assert found == [("unnamed senior officials", "We will review the closure every day")]

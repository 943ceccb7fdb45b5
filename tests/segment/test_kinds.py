"""Headings and list items of a body stay in the text, marked, and not summary candidates."""

from __future__ import annotations

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.model import RawDocument
from newsprism.segment import split_sentences

PAGE = """<html><head><title>Storm closes Velmora ferry</title></head><body><article>
<h1>Storm closes Velmora ferry</h1>
<p>The Velmora ferry stopped running on Monday as a storm brought waves of six metres to the
strait, the operator said in a statement to passengers and crews.</p>
<h2>What travellers should do</h2>
<p>Passengers holding tickets for this week can travel on any later crossing without charge,
the operator said, and refunds are available at every harbour office.</p>
<ul><li>Check the timetable before leaving home</li><li>Keep the ticket for a refund</li></ul>
<p>Forecasters expect the wind to ease by Thursday, when the first crossings could resume
if the harbour master approves, according to the national weather office.</p>
</article></body></html>"""


def test_html_headings_and_items_are_kept_and_marked():
    article = clean_document(RawDocument(origin="p.html", body=PAGE, format="html"), Options())
    assert "What travellers should do" in article.text
    assert "Check the timetable before leaving home" in article.text
    kinds = {s.text: s.kind for s in split_sentences(article)}
    assert kinds["What travellers should do"] == "heading"
    assert kinds["- Check the timetable before leaving home"] == "item"
    assert sum(k == "text" for k in kinds.values()) == 3


def test_plain_text_heading_is_kept_as_heading():
    text = ("Storm closes ferry\n\nThe Velmora ferry stopped running on Monday, the operator "
            "said.\n\nWhat Travellers Should Do Next\n\nPassengers can take any later "
            "crossing, the operator said.\n")
    article = clean_document(RawDocument(origin="t.txt", body=text, format="text"), Options())
    kinds = {s.text: s.kind for s in split_sentences(article)}
    assert kinds["What Travellers Should Do Next"] == "heading"
    assert not any(r.kind == "heading" for r in article.removed)

"""The standfirst printed between a page's headline and its body opens the article text."""

from __future__ import annotations

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.model import RawDocument

LEAD = ("Waves of six metres stopped every crossing of the Velmora strait on Monday, and the "
        "operator expects no service before Thursday.")
BODY = ("<div class='body'><p>The Velmora ferry stopped running on Monday as a storm brought "
        "waves of six metres to the strait, the operator said in a statement.</p>"
        "<p>Evening crossings had already been cut last week after a mooring line snapped in "
        "the harbour at Tarvosa, the port authority said.</p>"
        "<p>Forecasters expect the wind to ease by Thursday, when the first crossings could "
        "resume if the harbour master approves them.</p></div>")


def clean(top: str):
    html = (f"<html><head><title>Storm closes Velmora ferry</title></head><body>"
            f"<div class='top'>{top}</div>{BODY}</body></html>")
    return clean_document(RawDocument(origin="p.html", body=html, format="html"), Options())


def test_the_standfirst_under_the_headline_is_the_first_paragraph():
    article = clean(f"<h1>Storm closes Velmora ferry</h1><div class='intro'>{LEAD}</div>"
                    "<div class='meta'>By Ana Ferrol, 3 March</div>")
    assert article.text.startswith(LEAD + "\n\nThe Velmora ferry stopped running")
    assert "Ana Ferrol" not in article.text  # a byline is not prose


def test_without_a_headline_above_the_body_nothing_is_added():
    article = clean(f"<div class='intro'>{LEAD}</div>")
    assert LEAD not in article.text
    assert article.text.startswith("The Velmora ferry stopped running")

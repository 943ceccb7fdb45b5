"""Headings, list items and tables of a body are content; headings of the page's own lists are not."""

from __future__ import annotations

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.model import RawDocument

PROSE = ("<p>The Velmora ferry stopped running on Monday as a storm brought waves of six "
         "metres to the strait, the operator said in a statement.</p>")


CLOSING = ("<p>Forecasters expect the wind to ease by Thursday, when the first crossings could "
           "resume if the harbour master approves them.</p>")


def page(body: str) -> str:
    return (f"<html><head><title>Storm closes Velmora ferry</title></head><body><article>"
            f"<h1>Storm closes Velmora ferry</h1>{PROSE}{body}{CLOSING}</article></body></html>")


def clean(html: str):
    return clean_document(RawDocument(origin="p.html", body=html, format="html"), Options())


def test_a_table_is_kept_row_by_row_without_its_rule_line():
    article = clean(page("<table><tr><th>Crossing</th><th>Fare</th></tr>"
                         "<tr><td>Tarvosa to Lenk</td><td>12 crowns</td></tr></table>"))
    assert "| Crossing | Fare |" in article.text and "| Tarvosa to Lenk | 12 crowns |" in article.text
    assert "---" not in article.text
    assert [kind for _, _, kind in article.marks] == ["row", "row"]


def test_a_heading_after_the_last_prose_is_removed_as_furniture():
    text = ("Storm closes Velmora ferry\n\nThe Velmora ferry stopped running on Monday, the "
            "operator said.\n\nTimetable Changes\n\nEvening crossings are cancelled until "
            "Friday, the operator said.\n\nStorm Season Stories\n")
    article = clean_document(RawDocument(origin="t.txt", body=text, format="text"), Options())
    assert "Timetable Changes" in article.text
    assert "Storm Season Stories" not in article.text
    assert any(r.kind == "heading" and r.text == "Storm Season Stories" for r in article.removed)


def test_a_paragraph_made_of_a_link_is_removed_as_a_link_and_prose_with_a_link_stays():
    teaser = "Harbour fees at Tarvosa rise for the third year running"
    article = clean(page(
        f'<p><a href="/tarvosa-fees">{teaser}</a></p>'
        '<p>The operator said on <a href="/notices">its notice board</a> that refunds will '
        "be paid within a week to everyone holding a ticket for the cancelled days.</p>"))
    assert teaser not in article.text
    assert any(r.kind == "link" and r.text == teaser for r in article.removed)
    assert "refunds will be paid within a week" in article.text

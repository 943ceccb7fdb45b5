"""Wire-service furniture is removed and listed: SGML codes, eds notes, slugs, pick-up marks."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.model import RawDocument

LEAD = ("TARVOSA, Velmora (AP) _ Floods cut the coastal railway between Tarvosa and Lenk on "
        "Tuesday, stranding 300 passengers overnight.")
REST = "Rail officials said repairs would take at least a week."


def clean(text: str):
    return clean_document(RawDocument(origin="wire.txt", body=text, format="text"), Options())


@pytest.mark.parametrize("furniture", [
    "&UR; Eds: UPDATES with passengers freed &UR; AP Photo &QC;",
    "(sf-cph)",
    "str-mae-vj",
    "(vi/gm)",
    "(pvs/ih/kk/ )",
    "Floods cut, 5th graf pvs",
    "Rail officials, pick up 3rd graf pvs",
    "The line, graf 4 pvs.",
    "&QL;",
    "&UR; MORE",
    "VEL-03-14-25 1735EDT",
    "nn",
])
def test_each_kind_of_wire_code_is_removed_and_listed(furniture):
    article = clean(f"{LEAD}\n{furniture}\n{REST}")
    assert article.text == f"{LEAD}\n\n{REST}"
    listed = " ".join(r.text for r in article.removed if r.kind == "wire code")
    assert listed and all(part in listed for part in furniture.split() if part != "&UR;")


@pytest.mark.parametrize(("tail", "code"), [
    ("&UR; str-mae-vj", "str-mae-vj"), ("&UR; (gm)", "(gm)"), ("&UR; kl", "kl"),
    ("&QL;", "&QL;"),
])
def test_a_code_after_a_sentence_leaves_the_sentence(tail, code):
    article = clean(f"{LEAD} {tail}\n{REST}")
    assert article.text == f"{LEAD}\n\n{REST}"
    assert any(code in r.text for r in article.removed if r.kind == "wire code")


def test_codes_never_become_the_title():
    article = clean(f"&QL;\nRAIL LINE CUT &QL;\n{LEAD}\n{REST}")
    assert article.title == "RAIL LINE CUT"
    assert "&" not in article.text


def test_prose_with_hyphens_and_parentheses_is_kept():
    prose = ("The two-year-old line (a joint state-private venture) carries 9,000 people a "
             "day, officials said.")
    article = clean(f"{LEAD}\n{prose}\n{REST}")
    assert prose in article.text and not any(r.kind == "wire code" for r in article.removed)

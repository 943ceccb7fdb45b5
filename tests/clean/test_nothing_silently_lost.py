"""Property: cleaning never loses a line silently; each one is kept, the title, or recorded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_document
from newsprism.config import Options
from newsprism.errors import ExtractionError
from newsprism.model import RawDocument

LINES = [
    "Harbour workers end strike after pay deal",
    "The Harbour Council approved the ferry contract on Tuesday.",
    "The contract is worth 42 million crowns over ten years, officials said.",
    "\"We will keep the boats running,\" the operator's chief executive said.",
    "ALSO READ: Port of Velmora posts record year",
    "Related",
    "Ferry fares to rise in spring",
    "A+ A-",
    "Share this article",
    "Advertisement",
    "Open gallery view Ferries at the quay on Monday. Credit: Ana Lopes",
    "This handout photo released by the port shows the new ferry (left) at sea. (PORT / AFP)",
    "Tom Reed contributed to this report.",
    "This block is broken or missing. You may be missing content.",
    " date 2024-03-05 The council met at noon to vote on the deal.",
    "BACKGROUND",
    "Opposition members said the tender had been rushed through in March.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12))
def test_every_line_is_kept_titled_or_recorded(lines):
    doc = RawDocument(origin="story.txt", body="\n".join(lines), format="text")
    try:
        article = clean_document(doc, Options())
    except ExtractionError:
        return  # nothing left: reported as an error, which is not silent either
    kept = article.text.split("\n\n")
    for line in (" ".join(x.split()) for x in lines):
        accounted = (
            line in kept
            or line == article.title
            or any(r.text and r.text in line for r in article.removed)
            or any(k and k in line for k in kept)  # a dateline taken off the front
        )
        assert accounted, line
    for paragraph in kept:
        assert any(paragraph in " ".join(x.split()) for x in lines), paragraph

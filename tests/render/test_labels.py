"""Several articles from one outlet are told apart wherever a person reads the briefing."""

from __future__ import annotations

import re

from newsprism.model import Article, Briefing, Citation, Fact, Sentence, SummaryItem, source_labels
from newsprism.render import render
from newsprism.render.index import render_index

LEAD = "The Tarvosa bridge reopened on Monday after repairs, the city said."


def wire(i: int, time: str | None, title: str, day: str = "2025-04-07") -> Article:
    text = f"{LEAD} Update {i}: traffic is flowing again."
    return Article(id=f"w{i}", name="Velmora Wire", text=text, title=title, published=day,
                   published_time=time)


ARTICLES = (
    wire(1, "09:10", "Bridge reopens"),
    wire(2, "14:05", "Bridge traffic flows"),
    wire(3, "14:05", "Bridge toll is waived"),
    Article(id="g1", name="Harbour Gazette", text=LEAD, title="Bridge back", published="2025-04-07"),
)


def sentence(a: Article) -> Sentence:
    return Sentence(a.id, 0, len(LEAD), LEAD, 0, 0)


BRIEFING = Briefing(
    title="Tarvosa bridge reopens", date="2025-04-07", sources=ARTICLES,
    summary=(SummaryItem(LEAD, tuple(Citation.of(sentence(a)) for a in ARTICLES)),),
    facts=(Fact("f1", tuple(sentence(a) for a in ARTICLES)),),
)


def test_labels_use_time_then_headline_where_times_tie():
    labels = source_labels(ARTICLES)
    assert labels["w1"] == "Velmora Wire, 09:10"
    assert labels["w2"] == "Velmora Wire, 14:05 “Bridge traffic flows”"
    assert labels["w3"] == "Velmora Wire, 14:05 “Bridge toll is waived”"
    assert labels["g1"] == "Harbour Gazette"
    assert len(set(labels.values())) == 4


def test_labels_add_the_date_when_an_outlet_spans_days():
    two_days = (wire(1, "09:10", "A"), wire(2, "09:10", "B", day="2025-04-08"))
    assert set(source_labels(two_days).values()) == {
        "Velmora Wire, 2025-04-07 09:10", "Velmora Wire, 2025-04-08 09:10"}


def test_markdown_counts_outlets_and_has_one_coverage_column_per_outlet():
    md = render(BRIEFING, "md")
    assert "4 articles from 2 outlets: Velmora Wire (3), Harbour Gazette (1)" in md
    assert "Velmora Wire, 09:10, Velmora Wire, 14:05 “Bridge traffic flows”" in md
    header = next(line for line in md.splitlines() if line.startswith("| fact |"))
    assert header == "| fact | Velmora Wire | Harbour Gazette |"


def test_html_and_index_use_the_labels_and_outlet_counts():
    html = render(BRIEFING, "html")
    assert "4 articles from 2 outlets" in html
    assert "Velmora Wire, 14:05 “Bridge toll is waived”" in html
    assert html.count("<th>Velmora Wire</th>") == 1
    index = render_index([BRIEFING], "md", files=["b-1.md"])
    assert "4 articles from 2 outlets" in index


def test_html_gives_an_outlet_one_badge_per_line_and_counts_its_articles():
    html = render(BRIEFING, "html")
    line = html.split('id="l-summary-1"', 1)[1].split("</li>", 1)[0]
    assert ">Velmora Wire (3)</button>" in line and ">Harbour Gazette</button>" in line
    targets = re.search(r'data-targets="([^"]+)"', line).group(1).split()
    assert len(targets) == 3 and all(t.startswith("s-w") for t in targets)
    row = html.split('id="l-coverage-1"', 1)[1].split("</tr>", 1)[0]
    assert 'aria-label="Velmora Wire: 3 articles"' in row and ">3</button>" in row

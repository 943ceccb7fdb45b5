"""A publication date guessed from an article's body is not used when far from the story's."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.nlp.text import lead_title
from newsprism.pipeline.digest import drop_far_guesses


def article(i: int, published: str | None, guessed: bool = False) -> Article:
    return Article(id=f"a{i}", name=f"Outlet {i}", text="The Tarvosa bridge reopened.",
                   published=published, published_time="09:00" if published else None,
                   date_guessed=guessed)


def test_a_guess_far_from_the_stated_dates_is_dropped_and_a_near_one_kept():
    story = (article(1, "2025-04-07"), article(2, "2025-04-08"),
             article(3, "1998-11-03", guessed=True), article(4, "2025-04-09", guessed=True))
    out = drop_far_guesses(story, max_days=7)
    assert [a.published for a in out] == ["2025-04-07", "2025-04-08", None, "2025-04-09"]
    assert not out[2].date_guessed and out[2].published_time is None
    assert out[3].date_guessed


def test_a_guess_is_kept_when_no_article_states_a_date():
    story = (article(1, None), article(2, "1998-11-03", guessed=True))
    assert drop_far_guesses(story, max_days=7) == story


def test_a_title_made_from_the_lead_drops_the_wire_dateline():
    assert lead_title("UNITED NATIONS (AP) _ The Security Council voted on Friday to extend "
                      "the mission by six months.", 6) == "The Security Council voted on Friday…"
    assert lead_title("RIO DE JANEIRO, Brazil _ When Josue da Silva stepped up") == \
        "When Josue da Silva stepped up"
    assert lead_title("The U.N. said _ something else") == "The U.N. said _ something else"

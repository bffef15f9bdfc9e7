"""Tests for comparer.core.furniture: a web page's menus set apart where a print shows them."""

from __future__ import annotations

from dataclasses import replace

from comparer.core.compare import compare
from comparer.core.furniture import set_apart_furniture
from comparer.core.model import Role
from comparer.core.story import Story
from tests.core.factories import body

MENU = ("Home | News | Sport", "Most read", "Council approves harbour wall repairs")
TOLL = "At least 7 people were killed when the ferry caught fire, the coastguard said."


def _saved_page(toll: str = TOLL):
    return replace(body([toll], "page.html"), source_format="html", furniture=MENU)


def _printed(*paragraphs: str):
    return replace(body(list(paragraphs), "page.pdf"), source_format="pdf")


def _roles(version) -> list[Role]:
    return [p.role for p in version.paragraphs]


def test_lines_of_a_pages_furniture_are_set_apart_in_a_print_of_it() -> None:
    printed = _printed(
        "Home | News | Sport",
        TOLL,
        "Most read Council approves harbour wall repairs",  # two lines run together
    )
    page, out = set_apart_furniture([_saved_page(), printed])
    assert _roles(out) == [Role.MARKUP, Role.BODY, Role.MARKUP]
    assert out.text == printed.text
    assert page is not None and _roles(page) == [Role.BODY]


def test_a_paragraph_with_words_of_its_own_stays_article_text() -> None:
    said = "Most read of all was the council's notice: the harbour wall repairs are approved."
    printed = _printed("Home", "Sport", said, "Council approves harbour wall repairs today")
    _, out = set_apart_furniture([_saved_page(), printed])
    # "Home" and "Sport" are words of the menu, but the menu's line is "Home | News | Sport"
    assert _roles(out) == [Role.BODY, Role.BODY, Role.BODY, Role.BODY]


def test_without_a_web_page_nothing_changes_and_web_pages_are_left_as_read() -> None:
    printed = _printed("Home | News | Sport", TOLL)
    alone = set_apart_furniture([printed, printed])
    assert alone[0] is printed and alone[1] is printed
    whole = replace(body(["Home | News | Sport", TOLL], "whole.html"), source_format="html")
    assert set_apart_furniture([_saved_page(), whole])[1] is whole


def test_the_comparison_and_the_story_read_the_print_without_its_menu() -> None:
    printed = _printed("Home | News | Sport", TOLL.replace("7", "8"), "Most read")
    pair = compare([_saved_page(), printed]).pairs[0]
    assert [(n.from_text, n.to_text) for n in pair.numbers] == [("7", "8")]
    assert pair.summary.paragraphs_added == 0 and pair.summary.paragraphs_deleted == 0
    story = Story([_saved_page(), printed])
    assert _roles(story.versions[1]) == [Role.MARKUP, Role.BODY, Role.MARKUP]
    assert story.comparison((0, 1)).pairs[0].summary.paragraphs_added == 0

"""An archive's stored text, plain or in HTML paragraphs, read as a version."""

from __future__ import annotations

import pytest

from comparer.batch.text_version import html_paragraphs, looks_like_html, text_version
from comparer.formats.errors import LoadError


def _paragraphs(text: str, label: str = "story 7, version 2") -> list[str]:
    version = text_version(text, label)
    return [version.paragraph_text(k) for k in range(len(version.paragraphs))]


def test_html_paragraphs_lose_their_tags_and_keep_their_entities_decoded() -> None:
    stored = (
        "<p>The river rose <b>2&nbsp;metres</b> overnight.</p>"
        "<p>&ldquo;We are ready,&rdquo; said Ana Ruiz.<br>Schools are shut.</p>"
        "<div>  </div><p></p>"
    )
    assert _paragraphs(stored) == [
        "The river rose 2 metres overnight.",
        "\u201cWe are ready,\u201d said Ana Ruiz.",
        "Schools are shut.",
    ]


def test_plain_text_is_read_paragraph_by_paragraph() -> None:
    stored = "The river rose 2 metres overnight.\n\nSchools are shut. Use <b> for bold? No."
    assert _paragraphs(stored) == [
        "The river rose 2 metres overnight.",
        "Schools are shut. Use <b> for bold? No.",
    ]
    assert not looks_like_html(stored)


@pytest.mark.parametrize(
    "stored",
    [
        "Turnout was 40% (p < 0.05 for the < p value).\n\nSecond paragraph here.",
        "Turnout fell: 40 < P 50.\n\nSecond paragraph here.",
        "Use <pre> or <brace> in code.\n\nSecond paragraph here.",
    ],
)
def test_a_less_than_sign_in_plain_text_keeps_its_paragraphs(stored: str) -> None:
    assert _paragraphs(stored) == stored.split("\n\n")


@pytest.mark.parametrize(
    "stored", ["<P CLASS='x'>One.</P><p>Two.</p>", "One.<BR/>Two.", "One.<br >Two."]
)
def test_paragraph_tags_in_any_case_are_html(stored: str) -> None:
    assert _paragraphs(stored) == ["One.", "Two."]


def test_a_broken_fragment_still_gives_its_words() -> None:
    assert html_paragraphs("<p>Toll rises to <a href='x'>48</p><p><<>>after</p>") == [
        "Toll rises to 48",
        "<<>>after",
    ]


def test_the_archives_title_and_date_win_over_the_texts_own() -> None:
    version = text_version(
        "<h1>Quake kills 40</h1><p>An earthquake killed 40 people.</p>",
        "story 7, version 1",
        title="  Earthquake kills 40 in coastal town ",
        date="2021-03-01T06:00:00+00:00",
    )
    assert version.title == "Earthquake kills 40 in coastal town"
    assert version.date == "2021-03-01T06:00:00+00:00"
    assert version.path == "story 7, version 1"


def test_a_blank_title_leaves_the_texts_own() -> None:
    version = text_version(
        "<h1>Quake kills 40</h1><p>An earthquake killed 40 people.</p>", "v1", "  "
    )
    assert version.title == "Quake kills 40"


@pytest.mark.parametrize("stored", ["", "   \n\n ", "<p> </p><p></p>"])
def test_a_version_without_text_is_a_load_error_naming_it(stored: str) -> None:
    with pytest.raises(LoadError, match=r"^story 7, version 2: "):
        text_version(stored, "story 7, version 2")

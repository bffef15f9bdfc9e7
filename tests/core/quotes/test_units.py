"""Quote units: pieces joined across paragraphs and "he said"; scare quotes left out."""

from __future__ import annotations

import pytest

from comparer.core.quotes import extract_quotes
from tests.core.quotes.texts import direct, make


def test_interrupted_quote_is_one_quote() -> None:
    quotes = direct(
        ['"The first wall held," engineer Maria Lopez said, "but the second one did not."']
    )
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]
    assert [q.continues for q in quotes] == [False, True]


def test_multi_paragraph_quote_continues() -> None:
    quotes = direct(
        [
            '"We lost the whole harvest," farmer Paul Green said. "It will take years.',
            '"Nobody here expected the water to come so fast."',
        ]
    )
    assert [q.speaker for q in quotes] == ["Paul Green", "Paul Green", "Paul Green"]
    assert [q.continues for q in quotes] == [False, False, True]


def test_unattributed_quote_paragraph_continues_previous_speaker() -> None:
    quotes = direct(
        [
            '"The school is dry," Lena Ortiz said.',
            '"We will keep it open for as long as families need it."',
        ]
    )
    assert [(q.speaker, q.continues) for q in quotes] == [
        ("Lena Ortiz", False),
        ("Lena Ortiz", False),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        'The so-called "safe zone" was flooded by noon.',
        'She wrote the book "Rivers of Home" two years ago.',
        "The town hall hosted a \u201clistening session\u201d on Friday.",
    ],
    ids=["scare-quotes", "title", "curly-scare-quotes"],
)
def test_scare_quotes_and_titles_are_not_quotes(paragraph: str) -> None:
    assert direct([paragraph]) == []


def test_quote_marks_around_no_words_quote_nobody() -> None:
    text, paras = make(['He typed "" and "?" and "$", then "Yes," she said.', '"' * 2000])
    assert [q.text for q in extract_quotes(text, paras)] == ['"Yes,"']

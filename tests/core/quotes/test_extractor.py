"""The quote extractor as a whole: which paragraphs it reads, and the empty case."""

from __future__ import annotations

from comparer.core.model import Role
from comparer.core.quotes import extract_quotes
from tests.core.quotes.texts import make


def test_markup_and_metadata_paragraphs_are_not_read() -> None:
    text, paras = make(
        [
            '<embed flashvars="a" name="player">',
            'Source: "River News"',
            '"Water is rising," said Tomas Berg.',
        ],
        [Role.MARKUP, Role.METADATA, Role.BODY],
    )
    quotes = extract_quotes(text, paras)
    assert [q.speaker for q in quotes] == ["Tomas Berg"]


def test_no_paragraphs_no_quotes() -> None:
    assert extract_quotes("", []) == ()

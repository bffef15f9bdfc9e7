"""Tests for the quote extractor: spans, attribution patterns and speaker resolution."""

from __future__ import annotations

import time

import pytest

from comparer.core.quotes import Quote, QuoteKind, extract_quotes
from comparer.core.version import Paragraph, Role


def make(paragraphs: list[str], roles: list[Role] | None = None) -> tuple[str, list[Paragraph]]:
    """A text of blank-line separated paragraphs, with their spans."""
    roles = roles or [Role.BODY] * len(paragraphs)
    spans: list[Paragraph] = []
    pos = 0
    for para, role in zip(paragraphs, roles, strict=True):
        spans.append(Paragraph(pos, pos + len(para), role))
        pos += len(para) + 2
    return "\n\n".join(paragraphs), spans


def direct(paragraphs: list[str]) -> list[Quote]:
    text, paras = make(paragraphs)
    return [q for q in extract_quotes(text, paras) if q.kind is QuoteKind.DIRECT]


def said(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """(first words of each direct quote, its speaker)."""
    return [(q.text.strip('"\u201c\u201d')[:20], q.speaker) for q in direct(paragraphs)]


ATTRIBUTIONS = [
    pytest.param(
        ['"We will rebuild the bridge," Mayor Lena Ortiz said.'],
        "Lena Ortiz",
        id="quote-comma-name-said",
    ),
    pytest.param(['"The water is still rising," said Tomas Berg.'], "Tomas Berg", id="said-name"),
    pytest.param(
        ["Lena Ortiz said: \u201cThe road to the valley is closed.\u201d"],
        "Lena Ortiz",
        id="name-said-colon-curly",
    ),
    pytest.param(
        ["Lena Ortiz arrived at noon.", 'Ortiz told reporters: "We need more pumps tonight."'],
        "Lena Ortiz",
        id="surname-told-colon",
    ),
    pytest.param(
        ['Tomas Berg, a hydrologist at the Northfield Institute, said: "The levee held."'],
        "Tomas Berg",
        id="name-appositive-said",
    ),
    pytest.param(
        ['"The levee held," Tomas Berg, a hydrologist at the Northfield Institute, said.'],
        "Tomas Berg",
        id="quote-name-appositive-said",
    ),
    pytest.param(
        ['"The dam is safe for now," the Daily Courier quoted Anna Pike as saying.'],
        "Anna Pike",
        id="outlet-quoted-as-saying",
    ),
    pytest.param(
        ['River News\'s Mara Quint, reporting from Eastbridge, said: "Boats are out."'],
        "Mara Quint",
        id="outlet-possessive-reporting-from",
    ),
    pytest.param(
        [
            "The Valley Flood Relief Network, a coalition of volunteers, sent boats to the town.",
            '"We have rescued thirty families since dawn," the group said.',
        ],
        "Valley Flood Relief Network",
        id="the-group",
    ),
    pytest.param(
        [
            "The Ministry of Water issued a warning on Monday.",
            '"Stay away from the river banks until Friday," the ministry said.',
        ],
        "Ministry of Water",
        id="the-ministry",
    ),
    pytest.param(
        [
            "President Omar Haddad visited the broken dam on Tuesday.",
            'Later the president said: "We will pay for every repair."',
        ],
        "Omar Haddad",
        id="the-president",
    ),
    pytest.param(
        ["Economist Ruth Adler warned of losses.", '"Prices will rise this winter," Adler said.'],
        "Ruth Adler",
        id="surname-to-full-name",
    ),
    pytest.param(
        ["\"He told me 'run', so I ran as fast as I could,\" said Ana Ruiz."],
        "Ana Ruiz",
        id="nested-single-quotes",
    ),
]


@pytest.mark.parametrize(("paragraphs", "speaker"), ATTRIBUTIONS)
def test_attribution_patterns(paragraphs: list[str], speaker: str) -> None:
    quotes = direct(paragraphs)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker


def test_quote_span_includes_marks_and_mention_span_points_at_name() -> None:
    text, paras = make(['"We will rebuild the bridge," Mayor Lena Ortiz said.'])
    (quote,) = extract_quotes(text, paras)
    assert quote.text == '"We will rebuild the bridge,"'
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Lena Ortiz"


def test_pronoun_resolves_to_speaker_not_to_latest_name() -> None:
    paragraphs = [
        "Paul Green, a farmer, said the river took his barn.",
        "Green stood near the ruins with his neighbour, Carla Mendes, and a council engineer.",
        '"It will take years to rebuild," he said.',
    ]
    assert said(paragraphs) == [("It will take years t", "Paul Green")]


def test_pronoun_skips_incompatible_speaker() -> None:
    paragraphs = [
        "Mayor Sara Lind spoke first, and her voice was calm.",
        "Peter Holm, the fire chief, said his crews were tired.",
        '"We will open the school as a shelter," she said.',
    ]
    assert said(paragraphs)[-1] == ("We will open the sch", "Sara Lind")


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


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "content"),
    [
        (
            ["Lena Ortiz said that the bridge would reopen next week."],
            "Lena Ortiz",
            "the bridge would reopen next week",
        ),
        (
            ["Tomas Berg arrived.", "Berg told the council that the repairs would cost more."],
            "Tomas Berg",
            "the repairs would cost more",
        ),
        (
            ["According to the Northfield Institute, the levee is stable."],
            "Northfield Institute",
            "the levee is stable",
        ),
        (
            ["The levee is stable and will hold, the engineer said."],
            "the engineer",
            "The levee is stable and will hold",
        ),
    ],
    ids=["said-that", "told-that", "according-to", "clause-then-said"],
)
def test_indirect_quotes(paragraphs: list[str], speaker: str, content: str) -> None:
    text, paras = make(paragraphs)
    indirect = [q for q in extract_quotes(text, paras) if q.kind is QuoteKind.INDIRECT]
    assert len(indirect) == 1
    assert indirect[0].speaker == speaker
    assert indirect[0].text == content


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


def test_large_article_is_fast() -> None:
    block = [
        'Mayor Lena Ortiz visited the town on Monday. "We will rebuild the bridge," she said.',
        "The Valley Flood Relief Network said that it had rescued many families from the water.",
        '"The levee held," said Tomas Berg, a hydrologist. "But the next storm will test it.',
        '"Nobody knows how long it will last."',
    ]
    paragraphs = block * 2500  # about 0.7 MB
    text, paras = make(paragraphs)
    started = time.perf_counter()
    quotes = extract_quotes(text, paras)
    assert time.perf_counter() - started < 3.0
    assert len(quotes) > 7000

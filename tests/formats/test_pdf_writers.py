"""PDFs as real programs write them: Chromium's "Save as PDF", Qt's QPdfWriter, LibreOffice.

The fixtures in ``tests/data/pdf`` are written by ``pdf_writers.py`` from a story written
for these tests; each must read back as the story, word for word, paragraph by paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from comparer.core.compare import compare
from comparer.core.model import AlignKind, Category, Role
from comparer.formats import load_bytes

from .pdf_maker import Line, make_pdf
from .pdf_writers import FIXTURES, LONG_STORY, SHORT_STORY, STORY, STORY_V2, page_html

# "stamps": the browser's default date, time, title, address and page count in the margins
WRITERS = [
    "chromium.pdf",
    "chromium-stamps.pdf",
    "chromium-columns.pdf",
    "qt.pdf",
    "libreoffice.pdf",
]


def _paragraphs(path: Path) -> list[str]:
    version = load_bytes(path.read_bytes(), path.name)
    return [version.text[p.start : p.end] for p in version.paragraphs]


@pytest.mark.parametrize("name", WRITERS)
def test_pdf_reads_back_as_the_story_it_was_made_from(name: str) -> None:
    assert _paragraphs(FIXTURES / name) == STORY.expected


# The same breaking story of one- and two-line paragraphs under a dateline, as each program
# sets it: Chromium and Qt with space between paragraphs, LibreOffice with none.
SHORT_WRITERS = ["chromium-short.pdf", "qt-short.pdf", "libreoffice-short.pdf"]


@pytest.mark.parametrize("name", SHORT_WRITERS)
def test_short_paragraphs_under_a_dateline_read_back_one_by_one(name: str) -> None:
    assert _paragraphs(FIXTURES / name) == SHORT_STORY.expected


@pytest.mark.parametrize("name", SHORT_WRITERS)
def test_the_toll_under_a_dateline_is_article_text_not_the_dateline(name: str) -> None:
    pdf = load_bytes((FIXTURES / name).read_bytes(), name)
    text = load_bytes(SHORT_STORY.as_text().encode("utf-8"), "story.txt")
    toll = next(p for p in pdf.paragraphs if "people were killed" in pdf.text[p.start : p.end])
    assert toll.role is Role.BODY
    assert not compare([text, pdf]).differs


def test_a_page_printed_whole_and_the_same_page_saved_do_not_differ() -> None:
    # the saved page is read for its article; the print keeps the site's menu, side list
    # and footer, which must not read as paragraphs added
    saved = load_bytes(page_html(SHORT_STORY).encode("utf-8"), "story.html")
    printed = load_bytes((FIXTURES / "chromium-page.pdf").read_bytes(), "story.pdf")
    comparison = compare([saved, printed])
    assert not comparison.differs
    pdf = comparison.versions[1]
    set_apart = [pdf.text[p.start : p.end] for p in pdf.paragraphs if p.role is Role.MARKUP]
    assert set_apart == [
        "Home | News | Sport",
        "Most read",
        "Council approves harbour wall repairs Weather: storms expected",
        "\u00a9 The Harbour Gazette 2025. All rights reserved.",
    ]
    # read alone, the print keeps every line as it is
    assert not any(p.role is Role.MARKUP for p in printed.paragraphs)


def test_a_browser_pdf_over_several_pages_loses_only_the_print_stamps() -> None:
    assert _paragraphs(FIXTURES / "chromium-stamps-pages.pdf") == LONG_STORY.expected


@pytest.mark.parametrize("name", WRITERS)
def test_pdf_title_is_the_story_title(name: str) -> None:
    version = load_bytes((FIXTURES / name).read_bytes(), name)
    assert version.title == STORY.title


def test_pdf_and_plain_text_of_one_story_do_not_differ() -> None:
    pdf = load_bytes((FIXTURES / "chromium.pdf").read_bytes(), "story.pdf")
    text = load_bytes(STORY.as_text().encode("utf-8"), "story.txt")
    comparison = compare([text, pdf])
    assert comparison.pairs[0].changes == ()
    assert not comparison.differs


def test_two_browser_pdfs_show_only_what_the_story_changed() -> None:
    versions = [
        load_bytes((FIXTURES / name).read_bytes(), name)
        for name in ("chromium.pdf", "chromium-v2.pdf")
    ]
    pair = compare(versions).pairs[0]
    assert [(c.category, c.from_text, c.to_text) for c in pair.changes if c.from_text] == [
        (Category.NUMERIC, "40", "48")
    ]
    added = [e for e in pair.alignment if e.kind is AlignKind.ADDED]
    assert [
        versions[1].text[versions[1].paragraphs[e.to[0]].start :].split("\n")[0] for e in added
    ] == [STORY_V2.paragraphs[4]]
    assert [n.delta_label for n in pair.numbers] == ["+8, +20%"]


def _broken_over_lines(first: str, second: str, producer: str | None, extra: str = "") -> str:
    lines = [Line(72, 700, first), Line(72, 686, second)]
    if extra:
        lines.append(Line(72, 640, extra))
    version = load_bytes(make_pdf([lines], producer=producer), "hyphen.pdf")
    return version.text.split("\n")[0]


def test_a_hyphen_at_a_line_end_is_part_of_the_word_in_a_browser_pdf() -> None:
    text = _broken_over_lines(
        "The well-supplied units held the rebel-", "held town until dawn.", "Skia/PDF m150"
    )
    assert text == "The well-supplied units held the rebel-held town until dawn."


def test_a_hyphen_at_a_line_end_splits_the_word_where_the_writer_hyphenates() -> None:
    text = _broken_over_lines("The crews worked to pro-", "tect the houses.", "Writer 7.4")
    assert text == "The crews worked to protect the houses."


@pytest.mark.parametrize(
    ("producer", "elsewhere", "expected"),
    [
        ("Skia/PDF m150", "Crews protect them.", "The crews worked to protect the houses."),
        ("Writer 7.4", "A rebel-held road.", "The crews worked to rebel-held houses."),
    ],
)
def test_the_document_itself_decides_a_line_end_hyphen_first(
    producer: str, elsewhere: str, expected: str
) -> None:
    first = "The crews worked to pro-" if "protect" in expected else "The crews worked to rebel-"
    second = "tect the houses." if "protect" in expected else "held houses."
    assert _broken_over_lines(first, second, producer, elsewhere) == expected

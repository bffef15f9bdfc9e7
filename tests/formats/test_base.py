"""How a loader's findings become a version: paragraphs, title and date filled in."""

from __future__ import annotations

import pytest

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.formats.base import Extracted, body_role, build_version, saved_time

DATA = b"the file's bytes"


def test_blocks_become_paragraphs_separated_by_blank_lines() -> None:
    extracted = Extracted(blocks=[Block("First paragraph."), Block("Second paragraph.")])
    version = build_version(extracted, DATA, "story.docx", "docx", mtime=1_700_000_000.0)
    assert version.text == "First paragraph.\n\nSecond paragraph."
    assert [version.paragraph_text(k) for k in range(len(version.paragraphs))] == [
        "First paragraph.",
        "Second paragraph.",
    ]
    assert (version.path, version.source_format, version.size, version.mtime) == (
        "story.docx",
        "docx",
        len(DATA),
        1_700_000_000.0,
    )


def test_title_and_date_come_from_the_heading_and_the_dateline_when_missing() -> None:
    extracted = Extracted(
        blocks=[
            Block("Flood closes bridge", Role.HEADING),
            Block("Updated: 3 March 2024", Role.METADATA),
            Block("The river rose 2 metres overnight."),
        ]
    )
    version = build_version(extracted, DATA, "flood.html", "html")
    assert version.title == "Flood closes bridge"
    assert version.date is not None and version.date.startswith("2024-03-03")


def test_what_the_loader_found_itself_wins() -> None:
    extracted = Extracted(
        blocks=[Block("Flood closes bridge", Role.HEADING), Block("Updated: 3 March 2024")],
        title="Bridge shut as river rises",
        date="2024-03-04",
        byline="Ana Ruiz",
        notes=["read as HTML"],
    )
    version = build_version(extracted, DATA, "flood.html", "html")
    assert (version.title, version.date, version.byline, version.notes) == (
        "Bridge shut as river rises",
        "2024-03-04",
        "Ana Ruiz",
        ("read as HTML",),
    )


def test_a_short_paragraph_is_body_but_debris_is_still_set_apart() -> None:
    # a list item the classifier alone would take for a heading
    assert body_role("Flood closes bridge") is Role.BODY
    assert body_role("Updated: 3 March 2024") is Role.METADATA


def test_a_heading_of_marks_alone_is_no_title_and_no_crash() -> None:
    # found by the fuzzer: a heading that is only "#" left nothing to read a title from
    extracted = Extracted(
        blocks=[Block("#", Role.HEADING), Block("Flood Waters Reach the Old Town", Role.HEADING),
                Block("The river rose overnight.")],
    )
    version = build_version(extracted, b"", "page.txt", "text")
    assert version.title == "Flood Waters Reach the Old Town"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("2025-03-01T15:30:00Z", "2025-03-01T15:30:00+00:00"),  # Word: UTC
        ("2025-03-01T15:30:00+02:00", "2025-03-01T15:30:00+02:00"),
        ("2025-03-01T15:30:12.123456789", "2025-03-01T15:30:12"),  # LibreOffice: local time
        ("2025-02-30T10:00:00Z", None),  # no such day
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_a_documents_saved_time_is_read_as_its_writer_wrote_it(written, kept) -> None:
    assert saved_time(written) == kept


def test_the_documents_saved_time_never_becomes_the_articles_date() -> None:
    found = Extracted(blocks=[Block("The toll rose to 48.", None)], saved="2025-03-01T15:30:00")
    version = build_version(found, b"x", "draft.docx", "docx")
    assert (version.saved, version.date) == ("2025-03-01T15:30:00", None)

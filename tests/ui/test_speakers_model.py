"""The speakers model: speakers by interest, their counted quotes below them, in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from comparer.core.model import Quote, QuoteKind, Speaker
from comparer.core.story import Story
from comparer.ui.document_model import build_model
from comparer.ui.speakers_model import (
    BADGES_ROLE,
    HEADING_ROLE,
    IS_QUOTE_ROLE,
    RANGES_ROLE,
    VERSION_ROLE,
    SpeakersModel,
    badge_explanation,
    badge_label,
    by_interest,
    group_quotes,
    grouped,
    shorten,
)
from tests.core.factories import body

OLD = [
    "Flood defences fail in Marlow",
    "\u201cWe did everything we could,\u201d said Mayor Ruth Ellison.",
    "\u201cThe barriers were never tested,\u201d said Tom Hale, a resident.",
]
NEW = [
    "Flood defences fail in Marlow",
    "\u201cWe did all we could,\u201d said Mayor Ruth Ellison.",
    "\u201cThe river rose faster than in 1947,\u201d said Anna Kowalski, a hydrologist.",
]


@pytest.fixture
def model(qapp) -> SpeakersModel:
    story = Story([body(OLD, "v1.txt"), body(NEW, "v2.txt")])
    model = SpeakersModel()
    model.set_document(build_model(story.comparison((0, 1), with_quotes=True), (0, 1)))
    return model


def _names(model: SpeakersModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_speakers_are_listed_new_and_dropped_first_with_a_count_per_version(
    model: SpeakersModel,
) -> None:
    assert _names(model) == ["Tom Hale", "Anna Kowalski", "Ruth Ellison"]
    assert model.columnCount() == 3
    hale = [model.index(0, c).data() for c in (1, 2)]
    assert hale == ["1", "0"]
    assert model.index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Tom Hale: 0 quotes in version 2"
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Tom Hale: quotes 1 in v1, 0 in v2; dropped"
    )


def test_a_speakers_quotes_are_their_children(model: SpeakersModel) -> None:
    ellison = model.index(2, 0)
    assert model.rowCount(ellison) == 2
    first, second = (model.index(r, 0, ellison) for r in range(2))
    assert [q.data(VERSION_ROLE) for q in (first, second)] == [0, 1]
    assert first.data() == "\u201cWe did everything we could,\u201d"
    assert first.data(IS_QUOTE_ROLE) and not ellison.data(IS_QUOTE_ROLE)
    assert model.speaker_of(second) == 2 and model.quote_item(ellison) is None
    ((start, end),) = second.data(RANGES_ROLE)
    assert end > start
    assert model.rowCount(first) == 0 and model.parent(first) == ellison
    assert model.parent(ellison) == QModelIndex()
    assert second.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Version 2, direct quote: ")


def test_no_document_no_speakers(model: SpeakersModel) -> None:
    model.set_document(None)
    assert model.rowCount() == 0 and model.rows_of(0) == set()


def test_re_attributed_speakers_come_after_new_and_dropped_before_the_rest() -> None:
    def speaker(name: str, *badges: str) -> Speaker:
        return Speaker(name, (1, 1), badges, ())

    listed = by_interest(
        (
            speaker("Reworded", "reworded"),
            speaker("Steady"),
            speaker("Moved to", "re-attributed"),
            speaker("Dropped", "dropped"),
            speaker("New", "new", "re-attributed"),
        )
    )
    assert [s.name for s in listed] == ["Dropped", "New", "Moved to", "Reworded", "Steady"]


def test_pieces_of_one_quote_are_counted_as_one() -> None:
    def piece(start: int, text: str, continues: bool = False) -> Quote:
        return Quote(start, start + len(text), text, QuoteKind.DIRECT, "Ana Ruiz", 0, 8, continues)

    quotes = ((piece(0, "\u201cWe are searching"), piece(40, "the rubble.\u201d", True)),)
    speaker = Speaker("Ana Ruiz", (1,), (), ((0, 0), (0, 1)))
    (item,) = group_quotes(speaker, quotes)
    assert item.indices == (0, 1) and item.ranges == ((0, 17), (40, 52))
    assert item.text == "\u201cWe are searching the rubble.\u201d"


def test_long_quotes_are_shortened_on_one_line() -> None:
    assert shorten("We are\n  still   searching") == "We are still searching"
    assert shorten("x" * 200, 20) == "x" * 19 + "…"


@pytest.mark.parametrize(
    "badge", ["new", "dropped", "reworded", "re-attributed", "unnamed source"]
)
def test_every_badge_has_a_label_and_an_explanation(qapp, badge: str) -> None:
    # the tooltip explains the pill in the pill's own word
    assert badge_explanation(badge).lower().startswith(badge_label(badge) + ": ")


def test_unnamed_sources_come_after_the_people_each_group_by_interest() -> None:
    named, unnamed = grouped(
        (
            Speaker("Steady Person", (1, 1), ()),
            Speaker("Officials", (1, 1), ("unnamed source",)),
            Speaker("New Person", (0, 1), ("new",)),
            Speaker("court documents", (1, 0), ("dropped", "unnamed source")),
        )
    )
    assert [s.name for s in named] == ["New Person", "Steady Person"]
    assert [s.name for s in unnamed] == ["court documents", "Officials"]


SOURCES_OLD = [
    "Port strike goes on",
    "\u201cWe will not go back,\u201d said Maria Lopez, the union leader.",
    "Officials said the port would lose 3 million pounds a day.",
    "\u201cNothing moves,\u201d a spokesman said.",
]
SOURCES_NEW = [
    "Port strike goes on",
    "\u201cWe will not go back,\u201d said Maria Lopez, the union leader.",
    "\u201cNothing moves,\u201d a spokesman said.",
    "\u201cThe talks must resume,\u201d said Tom Webb, the harbour master.",
]


def test_a_heading_row_stands_before_the_unnamed_sources(qapp) -> None:
    story = Story([body(SOURCES_OLD, "v1.txt"), body(SOURCES_NEW, "v2.txt")])
    model = SpeakersModel()
    model.set_document(build_model(story.comparison((0, 1), with_quotes=True), (0, 1)))
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [r.data() for r in rows] == [
        "Tom Webb",  # new first, then the rest
        "Maria Lopez",
        "Unnamed sources",
        "Officials",  # dropped first, then the rest
        "a spokesman",
    ]
    heading = rows[2]
    assert heading.data(HEADING_ROLE) and not rows[0].data(HEADING_ROLE)
    assert model.heading_row() == 2 and model.unnamed_count() == 2
    assert len(model.speakers()) == 4
    # the heading is no speaker: no counts, no quotes, no filter
    assert model.speaker_of(heading) == -1 and model.speaker_at(2) is None
    assert model.index(2, 1).data() is None and model.rowCount(heading) == 0
    assert model.speaker_of(rows[3]) == 3 and model.row_of("a spokesman") == 4
    officials = model.speaker_at(3)
    assert officials is not None and officials.name == "Officials"
    assert model.rowCount(rows[3]) == 1 and model.rows_of(3)  # their quote, in the text
    # a screen reader hears the heading for what it is, and each source says it is one
    assert heading.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Unnamed sources: 2 sources quoted without a name, listed below"
    )
    assert rows[3].data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Officials: quotes 1 in v1, 0 in v2; dropped, unnamed source"
    )
    # the pill would repeat the heading: only "dropped" is drawn
    assert rows[3].data(BADGES_ROLE) == ("dropped",)
    assert model.flags(heading) & Qt.ItemFlag.ItemIsEnabled  # the keyboard reaches it


def test_no_heading_without_unnamed_sources(model: SpeakersModel) -> None:
    assert model.heading_row() == -1 and model.unnamed_count() == 0
    assert not any(model.index(r, 0).data(HEADING_ROLE) for r in range(model.rowCount()))

"""The pane titles: each version's place in the story, its name fitted, its date explained."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QLabel

from comparer.core.model import Version
from comparer.formats import load_bytes
from comparer.ui.pane_header import PaneHeader, PaneTitle

LONG = "ferry-fire-coastguard-update-from-the-harbour-office-version-twelve.txt"


def _version(name: str = "v2.txt", date: str | None = "2025-06-09T07:45:00") -> Version:
    version = load_bytes(
        b"Ferry fire\n\nAt least 5 people were killed.", name, mtime=1_749_450_600.0
    )
    return dataclasses.replace(version, date=date, title="Ferry fire")


@pytest.fixture
def header(qtbot) -> PaneHeader:
    header = PaneHeader()
    qtbot.addWidget(header)
    header.resize(1200, 40)
    header.show()
    qtbot.waitExposed(header)
    return header


def test_each_title_says_the_versions_place_in_the_story(header: PaneHeader) -> None:
    header.set_versions([_version("v2.txt"), _version("v5.txt")], numbers=(1, 4))
    titles = header.titles()
    assert [(t.badge.text(), t.full_name()) for t in titles] == [("v2", "v2.txt"), ("v5", "v5.txt")]
    assert titles[1].accessibleName() == "Version 5: v5.txt"
    header.set_versions([_version("a.txt"), _version("b.txt")])  # no places given: in order
    assert [t.badge.text() for t in header.titles()] == ["v1", "v2"]


def test_the_tooltip_says_where_the_date_comes_from(header: PaneHeader) -> None:
    header.set_versions([_version(date="2025-06-09T07:45:00"), _version(date=None)])
    dated, undated = header.titles()
    assert dated.date.text() == "9 Jun 2025 07:45"
    assert "Dated by the article itself" in dated.toolTip()
    assert undated.date.text().startswith("file saved ")
    assert "this is when the file was saved" in undated.toolTip()
    assert "Title: Ferry fire" in dated.toolTip() and "SHA-256 " in dated.toolTip()


def test_a_long_name_is_cut_in_the_middle_and_the_date_gives_way_first(qtbot) -> None:
    title = PaneTitle()
    qtbot.addWidget(title)
    title.set_version(0, _version(LONG))
    title.show()
    title.resize(2000, 30)
    assert title.name.text() == LONG and not title.date.isHidden()
    title.resize(260, 30)
    shown = title.name.text()
    assert "…" in shown and shown.endswith(LONG[-6:]) and shown.startswith(LONG[:3])
    assert title.full_name() == LONG
    title.resize(90, 30)
    assert title.date.isHidden()


def test_a_date_too_long_for_the_title_is_shortened_before_it_gives_way(qtbot) -> None:
    title = PaneTitle()
    qtbot.addWidget(title)
    title.set_version(0, dataclasses.replace(_version("old.docx", None), saved="2025-03-01T09:00"))
    title.show()
    title.resize(2000, 30)
    assert title.date.text() == "document saved 1 Mar 2025 09:00"
    metrics = title.date.fontMetrics()
    # room for the badge, the name and the date without its year, not for the whole date
    narrow = (
        title.badge.sizeHint().width()
        + title.name.fontMetrics().horizontalAdvance("old.docx")
        + metrics.horizontalAdvance("document saved 1 Mar 09:00")
        + 40
    )
    title.resize(narrow, 30)
    assert title.date.text() == "document saved 1 Mar 09:00" and not title.date.isHidden()
    assert title.date.toolTip() == "document saved 1 Mar 2025 09:00"
    assert title.name.text() == "old.docx"
    title.resize(narrow - metrics.horizontalAdvance("document "), 30)
    assert title.date.text() == "saved 1 Mar 09:00" and not title.date.isHidden()


def test_the_date_is_shortened_so_that_the_whole_name_shows(qtbot) -> None:
    title = PaneTitle()
    qtbot.addWidget(title)
    title.set_version(0, _version("ferry-10.html", "2025-06-10T12:45:00"))
    title.show()
    names, dates = title.name.fontMetrics(), title.date.fontMetrics()
    room = (
        title.badge.sizeHint().width()
        + names.horizontalAdvance("ferry-10.html")
        + dates.horizontalAdvance("10 Jun 12:45")
        + 40
    )
    assert room < (
        title.badge.sizeHint().width()
        + names.horizontalAdvance("ferry-10.html")
        + dates.horizontalAdvance("10 Jun 2025 12:45")
        + 16
    )
    title.resize(room, 30)
    assert (title.name.text(), title.date.text()) == ("ferry-10.html", "10 Jun 12:45")


def test_a_single_version_invites_a_newer_one(header: PaneHeader) -> None:
    header.set_versions([_version()])
    header.set_columns([(0, 600), (600, 600)], single=True)
    shown = [w.text() for w in header.findChildren(QLabel) if w.isVisible()]
    assert "Waiting for a newer version" in shown
    header.set_versions([_version(), _version()])
    shown = [w.text() for w in header.findChildren(QLabel) if w.isVisible()]
    assert "Waiting for a newer version" not in shown

"""The status bar: progress, the filter, the position and notes beside the summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication

from comparer.ui.status_bar import StatusBar
from comparer.ui.theme import Theme


def _bar(qtbot) -> StatusBar:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_the_position_is_shown_apart_from_the_summary(qtbot, story) -> None:
    summary = story.status.summary_label.text()
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_F7)
    assert story.status.position_label.text() == f"Change 1 of {len(story.view.stops)}"
    assert story.status.summary_label.text() == summary
    QApplication.sendEvent(story, QStatusTipEvent("Open two or more versions"))
    assert story.status.summary_label.text() == summary and story.status.summary_label.isVisible()


def test_a_note_passes_beside_the_summary_and_goes(qtbot) -> None:
    bar = _bar(qtbot)
    bar.summary_label.setText("2 numbers changed")
    bar.show_note("Zoom 110%", 50)
    assert bar.note_label.text() == "Zoom 110%"
    assert bar.summary_label.text() == "2 numbers changed"
    qtbot.waitUntil(lambda: bar.note_label.text() == "", timeout=5000)
    assert bar.summary_label.text() == "2 numbers changed"


def test_the_position_counts_the_changes(qtbot) -> None:
    bar = _bar(qtbot)
    bar.show_position(-1, 12)
    assert bar.position_label.text() == "12 changes"
    bar.show_position(2, 12)
    assert bar.position_label.text() == "Change 3 of 12"
    bar.show_position(-1, 0)
    assert bar.position_label.text() == ""


def test_work_in_progress_hides_the_summary_until_done(qtbot) -> None:
    bar = _bar(qtbot)
    bar.summary_label.setText("No differences")
    bar.set_busy(True, "Reading…")
    assert bar.progress.isVisible() and bar.progress_label.text() == "Reading…"
    assert bar.summary_label.text() == ""
    bar.set_step("Comparing…")
    assert bar.progress_label.text() == "Comparing…"
    bar.set_busy(False)
    assert not bar.progress.isVisible() and not bar.progress_label.isVisible()


def test_a_filter_is_said_with_a_way_out(qtbot) -> None:
    bar = _bar(qtbot)
    bar.show_filter("Anna Kowalski", 3, 14, Theme.light())
    assert bar.filter_label.isVisible() and bar.show_all_button.isVisible()
    assert bar.filter_label.text() == (
        "Filter on: only Anna Kowalski (3 of 14 rows) — Esc shows all"
    )
    bar.show_filter("", 0, 14, Theme.light())
    assert not bar.filter_label.isVisible() and not bar.show_all_button.isVisible()

"""Dropping files and web addresses on the window: the highlight, and what each drop opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from comparer.ui.main_window import MainWindow
from tests.ui.conftest import LOAD_TIMEOUT_MS


def _drag_enter(target: QPoint, mime: QMimeData) -> QDragEnterEvent:
    # PySide6 6.12 takes the point as a QPointF (and deprecates the QPoint form); earlier
    # releases only as a QPoint
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(target), *args)
    except TypeError:
        return QDragEnterEvent(target, *args)


def _drop(qtbot, window: MainWindow, paths: list[str], target: QPoint) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    # Qt delivers a drop only to the widget that accepted the drag's entry.
    enter = _drag_enter(target, mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(target),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        QApplication.sendEvent(window, event)
    assert event.isAccepted()


def test_dropping_two_files_starts_a_comparison(qtbot, window, sample) -> None:
    _drop(qtbot, window, sample[:2], QPoint(400, 300))
    assert [v.name for v in window.versions] == [Path(p).name for p in sample[:2]]
    assert window.view.stops
    assert window.strip.isVisible()


def test_dropping_one_file_on_a_pane_replaces_that_version(qtbot, window, sample, open_files):
    open_files(sample[:2])
    rect = window.view.column_rect(1)
    target = window.view.viewport().mapTo(window, rect.center())
    _drop(qtbot, window, [sample[2]], target)
    assert [v.name for v in window.versions] == [Path(sample[0]).name, Path(sample[2]).name]


def test_one_file_is_shown_and_the_second_invited(qtbot, window, sample, open_files) -> None:
    open_files(sample[:1])
    assert len(window.versions) == 1
    assert window.message_bar.isVisible() and window.message_bar.kind() == "info"
    assert "newer" in window.message_bar.text()
    _drop(qtbot, window, [sample[1]], QPoint(600, 300))
    assert len(window.versions) == 2


def _drag_to(window, paths: list[str], target: QPoint) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    # PySide6 6.12 takes the point as a QPointF; earlier releases only as a QPoint
    try:
        enter = QDragEnterEvent(QPointF(target), *args)
        move = QDragMoveEvent(QPointF(target), *args)
    except TypeError:
        enter = QDragEnterEvent(target, *args)
        move = QDragMoveEvent(target, *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, move)


def test_dragging_a_file_over_a_pane_highlights_that_pane(qtbot, window, sample, open_files):
    open_files(sample[:2])
    view = window.view
    viewport = view.viewport()
    pane = view.column_rect(1)
    over_second = viewport.mapTo(window, pane.center())
    _drag_to(window, [sample[2]], over_second)
    target, text = window.drops.target()
    assert "in place of v2" in text
    central = window.centralWidget()
    assert target.contains(viewport.mapTo(central, pane.center()))
    assert not target.contains(viewport.mapTo(central, view.column_rect(0).center()))
    assert window.drop_overlay.isVisible()
    _drag_to(window, sample, over_second)
    assert "compare these 3 files" in window.drops.target()[1]
    assert window.drops.target()[0] == central.rect()


def test_the_start_screen_highlights_the_whole_window_for_a_drop(qtbot, window, sample):
    _drag_to(window, sample[:2], QPoint(400, 300))
    assert "compare these 2 files" in window.drops.target()[1]
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert not window.drop_overlay.isVisible()

"""While comparing: a card with what is being done and a Cancel button, shown after a moment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from comparer.ui.progress_panel import SHOW_AFTER_MS, ProgressPanel
from comparer.ui.theme import Theme


def test_it_appears_only_for_work_that_lasts_and_cancel_is_heard(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    panel = ProgressPanel(Theme.light(), window)
    panel.start("Comparing a.txt and b.txt")
    assert not panel.isVisible()
    qtbot.waitUntil(panel.isVisible, timeout=SHOW_AFTER_MS * 8)
    panel.set_step("Finding the changes…")
    assert panel.title.text() == "Comparing a.txt and b.txt"
    assert panel.step.text() == "Finding the changes…"
    assert panel.title.textFormat() == Qt.TextFormat.PlainText
    assert window.rect().contains(panel.geometry())
    with qtbot.waitSignal(panel.cancelled):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    panel.stop()
    assert not panel.isVisible()


def test_quick_work_shows_nothing(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    panel = ProgressPanel(Theme.dark_theme(), window)
    panel.start("Comparing")
    panel.stop()
    qtbot.wait(SHOW_AFTER_MS * 2)
    assert not panel.isVisible()

"""Copy and Copy as Before/After: the selection, the change chosen, the find field's text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def test_copy_as_before_after(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    window.go_change(True)
    window.commands.copy_change_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Before: At least 12 people")
    assert "\nAfter: At least 17 people" in text


def test_selected_text_is_copied(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    view = window.view
    row = view.model.paragraph_rows[1][2]
    view.scroll_to_row(row, 0.0)
    view.ensure_visible_laid_out()
    rect = view.column_rect(1)
    y = int(view.row_top(row) - view.verticalScrollBar().value() + view._pad_top + 8)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 60, y))
    assert view.selected_text() in ("At", "least")
    window.commands.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == view.selected_text()


def test_a_change_chosen_in_the_list_is_copied_as_before_after(
    qtbot, window, sample, open_files
) -> None:
    open_files(sample[:2])
    changes = window.panel.list
    changes.setFocus()
    changes.setCurrentIndex(window.panel.changes_model.index(0, 0))
    assert QApplication.focusWidget() is changes
    window.commands.copy_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Before: ") and "\nAfter: " in text
    assert window.view.current_stop() == window.panel.changes_model.stop_index(0)
    assert window.status.note_label.text() == "Copied the change as before/after"


def test_copy_before_a_change_is_chosen_says_how(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    QGuiApplication.clipboard().setText("kept")
    window.commands.copy_change_action.trigger()
    assert QGuiApplication.clipboard().text() == "kept"
    assert window.status.note_label.text() == "Go to a change first (F7)"


def test_the_find_field_copies_its_own_text(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    window.find_bar.open_bar()
    field = window.find_bar.field
    qtbot.keyClicks(field, "landslide")
    field.selectAll()
    assert QApplication.focusWidget() is field
    window.commands.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "landslide"

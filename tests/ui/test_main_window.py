"""The reader window, driven as a user would: drops, keys, clicks and menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextCharFormat,
)
from PySide6.QtWidgets import QApplication, QToolButton

from comparer.ui.main_window import MainWindow
from comparer.ui.settings import Settings
from tests.ui.conftest import LOAD_TIMEOUT_MS, write

SEEDS = sorted((Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds").glob("*.txt"))


def _paragraph_of_current(window: MainWindow) -> str:
    view = window.view
    stop = view.stops[view.current_stop()]
    model = view.model
    assert model is not None
    return model.versions[stop.version].paragraph_text(model.paragraph_at(stop.version, stop.start))


def test_empty_state_invites_and_try_the_sample_opens_three_versions(qtbot, window) -> None:
    assert window.stack.currentWidget() is window.empty_state
    assert window.empty_state.open_button.isVisible()
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.empty_state.sample_button, Qt.MouseButton.LeftButton)
    assert len(window.versions) == 3
    assert window.stack.currentWidget() is not window.empty_state
    titles = [t.name.text() for t in window.view.header.titles()]
    # a story opens on its last two versions
    assert [t[:12] for t in titles] == ["v2-landslide", "v3-landslide"]
    assert "Landslide buries homes" in window.windowTitle()
    assert "v2→v3:" in window.status.summary_label.text()
    assert "numbers changed (17 → 23" in window.status.summary_label.text()


def test_next_and_previous_change_go_to_the_right_paragraph(qtbot, window, sample, open_files):
    open_files(sample[:2])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F7)
    assert "At least 17 people" in _paragraph_of_current(window)
    first = window.view.current_stop()
    qtbot.keyClick(window.view, Qt.Key.Key_F7)
    assert window.view.current_stop() > first
    qtbot.keyClick(window.view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.current_stop() == first
    # Next number: jumps over word changes to the residents count.
    window.view.set_current_stop(first)
    window.commands.next_number_action.trigger()
    assert "450 residents" in _paragraph_of_current(window)
    assert window.view.stops[window.view.current_stop()].category == "numeric"


def _styles(window: MainWindow, row: int, column: int) -> dict[str, QTextCharFormat]:
    return dict(window.view.marks_in(row, column))


def test_marks_have_the_colours_and_shapes_of_their_category(window, sample, open_files) -> None:
    open_files(sample[:2])
    model = window.view.model
    row = model.paragraph_rows[1][2]  # "At least 17 people …"
    old, new = _styles(window, row, 0), _styles(window, row, 1)
    number_old, number_new = old["12"], new["17"]
    for fmt in (number_old, number_new):
        assert fmt.background().color() == QColor("#E69F00")
        assert fmt.fontWeight() == QFont.Weight.Bold
    assert number_old.fontStrikeOut() and number_new.fontUnderline()
    deleted = old["local "]
    assert deleted.fontStrikeOut()
    assert deleted.foreground().color() == QColor(window.theme.deleted)
    added_row = model.paragraph_rows[1][9]  # Dr Priya Anand: added in v2
    assert window.view.placeholder_text(added_row, 0) == "added"
    added = window.view.marks_in(added_row, 1)
    assert added and all(f.fontUnderline() for _t, f in added)
    assert added[0][1].foreground().color() == QColor(window.theme.added)


def test_moved_paragraph_is_labelled_on_both_sides_and_click_jumps(
    qtbot, window, sample, open_files
) -> None:
    open_files(sample[:2])
    view = window.view
    model = view.model
    new_place = model.paragraph_rows[1][3]
    old_place = model.paragraph_rows[0][10]
    assert view.placeholder_text(new_place, 0) == "moved from ¶11 ↓"
    assert view.placeholder_text(old_place, 1) == "moved to ¶4 ↑"
    view.scroll_to_row(new_place, 0.0)
    view.ensure_visible_laid_out()
    y = int(view.row_top(new_place) - view.verticalScrollBar().value() + 20)
    x = view.column_rect(0).center().x()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert old_place in view.visible_rows()


def test_typography_toggle_hides_typographic_marks(qtbot, window, sample, open_files) -> None:
    open_files(sample[1:])
    model = window.view.model
    row = model.paragraph_rows[1][8]  # "This is the darkest day…": typography only
    dotted = QTextCharFormat.UnderlineStyle.DotLine
    marks = window.view.marks_in(row, 1)
    assert marks and all(f.underlineStyle() == dotted for _t, f in marks)
    assert any(s.category == "typographic" for s in window.view.stops)
    window.commands.typography_action.trigger()
    assert window.view.marks_in(row, 1) == []
    assert all(s.category != "typographic" for s in window.view.stops)
    assert window.panel.changes_model.rowCount() == len(window.view.stops)


def test_settings_survive_a_restart(qtbot, window) -> None:
    window.commands.typography_action.trigger()
    window.commands.zoom_in_action.trigger()
    window.set_theme_choice("dark")
    window.resize(701, 555)  # within the offscreen screen, which restoreGeometry respects
    window.close()
    assert Settings().ignore_typography is True
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.commands.typography_action.isChecked()
    assert second.view.ignore_typography()
    assert second.view.zoom() == 110
    assert second.theme.dark
    assert second.width() == 701
    second.set_theme_choice("light")
    second.close()


def test_recent_files_are_remembered(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    assert Settings().recent_files[0] == sample[:2]


def test_problems_show_in_the_window_not_as_a_crash(qtbot, window, tmp_path) -> None:
    binary = tmp_path / "photo.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    good = write(tmp_path, "a.txt", "One paragraph.\n\nAnother one.\n")
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files([str(tmp_path / "missing.txt"), str(binary), good])
    bar = window.message_bar
    assert bar.isVisible() and bar.kind() == "error"
    assert "missing.txt" in bar.text() and "photo.bin" in bar.text()
    assert "Traceback" not in bar.text()
    assert binary.read_bytes() == bytes(range(256)) * 40


def test_accessible_names_are_set(window, sample, open_files) -> None:
    open_files(sample[:2])
    assert window.view.accessibleName()
    assert window.strip.accessibleName() and window.strip.accessibleDescription()
    assert window.panel.list.accessibleName()
    assert [t.accessibleName() for t in window.view.header.titles()] == [
        f"Version 1: {Path(sample[0]).name}",
        f"Version 2: {Path(sample[1]).name}",
    ]
    buttons = window.toolbar.findChildren(QToolButton)
    named = [b for b in buttons if b.isVisible() and b.defaultAction() is not None]
    assert named and all(b.accessibleName() for b in named)


def test_keyboard_only_use(qtbot, window) -> None:
    window.activateWindow()
    window.empty_state.open_button.setFocus()
    qtbot.keyClick(window.empty_state.open_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.empty_state.sample_button
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(window.empty_state.sample_button, Qt.Key.Key_Space)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.view.current_stop() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.panel.list
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.view


@pytest.mark.skipif(len(SEEDS) < 2, reason="shared corpus not available")
def test_real_article_pair_loads(window, open_files) -> None:
    open_files([str(p) for p in SEEDS[:2]])
    assert "1 number changed (40 → 48)" in window.status.summary_label.text()


def test_speakers_are_found_after_the_comparison_is_shown(qtbot, window, sample) -> None:
    with qtbot.waitSignal(window.speakers_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(sample)
    model = window.view.model
    assert model is not None and model.comparison is not None
    assert len(model.comparison.quotes) == 2  # the pair shown: v2 and v3
    assert model.comparison.speakers


def test_the_highlighted_change_is_described_for_screen_readers(qtbot, window, sample, open_files):
    open_files(sample[:2])
    window.go_change(True)
    description = window.view.accessibleDescription()
    changes = window.panel.changes_model
    assert description.startswith(f"Change 1 of {len(window.view.stops)}: v")
    assert description.endswith(changes.label(changes.row_of_stop(window.view.current_stop())))
    window.go_change(True)
    assert window.view.accessibleDescription().startswith("Change 2 of ")

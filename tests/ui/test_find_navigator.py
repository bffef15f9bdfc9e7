"""Find in the window: every match counted, stepped through in reading order, painted."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_find_across_panes(qtbot, window, sample, open_files) -> None:
    open_files(sample)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "okafor")
    window.find_bar.flush()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "1 of 1"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_find_paints_the_current_match_apart_from_the_others(qtbot, story) -> None:
    qtbot.keyClick(story.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(story.find_bar.field, "Port Ellery")
    story.find_bar.flush()
    qtbot.keyClick(story.find_bar.field, Qt.Key.Key_Return)
    view = story.view
    version, start, _end = view.state.find_current
    row = view.model.row_of(version, start)
    view.ensure_visible_laid_out()
    marks = view.find_marks(row, version)
    assert ("Port Ellery", True) in marks
    others = [m for r in range(len(view.model.rows)) for m in view.find_marks(r, 1 - version)]
    assert others and not any(current for _text, current in others)


def test_previous_from_the_top_wraps_to_the_last_match_and_next_comes_back(
    qtbot, window, sample, open_files
) -> None:
    open_files(sample[:2])
    window.view.scroll_to_row(0, 0.0)
    window.finder.step(False)  # opens the bar, as Shift+F3 does
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "landslide")
    window.find_bar.flush()
    assert window.find_bar.count.text() == "4 matches"  # two in each version
    total = 4
    window.finder.step(True)
    assert window.find_bar.count.text() == f"1 of {total}"
    window.finder.step(False)
    assert window.find_bar.count.text() == f"{total} of {total}"
    window.finder.step(True)
    assert window.find_bar.count.text() == f"1 of {total}"
    window.find_bar.close_bar()
    assert window.state.find_text == "" and window.state.find_matches == []  # marks gone

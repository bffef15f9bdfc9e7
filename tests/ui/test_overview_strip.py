"""The overview strip: a tick per change over the whole article, clicks and keys to reach them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from comparer.ui.theme import Theme
from tests.core import flood_story


def test_overview_strip_click_jumps_to_a_change(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    strip = window.strip
    last = len(window.view.stops) - 1
    y = strip.tick_y(last)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(8, y + 1))
    assert window.view.stops[window.view.current_stop()].row == window.view.stops[last].row


def test_ticks_run_down_the_strip_in_the_articles_order(window, sample, open_files) -> None:
    open_files(sample[:2])
    ticks = [window.strip.tick_y(i) for i in range(len(window.view.stops))]
    assert ticks == sorted(ticks)
    assert ticks[0] >= 0 and ticks[-1] <= window.strip.height()


def test_up_and_down_step_through_the_changes(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    view = window.view
    view.set_current_stop(0)
    window.strip.setFocus()
    qtbot.keyClick(window.strip, Qt.Key.Key_Down)
    assert view.current_stop() > 0
    after_down = view.current_stop()
    qtbot.keyClick(window.strip, Qt.Key.Key_Up)
    assert view.current_stop() < after_down


def test_a_tick_has_the_colour_of_its_kind_of_change(window, sample, open_files) -> None:
    open_files(sample[:2])
    theme = Theme.light()
    window.strip.set_theme(theme)
    stops = window.view.stops
    numeric = next(i for i, s in enumerate(stops) if s.category == "numeric")
    assert window.strip.colour_for(numeric) == theme.number
    text = [i for i, s in enumerate(stops) if s.category == "text"]
    assert {window.strip.colour_for(i) for i in text} <= {theme.added, theme.deleted}


def test_a_moved_sentence_has_a_tick_of_the_moved_colour(window, open_files, tmp_path) -> None:
    open_files(flood_story.write(tmp_path))
    theme = Theme.light()
    window.strip.set_theme(theme)
    stops = window.view.stops
    moved = [i for i, s in enumerate(stops) if s.move >= 0]
    assert len(moved) == 4
    assert {window.strip.colour_for(i) for i in moved} == {theme.moved}
    # its tick is drawn: the strip's pixel at the first one's place has the moved colour
    # unless a number shares that place (numbers are drawn over the rest)
    window.strip.repaint()
    image = window.strip.grab().toImage()
    ticks = {window.strip.tick_y(i) for i in moved}
    colours = {QColor(image.pixel(window.strip.width() // 2, y)).name().upper() for y in ticks}
    assert theme.moved in colours

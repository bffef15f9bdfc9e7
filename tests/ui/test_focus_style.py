"""Keyboard focus is seen: a solid ring on buttons, a frame on the text panes and lists."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from comparer.ui.focus_style import FocusStyle
from comparer.ui.theme import Theme


def _count(image: QImage, colour: str) -> int:
    """How many pixels of ``image``'s outer 3-pixel band are (about) ``colour``."""
    target = QColor(colour)
    w, h = image.width(), image.height()
    band = {(x, y) for x in range(w) for y in (0, 1, 2, h - 3, h - 2, h - 1)}
    band |= {(x, y) for y in range(h) for x in (0, 1, 2, w - 3, w - 2, w - 1)}
    found = 0
    for x, y in band:
        pixel = image.pixelColor(x, y)
        distance = (
            abs(pixel.red() - target.red())
            + abs(pixel.green() - target.green())
            + abs(pixel.blue() - target.blue())
        )
        found += distance < 40
    return found


def _as_seen(widget: QWidget) -> QImage:
    """``widget`` as the window shows it, with whatever is drawn over it."""
    window = widget.window()
    return window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())).toImage()


def _focus(qtbot, widget: QWidget) -> None:
    window = widget.window()
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_the_application_draws_focus_with_its_own_style(window) -> None:
    style = QApplication.instance()._comparer_focus_style
    assert isinstance(style, FocusStyle)
    assert style.colour == window.theme.focus
    window.set_theme_choice("dark")
    assert style.colour == Theme.dark_theme().focus


def test_a_focused_button_has_a_solid_ring_in_the_focus_colour(qtbot, window) -> None:
    button = window.empty_state.sample_button
    before = _count(button.grab().toImage(), window.theme.focus)
    _focus(qtbot, button)
    after = _count(button.grab().toImage(), window.theme.focus)
    ring = 2 * (button.width() + button.height())  # a 2-pixel ring round the button
    assert after - before >= ring


def test_the_text_pane_and_the_changes_list_show_focus(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    for choice in ("light", "dark"):
        window.set_theme_choice(choice)
        focus = Theme.light().focus if choice == "light" else Theme.dark_theme().focus
        for widget, other in ((window.view, window.panel.list), (window.panel.list, window.view)):
            _focus(qtbot, other)
            unfocused = _count(_as_seen(widget), focus)
            _focus(qtbot, widget)
            framed = _count(_as_seen(widget), focus)
            assert framed - unfocused >= widget.width() + widget.height(), widget

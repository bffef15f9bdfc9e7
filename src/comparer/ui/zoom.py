"""Zoom for the whole window: the lists, headers, toolbar and status bar grow with the text.

The compare view scales its article text itself; ``zoom_widgets`` gives the other parts of
the window the application's font (which already carries the desktop's text size) scaled
by the same percentage, and the toolbar's icons with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QToolBar, QWidget

DEFAULT_POINT_SIZE = 10.0  # about what desktops use for their interface text


def text_scale() -> float:
    """How much larger than usual the desktop's interface text is (at least 1)."""
    size = QApplication.font().pointSizeF()
    return max(1.0, size / DEFAULT_POINT_SIZE) if size > 0 else 1.0


def zoomed_font(percent: int, base: QFont | None = None) -> QFont:
    """The application's font (or ``base``) at ``percent`` of its size."""
    font = QFont(base if base is not None else QApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return font


def zoom_widgets(widgets: Iterable[QWidget], percent: int) -> None:
    """Give ``widgets`` (and so their children) the application's font at ``percent``."""
    font = zoomed_font(percent)
    for widget in widgets:
        widget.setFont(font)
        # A widget a style sheet rule matches keeps the font it had when it was styled:
        # the lists of the sidebar are framed by one, so they are told directly.
        for view in widget.findChildren(QAbstractItemView):
            view.setFont(font)
        if isinstance(widget, QToolBar):
            side = widget.style().pixelMetric(QStyle.PixelMetric.PM_ToolBarIconSize)
            size = max(8, round(side * percent / 100))
            widget.setIconSize(QSize(size, size))

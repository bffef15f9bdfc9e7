"""Keyboard focus that can be seen: a solid ring on buttons and items, a frame on lists.

Fusion marks focus with a thin line in the selection colour, which on the light theme is
about 1.5:1 against the window, and the compare view showed no focus at all. ``FocusStyle``
draws the focus rectangle as a 2-pixel ring in the theme's focus colour; the style sheet
from ``focus_style_sheet`` frames the text panes, the changes list and the speakers list
in the same colour while they have the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from comparer.ui.theme import Theme


class FocusStyle(QProxyStyle):
    """Fusion, with its focus rectangle drawn as a solid ring of ``colour``."""

    def __init__(self, colour: str = "#1F2328") -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.colour = colour

    def drawPrimitive(  # noqa: D102
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            self._ring(painter, QRectF(option.rect))
            return
        super().drawPrimitive(element, option, painter, widget)
        # Fusion marks a focused button or field inside its own panel: ring it too.
        if element in _RINGED and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(painter, QRectF(option.rect))

    def _ring(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.colour), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.restore()


_RINGED = (
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
    QStyle.PrimitiveElement.PE_PanelButtonTool,
    QStyle.PrimitiveElement.PE_FrameLineEdit,
)


def install(app: QApplication, colour: str) -> FocusStyle:
    """Give ``app`` the focus style (once) with its ring in ``colour``; returns the style.

    ``app.style()`` answers with Qt's style-sheet wrapper once a style sheet is set, so the
    style is kept on the application object to be found again.
    """
    style = getattr(app, "_comparer_focus_style", None)
    if not isinstance(style, FocusStyle):
        style = FocusStyle(colour)
        app.setStyle(style)
        app._comparer_focus_style = style  # type: ignore[attr-defined]
    style.colour = colour
    return style


def focus_style_sheet(theme: Theme) -> str:
    """The application style sheet that frames the focused text pane and lists."""
    return (
        f"CompareView {{ border: 2px solid transparent; }}"
        f"CompareView:focus {{ border: 2px solid {theme.focus}; }}"
        f"QDockWidget QListView, QDockWidget QTreeView"
        f" {{ border: 2px solid {theme.divider}; }}"
        f"QDockWidget QListView:focus, QDockWidget QTreeView:focus"
        f" {{ border: 2px solid {theme.focus}; }}"
    )

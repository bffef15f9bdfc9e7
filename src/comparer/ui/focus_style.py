"""Keyboard focus that can be seen: a solid ring on buttons and items, a frame on lists.

Fusion marks focus with a thin line in the selection colour, which on the light theme is
about 1.5:1 against the window, and the compare view showed no focus at all. ``FocusStyle``
draws the focus rectangle as a 2-pixel ring in the theme's focus colour, and a
``QFocusFrame`` follows the keyboard onto the text panes, the changes list and the speakers
list, ringing them in the same colour. (An application style sheet could frame them too,
but it keeps a parent's font from reaching its children, which zoom relies on.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)
from shiboken6 import isValid


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

    def drawControl(  # noqa: D102
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            self._ring(painter, QRectF(option.rect))
            return
        super().drawControl(element, option, painter, widget)

    def pixelMetric(  # noqa: D102
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return 0  # the ring lies on the widget's own edge: never clipped by the window
        return super().pixelMetric(metric, option, widget)

    def styleHint(  # noqa: D102
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        data: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1  # over the list or pane it rings, not hidden beneath it
        return super().styleHint(hint, option, widget, data)

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

    The style and the frame that rings a focused list or text pane are kept on the
    application object, to be found again when the theme changes.
    """
    style = getattr(app, "_comparer_focus_style", None)
    if not isinstance(style, FocusStyle):
        style = FocusStyle(colour)
        app.setStyle(style)
        app._comparer_focus_style = style  # type: ignore[attr-defined]
        app._comparer_focus_frame = _FrameFollower(app)  # type: ignore[attr-defined]
    style.colour = colour
    follower = getattr(app, "_comparer_focus_frame", None)
    if isinstance(follower, _FrameFollower):
        follower.repaint_frame()
    return style


def frames_focus(widget: QWidget | None) -> bool:
    """Whether ``widget`` is ringed when it has the keyboard: lists and text panes."""
    if not isinstance(widget, QAbstractScrollArea):
        return False
    return widget.window().windowType() != Qt.WindowType.Popup  # a combo box's list


class _FrameFollower(QObject):
    """Moves one focus frame onto whichever list or text pane has the keyboard."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._on_focus)

    def repaint_frame(self) -> None:
        """Paint the frame again (in a new theme's colour)."""
        if self._frame is not None and isValid(self._frame):
            self._frame.update()

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        frame = self._frame if self._frame is not None and isValid(self._frame) else None
        if new is not None and isValid(new) and frames_focus(new):
            if frame is None or frame.window() is not new.window():
                frame = QFocusFrame(new.window())
                frame.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            frame.setWidget(new)
            frame.show()
        elif frame is not None:
            frame.setWidget(None)  # type: ignore[arg-type]  # Qt takes a null widget
        self._frame = frame

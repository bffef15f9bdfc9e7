"""Keyboard focus that can be seen: a solid ring on buttons and items, a frame on lists.

Fusion marks focus with a thin line in the selection colour, which on the light theme is
about 1.5:1 against the window, and the compare view showed no focus at all. ``FocusStyle``
draws the focus rectangle as a 2-pixel ring in the theme's focus colour, and a
``FocusRing`` follows the keyboard onto the text panes, the changes list and the speakers
list, ringing them in the same colour. (An application style sheet could frame them too,
but it keeps a parent's font from reaching its children, which zoom relies on.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
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
        app._comparer_focus_frame = _FrameFollower(app, colour)  # type: ignore[attr-defined]
    style.colour = colour
    follower = getattr(app, "_comparer_focus_frame", None)
    if isinstance(follower, _FrameFollower):
        follower.repaint_frame(colour)
    return style


def frames_focus(widget: QWidget | None) -> bool:
    """Whether ``widget`` is ringed when it has the keyboard: lists and text panes."""
    if not isinstance(widget, QAbstractScrollArea):
        return False
    return widget.window().windowType() != Qt.WindowType.Popup  # a combo box's list


class FocusRing(QWidget):
    """A ring painted over the edge of the list or text pane that has the keyboard.

    A child of that widget's parent, laid over it and transparent to the mouse; a style's
    own focus frame (``QFocusFrame``) would need the style overridden for every metric
    and hint it asks, each a call into Python on every layout and paint.
    """

    def __init__(self, parent: QWidget, colour: str) -> None:
        super().__init__(parent)
        self.colour = colour
        self._target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        """Ring ``target`` (None: hide)."""
        if self._target is not None and isValid(self._target):
            self._target.removeEventFilter(self)
        self._target = target
        if target is None:
            self.hide()
            return
        if self.parent() is not target.parentWidget():
            self.setParent(target.parentWidget())
        target.installEventFilter(self)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        if self._target is not None and isValid(self._target):
            self.setGeometry(self._target.geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102
        if watched is self._target and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self._place()
            self.setVisible(self._target is not None and self._target.isVisible())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.colour), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
        painter.end()


class _FrameFollower(QObject):
    """Moves one focus ring onto whichever list or text pane has the keyboard."""

    def __init__(self, app: QApplication, colour: str) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        self.colour = colour
        app.focusChanged.connect(self._on_focus)

    def repaint_frame(self, colour: str) -> None:
        """Paint the ring again, in ``colour``."""
        self.colour = colour
        if self._ring is not None and isValid(self._ring):
            self._ring.colour = colour
            self._ring.update()

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self._ring if self._ring is not None and isValid(self._ring) else None
        if new is not None and isValid(new) and frames_focus(new):
            parent = new.parentWidget()
            if parent is None:
                return
            if ring is None:
                ring = FocusRing(parent, self.colour)
            ring.follow(new)
        elif ring is not None:
            ring.follow(None)
        self._ring = ring

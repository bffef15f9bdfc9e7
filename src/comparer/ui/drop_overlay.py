"""While files are dragged over the window: where they will land, and what dropping does.

``drop_plan`` says what a drop would do (compare the files, add a version, replace one
pane's version), the same rules the window follows when the files are dropped;
``DropOverlay`` paints that over the window: the target area tinted and outlined, with
one line saying what will happen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from comparer.ui.theme import Theme


@dataclass(frozen=True)
class DropPlan:
    """What dropping would do: on the whole view or on one pane, and in words."""

    pane: int  # the pane whose version is replaced, or -1 for the whole window
    text: str


def drop_plan(paths: list[str], versions: int, pane: int) -> DropPlan:
    """What dropping ``paths`` does with ``versions`` open, the pointer over ``pane`` (or -1).

    Args:
        paths: the files dragged.
        versions: how many versions are open.
        pane: the pane under the pointer, -1 when it is over no pane.
    """
    if len(paths) > 1:
        return DropPlan(-1, _tr("Drop to compare these {0} files, oldest first").format(len(paths)))
    name = Path(paths[0]).name if paths else ""
    if versions == 0:
        return DropPlan(-1, _tr("Drop to open {0}, then add a newer version").format(name))
    if versions == 1:
        return DropPlan(-1, _tr("Drop to compare {0} as the newer version").format(name))
    if 0 <= pane < versions:
        return DropPlan(pane, _tr("Drop to put {0} in place of v{1}").format(name, pane + 1))
    return DropPlan(
        -1, _tr("Drop to add {0} as v{1}, the newest version").format(name, versions + 1)
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("DropOverlay", text)


class DropOverlay(QWidget):
    """A transparent layer over the window that highlights where dragged files will land."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self._theme = theme
        self._target = QRect()
        self._text = ""
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        self.update()

    def show_target(self, target: QRect, text: str) -> None:
        """Highlight ``target`` (in the parent's coordinates) and say ``text``."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self._target, self._text = QRect(target), text
        self.setAccessibleDescription(text)
        self.show()
        self.raise_()
        self.update()

    def target(self) -> QRect:
        """The area highlighted."""
        return QRect(self._target)

    def text(self) -> str:
        """What the overlay says dropping will do."""
        return self._text

    def clear(self) -> None:
        """Stop highlighting (the drag left, or the files were dropped)."""
        self._target, self._text = QRect(), ""
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        if self._target.isNull():
            return
        t = self._theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self._target).adjusted(6, 6, -6, -6)
        tint = QColor(t.added_tint)
        tint.setAlphaF(0.55)
        painter.setBrush(tint)
        painter.setPen(QPen(QColor(t.added), 3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(area, 12, 12)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        label = metrics.elidedText(self._text, Qt.TextElideMode.ElideMiddle, int(area.width()) - 40)
        box = QRectF(metrics.boundingRect(label)).adjusted(-14, -8, 14, 8)
        box.moveCenter(area.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.base))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(QColor(t.text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()

"""A narrow strip beside the panes with one tick per change over the whole document."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from comparer.ui.compare_view import CompareView
from comparer.ui.reader_state import CURRENT, FILTER, PAIR, ReaderState
from comparer.ui.theme import Theme

PRIORITY = {"numeric": 4, "moved": 3, "text": 2, "typographic": 1}


class OverviewStrip(QWidget):
    """Shows where changes are; a click jumps to the nearest change.

    Signals:
        stop_clicked(int): index into the view's stops.
    """

    stop_clicked = Signal(int)

    def __init__(self, view: CompareView, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._theme = theme
        self._buckets: list[tuple[int, int, str]] = []  # y, stop index, category
        self._key: tuple[float, int, int, int, int] | None = None
        self._stops_id = 0
        self._rows: list[int] = []
        self._ranks: list[int] = []
        self.setFixedWidth(16)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Overview of changes"))
        self.setAccessibleDescription(
            self.tr("One mark per change over the whole article; Up and Down move between them.")
        )
        self.setToolTip(self.tr("Where the changes are: click to jump"))
        view.geometry_changed.connect(self.update)
        if view.state is not None:
            self.bind(view.state)
        else:
            view.current_stop_changed.connect(lambda _i: self.update())

    def bind(self, state: ReaderState) -> None:
        """Redraw when the reader state's pair, filter or current change moves."""
        state.subscribe(
            lambda changed: self.update() if changed & {CURRENT, FILTER, PAIR} else None
        )

    def set_theme(self, theme: Theme) -> None:
        """Repaint with other colours."""
        self._theme = theme
        self.update()

    def sizeHint(self) -> QSize:  # noqa: D102
        return QSize(16, 200)

    def colour_for(self, stop_index: int) -> str:
        """The tick colour of a stop, by its category."""
        stop = self._view.stops[stop_index]
        t = self._theme
        if stop.category == "numeric":
            return t.number
        if stop.category == "typographic":
            return t.typographic
        if stop.category == "moved":
            return t.moved
        model = self._view.model
        if model is not None and stop.version == model.pairs[stop.pair].from_index:
            return t.deleted
        return t.added

    def tick_y(self, stop_index: int) -> int:
        """Where a stop's tick is drawn."""
        total = max(1.0, self._view.total_height())
        stop = self._view.stops[stop_index]
        usable = max(1, self.height() - 6)
        return 3 + int(self._view.row_top(stop.row) / total * usable)

    def _rebuild(self) -> None:
        view = self._view
        stops = view.stops
        total = max(1.0, view.total_height())
        usable = max(1, self.height() - 6)
        key = (total, len(stops), self.height(), id(stops), view.filter_serial())
        # Estimated heights settle as rows are laid out. Ticks are rebuilt only when that
        # moves the bottom tick by half a pixel or more, and the rebuild reads the view's
        # row offsets in one pass (a 5 MB comparison has thousands of stops).
        if (
            self._key is not None
            and key[1:] == self._key[1:]
            and abs(total - self._key[0]) / total * usable < 0.5
        ):
            return
        self._key = key
        if self._stops_id != id(stops):
            self._stops_id = id(stops)
            self._rows = [s.row for s in stops]
            self._ranks = [PRIORITY.get(s.category, 0) for s in stops]
        scale = usable / total
        best: dict[int, tuple[int, int]] = {}  # bucket y -> (rank, stop index)
        filtered = bool(view.row_filter())
        for i, top in enumerate(view.row_tops(self._rows)):
            if filtered and not view.row_shown(self._rows[i]):
                continue
            y = (3 + int(top * scale)) // 3 * 3
            rank = self._ranks[i]
            current = best.get(y)
            if current is None or rank > current[0]:
                best[y] = (rank, i)
        self._buckets = sorted((y, i, stops[i].category) for y, (_r, i) in best.items())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        self._rebuild()
        p = QPainter(self)
        t = self._theme
        p.fillRect(self.rect(), QColor(t.panel))
        p.setPen(QPen(QColor(t.divider), 1))
        p.drawLine(0, 0, 0, self.height())
        view = self._view
        total = max(1.0, view.total_height())
        top = view.verticalScrollBar().value()
        vh = view.viewport().height()
        usable = max(1, self.height() - 6)
        y1 = 3 + top / total * usable
        y2 = 3 + min(total, top + vh) / total * usable
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.divider))
        p.drawRoundedRect(QRectF(1.5, y1, self.width() - 3, max(6.0, y2 - y1)), 3, 3)
        for y, index, _category in self._buckets:
            p.fillRect(QRectF(3, y, self.width() - 6, 3), QColor(self.colour_for(index)))
        current = view.current_stop()
        if 0 <= current < len(view.stops):
            y = self.tick_y(current)
            p.setPen(QPen(QColor(t.focus), 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(1.5, y - 2, self.width() - 3, 7))
        if self.hasFocus():
            p.setPen(QPen(QColor(t.focus), 1, Qt.PenStyle.DotLine))
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: D102
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: D102
        if event.buttons() & Qt.MouseButton.LeftButton:
            view = self._view
            usable = max(1, self.height() - 6)
            y = (event.position().y() - 3) / usable * view.total_height()
            view.verticalScrollBar().setValue(int(y - view.viewport().height() / 2))

    def _jump(self, y: float) -> None:
        self._rebuild()
        view = self._view
        if self._buckets:
            nearest = min(self._buckets, key=lambda b: abs(b[0] - y))
            if abs(nearest[0] - y) <= 8:
                self.stop_clicked.emit(nearest[1])
                return
        usable = max(1, self.height() - 6)
        target = (y - 3) / usable * view.total_height()
        view.verticalScrollBar().setValue(int(target - view.viewport().height() / 2))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._view.step(True)
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._view.step(False)
        else:
            super().keyPressEvent(event)

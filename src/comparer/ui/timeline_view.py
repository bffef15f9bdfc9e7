"""The story's timeline: every version with its date and what changed since the one before.

Clicking a version shows it against the one before; Ctrl+click (or Shift with the arrow
keys) picks any two. Dragging a version up or down puts it elsewhere in the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from comparer.core.story import Story, own_moments
from comparer.core.visible import visible_line
from comparer.export.history_json import short_dates
from comparer.ui.plain_text import plain_tooltip
from comparer.ui.reader_state import HISTORY, PAIR, PROGRESS, STORY, ReaderState
from comparer.ui.theme import Theme

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-comparer-version"
HEAD_ROLE = Qt.ItemDataRole.UserRole + 1  # (number, date, file name)
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 2
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 3  # "older", "newer", "middle" or ""
BACKWARD_ROLE = Qt.ItemDataRole.UserRole + 4  # dated before a version placed earlier


def step_counts(entry_summary: object | None, new: int | None, dropped: int | None) -> str:
    """What changed at one step, as counts a reader takes in at a glance."""
    from comparer.core.model import Summary

    if not isinstance(entry_summary, Summary):
        return "…"
    s = entry_summary
    if not s.has_differences:
        return "no change"
    bits = []
    if s.numbers_changed:
        bits.append(f"{s.numbers_changed} number" + ("s" if s.numbers_changed > 1 else ""))
    if s.paragraphs_added or s.paragraphs_deleted:
        bits.append(f"¶ +{s.paragraphs_added} −{s.paragraphs_deleted}")
    if s.paragraphs_changed:
        bits.append(f"{s.paragraphs_changed} changed")
    if s.paragraphs_moved:
        bits.append(f"{s.paragraphs_moved} moved")
    if new or dropped:
        bits.append(f"speakers +{new or 0} −{dropped or 0}")
    if not bits and s.typographic_only:
        bits.append("typography only")
    return " · ".join(bits)


class TimelineModel(QAbstractListModel):
    """One row per version of the story, read from the reader state."""

    def __init__(self, state: ReaderState, theme: Theme) -> None:
        super().__init__()
        self._state = state
        self._theme = theme
        self._dates: list[str] = []
        self._moments: list[datetime | None] = []
        self._dates_for: object = None
        state.subscribe(self._on_state)

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        self._changed()

    def _on_state(self, changed: frozenset[str]) -> None:
        if STORY in changed:
            self.beginResetModel()
            self.endResetModel()
        elif changed & {PAIR, HISTORY, PROGRESS}:
            self._changed()

    def _changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102
        return 0 if parent.isValid() else self._state.count

    def counts(self, row: int) -> str:
        """What changed in version ``row`` since the one before ("…" while not compared)."""
        story = self._state.story
        if story is None or row == 0:
            return "first version"
        if not story.has_pair(row - 1, row):
            return "…"
        summary = story.pair(row - 1, row).summary
        history = self._state.history
        new = dropped = None
        if history is not None and history.speaker_timelines and len(history.timeline) > row:
            entry = history.timeline[row]
            new, dropped = entry.speakers_new, entry.speakers_dropped
        return step_counts(summary, new, dropped)

    def backward(self, row: int) -> bool:
        """Whether the version is dated before one placed earlier in the story."""
        story = self._state.story
        if story is None:
            return False
        moments = self._story_dates(story)[1]
        moment = moments[row]
        if moment is None:
            return False
        return any(m is not None and m > moment for m in moments[:row])

    def head(self, row: int) -> tuple[str, str, str]:
        """The row's version number, date (the time alone when all share a day) and name."""
        story = self._state.story
        if story is None:
            return ("", "", "")
        dates = self._story_dates(story)[0]
        version = story.versions[row]
        # a name's line breaks and control characters shown as text, as on the command line
        return (f"v{row + 1}", dates[row] or "no date", visible_line(version.name))

    def _story_dates(self, story: Story) -> tuple[list[str], list[datetime | None]]:
        """The story's dates as its rows show them, and as they order it: once per story.

        Every row asks at each paint; working them out for each would read every version's
        date once per row.
        """
        if self._dates_for is not story:
            self._dates = short_dates(story.versions)
            self._moments = own_moments(story.versions)
            self._dates_for = story
        return self._dates, self._moments

    def label(self, row: int) -> str:
        """The row's text: version, date, file name and counts."""
        number, when, name = self.head(row)
        return f"{number}  {when}  {name}\n{self.counts(row)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: D102
        if not index.isValid() or self._state.story is None:
            return None
        row = index.row()
        shown = self._state.shown
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(row)
        if role == HEAD_ROLE:
            return self.head(row)
        if role == COUNTS_ROLE:
            return self.counts(row)
        if role == BACKWARD_ROLE:
            return self.backward(row)
        if role == SHOWN_ROLE:
            if row not in shown:
                return ""
            return "newer" if row == shown[-1] else "older" if row == shown[0] else "middle"
        if role == Qt.ItemDataRole.ToolTipRole:
            version = self._state.story.versions[row]
            where = version.path or version.name
            mark = " (shown)" if row in shown else ""
            warn = "\nDated before a version placed earlier" if self.backward(row) else ""
            return plain_tooltip(
                f"v{row + 1}{mark}: {where}\n{self.counts(row)}{warn}\nDrag to put it elsewhere"
            )
        if role == Qt.ItemDataRole.BackgroundRole and row in shown:
            return QColor(self._theme.added_tint if row == shown[-1] else self._theme.deleted_tint)
        if role == Qt.ItemDataRole.FontRole and row in shown:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # ------------------------------------------------------------------ drag to reorder
    def flags(self, index: Index) -> Qt.ItemFlag:  # noqa: D102
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: D102
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: D102
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: D102
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def moveRows(  # noqa: D102 - what QListView asks of a model when a row is dragged
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        return self._move(source_row, destination_child)

    def _move(self, source: int, before: int) -> bool:
        """Put version ``source`` before the one now at ``before`` (at the end: the count)."""
        target = before - 1 if before > source else before  # once the row is taken out
        target = max(0, min(target, self.rowCount() - 1))
        if target == source:
            return False
        self._state.move_version(source, target)
        return True

    def dropMimeData(  # noqa: D102
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        rows = [int(r) for r in raw.split(",") if r]
        if len(rows) != 1:
            return False
        source = rows[0]
        if row < 0 and parent.isValid():  # dropped on a version: it takes that place
            target = parent.row()
            if target != source:
                self._state.move_version(source, target)
        else:  # dropped between two versions, or below them all
            self._move(source, self.rowCount() if row < 0 else row)
        return False  # the state has moved the version: nothing for the view to remove


COUNT_LINES_MAX = 2  # what changed takes at most this many lines under a version's name


def counts_font(font: QFont) -> QFont:
    """The smaller font the counts under a version's name are drawn in."""
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
    return small


def wrap_counts(counts: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """What changed, broken between its counts (never inside one) into at most ``lines``.

    A narrow timeline would otherwise cut the last counts off ("speakers +1 −0" read
    "spea…"): they go on a line of their own instead. What still does not fit is elided.
    """
    out: list[str] = []
    for bit in counts.split(" · "):
        joined = f"{out[-1]} · {bit}" if out else bit
        if out and (metrics.horizontalAdvance(joined) <= width or len(out) == lines):
            out[-1] = joined
        else:
            out.append(bit)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out]


class TimelineDelegate(QStyledItemDelegate):
    """Draws a version as its number, date and name; then what changed, on one or two lines.

    Attributes:
        count_lines: how many lines the counts may take (the view sets it to what the
            widest row needs, so that every row keeps one height).
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.count_lines = 1

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: D102
        line = QFontMetrics(option.font).height()
        small = QFontMetrics(counts_font(option.font)).height()
        return QSize(200, line + small * self.count_lines + 12)

    @staticmethod
    def counts_width(rect_width: int) -> int:
        """The room for the counts in a row ``rect_width`` wide."""
        return rect_width - 16

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: D102
        t = self.theme
        rect = option.rect
        painter.save()
        shown = index.data(SHOWN_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if shown:
            painter.fillRect(rect, QColor(t.added_tint if shown == "newer" else t.deleted_tint))
        if selected:
            painter.setPen(QPen(QColor(t.focus), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if shown:
            painter.fillRect(
                rect.x(),
                rect.y() + 2,
                4,
                rect.height() - 4,
                QColor(t.added if shown == "newer" else t.deleted),
            )
        number, when, name = index.data(HEAD_ROLE)
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(font)
        line = metrics.height()
        x, y = rect.x() + 10, rect.y() + 4
        painter.setFont(bold)
        painter.setPen(QColor(t.text))
        painter.drawText(x, y + metrics.ascent(), number)
        x += QFontMetrics(bold).horizontalAdvance(number) + 8
        painter.setFont(bold if shown else font)
        if index.data(BACKWARD_ROLE):
            when = "⚠ " + when  # out of date order: the deltas read backwards in time
            painter.setPen(QColor(t.deleted))
        when = fit_when(when, name, rect.right() - 6 - x, QFontMetrics(painter.font()), metrics)
        painter.drawText(x, y + metrics.ascent(), when)
        painter.setPen(QColor(t.text))
        x += QFontMetrics(painter.font()).horizontalAdvance(when) + 8
        painter.setFont(font)
        painter.setPen(QColor(t.dim_text))
        room = rect.right() - 6 - x
        if room > 20:
            painter.drawText(
                x,
                y + metrics.ascent(),
                metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, room),
            )
        counts = index.data(COUNTS_ROLE)
        small = counts_font(font)
        painter.setFont(small)
        painter.setPen(QColor(t.text if counts not in ("…", "no change") else t.dim_text))
        small_metrics = QFontMetrics(small)
        lines = wrap_counts(
            counts, small_metrics, self.counts_width(rect.width()), self.count_lines
        )
        for k, text in enumerate(lines):
            top = y + line + 2 + k * small_metrics.height()
            painter.drawText(rect.x() + 10, top + small_metrics.ascent(), text)
        painter.restore()


def fit_when(
    when: str, name: str, room: int, when_metrics: QFontMetrics, name_metrics: QFontMetrics
) -> str:
    """A row's date, shortened so that the file name beside it keeps its first characters.

    A save's time gives up saying whose save it was ("document saved 09:00" becomes
    "saved 09:00") where the name would otherwise be cut to fewer than eight characters.
    """
    least = min(
        name_metrics.horizontalAdvance(name), name_metrics.horizontalAdvance(name[:8] + "…")
    )
    for prefix in ("document saved ", "file saved "):
        if prefix in when and room - when_metrics.horizontalAdvance(when) - 8 < least:
            when = when.replace(prefix, "saved ", 1)
    return when


class TimelineView(QListView):
    """The timeline list; the selection picks the pair shown.

    Signals:
        pair_picked(int, int): the reader picked two versions (story indices).
    """

    pair_picked = Signal(int, int)

    def __init__(self, state: ReaderState, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.timeline = TimelineModel(state, theme)
        self.setModel(self.timeline)
        self.delegate = TimelineDelegate(theme, self)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Timeline of versions"))
        self.setAccessibleDescription(
            self.tr(
                "Every version with what changed since the one before. Select one to read it "
                "against the one before, or two (Ctrl+click, Shift+arrows) to read them together."
            )
        )
        self._syncing = False
        self.selectionModel().selectionChanged.connect(self._on_selection)
        state.subscribe(self._on_state)

    def sizeHint(self) -> QSize:  # noqa: D102
        return QSize(240, 300)

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self.delegate.theme = theme
        self.timeline.set_theme(theme)

    def _on_state(self, changed: frozenset[str]) -> None:
        if STORY in changed or PAIR in changed:
            self.follow_pair()
        if changed & {STORY, HISTORY, PROGRESS}:
            self.fit_counts()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: D102
        # the version in sight before (the newer shown, as a rule) stays in sight after
        current = self.currentIndex()
        top = self.visualRect(current).top() if current.isValid() else -1
        seen = 0 <= top < event.oldSize().height()
        super().resizeEvent(event)
        self.fit_counts()
        if seen:
            self.scrollTo(current)

    def fit_counts(self) -> None:
        """Give every row the lines its widest counts need at this width (one or two)."""
        metrics = QFontMetrics(counts_font(self.font()))
        width = self.delegate.counts_width(self.viewport().width())
        needed = 1
        for row in range(self.timeline.rowCount()):
            counts = self.timeline.counts(row)
            if metrics.horizontalAdvance(counts) > width:
                needed = len(wrap_counts(counts, metrics, width, COUNT_LINES_MAX))
                if needed == COUNT_LINES_MAX:
                    break
        if needed != self.delegate.count_lines:
            self.delegate.count_lines = needed
            self.doItemsLayout()  # one row height for all: laid out again, now
            if self.currentIndex().isValid():
                self.scrollTo(self.currentIndex())  # the pair shown stays in sight

    def follow_pair(self) -> None:
        """Select the rows that stand for the pair shown, without picking it again."""
        a, b = self._state.pair
        if self._state.count < 2:
            return
        rows = [b] if b - a == 1 else [a, b]
        selection = QItemSelection()
        for r in rows:
            selection.select(self.timeline.index(r), self.timeline.index(r))
        self._syncing = True
        try:
            model = self.selectionModel()
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            model.setCurrentIndex(
                self.timeline.index(b), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        finally:
            self._syncing = False
        self.scrollTo(self.timeline.index(b))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing:
            return
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows:
            return
        if len(rows) == 1:
            b = rows[0]
            a = b - 1 if b > 0 else 1
        else:
            a, b = rows[0], rows[-1]
        if self._state.count >= 2 and a != b:
            self.pair_picked.emit(min(a, b), max(a, b))

    def current_row(self) -> int:
        """The row with the keyboard focus (-1 if none)."""
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

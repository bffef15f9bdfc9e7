"""The versions side by side: one painted row per group of corresponding paragraphs.

Only the rows on screen are laid out with ``QTextLayout``; the others keep an estimated
height until they scroll into view, so a 5 MB comparison opens and scrolls as quickly as a
short one.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import accumulate

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QToolTip, QWidget

from comparer.core.model import Role
from comparer.ui.document_model import (
    DEL,
    FIG_DEL,
    FIG_INS,
    INS,
    MOVED_NEW,
    MOVED_OLD,
    NUM_NEW,
    NUM_OLD,
    TYPO,
    DocumentModel,
    Span,
    Stop,
)
from comparer.ui.pane_header import PaneHeader
from comparer.ui.plain_text import plain_tooltip
from comparer.ui.reader_state import CURRENT, FILTER, FIND, QUOTE, ReaderState
from comparer.ui.theme import Theme

READING_FAMILIES = (
    "Source Serif 4",
    "Source Serif Pro",
    "Charter",
    "Georgia",
    "Noto Serif",
    "DejaVu Serif",
    "Liberation Serif",
)
BASE_POINT_SIZE = 11.0
LAYOUT_CACHE = 3000
WORD = re.compile(r"\w+", re.UNICODE)


def reading_font() -> QFont:
    """A proportional serif for article text, the first installed of a preferred list."""
    families = set(QFontDatabase.families())
    for family in READING_FAMILIES:
        if family in families:
            return QFont(family)
    font = QFont()
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


@dataclass
class _Block:
    """One laid-out paragraph inside a cell."""

    paragraph: int
    start: int  # offset of the paragraph in its version's text
    y: float  # top, relative to the cell's text area
    height: float
    layout: QTextLayout
    collapsed: bool = False


@dataclass
class _Cell:
    """A laid-out cell: a version's paragraphs in one row."""

    height: float
    blocks: list[_Block] = field(default_factory=list)
    caption: str = ""
    caption_height: float = 0.0


@dataclass(frozen=True)
class Hit:
    """What is under a point of the view."""

    row: int
    column: int
    offset: int | None  # character offset in the column's version, when over text
    link_row: int | None = None  # a "moved from / to" placeholder leads here
    toggles_row: bool = False  # a collapsed markup row expands when clicked


class CompareView(QAbstractScrollArea):
    """Paints a ``DocumentModel``: versions side by side, aligned paragraph by paragraph.

    Signals:
        current_stop_changed(int): the highlighted change moved (index into ``stops``).
        geometry_changed(): scroll position or row heights changed (for the overview).
        selection_changed(): selected text changed.
        pane_activated(int): the user clicked into a version's pane.
        row_filter_changed(): rows were hidden or shown again (``row_filter``).
        quote_highlight_changed(): a quote was highlighted or the highlight cleared.
    """

    current_stop_changed = Signal(int)
    geometry_changed = Signal()
    selection_changed = Signal()
    pane_activated = Signal(int)
    row_filter_changed = Signal()
    quote_highlight_changed = Signal()
    painted = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.setAccessibleName(self.tr("Versions side by side"))
        self.setAccessibleDescription(
            self.tr("Article versions aligned paragraph by paragraph; changes are marked.")
        )
        self._theme = theme
        self._model: DocumentModel | None = None
        self._zoom = 100
        self._ignore_typography = False
        self._focus_pair = -1
        self._show_markup = False
        self._expanded: set[int] = set()
        self._heights: list[float] = []
        self._exact = bytearray()
        self._offsets: list[float] = [0.0]
        self._cache: OrderedDict[tuple[int, int], _Cell] = OrderedDict()
        self._layout_width = -1
        self.stops: list[Stop] = []
        self._current = -1
        self._selection: tuple[int, int, int] | None = None  # column, anchor, cursor
        self._selecting = False
        self._active_column = 0
        self._find: list[list[tuple[int, int]]] = []
        self._find_starts: list[list[int]] = []
        self._find_current: tuple[int, int, int] | None = None
        self._formats: dict[str, QTextCharFormat] = {}
        self._clip = QRectF()
        self._shown: bytearray | None = None  # per row: 1 shown, 0 hidden by a filter
        self._filter_label = ""
        self._filter_serial = 0
        self._quote: tuple[int, tuple[tuple[int, int], ...]] | None = None
        self._state: ReaderState | None = None
        self._header = PaneHeader(self)
        self._header_height = 0
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(40)
        self._autoscroll.timeout.connect(self._on_autoscroll)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._setup_fonts()
        self._make_formats()

    # ----------------------------------------------------------------- public API
    def bind(self, state: ReaderState) -> None:
        """Observe ``state``: filter, current change, find and quote come from it.

        The setters below then ask the state, and the view redraws when the state tells it
        what changed, as every other observer does.
        """
        self._state = state
        state.subscribe(self._on_state)

    @property
    def state(self) -> ReaderState | None:
        """The reader state the view observes, if bound."""
        return self._state

    def _on_state(self, changed: frozenset[str]) -> None:
        state = self._state
        assert state is not None
        if FILTER in changed:
            rows = state.filter_rows
            self._apply_row_filter(set(rows) if rows is not None else None, state.filter_label)
        if QUOTE in changed:
            self._apply_quote(state.quote)
        if FIND in changed:
            self._apply_find(state.find_matches, state.find_current)
        if CURRENT in changed:
            self._apply_current(state.current, state.scroll_to_current)

    @property
    def header(self) -> PaneHeader:
        """The row of pane titles above the text."""
        return self._header

    @property
    def model(self) -> DocumentModel | None:
        """The model being shown."""
        return self._model

    def set_model(self, model: DocumentModel | None) -> None:
        """Show ``model`` (None clears the view)."""
        self._model = model
        had_filter, had_quote = self._shown is not None, self._quote is not None
        self._shown, self._filter_label, self._quote = None, "", None
        self._filter_serial += 1
        self._expanded.clear()
        self._selection = None
        self._current = -1
        self._find, self._find_starts, self._find_current = [], [], None
        state = self._state
        if state is not None:  # a new model: nothing of the old one stays current
            state.filter_rows, state.filter_label, state.quote = None, "", None
            state.current, state.find_matches, state.find_current = -1, [], None
        self._header.set_versions(model.versions if model else (), model.numbers if model else ())
        self._update_header_geometry()
        self._rebuild_stops()
        self._relayout_all(keep_anchor=False)
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        if had_filter:
            self.row_filter_changed.emit()
        if had_quote:
            self.quote_highlight_changed.emit()

    def update_model(self, model: DocumentModel) -> None:
        """Show ``model`` in place of one with the same rows (its quotes now known).

        Document models never change once built; when more is known of the same versions
        (who is quoted), a new one is built around the same rows, and the view keeps its
        place, its current change and its filter.
        """
        if self._model is None or model.rows is not self._model.rows:
            self.set_model(model)
            return
        self._model = model
        self.viewport().update()

    # ----------------------------------------------------------------- filter, quote
    def set_row_filter(self, rows: set[int] | None, label: str = "") -> None:
        """Show only ``rows`` (None shows every row again).

        Args:
            rows: indices of the rows to keep; the others take no space.
            label: what the filter is, for the status bar ("Elena Marsh's quotes").
        """
        if self._state is not None:
            if self._model is not None:
                self._state.set_filter(frozenset(rows) if rows is not None else None, label)
            return
        self._apply_row_filter(rows, label)

    def _apply_row_filter(self, rows: set[int] | None, label: str) -> None:
        model = self._model
        if model is None or (rows is None and self._shown is None):
            return
        if rows is None:
            self._shown, self._filter_label = None, ""
        else:
            shown = bytearray(len(model.rows))
            for r in rows:
                if 0 <= r < len(shown):
                    shown[r] = 1
            self._shown, self._filter_label = shown, label
        self._filter_serial += 1
        # Hiding rows keeps the first shown row at the top; showing all keeps the row
        # that was on top where it was.
        self._relayout_all(keep_anchor=rows is None)
        if rows is not None:
            self.verticalScrollBar().setValue(0)
        self.row_filter_changed.emit()

    def row_filter(self) -> str:
        """The active filter's label, or "" when every row is shown."""
        return self._filter_label if self._shown is not None else ""

    def filter_serial(self) -> int:
        """A number that changes whenever rows are hidden or shown."""
        return self._filter_serial

    def row_shown(self, row: int) -> bool:
        """Whether ``row`` is shown (not hidden by a filter)."""
        return self._shown is None or (0 <= row < len(self._shown) and bool(self._shown[row]))

    def shown_rows(self) -> list[int]:
        """Indices of the rows not hidden by a filter."""
        count = len(self._model.rows) if self._model else 0
        return [r for r in range(count) if self.row_shown(r)]

    def highlight_quote(self, version: int, ranges: list[tuple[int, int]]) -> None:
        """Mark a quote's text in one pane and scroll to it.

        The mark stays until ``clear_quote_highlight`` (Esc in the text), another quote
        is highlighted, or another comparison is shown. A filter that hides the quote's
        row is lifted first.

        Args:
            version: the pane (version index).
            ranges: (start, end) offsets of the quote's pieces in that version's text.
        """
        model = self._model
        if model is None or not ranges or version >= len(model.versions):
            return
        quote = (version, tuple(sorted(ranges)))
        if self._state is not None:
            self._state.set_quote(quote)
            return
        self._apply_quote(quote)

    def _apply_quote(self, quote: tuple[int, tuple[tuple[int, int], ...]] | None) -> None:
        model = self._model
        if quote is None or model is None:
            if self._quote is not None:
                self._quote = None
                self.viewport().update()
                self.quote_highlight_changed.emit()
            return
        version, ranges = quote
        row = model.row_of(version, ranges[0][0])
        if not self.row_shown(row):
            self.set_row_filter(None)
        self._quote = (version, tuple(ranges))
        self._active_column = version
        self._header.set_active(version)
        self.scroll_to_offset(version, ranges[0][0], row)
        self.viewport().update()
        self.quote_highlight_changed.emit()

    def quote_highlight(self) -> tuple[int, tuple[tuple[int, int], ...]] | None:
        """The highlighted quote as (version, ranges), or None."""
        return self._quote

    def clear_quote_highlight(self) -> None:
        """Remove the quote highlight."""
        if self._state is not None:
            self._state.set_quote(None)
            return
        if self._quote is None:
            return
        self._quote = None
        self.viewport().update()
        self.quote_highlight_changed.emit()

    def is_offset_visible(self, version: int, offset: int) -> bool:
        """Whether the line holding ``offset`` of ``version`` is on screen now."""
        model = self._model
        if model is None or version >= len(model.versions):
            return False
        row = model.row_of(version, offset)
        if not self.row_shown(row):
            return False
        self._ensure_visible()
        y = self._offsets[row] + self._line_y(row, version, offset)
        top = self.verticalScrollBar().value()
        return top <= y and y + self._unit() <= top + self.viewport().height()

    def set_theme(self, theme: Theme) -> None:
        """Repaint with other colours."""
        self._theme = theme
        self._make_formats()
        self._header.set_theme(theme)
        self._cache.clear()
        self.viewport().update()

    def set_zoom(self, percent: int) -> None:
        """Scale the text to ``percent`` of its normal size."""
        if percent == self._zoom:
            return
        self._zoom = percent
        self._setup_fonts()
        self._update_header_geometry()  # the titles grow with the text
        self._relayout_all(keep_anchor=True)

    def zoom(self) -> int:
        """The current zoom in percent."""
        return self._zoom

    def set_ignore_typography(self, ignore: bool) -> None:
        """Hide or show typographic-only marks (they also leave the list of stops)."""
        if ignore == self._ignore_typography:
            return
        self._ignore_typography = ignore
        self._rebuild_stops()
        self._cache.clear()
        self.viewport().update()

    def ignore_typography(self) -> bool:
        """Whether typographic-only changes are hidden."""
        return self._ignore_typography

    def set_focus_pair(self, pair: int) -> None:
        """Mark only the changes of one consecutive pair (-1: every pair)."""
        if pair == self._focus_pair:
            return
        self._focus_pair = pair
        self._rebuild_stops()
        self._cache.clear()
        self.viewport().update()

    def set_show_markup(self, show: bool) -> None:
        """Show markup and metadata paragraphs in full, or collapsed to one line."""
        self._show_markup = show
        self._expanded.clear()
        self._relayout_all(keep_anchor=True)

    def column_count(self) -> int:
        """How many panes are painted (two when only one version is loaded)."""
        if self._model is None:
            return 2
        return max(2, len(self._model.versions))

    def column_rect(self, column: int) -> QRect:
        """The pane's area in viewport coordinates."""
        x, w = self._columns()[column]
        return QRect(int(x), 0, int(w), self.viewport().height())

    def column_at(self, x: float) -> int:
        """The pane under viewport x."""
        for i, (cx, cw) in enumerate(self._columns()):
            if x < cx + cw + self._gutter() / 2:
                return i
        return self.column_count() - 1

    def total_height(self) -> float:
        """Height of all rows in pixels (estimated for rows not yet laid out)."""
        return self._offsets[-1]

    def row_top(self, row: int) -> float:
        """Top of ``row`` in document pixels."""
        return self._offsets[min(row, len(self._offsets) - 1)]

    def row_tops(self, rows: list[int]) -> list[float]:
        """Tops of many rows at once, in document pixels (for the overview's ticks)."""
        offsets = self._offsets
        last = len(offsets) - 1
        return [offsets[r] if r < last else offsets[last] for r in rows]

    def row_at_y(self, y: float) -> int:
        """The row at document y."""
        if not self._heights:
            return 0
        return max(0, min(len(self._heights) - 1, bisect_right(self._offsets, y) - 1))

    def visible_rows(self) -> range:
        """Rows at least partly on screen."""
        top = self.verticalScrollBar().value()
        first = self.row_at_y(top)
        last = self.row_at_y(top + self.viewport().height())
        return range(first, last + 1) if self._heights else range(0)

    def current_stop(self) -> int:
        """Index of the highlighted change in ``stops``, or -1."""
        return self._current

    def set_current_stop(self, index: int, scroll: bool = True) -> None:
        """Highlight change ``index`` of ``stops`` and bring it into view."""
        if self._state is not None:
            index = max(0, min(index, len(self.stops) - 1)) if self.stops else -1
            self._state.set_current(index, scroll)
            return
        self._apply_current(index, scroll)

    def _apply_current(self, index: int, scroll: bool) -> None:
        if not self.stops or index < 0:
            if self._current != -1:
                self._current = -1
                self.viewport().update()
                self.current_stop_changed.emit(-1)
            self._current = -1
            return
        index = max(0, min(index, len(self.stops) - 1))
        self._current = index
        if scroll and not self.row_shown(self.stops[index].row):
            self.set_row_filter(None)
        if scroll:
            stop = self.stops[index]
            self.scroll_to_offset(stop.version, stop.start, stop.row)
        self.viewport().update()
        self.current_stop_changed.emit(index)

    def _tells_numbers(self, stop: Stop) -> bool:
        if self._model is None:
            return stop.category == "numeric"
        return self._model.tells_numbers(stop)

    def step(self, forward: bool, numeric: bool = False) -> bool:
        """Move to the next (or previous) change; returns False when there is none."""
        if not self.stops:
            return False
        candidates = [
            i
            for i, s in enumerate(self.stops)
            if (not numeric or self._tells_numbers(s)) and self.row_shown(s.row)
        ]
        if not candidates:
            return False
        visible = self.visible_rows()
        if self._current >= 0 and self.stops[self._current].row in visible:
            here = self._current
            if forward:
                after = [i for i in candidates if i > here]
            else:
                after = [i for i in reversed(candidates) if i < here]
        else:
            top = visible.start if visible else 0
            if forward:
                after = [i for i in candidates if self.stops[i].row >= top]
            else:
                after = [i for i in reversed(candidates) if self.stops[i].row < top]
        if not after:
            return False
        self.set_current_stop(after[0])
        return True

    def scroll_to_row(self, row: int, fraction: float = 0.25) -> None:
        """Scroll so that ``row`` starts ``fraction`` of the way down the viewport."""
        if not self._heights:
            return
        row = max(0, min(row, len(self._heights) - 1))
        self._ensure_rows(range(row, min(row + 3, len(self._heights))))
        target = self._offsets[row] - self.viewport().height() * fraction
        self._set_scroll(target)

    def scroll_to_offset(self, version: int, offset: int, row: int | None = None) -> None:
        """Scroll to the line holding ``offset`` of ``version``, a third of the way down."""
        model = self._model
        if model is None:
            return
        if row is None:
            row = model.row_of(version, offset)
        self._ensure_rows(range(row, min(row + 2, len(self._heights))))
        y = self._offsets[row] + self._line_y(row, version, offset)
        self._set_scroll(y - self.viewport().height() / 3)

    def set_find_matches(self, matches: list[list[tuple[int, int]]]) -> None:
        """Highlight these (start, end) ranges of each version's text."""
        if self._state is not None:
            self._state.set_find(self._state.find_text, matches)
            return
        self._apply_find(matches, None)

    def _apply_find(
        self, matches: list[list[tuple[int, int]]], current: tuple[int, int, int] | None
    ) -> None:
        if matches is not self._find:
            self._find = matches
            self._find_starts = [[m[0] for m in ms] for ms in matches]
        self._find_current = current
        if current is not None:
            self.scroll_to_offset(current[0], current[1])
        self.viewport().update()

    def set_find_current(self, version: int, start: int, end: int) -> None:
        """Emphasise one find match and scroll to it."""
        if self._state is not None:
            self._state.set_find_current((version, start, end))
            return
        self._apply_find(self._find, (version, start, end))

    def selected_text(self) -> str:
        """The selected text, exactly as it is in the version."""
        if self._selection is None or self._model is None:
            return ""
        column, a, b = self._selection
        if column >= len(self._model.versions):
            return ""
        start, end = sorted((a, b))
        return self._model.versions[column].text[start:end]

    def select_all(self) -> None:
        """Select the whole text of the pane last clicked in."""
        if self._model is None:
            return
        column = min(self._active_column, len(self._model.versions) - 1)
        self._selection = (column, 0, len(self._model.versions[column].text))
        self.viewport().update()
        self.selection_changed.emit()

    def copy_selection(self) -> bool:
        """Put the selection on the clipboard; returns False when nothing is selected."""
        text = self.selected_text()
        if not text:
            return False
        QGuiApplication.clipboard().setText(text)
        return True

    def cursor_position(self) -> tuple[int, int] | None:
        """The pane and offset last clicked (the selection's moving end), or None."""
        if self._selection is None:
            return None
        return self._selection[0], self._selection[2]

    def select_range(self, column: int, anchor: int, cursor: int) -> None:
        """Select from ``anchor`` to ``cursor`` in pane ``column`` (equal: place the cursor)."""
        if self._model is None or not 0 <= column < len(self._model.versions):
            return
        size = len(self._model.versions[column].text)
        anchor, cursor = max(0, min(anchor, size)), max(0, min(cursor, size))
        self._selection = (column, anchor, cursor)
        self.viewport().update()
        self.selection_changed.emit()

    def offset_rect(self, column: int, offset: int) -> QRectF:
        """Where character ``offset`` of pane ``column`` is drawn, in viewport coordinates.

        Empty when the character is not drawn (no model, a hidden or collapsed row).
        """
        model = self._model
        if model is None or not 0 <= column < len(model.versions) or not self._heights:
            return QRectF()
        row = model.row_of(column, offset)
        if self._heights[row] <= 0 or self._row_collapsed(row):
            return QRectF()
        tx, _ = self._text_box(column)
        for block in self._cell(row, column).blocks:
            position = offset - block.start
            if 0 <= position <= len(block.layout.text()):
                line = block.layout.lineForTextPosition(position)
                if not line.isValid():
                    break
                x1 = self._cursor_x(line, position)
                x2 = self._cursor_x(line, min(position + 1, line.textStart() + line.textLength()))
                top = self._offsets[row] - self.verticalScrollBar().value() + self._pad_top
                return QRectF(tx + x1, top + block.y + line.y(), max(1.0, x2 - x1), line.height())
        return QRectF()

    def hit(self, pos: QPointF) -> Hit | None:
        """What lies under viewport point ``pos``."""
        return self._hit(pos)

    def stop_at(self, version: int, offset: int) -> int:
        """Index of the stop whose range holds ``offset`` of ``version``, or -1."""
        for i, stop in enumerate(self.stops):
            if stop.version == version and stop.start <= offset <= stop.end:
                return i
        return -1

    def _move_stop_at(self, version: int, offset: int) -> int:
        """The stop of the moved sentence at ``offset`` of ``version`` (either place), or -1."""
        model = self._model
        if model is None:
            return -1
        for span in model.spans_in(version, model.paragraph_at(version, offset)):
            if span.move >= 0 and span.start <= offset < span.end and self.span_visible(span):
                for i, stop in enumerate(self.stops):
                    if stop.pair == span.pair and stop.move == span.move:
                        return i
        return -1

    def marks_in(self, row: int, column: int) -> list[tuple[str, QTextCharFormat]]:
        """The marked stretches of text drawn in one cell, with their formats."""
        model = self._model
        if model is None or column >= len(model.versions) or not model.rows[row].cells[column]:
            return []
        out: list[tuple[str, QTextCharFormat]] = []
        for block in self._cell(row, column).blocks:
            text = block.layout.text()
            for fr in block.layout.formats():
                out.append((text[fr.start : fr.start + fr.length], QTextCharFormat(fr.format)))
        return out

    def find_marks(self, row: int, column: int) -> list[tuple[str, bool]]:
        """The find matches drawn in one cell: their text, and whether each is the current one."""
        model = self._model
        if model is None or column >= len(model.versions) or not model.rows[row].cells[column]:
            return []
        out: list[tuple[str, bool]] = []
        current = self._formats["find_current"]
        for block in self._cell(row, column).blocks:
            text = block.layout.text()
            for fr in self._overlay(column, block):
                if fr.format in (current, self._formats["find"]):
                    piece = text[fr.start : fr.start + fr.length]
                    out.append((piece, fr.format == current))
        return out

    def placeholder_text(self, row: int, column: int) -> str:
        """What an empty cell says ("removed", "added", "moved to ¶3 ↓"…), or ""."""
        if self._model is None or self._model.rows[row].cells[column]:
            return ""
        return self._placeholder(row, column)[0]

    def ensure_visible_laid_out(self) -> None:
        """Lay out the rows on screen now (normally done just before painting)."""
        self._ensure_visible()

    # ----------------------------------------------------------------- geometry
    def _unit(self) -> float:
        return self._metrics.height()

    def _gutter(self) -> float:
        return 18.0

    def _columns(self) -> list[tuple[float, float]]:
        n = self.column_count()
        width = float(self.viewport().width())
        gutter = self._gutter()
        each = max(80.0, (width - gutter * (n - 1)) / n)
        return [(i * (each + gutter), each) for i in range(n)]

    def _text_box(self, column: int) -> tuple[float, float]:
        """Left x and width of the text inside a pane."""
        x, w = self._columns()[column]
        margin_left, margin_right = 34.0, 18.0
        usable = max(60.0, w - margin_left - margin_right)
        text_width = min(usable, self._max_line)
        return x + margin_left + (usable - text_width) / 2, text_width

    def _setup_fonts(self) -> None:
        scale = self._zoom / 100.0
        base = reading_font()
        base.setPointSizeF(BASE_POINT_SIZE * scale)
        self._font = base
        heading = QFont(base)
        heading.setPointSizeF(BASE_POINT_SIZE * scale * 1.3)
        heading.setWeight(QFont.Weight.DemiBold)
        self._heading_font = heading
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.9 * scale))
        self._small_font = small
        self._metrics = QFontMetricsF(base)
        self._small_metrics = QFontMetricsF(small)
        self._leading = round(self._metrics.height() * 0.5)
        self._max_line = self._metrics.averageCharWidth() * 78
        self._pad_top = round(self._unit() * 0.35)
        self._pad_bottom = round(self._unit() * 0.75)

    def _make_formats(self) -> None:
        t = self._theme
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(t.deleted))
        fmt.setBackground(QColor(t.deleted_tint))
        fmt.setFontStrikeOut(True)
        self._formats[DEL] = fmt
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(t.added))
        fmt.setBackground(QColor(t.added_tint))
        fmt.setFontUnderline(True)
        self._formats[INS] = fmt
        for style in (NUM_OLD, NUM_NEW):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(t.number))
            fmt.setForeground(QColor(t.number_text))
            fmt.setFontWeight(QFont.Weight.Bold)
            if style == NUM_OLD:
                fmt.setFontStrikeOut(True)
            else:
                fmt.setFontUnderline(True)
            self._formats[style] = fmt
        for style in (FIG_DEL, FIG_INS):
            # a number added or removed: bold on a pale orange, in the words' colour, so
            # it reads apart from a number whose value changed (filled orange)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(t.figure_tint))
            fmt.setForeground(QColor(t.deleted if style == FIG_DEL else t.added))
            fmt.setFontWeight(QFont.Weight.Bold)
            if style == FIG_DEL:
                fmt.setFontStrikeOut(True)
            else:
                fmt.setFontUnderline(True)
            self._formats[style] = fmt
        for style in (MOVED_OLD, MOVED_NEW):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(t.moved_tint))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(t.moved))
            self._formats[style] = fmt
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(t.typographic))
        self._formats[TYPO] = fmt
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(t.find))
        fmt.setForeground(QColor(t.find_text))
        self._formats["find"] = fmt
        fmt = QTextCharFormat()  # the match gone to: another colour, and underlined
        fmt.setBackground(QColor(t.focus))
        fmt.setForeground(QColor(t.base))
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor(t.text))
        self._formats["find_current"] = fmt
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(t.selection))
        fmt.setForeground(QColor(t.selection_text))
        self._formats["selection"] = fmt

    # ----------------------------------------------------------------- stops
    def _rebuild_stops(self) -> None:
        model = self._model
        old = self.stops[self._current] if 0 <= self._current < len(self.stops) else None
        if model is None:
            self.stops = []
        else:
            self.stops = [
                s
                for s in model.stops
                if not (self._ignore_typography and s.category == "typographic")
                and (self._focus_pair < 0 or s.pair == self._focus_pair)
            ]
        self._current = self.stops.index(old) if old in self.stops else -1
        if self._state is not None:
            self._state.current = self._current  # the same change, renumbered: nothing to redraw
        self.geometry_changed.emit()

    def span_visible(self, span: Span) -> bool:
        """Whether a mark is drawn under the current options."""
        if self._ignore_typography and span.style == TYPO:
            return False
        return self._focus_pair < 0 or span.pair == self._focus_pair

    # ----------------------------------------------------------------- layout
    def _row_collapsed(self, row: int) -> bool:
        model = self._model
        if model is None or self._show_markup or row in self._expanded:
            return False
        r = model.rows[row]
        if r.is_ignored():
            return True
        paragraphs = [(v, p) for v, cell in enumerate(r.cells) for p in cell]
        return bool(paragraphs) and all(not model.role(v, p).is_article for v, p in paragraphs)

    def _estimate_rows(self) -> None:
        model = self._model
        if model is None:
            self._heights, self._exact, self._offsets = [], bytearray(), [0.0]
            return
        line = self._metrics.height() + self._leading
        char_w = self._metrics.averageCharWidth() * 1.05
        widths = [self._text_box(c)[1] for c in range(len(model.versions))]
        chars_per_line = [max(10.0, w / char_w) for w in widths]
        pads = self._pad_top + self._pad_bottom
        heights: list[float] = []
        versions = model.versions
        shown = self._shown
        for r, row in enumerate(model.rows):
            if shown is not None and not shown[r]:
                heights.append(0.0)
                continue
            if self._row_collapsed(r):
                heights.append(line + pads)
                continue
            best = line
            for v, cell in enumerate(row.cells):
                if not cell:
                    continue
                paragraphs = versions[v].paragraphs
                h = 0.0
                for p in cell:
                    para = paragraphs[p]
                    lines = math.ceil((para.end - para.start) / chars_per_line[v]) or 1
                    h += lines * line
                h += (len(cell) - 1) * self._leading
                if len(cell) > 1:
                    h += self._small_metrics.height()
                best = max(best, h)
            heights.append(best + pads)
        self._heights = heights
        # Hidden rows count as laid out, so they are never laid out.
        self._exact = bytearray(len(heights)) if shown is None else bytearray(1 - x for x in shown)
        self._offsets = [0.0, *accumulate(heights)]

    def _relayout_all(self, keep_anchor: bool) -> None:
        top = self.verticalScrollBar().value()
        anchor_row = self.row_at_y(top)
        within = 0.0
        if keep_anchor and self._heights:
            within = (top - self._offsets[anchor_row]) / max(1.0, self._heights[anchor_row])
        self._cache.clear()
        self._layout_width = self.viewport().width()
        self._estimate_rows()
        self._update_scrollbar()
        if keep_anchor and self._heights:
            anchor_row = min(anchor_row, len(self._heights) - 1)
            self._ensure_rows(range(anchor_row, min(anchor_row + 1, len(self._heights))))
            self._set_scroll(self._offsets[anchor_row] + within * self._heights[anchor_row])
        self.viewport().update()
        self.geometry_changed.emit()

    def _update_scrollbar(self) -> None:
        bar = self.verticalScrollBar()
        vh = self.viewport().height()
        bar.setPageStep(max(1, vh - int(self._unit() * 2)))
        bar.setSingleStep(max(1, int(self._unit() * 3)))
        bar.setRange(0, max(0, int(self._offsets[-1] - vh + self._unit() * 3)))

    def _set_scroll(self, y: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(int(max(bar.minimum(), min(bar.maximum(), y))))

    def _ensure_rows(self, rows: range) -> bool:
        """Lay out ``rows`` exactly; returns whether any height changed."""
        changed = False
        columns = len(self._model.versions) if self._model else 0
        for r in rows:
            if self._exact[r]:
                continue
            height = self._unit()
            for c in range(columns):
                height = max(height, self._cell(r, c).height)
            height += self._pad_top + self._pad_bottom
            self._exact[r] = 1
            if abs(height - self._heights[r]) > 0.01:
                self._heights[r] = height
                changed = True
        if changed:
            self._offsets = [0.0, *accumulate(self._heights)]
            self._update_scrollbar()
            self.geometry_changed.emit()
        return changed

    def _ensure_visible(self) -> None:
        if not self._heights:
            return
        if self.viewport().width() != self._layout_width:
            self._relayout_all(keep_anchor=True)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = self.row_at_y(top)
        r = first
        # Heights of rows at and below ``first`` may change; rows above keep theirs, so
        # the row at the top of the screen stays where it is.
        y = self._offsets[r]
        changed = False
        columns = len(self._model.versions) if self._model else 0
        while r < len(self._heights) and y < bottom:
            if not self._exact[r]:
                height = self._unit()
                for c in range(columns):
                    height = max(height, self._cell(r, c).height)
                height += self._pad_top + self._pad_bottom
                self._exact[r] = 1
                if abs(height - self._heights[r]) > 0.01:
                    self._heights[r] = height
                    changed = True
            y += self._heights[r]
            r += 1
        if changed:
            # One pass over the offsets for the whole screen, not one per row.
            self._offsets = [0.0, *accumulate(self._heights)]
            self._update_scrollbar()
            self.geometry_changed.emit()

    def _cell(self, row: int, column: int) -> _Cell:
        key = (row, column)
        cell = self._cache.get(key)
        if cell is not None:
            self._cache.move_to_end(key)
            return cell
        cell = self._layout_cell(row, column)
        self._cache[key] = cell
        if len(self._cache) > LAYOUT_CACHE:
            self._cache.popitem(last=False)
        return cell

    def _layout_cell(self, row: int, column: int) -> _Cell:
        model = self._model
        assert model is not None
        r = model.rows[row]
        paragraphs = r.cells[column] if column < len(r.cells) else ()
        if not paragraphs:
            return _Cell(height=self._unit() * 1.6)
        version = model.versions[column]
        _, width = self._text_box(column)
        caption = self._caption(row, column)
        caption_height = self._small_metrics.height() * 1.3 if caption else 0.0
        collapsed = self._row_collapsed(row)
        y = caption_height
        blocks: list[_Block] = []
        for p in paragraphs:
            para = version.paragraphs[p]
            text = version.text[para.start : para.end]
            font = self._heading_font if para.role is Role.HEADING else self._font
            if collapsed:
                font = self._small_font
                first_line = text.split("\n", 1)[0]
                text = QFontMetricsF(font).elidedText(
                    first_line, Qt.TextElideMode.ElideRight, width - 20
                )
            layout = QTextLayout(text, font)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            if not collapsed:
                layout.setFormats(self._ranges(model.spans_in(column, p), para.start))
            h = self._lay_out(layout, width)
            blocks.append(_Block(p, para.start, y, h, layout, collapsed))
            y += h + self._leading
        height = y - self._leading
        return _Cell(height, blocks, caption, caption_height)

    def _lay_out(self, layout: QTextLayout, width: float) -> float:
        layout.beginLayout()
        y = 0.0
        half = self._leading / 2
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y + half))
            y += line.height() + self._leading
        layout.endLayout()
        return max(y, self._unit())

    def _ranges(self, spans: list[Span], base: int) -> list[QTextLayout.FormatRange]:
        out: list[QTextLayout.FormatRange] = []
        for span in spans:
            if not self.span_visible(span):
                continue
            fr = QTextLayout.FormatRange()
            fr.start = span.start - base
            fr.length = span.end - span.start
            fr.format = self._formats[span.style]
            out.append(fr)
        return out

    def _caption(self, row: int, column: int) -> str:
        model = self._model
        assert model is not None
        r = model.rows[row]
        n = len(r.cells[column])
        # As the newer side of the pair before, then as the older side of the pair after.
        if column > 0 and self._pair_shown(column - 1):
            kind = r.pair_kinds[column - 1]
            older = len(r.cells[column - 1])
            if kind == "split" and n > 1:
                return self.tr("Split from one paragraph")
            if kind == "merged" and older > 1:
                return self.tr("Merged from {0} paragraphs").format(older)
        if column < len(r.pair_kinds) and self._pair_shown(column):
            kind = r.pair_kinds[column]
            newer = len(r.cells[column + 1])
            if kind == "split" and newer > 1:
                return self.tr("Split into {0} paragraphs").format(newer)
            if kind == "merged" and n > 1:
                return self.tr("Merged into one paragraph")
        return ""

    def _pair_shown(self, pair: int) -> bool:
        return self._focus_pair < 0 or self._focus_pair == pair

    def _placeholder(self, row: int, column: int) -> tuple[str, int | None]:
        """Text for an empty cell, and the row a "moved" link leads to."""
        model = self._model
        assert model is not None
        r = model.rows[row]
        link = model.links.get((row, column))
        if link is not None:
            arrow = "↓" if link.target_row > row else "↑"
            if link.to_newer:
                return self.tr("moved to ¶{0} {1}").format(link.paragraph + 1, arrow), (
                    link.target_row
                )
            return self.tr("moved from ¶{0} {1}").format(link.paragraph + 1, arrow), (
                link.target_row
            )
        if r.is_ignored():
            return "", None
        if column > 0 and r.pair_kinds[column - 1] == "deleted":
            return self.tr("removed"), None
        if column < len(r.pair_kinds) and r.pair_kinds[column] == "added":
            return self.tr("added"), None
        return "", None

    def _line_y(self, row: int, column: int, offset: int) -> float:
        if self._model is None or column >= len(self._model.versions):
            return 0.0
        cell = self._cell(row, column)
        for block in cell.blocks:
            end = block.start + block.layout.text().__len__()
            if offset <= end:
                line = block.layout.lineForTextPosition(max(0, offset - block.start))
                y = line.y() if line.isValid() else 0.0
                return self._pad_top + block.y + y
        return self._pad_top

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        t = self._theme
        painter.fillRect(self.viewport().rect(), QColor(t.base))
        self._clip = QRectF(event.rect())
        self._paint_dividers(painter)
        model = self._model
        if model is not None and self._heights:
            self._ensure_visible()
            top = self.verticalScrollBar().value()
            bottom = top + self.viewport().height()
            r = self.row_at_y(top)
            while r < len(self._heights) and self._offsets[r] < bottom:
                if self._heights[r] > 0:
                    self._paint_row(painter, r, self._offsets[r] - top)
                    if self._shown is not None and r > 0 and not self._shown[r - 1]:
                        self._paint_gap(painter, self._offsets[r] - top)
                r += 1
            self._paint_move_links(painter)
        if model is not None and len(model.versions) == 1:
            self._paint_invite(painter)
        painter.end()
        self.painted.emit()

    def _paint_gap(self, painter: QPainter, y: float) -> None:
        """A dashed rule where filtered-out paragraphs were, so joined rows do not read on."""
        pen = QPen(QColor(self._theme.divider), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        width = float(self.viewport().width())
        painter.drawLine(QPointF(12, y + 1), QPointF(width - 12, y + 1))

    def _paint_dividers(self, painter: QPainter) -> None:
        columns = self._columns()
        painter.setPen(QPen(QColor(self._theme.divider), 1))
        h = self.viewport().height()
        for x, w in columns[:-1]:
            gx = x + w + self._gutter() / 2
            painter.drawLine(QPointF(gx, 0), QPointF(gx, h))

    def _paint_invite(self, painter: QPainter) -> None:
        x, w = self._columns()[1]
        rect = QRectF(x + 24, 24, w - 48, min(self.viewport().height() - 48, 280))
        pen = QPen(QColor(self._theme.divider), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(self._theme.panel))
        painter.drawRoundedRect(rect, 12, 12)
        painter.setPen(QColor(self._theme.text))
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.25)
        title.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title)
        painter.drawText(
            rect.adjusted(16, 0, -16, -rect.height() / 2 + 6),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            self.tr("Add a newer version"),
        )
        painter.setFont(self.font())
        painter.setPen(QColor(self._theme.dim_text))
        painter.drawText(
            rect.adjusted(24, rect.height() / 2 + 8, -24, -12),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.tr(
                "Drop a file here, choose File › Open…, or paste it with Edit › Paste as "
                "new version."
            ),
        )

    def _paint_row(self, painter: QPainter, row: int, y: float) -> None:
        model = self._model
        assert model is not None
        r = model.rows[row]
        height = self._heights[row]
        for column in range(len(model.versions)):
            x, w = self._columns()[column]
            if r.cells[column]:
                self._paint_cell(painter, row, column, y, height)
            else:
                self._paint_placeholder(painter, row, column, QRectF(x, y, w, height))

    def _cell_tint(self, row: int, column: int) -> str | None:
        model = self._model
        assert model is not None
        r = model.rows[row]
        if column > 0 and self._pair_shown(column - 1) and r.pair_kinds[column - 1] == "added":
            return self._theme.added_tint
        if (
            column < len(r.pair_kinds)
            and self._pair_shown(column)
            and r.pair_kinds[column] == "deleted"
        ):
            return self._theme.deleted_tint
        return None

    def _is_moved(self, row: int, column: int) -> bool:
        model = self._model
        assert model is not None
        r = model.rows[row]
        if column > 0 and self._pair_shown(column - 1) and r.pair_kinds[column - 1] == "moved_to":
            return True
        return (
            column < len(r.pair_kinds)
            and self._pair_shown(column)
            and r.pair_kinds[column] == "moved_from"
        )

    def _paint_cell(self, painter: QPainter, row: int, column: int, y: float, h: float) -> None:
        t = self._theme
        cell = self._cell(row, column)
        tx, tw = self._text_box(column)
        top = y + self._pad_top
        tint = self._cell_tint(row, column)
        if tint:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tint))
            painter.drawRoundedRect(QRectF(tx - 10, top - 4, tw + 20, cell.height + 8), 6, 6)
        if self._is_moved(row, column):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.moved))
            painter.drawRoundedRect(QRectF(tx - 18, top, 5, max(cell.height, 8)), 2, 2)
        if cell.caption:
            painter.setFont(self._small_font)
            painter.setPen(QColor(t.dim_text))
            painter.drawText(
                QRectF(tx, top, tw, cell.caption_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                "⤷ " + cell.caption,
            )
        model = self._model
        assert model is not None
        quote_path = self._quote_path(column, cell, tx, top)
        if quote_path is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.quote_tint))
            painter.drawPath(quote_path)
        version = model.versions[column]
        dim = False
        for block in cell.blocks:
            role = version.paragraphs[block.paragraph].role
            dim = not role.is_article
            pos = QPointF(tx, top + block.y)
            painter.setPen(QColor(t.dim_text if dim else t.text))
            if block.collapsed:
                painter.setFont(self._small_font)
                marker = "▸" if not dim else "▸"
                painter.drawText(
                    QPointF(tx - 14, pos.y() + self._small_metrics.ascent() + self._leading / 2),
                    marker,
                )
            selections = self._overlay(column, block)
            if dim:
                painter.setOpacity(0.75)
            # Clipped, so a paragraph taller than the screen draws only its visible lines.
            block.layout.draw(painter, pos, selections, self._clip)
            painter.setOpacity(1.0)
            if not block.collapsed:
                self._paint_badges(painter, column, block, pos)
                self._paint_moved_bars(painter, column, block, pos)
                self._paint_figure_frames(painter, column, block, pos)
        if quote_path is not None:
            pen = QPen(QColor(t.quote), 1.5)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(quote_path)
        self._paint_current(painter, row, column, cell, tx, top)

    def quote_rects(self, row: int, column: int) -> list[QRectF]:
        """The highlighted quote's line boxes in one cell, relative to the cell's text."""
        model = self._model
        if (
            model is None
            or self._quote is None
            or self._quote[0] != column
            or not self.row_shown(row)
            or not model.rows[row].cells[column]
        ):
            return []
        return self._quote_line_rects(self._cell(row, column))

    def _quote_line_rects(self, cell: _Cell) -> list[QRectF]:
        assert self._quote is not None
        ranges = self._quote[1]
        if not cell.blocks or cell.blocks[0].collapsed:
            return []
        last = cell.blocks[-1]
        if ranges[-1][1] <= cell.blocks[0].start or ranges[0][0] >= last.start + len(
            last.layout.text()
        ):
            return []
        rects: list[QRectF] = []
        for block in cell.blocks:
            length = len(block.layout.text())
            for start, end in ranges:
                s, e = max(start - block.start, 0), min(end - block.start, length)
                if e <= s:
                    continue
                for i in range(block.layout.lineCount()):
                    line = block.layout.lineAt(i)
                    a = max(s, line.textStart())
                    b = min(e, line.textStart() + line.textLength())
                    if b > a:
                        # Boxes reach half-way into the leading, so a quote's lines join up.
                        x1, x2 = self._cursor_x(line, a), self._cursor_x(line, b)
                        half = self._leading / 2 + 0.5
                        rects.append(
                            QRectF(
                                x1 - 3,
                                block.y + line.y() - half,
                                x2 - x1 + 6,
                                line.height() + 2 * half,
                            )
                        )
        return rects

    def _quote_path(self, column: int, cell: _Cell, tx: float, top: float) -> QPainterPath | None:
        if self._quote is None or self._quote[0] != column:
            return None
        rects = self._quote_line_rects(cell)
        if not rects:
            return None
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for rect in rects:
            path.addRect(rect.translated(tx, top))
        # One outline around the quote's lines rather than a box per line.
        return path.simplified()

    def _overlay(self, column: int, block: _Block) -> list[QTextLayout.FormatRange]:
        out: list[QTextLayout.FormatRange] = []
        if block.collapsed:
            return out
        start = block.start
        end = start + len(block.layout.text())
        if column < len(self._find) and self._find[column]:
            starts = self._find_starts[column]
            i = max(0, bisect_left(starts, start) - 1)
            for s, e in self._find[column][i:]:
                if s >= end:
                    break
                if e <= start:
                    continue
                fr = QTextLayout.FormatRange()
                fr.start, fr.length = max(s, start) - start, min(e, end) - max(s, start)
                current = self._find_current
                is_current = current is not None and current[0] == column and current[1] == s
                fr.format = self._formats["find_current" if is_current else "find"]
                out.append(fr)
        if self._selection is not None and self._selection[0] == column:
            a, b = sorted(self._selection[1:])
            if a < end and b > start:
                fr = QTextLayout.FormatRange()
                fr.start, fr.length = max(a, start) - start, min(b, end) - max(a, start)
                fr.format = self._formats["selection"]
                out.append(fr)
        return out

    def _paint_badges(self, painter: QPainter, column: int, block: _Block, pos: QPointF) -> None:
        """Small ▲/▼ in the margin beside lines where a number went up or down."""
        model = self._model
        assert model is not None
        spans = model.spans_in(column, block.paragraph)
        for span in spans:
            if span.style not in (NUM_NEW, FIG_INS, FIG_DEL) or not self.span_visible(span):
                continue
            sign = (
                self._number_sign(span)
                if span.style == NUM_NEW
                else "+"
                if span.style == FIG_INS
                else "\u2212"
            )
            if not sign:
                continue
            line = block.layout.lineForTextPosition(span.start - block.start)
            if not line.isValid():
                continue
            painter.setFont(self._small_font)
            painter.setPen(QColor(self._theme.deleted if self._theme.dark else "#9A6700"))
            baseline = pos.y() + line.y() + line.ascent()
            painter.drawText(QPointF(pos.x() - 30, baseline), sign)

    def moved_sentence_lines(self, column: int, block: _Block) -> list[tuple[int, float, float]]:
        """(move, top, bottom) of each moved sentence's lines in a block, block-relative."""
        model = self._model
        assert model is not None
        reach: dict[tuple[int, int], tuple[int, int]] = {}
        for span in model.spans_in(column, block.paragraph):
            if span.move < 0 or not self.span_visible(span):
                continue
            key = (span.pair, span.move)
            a, b = reach.get(key, (span.start, span.end))
            reach[key] = (min(a, span.start), max(b, span.end))
        out = []
        for (_pair, move), (a, b) in reach.items():
            first = block.layout.lineForTextPosition(a - block.start)
            last = block.layout.lineForTextPosition(max(a, b - 1) - block.start)
            if first.isValid() and last.isValid():
                out.append((move, first.y(), last.y() + last.height()))
        return out

    def _paint_moved_bars(
        self, painter: QPainter, column: int, block: _Block, pos: QPointF
    ) -> None:
        """A bar in the margin beside the lines of a sentence that moved, as for a paragraph."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._theme.moved))
        for _move, top, bottom in self.moved_sentence_lines(column, block):
            painter.drawRoundedRect(
                QRectF(pos.x() - 17, pos.y() + top + 1, 3, max(bottom - top - 2, 4)), 1.5, 1.5
            )

    def _paint_figure_frames(
        self, painter: QPainter, column: int, block: _Block, pos: QPointF
    ) -> None:
        """An orange frame round a number added or removed (a changed one is filled orange)."""
        model = self._model
        assert model is not None
        pen = QPen(QColor(self._theme.number), 1.5)
        for span in model.spans_in(column, block.paragraph):
            if span.style not in (FIG_DEL, FIG_INS) or not self.span_visible(span):
                continue
            a, b = span.start - block.start, span.end - block.start
            for i in range(block.layout.lineCount()):
                line = block.layout.lineAt(i)
                s, e = max(a, line.textStart()), min(b, line.textStart() + line.textLength())
                if e <= s:
                    continue
                x1, x2 = self._cursor_x(line, s), self._cursor_x(line, e)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(
                    QRectF(pos.x() + x1 - 1.5, pos.y() + line.y(), x2 - x1 + 3, line.height()),
                    3,
                    3,
                )

    def move_link_ends(self) -> list[tuple[QPointF, QPointF]]:
        """The ends of each link drawn between a moved sentence's two places on screen.

        A link is drawn only when both places are on screen: the old one's first line at
        the right edge of its pane's text, the new one's at the left edge of the next pane.
        """
        model = self._model
        if model is None or not self._heights:
            return []
        self._ensure_visible()
        visible = self.visible_rows()
        top = self.verticalScrollBar().value()
        half = self._unit() * 0.5 + self._leading / 2
        out = []
        for p, pair in enumerate(model.pairs):
            if not self._pair_shown(p) or not pair.moves:
                continue
            old_v, new_v = pair.from_index, pair.to_index
            for m in pair.moves:
                r1, r2 = model.row_of(old_v, m.from_start), model.row_of(new_v, m.to_start)
                if not all(
                    r in visible and self.row_shown(r) and not self._row_collapsed(r)
                    for r in (r1, r2)
                ):
                    continue
                y1 = self._offsets[r1] - top + self._line_y(r1, old_v, m.from_start) + half
                y2 = self._offsets[r2] - top + self._line_y(r2, new_v, m.to_start) + half
                x1 = sum(self._text_box(old_v)) + 6
                x2 = self._text_box(new_v)[0] - 22
                out.append((QPointF(x1, y1), QPointF(x2, y2)))
        return out

    def _paint_move_links(self, painter: QPainter) -> None:
        colour = QColor(self._theme.moved)
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for a, b in self.move_link_ends():
            dx = max(12.0, (b.x() - a.x()) / 2)
            path = QPainterPath(a)
            path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(a, 2.5, 2.5)
            painter.drawEllipse(b, 2.5, 2.5)

    def _number_sign(self, span: Span) -> str:
        model = self._model
        assert model is not None
        for number in model.number_at(span, older=False):
            if number.to_value is not None:
                return number.arrow
        return ""

    def _paint_current(
        self, painter: QPainter, row: int, column: int, cell: _Cell, tx: float, top: float
    ) -> None:
        if not (0 <= self._current < len(self.stops)):
            return
        stop = self.stops[self._current]
        if stop.move >= 0 and self._model is not None:
            # a moved sentence is outlined at its old place as well
            pair = self._model.pairs[stop.pair]
            m = pair.moves[stop.move]
            if column == pair.from_index and self._model.row_of(column, m.from_start) == row:
                path = self._range_path(cell, tx, top, m.from_start, m.from_end)
                painter.setPen(QPen(QColor(self._theme.focus), 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
        if stop.row != row or stop.version != column:
            return
        pen = QPen(QColor(self._theme.focus), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if stop.end <= stop.start:
            _, tw = self._text_box(column)
            painter.drawRoundedRect(QRectF(tx - 6, top - 4, tw + 12, cell.height + 8), 5, 5)
            return
        painter.drawPath(self._range_path(cell, tx, top, stop.start, stop.end))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._theme.focus))
        marker = QPainterPath()
        my = top + self._line_y(row, column, stop.start) - self._pad_top + self._unit() * 0.5
        marker.moveTo(tx - 12, my - 5)
        marker.lineTo(tx - 6, my)
        marker.lineTo(tx - 12, my + 5)
        marker.closeSubpath()
        painter.drawPath(marker)

    def _range_path(self, cell: _Cell, tx: float, top: float, start: int, end: int) -> QPainterPath:
        """Rounded boxes around the lines of ``[start, end)`` in a laid-out cell."""
        path = QPainterPath()
        for block in cell.blocks:
            length = len(block.layout.text())
            s = max(start - block.start, 0)
            e = min(end - block.start, length)
            if e <= s and not (s == e == 0 and start == block.start):
                continue
            for i in range(block.layout.lineCount()):
                line = block.layout.lineAt(i)
                ls, le = line.textStart(), line.textStart() + line.textLength()
                a, b = max(s, ls), min(e, le)
                if b <= a:
                    continue
                x1 = self._cursor_x(line, a)
                x2 = self._cursor_x(line, b)
                rect = QRectF(
                    tx + x1 - 2, top + block.y + line.y() - 1, x2 - x1 + 4, line.height() + 2
                )
                path.addRoundedRect(rect, 3, 3)
        return path

    @staticmethod
    def _cursor_x(line: object, position: int) -> float:
        result = line.cursorToX(position)  # type: ignore[attr-defined]
        return float(result[0] if isinstance(result, tuple) else result)

    def _paint_placeholder(self, painter: QPainter, row: int, column: int, rect: QRectF) -> None:
        text, link = self._placeholder(row, column)
        if not text:
            return
        t = self._theme
        tx, tw = self._text_box(column)
        box = QRectF(
            tx - 10,
            rect.y() + self._pad_top - 4,
            tw + 20,
            max(self._unit() * 1.6, rect.height() - self._pad_top - self._pad_bottom + 8),
        )
        painter.setPen(QPen(QColor(t.divider), 1, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor(t.placeholder_fill)))
        painter.drawRoundedRect(box, 6, 6)
        font = QFont(self._small_font)
        font.setItalic(link is None)
        font.setUnderline(link is not None)
        painter.setFont(font)
        painter.setPen(QColor(t.moved_text if link is not None else t.placeholder_text))
        painter.drawText(
            QRectF(box.x(), box.y() + 4, box.width(), self._unit() * 1.3),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    # ----------------------------------------------------------------- hit testing
    def _hit(self, pos: QPointF) -> Hit | None:
        model = self._model
        if model is None or not self._heights:
            return None
        y = pos.y() + self.verticalScrollBar().value()
        row = self.row_at_y(y)
        column = self.column_at(pos.x())
        if column >= len(model.versions) or self._heights[row] <= 0:
            return None
        r = model.rows[row]
        if not r.cells[column]:
            text, link = self._placeholder(row, column)
            return Hit(row, column, None, link_row=link)
        if self._row_collapsed(row):
            return Hit(row, column, None, toggles_row=True)
        cell = self._cell(row, column)
        tx, _ = self._text_box(column)
        local_y = y - self._offsets[row] - self._pad_top
        block = cell.blocks[-1]
        for b in cell.blocks:
            if local_y < b.y + b.height:
                block = b
                break
        if local_y < block.y:
            return Hit(row, column, block.start)
        layout = block.layout
        ly = local_y - block.y
        chosen = layout.lineAt(max(0, layout.lineCount() - 1))
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if ly < line.y() + line.height() + self._leading / 2:
                chosen = line
                break
        if not chosen.isValid():
            return Hit(row, column, block.start)
        index = chosen.xToCursor(pos.x() - tx)
        return Hit(row, column, block.start + index)

    # ----------------------------------------------------------------- events
    def _on_scrolled(self, _value: int) -> None:
        self.viewport().update()
        self.geometry_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: D102
        super().resizeEvent(event)
        self._update_header_geometry()
        if self.viewport().width() != self._layout_width:
            self._relayout_all(keep_anchor=True)
        else:
            self._update_scrollbar()

    def _update_header_geometry(self) -> None:
        height = self._header.sizeHint().height() if self._model is not None else 0
        if height != self._header_height:
            self._header_height = height
            self.setViewportMargins(0, height, 0, 0)
        vp = self.viewport().geometry()
        self._header.setGeometry(vp.x(), vp.y() - height, vp.width(), height)
        self._header.setVisible(height > 0)
        self._header.set_columns(
            [(x, w) for x, w in self._columns()][: max(1, self.column_count())],
            single=self._model is not None and len(self._model.versions) == 1,
        )

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QEvent) -> None:
        pos = event.pos()  # type: ignore[attr-defined]
        hit = self._hit(QPointF(pos))
        text = self.tooltip_at(hit) if hit else ""
        if text:
            QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())  # type: ignore[attr-defined]
        else:
            QToolTip.hideText()

    def tooltip_at(self, hit: Hit) -> str:
        """What the tooltip says over ``hit``: number changes with their delta, and so on."""
        model = self._model
        if model is None:
            return ""
        if hit.link_row is not None:
            return self.tr("Click to go to the other place of this paragraph")
        if hit.toggles_row:
            return self.tr("Page markup or metadata: click to show it in full")
        if hit.offset is None:
            return ""
        paragraph = model.paragraph_at(hit.column, hit.offset)
        lines: list[str] = []
        for span in model.spans_in(hit.column, paragraph):
            if not (span.start <= hit.offset < span.end) or not self.span_visible(span):
                continue
            pair = model.pairs[span.pair]
            if span.move >= 0:
                # at its old place whatever the mark (the sentence, a word or a figure in it)
                older = hit.column == pair.from_index
                lines.append(self.move_tooltip(span.pair, span.move, older))
                if span.style in (MOVED_OLD, MOVED_NEW):
                    continue
            if span.change < 0:
                continue
            change = pair.changes[span.change]
            if span.style in (FIG_DEL, FIG_INS):
                added = span.style == FIG_INS
                text = model.versions[hit.column].text[span.start : span.end]
                lines.append(
                    self.tr("Number added: {0} (no number in its place before)").format(text)
                    if added
                    else self.tr("Number removed: {0} (no number in its place now)").format(text)
                )
            elif span.style in (NUM_OLD, NUM_NEW):
                numbers = model.number_at(span, older=span.style == NUM_OLD)
                lines.extend(number.describe() for number in numbers)
                if not numbers:
                    lines.append(
                        self.tr("Number: {0} → {1}").format(
                            change.from_text or "—", change.to_text or "—"
                        )
                    )
            elif span.style == TYPO:
                lines.append(
                    self.tr("Typography only: {0} → {1}").format(
                        change.from_text.strip() or "·", change.to_text.strip() or "·"
                    )
                )
            elif span.style == DEL:
                lines.append(self.tr("Removed in the next version"))
            elif span.style == INS:
                lines.append(self.tr("Added in this version"))
        return "\n".join(dict.fromkeys(lines))

    def move_tooltip(self, pair: int, move: int, older: bool) -> str:
        """What a moved sentence's tooltip says: "Sentence moved to ¶5" at its old place."""
        model = self._model
        assert model is not None
        old_paragraph, new_paragraph = model.move_places(pair, move)
        edited = model.pairs[pair].moves[move].similarity < 1.0
        if older:
            text = self.tr("Sentence moved to ¶{0} in v{1}").format(
                new_paragraph + 1, model.number(model.pairs[pair].to_index) + 1
            )
        else:
            text = self.tr("Sentence moved from ¶{0} in v{1}").format(
                old_paragraph + 1, model.number(model.pairs[pair].from_index) + 1
            )
        return text + (self.tr(", edited") if edited else "")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: D102
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self._hit(event.position())
        if hit is None:
            return
        self._active_column = hit.column
        self.pane_activated.emit(hit.column)
        if hit.link_row is not None:
            self.scroll_to_row(hit.link_row)
            for i, stop in enumerate(self.stops):
                if stop.row == hit.link_row:
                    self.set_current_stop(i, scroll=False)
                    break
            return
        if hit.toggles_row:
            self._expanded.add(hit.row)
            self._exact[hit.row] = 0
            for c in range(self.column_count()):
                self._cache.pop((hit.row, c), None)
            self._ensure_rows(range(hit.row, hit.row + 1))
            self.viewport().update()
            return
        if hit.offset is None:
            return
        if (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            and self._selection
            and (self._selection[0] == hit.column)
        ):
            self._selection = (hit.column, self._selection[1], hit.offset)
        else:
            self._selection = (hit.column, hit.offset, hit.offset)
        self._selecting = True
        self.selection_changed.emit()
        found = self.stop_at(hit.column, hit.offset)
        if found < 0:
            found = self._move_stop_at(hit.column, hit.offset)
        if found >= 0:
            self.set_current_stop(found, scroll=False)
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: D102
        pos = event.position()
        if self._selecting and self._selection is not None:
            self._extend_selection(pos)
            inside = 0 <= pos.y() <= self.viewport().height()
            if inside:
                self._autoscroll.stop()
            elif not self._autoscroll.isActive():
                self._autoscroll.start()
            return
        hit = self._hit(pos)
        if hit is not None and (hit.link_row is not None or hit.toggles_row):
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        elif hit is not None and hit.offset is not None:
            self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        else:
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)

    def _extend_selection(self, pos: QPointF) -> None:
        assert self._selection is not None
        column = self._selection[0]
        clamped = QPointF(pos.x(), max(0.0, min(pos.y(), self.viewport().height() - 1.0)))
        hit = self._hit(clamped)
        if hit is None:
            return
        offset = hit.offset
        if hit.column != column or offset is None:
            # Outside the pane or over a placeholder: select up to the row's edge.
            model = self._model
            assert model is not None
            row = model.rows[hit.row]
            paragraphs = model.versions[column].paragraphs
            if row.cells[column]:
                offset = paragraphs[row.cells[column][-1]].end
            else:
                before = [model.rows[r].cells[column] for r in range(hit.row, -1, -1)]
                cell = next((c for c in before if c), None)
                offset = paragraphs[cell[-1]].end if cell else 0
        self._selection = (column, self._selection[1], offset)
        self.viewport().update()

    def _on_autoscroll(self) -> None:
        if not self._selecting:
            self._autoscroll.stop()
            return
        pos = self.viewport().mapFromGlobal(self.cursor().pos())
        bar = self.verticalScrollBar()
        if pos.y() < 0:
            bar.setValue(bar.value() - bar.singleStep())
        elif pos.y() > self.viewport().height():
            bar.setValue(bar.value() + bar.singleStep())
        self._extend_selection(QPointF(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: D102
        if self._selecting:
            self._selecting = False
            self._autoscroll.stop()
            if self.selected_text():
                clipboard = QGuiApplication.clipboard()
                if clipboard.supportsSelection():
                    clipboard.setText(self.selected_text(), clipboard.Mode.Selection)
            self.selection_changed.emit()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: D102
        hit = self._hit(event.position())
        if hit is None or hit.offset is None or self._model is None:
            return
        text = self._model.versions[hit.column].text
        lo = max(0, hit.offset - 60)
        for m in WORD.finditer(text, lo, min(len(text), hit.offset + 60)):
            if m.start() <= hit.offset <= m.end():
                self._selection = (hit.column, m.start(), m.end())
                self.viewport().update()
                self.selection_changed.emit()
                break

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102
        bar = self.verticalScrollBar()
        key = event.key()
        if key == Qt.Key.Key_Home and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar.setValue(0)
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif key == Qt.Key.Key_Escape and (self._shown is not None or self._quote is not None):
            # Back to the whole article, unmarked: the speaker filter and the quote go.
            self.set_row_filter(None)
            self.clear_quote_highlight()
        elif key == Qt.Key.Key_Space:
            step = (
                -bar.pageStep()
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                else (bar.pageStep())
            )
            bar.setValue(bar.value() + step)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._model is not None:
            delta = -1 if key == Qt.Key.Key_Left else 1
            self._active_column = (self._active_column + delta) % len(self._model.versions)
            self.pane_activated.emit(self._active_column)
            self._header.set_active(self._active_column)
        else:
            super().keyPressEvent(event)

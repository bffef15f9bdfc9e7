"""The Speakers tab: who is quoted in each version, what changed, and where their quotes are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from comparer.ui.compare_view import CompareView
from comparer.ui.plain_text import plain_label, plain_tooltip
from comparer.ui.speakers_model import (
    BADGES_ROLE,
    HEADING_ROLE,
    IS_QUOTE_ROLE,
    KIND_ROLE,
    NUMBER_ROLE,
    SpeakersModel,
    badge_label,
)
from comparer.ui.theme import BADGE_FILL_ALPHA, Theme

Index = QModelIndex | QPersistentModelIndex

# What the tab shows when it has no list to show.
NO_COMPARISON, FINDING, FOUND, FAILED = "none", "finding", "found", "failed"


def badge_colour(theme: Theme, badge: str) -> str:
    """The colour of a badge pill (the label says the same, for colour-blind readers)."""
    return {
        "new": theme.badge_new,
        "dropped": theme.badge_dropped,
        "reworded": theme.badge_reworded,
        "re-attributed": theme.badge_reattributed,
    }.get(badge, theme.dim_text)


def paint_item_panel(
    painter: QPainter, opt: QStyleOptionViewItem, dim_text: str
) -> tuple[QColor, QColor]:
    """Draw a row's background (selected, hovered) as the style does; its text colours.

    For delegates that draw a row's text themselves. ``opt`` is filled for the row and its
    text cleared. Returns the colour of the text and of what is drawn dimmed under it: the
    theme's ``dim_text``, or the text's colour on a selected row.
    """
    widget = opt.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    palette: QPalette = opt.palette
    text_colour = palette.color(
        QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    )
    return text_colour, text_colour if selected else QColor(dim_text)


def name_lines(fm: QFontMetricsF, name: str, width: float, most: int = 2) -> list[str]:
    """``name`` broken at spaces into lines ``width`` wide, at most ``most`` of them.

    The last line is cut with "…" only when the name is longer still.
    """
    lines: list[str] = []
    words = name.split()
    while words and len(lines) < most - 1:
        taken = 1
        while taken < len(words) and fm.horizontalAdvance(" ".join(words[: taken + 1])) <= width:
            taken += 1
        if fm.horizontalAdvance(" ".join(words[:taken])) > width:
            break  # one word wider than the column: it is cut on the last line
        lines.append(" ".join(words[:taken]))
        words = words[taken:]
    if words:
        lines.append(fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines or [""]


class SpeakerDelegate(QStyledItemDelegate):
    """Paints speakers, quotes and the heading of the unnamed sources.

    A speaker's name goes over their badge pills, a quote under its version tag, and the
    "Unnamed sources" heading is a rule across the row with its title under it.
    """

    PAD = 5.0

    def __init__(self, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(max(6.5, base.pointSizeF() * 0.82))
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: D102
        if index.column() != 0:
            return super().sizeHint(option, index)
        base, _bold, small = self._fonts(option)
        line = QFontMetricsF(base).height()
        small_line = QFontMetricsF(small).height()
        if index.data(IS_QUOTE_ROLE):
            height = small_line + line + self.PAD * 2 + 1
        elif index.data(HEADING_ROLE):
            height = QFontMetricsF(small).height() + self.PAD * 2 + 8
        else:
            # A long name wraps onto a second line rather than lose its end.
            height = self._name_height(option, index) + self.PAD * 2
            if index.data(BADGES_ROLE):
                height += small_line + 6
        return QSize(120, int(height + 0.5))

    NAME_LINES = 2

    def _name_width(self, option: QStyleOptionViewItem) -> float:
        """The width the name has: its column's, less the indentation and the padding."""
        widget = option.widget
        width = float(option.rect.width())
        if isinstance(widget, QTreeView):
            width = float(widget.columnWidth(0) - widget.indentation())
        return max(40.0, width - 10)

    def _name_height(self, option: QStyleOptionViewItem, index: Index) -> float:
        _base, bold, _small = self._fonts(option)
        fm = QFontMetricsF(bold)
        lines = name_lines(fm, str(index.data()), self._name_width(option), self.NAME_LINES)
        return fm.height() * len(lines)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: D102
        if index.column() != 0:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        text_colour, dim = paint_item_panel(painter, opt, self.theme.dim_text)
        rect = QRectF(opt.rect).adjusted(4, self.PAD, -6, -self.PAD)
        base, bold, small = self._fonts(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(IS_QUOTE_ROLE):
            self._paint_quote(painter, index, rect, base, small, text_colour, dim)
        elif index.data(HEADING_ROLE):
            self._paint_heading(painter, index, QRectF(opt.rect), small, dim)
        else:
            self._paint_speaker(painter, index, rect, bold, small, text_colour)
        painter.restore()

    def _paint_speaker(
        self,
        painter: QPainter,
        index: Index,
        rect: QRectF,
        bold: QFont,
        small: QFont,
        text_colour: QColor,
    ) -> None:
        fm = QFontMetricsF(bold)
        painter.setFont(bold)
        painter.setPen(text_colour)
        lines = name_lines(fm, str(index.data()), rect.width(), self.NAME_LINES)
        for number, line in enumerate(lines):
            top = rect.y() + number * fm.height()
            painter.drawText(QRectF(rect.x(), top, rect.width(), fm.height()), 0, line)
        height = fm.height() * len(lines)
        badges = index.data(BADGES_ROLE) or ()
        x, y = rect.x(), rect.y() + height + 3
        sm = QFontMetricsF(small)
        painter.setFont(small)
        for badge in badges:
            label = badge_label(badge)
            w = sm.horizontalAdvance(label) + 12
            if x + w > rect.right() and x > rect.x():
                break
            pill = QRectF(x, y, w, sm.height() + 2)
            colour = QColor(badge_colour(self.theme, badge))
            fill = QColor(colour)
            fill.setAlphaF(BADGE_FILL_ALPHA)
            painter.setPen(colour)
            painter.setBrush(fill)
            painter.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2, 8)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            x += w + 5

    def _paint_heading(
        self, painter: QPainter, index: Index, rect: QRectF, small: QFont, dim: QColor
    ) -> None:
        """A rule across the row, and the heading's title in capitals under it."""
        painter.setPen(QColor(self.theme.divider))
        top = rect.y() + 3.5
        painter.drawLine(QPointF(rect.x(), top), QPointF(rect.right(), top))
        font = QFont(small)
        font.setWeight(QFont.Weight.DemiBold)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(font)
        painter.setPen(dim)
        fm = QFontMetricsF(font)
        text_rect = QRectF(rect.x() + 8, top + 4, rect.width() - 14, fm.height() + 2)
        title = fm.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, title)

    def _paint_quote(
        self,
        painter: QPainter,
        index: Index,
        rect: QRectF,
        base: QFont,
        small: QFont,
        text_colour: QColor,
        dim: QColor,
    ) -> None:
        sm = QFontMetricsF(small)
        direct = index.data(KIND_ROLE) == "direct"
        tag = f"v{index.data(NUMBER_ROLE)}"
        tag_rect = QRectF(rect.x(), rect.y(), sm.horizontalAdvance(tag) + 10, sm.height() + 1)
        painter.setFont(small)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.theme.divider))
        painter.drawRoundedRect(tag_rect, 4, 4)
        painter.setPen(QColor(self.theme.text))
        painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)
        kind = self.tr("direct quote") if direct else self.tr("reported speech")
        painter.setPen(QColor(self.theme.quote) if direct else dim)
        painter.drawText(
            QRectF(tag_rect.right() + 6, rect.y(), rect.width(), tag_rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            kind,
        )
        font = QFont(base)
        font.setItalic(not direct)
        fm = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(text_colour)
        text = fm.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            QRectF(rect.x(), tag_rect.bottom() + 1, rect.width(), fm.height()), 0, text
        )


class SpeakersTree(QTreeView):
    """The list of speakers; Esc lifts the filter and the highlight, like in the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.escape_handler: Callable[[], bool] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102
        handler = self.escape_handler
        if event.key() == Qt.Key.Key_Escape and handler is not None and handler():
            return
        super().keyPressEvent(event)


class SpeakersPanel(QWidget):
    """Speakers with per-version counts and badges; their quotes; a filter to their paragraphs.

    Activating a quote (click, or Enter) highlights it in its pane and scrolls there; the
    highlight stays until Esc, another quote, or another comparison. "Only their
    paragraphs" hides every row without the selected speaker's quotes until "Show all" or
    Esc.
    """

    def __init__(self, view: CompareView, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._theme = theme
        self._state = NO_COMPARISON
        self._filter_speaker = -1
        self._key: tuple[int, int, str] | None = None
        self.setAccessibleName(self.tr("People quoted"))
        self.model = SpeakersModel(self)
        self.delegate = SpeakerDelegate(theme, self)

        self.stack = QStackedWidget(self)
        # The empty state: a title, a line of explanation, and a bar while quotes are sought.
        message_page = QWidget(self)
        self.message_page = message_page
        column = QVBoxLayout(message_page)
        column.setContentsMargins(18, 28, 18, 18)
        column.setSpacing(8)
        self.message_title = plain_label(QLabel(message_page))
        self.message_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title_font = self.message_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.message_title.setFont(title_font)
        self.message_text = plain_label(QLabel(message_page))
        self.message_text.setWordWrap(True)
        self.message_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.busy = QProgressBar(message_page)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setAccessibleName(self.tr("Finding quotes"))
        column.addWidget(self.message_title)
        column.addWidget(self.busy)
        column.addWidget(self.message_text)
        column.addStretch(1)

        list_page = QWidget(self)
        box = QVBoxLayout(list_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.summary = plain_label(QLabel(list_page))
        self.summary.setContentsMargins(8, 6, 8, 6)
        self.summary.setWordWrap(True)
        self.tree = SpeakersTree(list_page)
        self.tree.escape_handler = self.clear
        self.tree.setModel(self.model)
        self.tree.setItemDelegateForColumn(0, self.delegate)
        self.tree.setUniformRowHeights(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setIndentation(14)
        self.tree.setAccessibleName(self.tr("Speakers and their quotes"))
        self.tree.setAccessibleDescription(
            self.tr(
                "One row per person quoted, with their number of quotes in each version; "
                "unnamed sources follow under a heading of their own. "
                "Right arrow shows their quotes; Enter on a quote shows it in the text."
            )
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(24)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.tree.activated.connect(self._on_activated)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.expanded.connect(lambda _i: self._span_quotes())
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        # Names wrap to the name column's width: lay the rows out again when it changes.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(lambda *_args: self._relayout.start())

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 6)
        bar.setSpacing(6)
        self.filter_button = QPushButton(self.tr("Only their paragraphs"), list_page)
        self.filter_button.setCheckable(True)
        self.filter_button.setEnabled(False)
        self.filter_button.setToolTip(
            self.tr("Show only the paragraphs that quote the selected speaker")
        )
        self.filter_button.setAccessibleName(self.tr("Show only the selected speaker's paragraphs"))
        self.filter_button.toggled.connect(self._on_filter_toggled)
        self.show_all_button = QPushButton(self.tr("Show all"), list_page)
        self.show_all_button.setToolTip(self.tr("Show every paragraph again (Esc)"))
        self.show_all_button.setAccessibleName(self.tr("Show all paragraphs"))
        self.show_all_button.clicked.connect(self.show_all)
        self.show_all_button.setVisible(False)
        bar.addWidget(self.filter_button, 1)
        bar.addWidget(self.show_all_button)
        box.addWidget(self.summary)
        box.addWidget(self.tree, 1)
        box.addLayout(bar)

        self.stack.addWidget(message_page)
        self.stack.addWidget(list_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        view.row_filter_changed.connect(self._on_view_filter_changed)
        self.set_theme(theme)
        self.refresh()

    # ----------------------------------------------------------------- state
    def set_state(self, state: str) -> None:
        """Say whether quotes are being sought ("finding"), were found, or failed."""
        self._state = state
        self.refresh()

    def state(self) -> str:
        """What the tab is showing: "none", "finding", "found" or "failed"."""
        return self._state

    def message(self) -> str:
        """The empty state's title ("" when the list is shown)."""
        return self.message_title.text() if self.stack.currentIndex() == 0 else ""

    def refresh(self) -> None:
        """Re-read the speakers from the view's model."""
        doc = self._view.model
        comparison = doc.comparison if doc is not None else None
        key = (id(doc), id(comparison), self._state)
        if key == self._key:
            # The window refreshes its sidebar after every option change; the speakers
            # only change with the comparison, and the reader's place in the list stays.
            return
        self._key = key
        if comparison is None:
            self.model.set_document(None)
        elif self._state == FOUND:
            self.model.set_document(doc)
        else:
            self.model.set_document(None)
        self._filter_speaker = -1
        self._sync_filter_button(False)
        self.filter_button.setEnabled(False)
        self.show_all_button.setVisible(bool(self._view.row_filter()))
        speakers = self.model.speakers()
        if comparison is None:
            self._show_message(
                self.tr("No comparison"),
                self.tr("Open two or more versions to see who is quoted in each."),
            )
        elif self._state == FINDING:
            self._show_message(
                self.tr("Finding quotes…"),
                self.tr("The changes are ready to read; the people quoted follow in a moment."),
                busy=True,
            )
        elif self._state == FAILED:
            self._show_message(
                self.tr("Quotes could not be read"),
                self.tr("Something in these versions stopped the search for quotes."),
            )
        elif not speakers:
            self._show_message(
                self.tr("No quotes found"),
                self.tr(
                    "No quoted words (“…”) or reported speech (“she said that…”) with a "
                    "named speaker were found in these versions."
                ),
            )
        else:
            self.stack.setCurrentIndex(1)
            self._layout_columns()
            self._span_quotes()
            counts = [
                sum(1 for s in speakers if s.quotes_per_version[v])
                for v in range(len(comparison.versions))
            ]
            # speakers, not people: an organisation ("the regional government") or a
            # description ("local officials") is quoted as often as a person
            people = (
                self.tr("{0} speakers").format(len(speakers))
                if len(speakers) != 1
                else self.tr("1 speaker")
            )
            unnamed = self.model.unnamed_count()
            if unnamed:
                people += (
                    self.tr(" ({0} unnamed sources)").format(unnamed)
                    if unnamed != 1
                    else self.tr(" (1 unnamed source)")
                )
            per = ", ".join(
                self.tr("{0} in v{1}").format(c, self.model.version_number(v))
                for v, c in enumerate(counts)
            )
            self.summary.setText(f"{people} — {per}")
            self.summary.setAccessibleName(self.summary.text())
            if not self.tree.currentIndex().isValid():
                self.tree.setCurrentIndex(self.model.index(0, 0))

    def _show_message(self, title: str, text: str, busy: bool = False) -> None:
        self.message_title.setText(title)
        self.message_text.setText(text)
        self.busy.setVisible(busy)
        self.stack.setCurrentIndex(0)
        self.message_page.setAccessibleName(title)

    def _layout_columns(self) -> None:
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        width = max(30, self.fontMetrics().horizontalAdvance("v10") + 16)
        for c in range(1, self.model.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(c, width)

    def _span_quotes(self) -> None:
        # Quote rows and the heading use the whole width; the count columns belong to
        # speakers.
        heading = self.model.heading_row()
        if heading >= 0:
            self.tree.setFirstColumnSpanned(heading, QModelIndex(), True)
        for s in range(self.model.rowCount()):
            parent = self.model.index(s, 0)
            if self.tree.isExpanded(parent):
                for q in range(self.model.rowCount(parent)):
                    self.tree.setFirstColumnSpanned(q, parent, True)

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        self.delegate.theme = theme
        self.summary.setStyleSheet(f"color: {theme.dim_text};")
        self.message_text.setStyleSheet(f"color: {theme.dim_text};")
        self.tree.viewport().update()

    # ----------------------------------------------------------------- actions
    def expand_speaker(self, row: int) -> None:
        """Show a speaker's quotes."""
        self.tree.expand(self.model.index(row, 0))
        self._span_quotes()

    def show_quote(self, index: Index) -> bool:
        """Highlight the quote at ``index`` in its pane and scroll there."""
        item = self.model.quote_item(index)
        if item is None:
            return False
        self._view.highlight_quote(item.version, list(item.ranges))
        return True

    def filter_to(self, speaker: int) -> None:
        """Show only the rows holding quotes of the speaker at row ``speaker``."""
        who = self.model.speaker_at(speaker)
        if who is None:
            return
        self._filter_speaker = speaker
        label = self.tr("paragraphs quoting {0}").format(who.name)
        self._view.set_row_filter(self.model.rows_of(speaker), label)
        self._sync_filter_button(True)

    def show_all(self) -> None:
        """Show every row again."""
        self._view.set_row_filter(None)

    def clear(self) -> bool:
        """Lift the filter and the quote highlight; returns whether there was either."""
        had = bool(self._view.row_filter()) or self._view.quote_highlight() is not None
        self._view.set_row_filter(None)
        self._view.clear_quote_highlight()
        return had

    def _on_activated(self, index: QModelIndex) -> None:
        if not self.show_quote(index):
            speaker = self.model.speaker_of(index)
            if speaker < 0:
                return  # the "Unnamed sources" heading: nothing to open
            parent = self.model.index(speaker, 0)
            self.tree.setExpanded(parent, not self.tree.isExpanded(parent))

    def _on_clicked(self, index: QModelIndex) -> None:
        self.show_quote(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        speaker = self.model.speaker_of(current)
        self.filter_button.setEnabled(speaker >= 0)
        who = self.model.speaker_at(speaker)
        if who is not None:
            name = who.name
            self.filter_button.setToolTip(
                plain_tooltip(self.tr("Show only the paragraphs that quote {0}").format(name))
            )
        # While filtering, the filter follows the selected speaker.
        if speaker >= 0 and self._view.row_filter() and speaker != self._filter_speaker:
            self.filter_to(speaker)

    def _sync_filter_button(self, on: bool) -> None:
        self.filter_button.blockSignals(True)
        self.filter_button.setChecked(on)
        self.filter_button.blockSignals(False)
        self.filter_button.setText(
            self.tr("✓ Only their paragraphs") if on else self.tr("Only their paragraphs")
        )

    def _on_filter_toggled(self, on: bool) -> None:
        if on:
            self.filter_to(self.model.speaker_of(self.tree.currentIndex()))
        else:
            self.show_all()

    def _on_view_filter_changed(self) -> None:
        active = bool(self._view.row_filter())
        self.show_all_button.setVisible(active)
        if not active:
            self._filter_speaker = -1
            self._sync_filter_button(False)

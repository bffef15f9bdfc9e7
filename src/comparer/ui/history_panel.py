"""The story's history beside the panes: figures, the paragraph under the cursor, speakers.

Everything here is read from the reader state's ``StoryHistory``, worked out in the
background once the first pair is on screen; until then each tab says it is coming.

In "Speakers over time" what happened to a speaker is drawn under their name, not in a
column of its own: the story pane is a sidebar, and a third column sat past its right edge.
"""

from __future__ import annotations

from bisect import bisect_right
from html import escape

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from comparer.core.history import StoryHistory
from comparer.core.lineage import Lineage
from comparer.core.story import date_label
from comparer.export.history_json import short_dates, speaker_marks
from comparer.ui.link_focus import LinkFocus
from comparer.ui.plain_text import plain_tooltip
from comparer.ui.reader_state import CURSOR, HISTORY, PAIR, STORY, ReaderState
from comparer.ui.speakers_panel import name_lines, paint_item_panel
from comparer.ui.theme import Theme

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # (a, b, version, offset) a speaker's step opens
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2  # True on the "Unnamed sources" heading row
# What happened to a speaker ("added in v4, dropped in v7"), or where a step opens
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

_STEP_WORDS = {
    "equal": "unchanged",
    "changed": "reworded",
    "moved": "moved",
    "split": "split",
    "merged": "merged",
    "added": "added",
    "restored": "restored",
    "deleted": "removed",
    "ignored": "page debris",
}


def figure_series(history: StoryHistory, index: int) -> str:
    """The values a figure took, in order, each shown once: "12 → 17 → 23"."""
    figure = history.figures[index]
    values = [figure.points[0].text] + [s.number.to_text for s in figure.steps]
    return " → ".join(values)


def marks_in_rows(marks: str) -> str:
    """A speaker's marks, one per version, in rows a narrow sidebar can hold.

    Up to twenty versions stay on one line. Longer stories go ten to a row (v1–v10,
    v11–v20, …), so that a version's mark is still found by counting and the speakers'
    names keep their room beside the marks, however many versions there are.
    """
    if len(marks) <= 20:
        return marks
    return "\n".join(marks[k : k + 10] for k in range(0, len(marks), 10))


class SpeakerRowDelegate(QStyledItemDelegate):
    """Paints the Speaker column of "Speakers over time": the name, what happened under it.

    A speaker's name takes up to two lines, what happened to them up to two more, in the
    dim colour; either is cut with "…" only past that, and the row's tooltip holds both in
    full. A step's "open vA ↔ vB" goes beside the step when there is room, under it if not.
    """

    PAD = 3.0
    LINES = 2
    GAP = 8.0

    def __init__(self, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def _width(self, option: QStyleOptionViewItem) -> float:
        widget = option.widget
        # the column's width: a row's size is asked before it has a place of its own
        width = (
            float(widget.columnWidth(1))
            if isinstance(widget, QTreeView)
            else float(option.rect.width())
        )
        return max(30.0, width - 8)

    @staticmethod
    def detail_font(option: QStyleOptionViewItem) -> QFont:
        """What happened is in the row's font at its normal weight (the name may be bold)."""
        font = QFont(option.font)
        font.setWeight(QFont.Weight.Normal)
        return font

    def lines(
        self, option: QStyleOptionViewItem, index: Index
    ) -> tuple[list[str], list[str], bool]:
        """The name's lines, what happened's lines, and whether these share the name's line.

        ``option`` is one that ``initStyleOption`` filled for ``index`` (its font is the row's).
        """
        fm = QFontMetricsF(option.font)
        dm = QFontMetricsF(self.detail_font(option))
        width = self._width(option)
        name = str(index.data() or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        if not detail:
            return name_lines(fm, name, width, self.LINES), [], False
        if index.parent().isValid():
            # a step: "added in v4   open v3 ↔ v4" on one line when both fit
            both = fm.horizontalAdvance(name) + self.GAP + dm.horizontalAdvance(detail)
            if both <= width:
                return [name], [detail], True
        return (
            name_lines(fm, name, width, self.LINES),
            name_lines(dm, detail, width, self.LINES),
            False,
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: D102
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        names, details, inline = self.lines(opt, index)
        height = QFontMetricsF(opt.font).height() * len(names) + self.PAD * 2
        if not inline:
            height += QFontMetricsF(self.detail_font(opt)).height() * len(details)
        return QSize(80, int(height + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: D102
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        names, details, inline = self.lines(opt, index)
        opt.text = ""
        text_colour, dim = paint_item_panel(painter, opt, self.theme.dim_text)
        fm = QFontMetricsF(opt.font)
        detail_font = self.detail_font(opt)
        dm = QFontMetricsF(detail_font)
        x = opt.rect.x() + 4.0
        y = opt.rect.y() + self.PAD
        width = self._width(opt)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(text_colour)
        for text in names:
            painter.drawText(QRectF(x, y, width, fm.height()), 0, text)
            y += fm.height()
        painter.setFont(detail_font)
        painter.setPen(dim)
        if inline:
            left = x + fm.horizontalAdvance(names[0]) + self.GAP
            top = y - fm.height()
            painter.drawText(QRectF(left, top, x + width - left, fm.height()), 0, details[0])
        else:
            for text in details:
                painter.drawText(QRectF(x, y, width, dm.height()), 0, text)
                y += dm.height()
        painter.restore()


class HistoryPanel(QTabWidget):
    """Tabs "Figures", "Paragraph" and "Speakers over time".

    Signals:
        place_requested(int, int, int, int): show versions (a, b) and go to ``offset`` of
            version ``at`` (story indices): a figure's step or a paragraph's appearance.
    """

    place_requested = Signal(int, int, int, int)

    def __init__(self, state: ReaderState, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._theme = theme
        self._owner: dict[tuple[int, int], int] = {}
        self._owner_of: int = 0
        self.figures = QTextBrowser(self)
        self.figures.setOpenLinks(False)
        self.figures.setAccessibleName(self.tr("Figures that changed"))
        self.figures.setAccessibleDescription(
            self.tr(
                "Every number that changed, value by value; each new value is a link to the "
                "pair of versions where it changed (Tab to it, Enter to open)."
            )
        )
        self.figures.anchorClicked.connect(self._on_anchor)
        self.figures_focus = LinkFocus(self.figures, theme.focus, theme.base)
        self.paragraph = QTextBrowser(self)
        self.paragraph.setOpenLinks(False)
        self.paragraph.setAccessibleName(self.tr("History of the paragraph at the cursor"))
        self.paragraph.anchorClicked.connect(self._on_anchor)
        self.paragraph_focus = LinkFocus(self.paragraph, theme.focus, theme.base)
        self.speakers = QTreeWidget(self)
        self.speakers.setColumnCount(2)
        self.speakers.setHeaderLabels([self.tr("Quoted in"), self.tr("Speaker")])
        self.speakers.headerItem().setToolTip(
            1, self.tr("Who is quoted, and under each name what happened to them, and when")
        )
        self.speakers.setUniformRowHeights(False)
        self.speaker_delegate = SpeakerRowDelegate(theme, self.speakers)
        self.speakers.setItemDelegateForColumn(1, self.speaker_delegate)
        self.speakers.header().setStretchLastSection(True)
        # Names and what happened wrap to the column's width: lay the rows out again when
        # it changes (the sidebar resized, the marks column refitted).
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.speakers.doItemsLayout)
        self.speakers.header().sectionResized.connect(lambda *_args: self._relayout.start())
        self.speakers.itemActivated.connect(self._on_speaker_item)
        self.speakers.itemClicked.connect(self._on_speaker_item)
        self.speakers.setAccessibleName(self.tr("Speakers over time"))
        self.addTab(self.figures, self.tr("Figures"))
        self.addTab(self.paragraph, self.tr("Paragraph"))
        self.addTab(self.speakers, self.tr("Speakers"))
        self.setTabToolTip(0, self.tr("Every number that changed, through the versions"))
        self.setTabToolTip(1, self.tr("The paragraph at the cursor, in every version"))
        self.setTabToolTip(2, self.tr("Speakers over time: who is quoted in which version"))
        self.setUsesScrollButtons(False)
        self.tabBar().setExpanding(False)
        state.subscribe(self._on_state)
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        for link_focus in (self.figures_focus, self.paragraph_focus):
            link_focus.set_colours(theme.focus, theme.base)
        self.speaker_delegate.theme = theme
        self.speakers.viewport().update()
        self.show_paragraph()

    def _on_state(self, changed: frozenset[str]) -> None:
        if changed & {STORY, HISTORY}:
            self.refresh()
        elif CURSOR in changed or PAIR in changed:
            self.show_paragraph()

    # ------------------------------------------------------------------ filling
    def refresh(self) -> None:
        """Read everything again from the state's history."""
        self._fill_figures()
        self._fill_speakers()
        self.show_paragraph()

    def _fill_figures(self) -> None:
        history = self._state.history
        if history is None:
            self.figures.setHtml(escape(self.tr("Working out the story's figures…")))
            self.setTabText(0, self.tr("Figures"))
            return
        self.figures.setHtml(self.figures_html(history))
        self.setTabText(0, self.tr("Figures ({0})").format(len(history.figures)))

    def figures_html(self, history: StoryHistory) -> str:
        """Each figure as its label and its values, each new value linked to its pair."""
        if not history.figures:
            return escape(self.tr("No number changed in the story."))
        t = self._theme
        dates = short_dates(history.versions)
        out = []
        dim = f"style='color:{t.dim_text}'"
        for figure in history.figures:
            first = figure.points[0]
            rows = [
                f"<tr><td align='right'><b>{escape(first.text)}</b></td>"
                f"<td {dim}>v{first.version + 1}&nbsp;{escape(dates[first.version])}</td>"
                "<td></td></tr>"
            ]
            for step in figure.steps:
                a, b = step.from_version, step.to_version
                number = step.number
                link = f"place:{a}:{b}:{b}:{number.to_start}"
                rows.append(
                    f"<tr><td align='right'><a href='{link}'><b>{escape(number.to_text)}</b></a>"
                    f"</td><td {dim}>v{b + 1}&nbsp;{escape(dates[b])}</td>"
                    f"<td>{escape(number.delta_label)}</td></tr>"
                )
            label = escape(figure.label or self.tr("figure"))
            series = escape(figure_series(history, history.figures.index(figure)))
            out.append(
                f"<p style='margin-bottom:2px'><b>{label}</b>: {series}</p>"
                f"<table cellspacing='0' cellpadding='1' style='margin-left:8px'>"
                + "".join(rows)
                + "</table>"
            )
        return "".join(out)

    def _fill_speakers(self) -> None:
        tree = self.speakers
        tree.clear()
        history = self._state.history
        if history is None or not history.speaker_timelines:
            text = (
                self.tr("Finding who is quoted…")
                if history is None or not history.quotes
                else self.tr("Nobody is quoted")
            )
            tree.addTopLevelItem(QTreeWidgetItem(["", text]))
            return
        # the people and bodies named, then the unnamed sources under a heading row, as in
        # the Speakers panel, the reports and `comparer history`
        timelines = list(enumerate(history.speaker_timelines))
        named = [i for i, t in timelines if not t.unnamed]
        unnamed = [i for i, t in timelines if t.unnamed]
        for i in named:
            tree.addTopLevelItem(self._speaker_item(history, i))
        if unnamed:
            heading = self._heading_item(len(unnamed))
            tree.addTopLevelItem(heading)
            heading.setFirstColumnSpanned(True)  # across the marks, name and steps
            for i in unnamed:
                tree.addTopLevelItem(self._speaker_item(history, i))
        tree.resizeColumnToContents(0)  # the marks; the speaker and what happened take the rest

    def _speaker_item(self, history: StoryHistory, i: int) -> QTreeWidgetItem:
        """Speaker ``i``'s row: a mark per version, then a child per step that opens it."""
        t = history.speaker_timelines[i]
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        events = ", ".join(f"{s.kind} in v{s.from_version + 2}" for s in t.steps)
        span = f"v{t.first + 1}–v{t.last + 1}"
        happened = events or span
        item = QTreeWidgetItem([marks_in_rows(speaker_marks(t.quotes_per_version)), t.name])
        item.setData(1, DETAIL_ROLE, happened)
        item.setFont(0, mono)
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        bold = item.font(1)
        bold.setWeight(QFont.Weight.DemiBold)
        item.setFont(1, bold)
        item.setToolTip(1, plain_tooltip(f"{t.name}\n{happened}"))
        # the heading says "unnamed" to the eye; a screen reader on the row still hears it
        who = self.tr("{0}, unnamed source").format(t.name) if t.unnamed else t.name
        item.setData(1, Qt.ItemDataRole.AccessibleTextRole, f"{who}: {happened}")
        for step in t.steps:
            a, b = step.from_version, step.from_version + 1
            at = b if t.quotes_per_version[b] else a  # where the quote is (dropped: before)
            offset = self._quote_offset(history, i, at)
            opens = self.tr("open v{0} ↔ v{1}").format(a + 1, b + 1)
            child = QTreeWidgetItem(["", f"{step.kind} in v{b + 1}"])
            child.setData(1, DETAIL_ROLE, opens)
            described = f"{step.kind} in v{b + 1}: {opens}"
            child.setData(1, Qt.ItemDataRole.AccessibleTextRole, described)
            child.setData(0, PLACE_ROLE, (a, b, at, offset))
            child.setToolTip(1, self.tr("Open the pair where this happened, at the quote"))
            item.addChild(child)
        counts = ", ".join(f"v{v + 1}: {n}" for v, n in enumerate(t.quotes_per_version))
        item.setToolTip(
            0,
            self.tr("First quoted in v{0}, last in v{1}\n{2}").format(
                t.first + 1, t.last + 1, counts
            ),
        )
        return item

    def shown_lines(self, item: QTreeWidgetItem) -> tuple[list[str], list[str]]:
        """The lines the Speaker column draws for ``item``: its name's, and what happened's."""
        tree = self.speakers
        option = QStyleOptionViewItem()
        option.initFrom(tree)
        option.widget = tree
        index = tree.indexFromItem(item, 1)
        self.speaker_delegate.initStyleOption(option, index)
        names, details, _inline = self.speaker_delegate.lines(option, index)
        return names, details

    def _heading_item(self, count: int) -> QTreeWidgetItem:
        """The "Unnamed sources" heading row: across the columns, read out, opens nothing."""
        item = QTreeWidgetItem([self.tr("Unnamed sources")])
        # enabled so the arrow keys go through it, not selectable: there is nothing to open
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, HEADING_ROLE, True)
        described = (
            self.tr("Unnamed sources: 1 source quoted without a name, listed below")
            if count == 1
            else self.tr("Unnamed sources: {0} sources quoted without a name, listed below")
        ).format(count)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, described)
        item.setToolTip(
            0,
            self.tr(
                "Sources quoted without a name (officials, reports, a spokesman), "
                "apart from the people and bodies named above"
            ),
        )
        return item

    @staticmethod
    def _quote_offset(history: StoryHistory, speaker: int, version: int) -> int:
        """Where the speaker's first quote in ``version`` starts (0 when there is none)."""
        if speaker >= len(history.speakers):
            return 0
        for v, q in history.speakers[speaker].quotes:
            if v == version and q < len(history.quotes[v]):
                return history.quotes[v][q].start
        return 0

    def _on_speaker_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        place = item.data(0, PLACE_ROLE)
        if place:
            self.place_requested.emit(*place)

    # ------------------------------------------------------------------ the paragraph
    def lineage_at(self, version: int, offset: int) -> Lineage | None:
        """The lineage of the paragraph holding ``offset`` of story version ``version``."""
        history = self._state.history
        if history is None or not (0 <= version < len(history.versions)):
            return None
        if self._owner_of != id(history):
            self._owner = {
                (v, p): i
                for i, lineage in enumerate(history.lineages)
                for v, cell in enumerate(lineage.cells)
                for p in cell
            }
            self._owner_of = id(history)
        paragraphs = history.versions[version].paragraphs
        if not paragraphs:
            return None
        p = max(0, bisect_right([q.start for q in paragraphs], offset) - 1)
        found = self._owner.get((version, p))
        return history.lineages[found] if found is not None else None

    def show_paragraph(self) -> None:
        """Show the history of the paragraph at the state's cursor."""
        history = self._state.history
        cursor = self._state.cursor
        if history is None:
            self.paragraph.setHtml(escape(self.tr("Working out the story's history…")))
            return
        if cursor is None:
            self.paragraph.setHtml(
                escape(
                    self.tr(
                        "Click in a paragraph, or go to a change with F7, to see it in every "
                        "version."
                    )
                )
            )
            return
        lineage = self.lineage_at(cursor.version, cursor.offset)
        if lineage is None:
            self.paragraph.setHtml("")
            return
        self.paragraph.setHtml(self.paragraph_html(history, lineage))

    def paragraph_html(self, history: StoryHistory, lineage: Lineage) -> str:
        """The lineage as HTML: each appearance with its word changes since the last."""
        t = self._theme
        present = lineage.present()
        head = self.tr("In {0} of {1} versions").format(len(present), len(history.versions))
        out = [f"<p><b>{escape(head)}</b></p>"]
        previous = -1
        last = lineage.last
        for v in range(len(history.versions)):
            cell = lineage.cells[v]
            step = lineage.steps[v - 1] if v > 0 else ""
            if not cell:
                if step == "deleted":
                    out.append(
                        f"<p style='color:{t.deleted}'>v{v + 1}: {escape(self.tr('removed'))}</p>"
                    )
                elif previous >= 0 and v < last:
                    # a gap: the paragraph comes back later
                    out.append(
                        f"<p style='color:{t.dim_text}'>v{v + 1}: {escape(self.tr('absent'))}</p>"
                    )
                continue
            version = history.versions[v]
            where = ", ".join(f"¶{p + 1}" for p in cell)
            what = _STEP_WORDS.get(step, "") if previous >= 0 else self.tr("first appears")
            if previous >= 0 and step == "added":
                what = self.tr("added")
            back = lineage.return_at(v)
            if back is not None:
                gone = back.version - back.since - 1
                what = (
                    self.tr("restored in v{0} after {1} version without it")
                    if gone == 1
                    else self.tr("restored in v{0} after {1} versions without it")
                ).format(v + 1, gone)
                what += "; " + (
                    self.tr("reworded since v{0}")
                    if back.edited
                    else self.tr("unchanged since v{0}")
                ).format(back.since + 1)
            when = date_label(version)
            start = version.paragraphs[cell[0]].start
            if previous >= 0:
                a, b = previous, v
            else:
                a, b = (v, v + 1) if v + 1 < len(history.versions) else (v - 1, v)
            link = f"place:{a}:{b}:{v}:{start}"
            title = f"v{v + 1}" + (f" · {when}" if when else "") + f" · {where}"
            out.append(
                f"<p style='margin-bottom:2px'><a href='{link}'><b>{escape(title)}</b></a>"
                f" <span style='color:{t.dim_text}'>{escape(what)}</span></p>"
            )
            out.append(f"<p style='margin-top:0'>{self._marked(history, lineage, v)}</p>")
            previous = v
        return "".join(out)

    def _marked(self, history: StoryHistory, lineage: Lineage, v: int) -> str:
        version = history.versions[v]
        cell = lineage.cells[v]
        start = version.paragraphs[cell[0]].start
        end = version.paragraphs[cell[-1]].end
        text = version.text
        changes = []
        back = lineage.return_at(v)
        if back is not None:
            # restored: its words against its last appearance, not against nothing
            changes = sorted(
                (c for c in back.comparison.changes if c.from_text + c.to_text),
                key=lambda c: c.to_start,
            )
        elif v > 0 and lineage.cells[v - 1] and lineage.entries[v - 1]:
            pair = history.pairs[v - 1]
            entries = set(lineage.entries[v - 1])
            changes = sorted(
                (c for c in pair.changes if c.entry in entries and c.from_text + c.to_text),
                key=lambda c: c.to_start,
            )
        t = self._theme
        parts: list[str] = []
        pos = start
        for c in changes:
            s = max(start, min(c.to_start, end))
            if s < pos:
                continue
            parts.append(_text_html(text[pos:s]))
            numeric = c.category.value == "numeric"
            e = max(s, min(c.to_end, end))
            if c.from_text:
                parts.append(f"<s style='color:{t.deleted}'>{escape(c.from_text)}</s>")
                if numeric and e > s:
                    parts.append("&nbsp;→&nbsp;")
            if e > s:
                style = (
                    f"background:{t.number}; color:{t.number_text}; font-weight:bold"
                    if numeric
                    else f"color:{t.added}"
                )
                parts.append(f"<u style='{style}'>{_text_html(text[s:e])}</u>")
            pos = e
        parts.append(_text_html(text[pos:end]))
        return "".join(parts)

    def _on_anchor(self, url: QUrl) -> None:
        bits = url.toString().split(":")
        if len(bits) == 5 and bits[0] == "place":
            a, b, at, offset = (int(x) for x in bits[1:])
            self.place_requested.emit(a, b, at, offset)


def _text_html(text: str) -> str:
    return escape(text).replace("\n\n", "<br>¶ ").replace("\n", "<br>")

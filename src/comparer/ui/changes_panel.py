"""The sidebar: every change listed (numbers first), and the people quoted."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QTabWidget, QWidget

from comparer.ui.compare_view import CompareView
from comparer.ui.document_model import Stop
from comparer.ui.mark_names import summarise
from comparer.ui.plain_text import plain_tooltip
from comparer.ui.reader_state import CURRENT, ReaderState
from comparer.ui.speakers_panel import SpeakersPanel
from comparer.ui.theme import Theme

Index = QModelIndex | QPersistentModelIndex
LABEL_CHARS = 160  # each side of a change in a list row: wider than any sidebar
WHOLE_CHARS = 2000  # in the tooltip and for screen readers: the change, whole


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChangesModel(QAbstractListModel):
    """The view's stops as list rows, numbers first, then in reading order.

    A paragraph's typography-only changes share one row (``4 quote marks ("→“ ×2, …)``),
    each mark named so that look-alike quotes read apart; the row stands for the first of
    them, and each of them finds that row.
    """

    def __init__(self, view: CompareView, theme: Theme) -> None:
        super().__init__()
        self._view = view
        self._theme = theme
        self._order: list[int] = []
        self._group: dict[int, list[int]] = {}  # a row's first stop: every stop it shows
        self._leader: dict[int, int] = {}  # any stop: the first stop of its row
        self._swatches: dict[str, QIcon] = {}

    def refresh(self) -> None:
        """Re-read the view's stops."""
        self.beginResetModel()
        stops = self._view.stops
        model = self._view.model

        def numeric(stop: Stop) -> bool:
            # a moved sentence whose figure changed on the way goes with the numbers
            if model is None:
                return stop.category == "numeric"
            return model.tells_numbers(stop)

        numbers = [i for i, s in enumerate(stops) if numeric(s)]
        others: list[int] = []
        self._group, self._leader = {}, {}
        paragraph_rows: dict[tuple[int, int, int], int] = {}
        for i, s in enumerate(stops):
            if numeric(s):
                continue
            if s.category == "typographic" and model is not None:
                key = (s.pair, s.version, model.paragraph_at(s.version, s.start))
                first = paragraph_rows.setdefault(key, i)
                if first != i:
                    self._group[first].append(i)
                    self._leader[i] = first
                    continue
            others.append(i)
            self._group[i] = [i]
        self._order = numbers + others
        self.endResetModel()

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        if self._order:
            self.dataChanged.emit(self.index(0), self.index(len(self._order) - 1))

    def _swatch(self, colour: str) -> QIcon:
        icon = self._swatches.get(colour)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
            painter.end()
            icon = QIcon(pixmap)
            self._swatches[colour] = icon
        return icon

    def stop_index(self, row: int) -> int:
        """The view stop shown on list row ``row``."""
        return self._order[row]

    def row_of_stop(self, stop: int) -> int:
        """The list row that shows view stop ``stop``, or -1."""
        try:
            return self._order.index(self._leader.get(stop, stop))
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102
        return 0 if parent.isValid() else len(self._order)

    def label(self, row: int, limit: int = LABEL_CHARS) -> str:
        """The text of list row ``row``, each side of a change cut at ``limit`` characters.

        The list cuts what does not fit its width with "…" as it draws a row; the tooltip and
        screen readers get the change whole.
        """
        model = self._view.model
        if model is None:
            return ""
        stop = self._view.stops[self._order[row]]
        version = model.versions[stop.version]
        paragraph = model.paragraph_at(stop.version, stop.start) + 1
        where = f"v{model.number(stop.version) + 1} ¶{paragraph}"
        if stop.category == "moved" and stop.move >= 0:
            return f"{where}  " + self.moved_sentence(stop.pair, stop.move, limit)
        if stop.category == "moved":
            return self.tr("{0}  Paragraph moved").format(where)
        pair = model.pairs[stop.pair]
        from_text, to_text = model.change_texts(stop.pair, stop.change)
        before, after = _short(from_text, limit), _short(to_text, limit)
        if stop.category == "numeric":
            numbers = [
                n.describe() for n in pair.numbers if n.change == stop.change and n.move < 0
            ]
            figures = self.figures(stop.pair, stop.change)
            if numbers or figures:
                said = "; ".join(numbers + figures)
                # a number added or removed with words around it: the words too
                alone = ("", *(f.text for f in model.figures_in(stop.pair, stop.change)))
                if not numbers and not (before.strip() in alone and after.strip() in alone):
                    said += "  " + self._words(before, after)
                return f"{where}  {said}"
        if stop.category == "typographic":
            members = self._group.get(self._order[row], [self._order[row]])
            marks = [
                (pair.changes[m.change].from_text, pair.changes[m.change].to_text)
                for m in (self._view.stops[i] for i in members)
            ]
            return self.tr("{0}  Typography: {1}").format(where, summarise(marks))
        del version
        return f"{where}  " + self._words(before, after)

    @staticmethod
    def _words(before: str, after: str) -> str:
        if before and after:
            return f"“{before}” → “{after}”"
        if after:
            return f"+ “{after}”"
        return f"− “{before}”"

    def figures(self, pair: int, change: int) -> list[str]:
        """The figures a change adds or removes: "Number added: 200", "Numbers removed: 12, 40"."""
        model = self._view.model
        assert model is not None
        edits = model.figures_in(pair, change)
        out = []
        for added in (True, False):
            texts = [f.text for f in edits if f.added is added]
            if not texts:
                continue
            if added:
                phrase = "Number added: {0}" if len(texts) == 1 else "Numbers added: {0}"
            else:
                phrase = "Number removed: {0}" if len(texts) == 1 else "Numbers removed: {0}"
            out.append(self.tr(phrase).format(", ".join(texts)))
        return out

    def moved_sentence(self, pair: int, move: int, limit: int = LABEL_CHARS) -> str:
        """A moved sentence's entry: "Sentence moved: ¶3 → ¶5", edited or not, and its words."""
        model = self._view.model
        assert model is not None
        old_paragraph, new_paragraph = model.move_places(pair, move)
        edited = model.pairs[pair].moves[move].similarity < 1.0
        text = (
            self.tr("Sentence moved within ¶{0}").format(new_paragraph + 1)
            if old_paragraph == new_paragraph
            else self.tr("Sentence moved: ¶{0} → ¶{1}").format(old_paragraph + 1, new_paragraph + 1)
        )
        if edited:
            text += self.tr(", edited")
        for n in model.numbers_moved_with(pair, move):
            text += ", " + self.tr("number changed: {0}").format(n.describe())
        for f in model.figures_moved_with(pair, move):
            phrase = "number added: {0}" if f.added else "number removed: {0}"
            text += ", " + self.tr(phrase).format(f.text)
        return text + f"  “{_short(model.move_texts(pair, move)[1], limit)}”"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: D102
        if not index.isValid() or index.row() >= len(self._order):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(index.row())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.label(index.row(), WHOLE_CHARS)
        if role == Qt.ItemDataRole.DecorationRole:
            stop = self._view.stops[self._order[index.row()]]
            t = self._theme
            model = self._view.model
            colour = {
                "numeric": t.number,
                "typographic": t.typographic,
                "moved": t.moved,
            }.get(stop.category)
            if colour is None:
                older = model is not None and stop.version == model.pairs[stop.pair].from_index
                colour = t.deleted if older else t.added
            return self._swatch(colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.label(index.row(), WHOLE_CHARS))
        return None


class ChangesPanel(QTabWidget):
    """Tabs for the right-hand dock: "Changes" (clickable list) and "Speakers".

    Signals:
        stop_activated(int): the user picked a change (index into the view's stops).
    """

    stop_activated = Signal(int)

    def __init__(self, view: CompareView, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.changes_model = ChangesModel(view, theme)
        self.list = QListView(self)
        self.list.setModel(self.changes_model)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setAlternatingRowColors(True)
        self.list.setIconSize(QSize(12, 12))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("List of changes"))
        self.list.setAccessibleDescription(
            self.tr("Every change, numbers first; press Enter to go to it.")
        )
        self.list.activated.connect(self._on_activated)
        self.list.clicked.connect(self._on_activated)
        self.speakers = SpeakersPanel(view, theme, self)
        self.addTab(self.list, self.tr("Changes"))
        self.addTab(self.speakers, self.tr("Speakers"))
        self.setAccessibleName(self.tr("Changes and speakers"))
        if view.state is not None:
            self.bind(view.state)
        else:
            view.current_stop_changed.connect(self._follow_view)

    def bind(self, state: ReaderState) -> None:
        """Keep the list's current row on the reader state's current change."""
        state.subscribe(
            lambda changed: self._follow_view(state.current) if CURRENT in changed else None
        )

    def refresh(self) -> None:
        """Re-read the changes and speakers from the view's model."""
        self.changes_model.refresh()
        # Every change counts, as "Change 3 of 22" does, though typography shares rows.
        self.setTabText(0, self.tr("Changes ({0})").format(len(self._view.stops)))
        self.speakers.refresh()
        count = len(self.speakers.model.speakers())
        self.setTabText(
            1, self.tr("Speakers ({0})").format(count) if count else self.tr("Speakers")
        )

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self.changes_model.set_theme(theme)
        self.speakers.set_theme(theme)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.stop_activated.emit(self.changes_model.stop_index(index.row()))

    def _follow_view(self, stop: int) -> None:
        row = self.changes_model.row_of_stop(stop)
        if row >= 0:
            self.list.setCurrentIndex(self.changes_model.index(row))

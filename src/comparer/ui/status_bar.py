"""The window's status bar: work in progress, the filter, the position, notes, the summary.

``StatusBar`` keeps its parts apart so that none covers another: a passing note (such as
"Zoom 110%") sits beside the summary of what changed, never over it, and hovering a
button does not replace either (the window drops status tips).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from comparer.core.model import PairComparison
from comparer.core.summary import summary_line
from comparer.ui.document_model import DocumentModel
from comparer.ui.plain_text import plain_label
from comparer.ui.theme import Theme


class StatusBar(QStatusBar):
    """Progress, the speaker filter with "Show all", "Change 3 of 12", a note, the summary.

    ``show_all_button`` is for the window to connect: it lifts the filter.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        """Make the parts, all but the summary hidden or empty until there is something."""
        super().__init__(parent)
        self.summary_label = plain_label(QLabel(self))
        # A description, not a name: a screen reader reads a label's name instead of its text.
        self.summary_label.setAccessibleDescription(self.tr("Summary of changes"))
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Working"))
        self.progress.hide()
        self.progress_label = plain_label(QLabel(self))
        self.progress_label.hide()
        self.position_label = QLabel(self)
        self.position_label.setObjectName("positionLabel")
        self.position_label.setAccessibleName(self.tr("Position among the changes"))
        self.note_label = plain_label(QLabel(self))
        self.note_label.setObjectName("noteLabel")
        self.note_label.setAccessibleName(self.tr("Message"))
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(lambda: self.note_label.setText(""))
        self.filter_label = plain_label(QLabel(self))
        self.filter_label.setObjectName("filterLabel")
        self.filter_label.setAccessibleName(self.tr("Filter"))
        self.filter_label.hide()
        self.show_all_button = QToolButton(self)
        self.show_all_button.setText(self.tr("Show all"))
        self.show_all_button.setToolTip(self.tr("Show every paragraph again (Esc)"))
        self.show_all_button.setAccessibleName(self.tr("Show all paragraphs"))
        self.show_all_button.setAutoRaise(True)
        self.show_all_button.hide()
        self.addWidget(self.progress)
        self.addWidget(self.progress_label)
        self.addWidget(self.filter_label)
        self.addWidget(self.show_all_button)
        self.addWidget(self.position_label)
        self.addWidget(self.note_label)
        self.addWidget(self.summary_label, 1)

    def show_note(self, text: str, ms: int = 3000) -> None:
        """A passing message, beside (never over) the summary, for ``ms`` milliseconds."""
        self.note_label.setText(text)
        self._note_timer.start(ms)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show the working bar with ``text`` (the summary waits), or hide it."""
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(text)
        if busy:
            self.summary_label.setText("")

    def set_step(self, text: str) -> None:
        """Say what the work is doing now."""
        self.progress_label.setText(text)

    def show_position(self, current: int, count: int) -> None:
        """Say "Change 3 of 12", or "12 changes" before one is chosen (nothing with none)."""
        if not count:
            self.position_label.setText("")
        elif current < 0:
            self.position_label.setText(self.tr("{0} changes").format(count))
        else:
            self.position_label.setText(self.tr("Change {0} of {1}").format(current + 1, count))

    def show_filter(self, label: str, shown: int, total: int, theme: Theme) -> None:
        """Say that only ``label``'s rows are shown (``shown`` of ``total``); "" lifts it."""
        self.filter_label.setVisible(bool(label))
        self.show_all_button.setVisible(bool(label))
        if not label:
            self.filter_label.setText("")
            return
        self.filter_label.setText(
            self.tr("Filter on: only {0} ({1} of {2} rows) — Esc shows all").format(
                label, shown, total
            )
        )
        self.filter_label.setStyleSheet(
            f"background: {theme.quote_tint}; color: {theme.text};"
            f" border: 1px solid {theme.quote}; border-radius: 4px; padding: 1px 6px;"
        )

    def show_summary(self, model: DocumentModel | None, count: int) -> None:
        """Show the one-line account of what changed in the pair(s) of ``model``.

        Args:
            model: what the panes show (None: nothing open).
            count: how many versions the story has; above two, each pair says which it is.
        """
        self.summary_label.setText(self.summary_text(model, count))

    def summary_text(self, model: DocumentModel | None, count: int) -> str:
        """The one-line account of what changed ("" with nothing compared)."""
        if model is None or not model.pairs:
            return ""
        prefix = count > 2
        return "     ".join(self._pair_summary(p, model, prefix) for p in model.pairs)

    def _pair_summary(self, pair: PairComparison, model: DocumentModel, prefix: bool) -> str:
        a, b = model.number(pair.from_index) + 1, model.number(pair.to_index) + 1
        lead = f"v{a}→v{b}: " if prefix else ""
        if not pair.differs:
            return lead + self.tr("No differences")
        figures = model.figures_of(pair)
        return lead + summary_line(pair, self.tr, numbers_shown=2, figures=figures)

"""The story pane beside the text: the versions' order, the timeline, and the history tabs.

``StoryPane`` stacks the line saying how the versions are ordered and the ``TimelineView``
above the ``HistoryPanel`` (figures, the paragraph at the cursor, speakers over time); the
window puts it in a dock shown once a story has three versions or more.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from comparer.ui.history_panel import HistoryPanel
from comparer.ui.reader_state import ReaderState
from comparer.ui.theme import Theme
from comparer.ui.timeline_view import TimelineView


class StoryPane(QSplitter):
    """The order line and the timeline above, the history tabs below; both follow ``state``."""

    def __init__(self, state: ReaderState, theme: Theme, parent: QWidget | None = None) -> None:
        """Make the timeline and the history panel, both observing ``state``."""
        super().__init__(Qt.Orientation.Vertical, parent)
        self.timeline = TimelineView(state, theme, self)
        self.order_label = QLabel(self)
        self.order_label.setWordWrap(True)
        self.order_label.setObjectName("orderLabel")
        self.history_panel = HistoryPanel(state, theme, self)
        story_box = QWidget(self)
        story_column = QVBoxLayout(story_box)
        story_column.setContentsMargins(6, 4, 0, 0)
        story_column.setSpacing(2)
        story_column.addWidget(self.order_label)
        story_column.addWidget(self.timeline, 1)
        self.addWidget(story_box)
        self.addWidget(self.history_panel)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.timeline.pair_picked.connect(state.show_pair)

    def set_theme(self, theme: Theme) -> None:
        """Recolour the timeline and the history."""
        self.timeline.set_theme(theme)
        self.history_panel.set_theme(theme)

    def show_order(
        self,
        count: int,
        by_date: bool,
        rearranged: bool = False,
        undated: int = 0,
        saved: bool = False,
    ) -> None:
        """Say how the ``count`` versions are ordered: by dates, as the reader set them, as given.

        Args:
            count: how many versions the story has.
            by_date: they were put in date order (and nothing moved them since).
            rearranged: the reader moved or swapped versions in the window since they opened.
            undated: of the versions put in date order, how many have no date, and so kept
                their places.
            saved: no article has a date: the times the documents were saved ordered them.
        """
        kept = (
            self.tr("1 undated version kept its place")
            if undated == 1
            else self.tr("{0} undated versions kept their places").format(undated)
        )
        if by_date and undated >= count:
            text = self.tr("{0} versions, in the order given (none has a date)")
        elif by_date and not undated:
            text = (
                self.tr("{0} versions, in the order the documents were saved")
                if saved
                else self.tr("{0} versions, in the order of the articles' own dates")
            )
        elif by_date:
            text = (
                self.tr("{0} versions, in the order the documents were saved; {1}")
                if saved
                else self.tr("{0} versions, in date order; {1}")
            )
        elif rearranged:
            text = self.tr("{0} versions, in the order you set")
        else:
            text = self.tr("{0} versions, in the order given")
        self.order_label.setText(text.format(count, kept))

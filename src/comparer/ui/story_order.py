"""The order of a story's versions in the window: the warning, and putting it right.

``StoryOrder`` says plainly when the order the versions are read in contradicts the
dates the articles carry (a message bar with "Put in date order"), and reorders the
story as the user asks: a version moved one place, the two shown swapped, or all put in
date order. The reader state does the reordering; every view follows it from there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from comparer.core.story import (
    DOCUMENT,
    article_moment,
    contradiction,
    date_label,
    date_order,
    own_moments,
)
from comparer.core.visible import visible_line
from comparer.ui.message_bar import MessageBar
from comparer.ui.reader_state import ReaderState
from comparer.ui.timeline_view import TimelineView


class StoryOrder(QObject):
    """Warns of an order against the dates and reorders the versions.

    Signals:
        reordered(): the versions were put in another order (the warning is already said).
    """

    reordered = Signal()

    def __init__(self, state: ReaderState, message_bar: MessageBar, timeline: TimelineView) -> None:
        """Reorder ``state``; warn in ``message_bar``; ``timeline`` says which to move."""
        super().__init__(timeline)
        self._state = state
        self._message_bar = message_bar
        self._timeline = timeline
        self.by_date = False  # whether the versions were put in the order of their dates
        self.rearranged = False  # whether the reader moved or swapped versions since

    def misordered(self) -> bool:
        """Whether the order read contradicts the dates the articles carry."""
        story = self._state.story
        return story is not None and contradiction(story.versions) is not None

    def in_date_order(self) -> bool:
        """Whether the versions are read in the order of their own dates."""
        return self.by_date and not self.misordered()

    def undated(self) -> int:
        """How many versions have no date to be ordered by (date order leaves them in place)."""
        story = self._state.story
        return 0 if story is None else sum(m is None for m in own_moments(story.versions))

    def by_saved_times(self) -> bool:
        """Whether no article has a date, so date order follows the documents' saved times."""
        story = self._state.story
        return story is not None and all(article_moment(v) is None for v in story.versions)

    def warn(self, before: str = "") -> None:
        """Say so when the versions' order contradicts the dates the articles carry.

        Args:
            before: what else must be said first (the files that could not be read): the
                warning follows it in the one message bar, and is never lost to it.
        """
        story = self._state.story
        clash = contradiction(story.versions) if story is not None else None
        if clash is None or story is None:
            if before:
                self._message_bar.show_message(before, "error")
            else:
                self._message_bar.hide()
            return
        a, b = story.versions[clash.earlier], story.versions[clash.later]
        if clash.basis == DOCUMENT:
            text = self.tr(
                "These versions are not in the order they were saved in: v{0} ({1}, {2}) comes "
                "after v{3} ({4}, {5}). Changes and number deltas read in the order shown."
            )
            action = self.tr("Put in saved order")
        else:
            text = self.tr(
                "These versions are not in the order of their dates: v{0} ({1}) is dated "
                "{2}, before v{3} ({4}, {5}). Changes and number deltas read in the order shown."
            )
            action = self.tr("Put in date order")
        self._message_bar.show_message(
            (before + "\n" if before else "")
            + text.format(
                clash.later + 1,
                visible_line(b.name),
                date_label(b),
                clash.earlier + 1,
                visible_line(a.name),
                date_label(a),
            ),
            "error",
            action,
            self.put_in_date_order,
        )

    def move_version(self, delta: int) -> None:
        """Move the version selected in the timeline (else the newer shown) one place."""
        row = self._timeline.current_row()
        if row < 0:
            row = self._state.pair[1]
        story = self._state.story
        self._state.move_version(row, row + delta)
        self.rearranged |= self._state.story is not story
        self._after_reorder()

    def swap_shown(self) -> None:
        """Exchange the two versions shown."""
        a, b = self._state.pair
        story = self._state.story
        self._state.swap(a, b)
        self.rearranged |= self._state.story is not story
        self._after_reorder()

    def put_in_date_order(self) -> None:
        """Order the versions by their own dates (undated ones keep their places).

        Where no version has an article date, by when the documents say they were saved.
        """
        if self._state.story is None:
            return
        self._state.reorder(date_order(self._state.story.versions))
        self.by_date = True
        self.rearranged = False
        self._after_reorder()

    def _after_reorder(self) -> None:
        self.warn()
        self.reordered.emit()

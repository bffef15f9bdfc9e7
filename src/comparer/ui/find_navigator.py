"""Find in the window: the matches of the find bar's text in every version, stepped through.

``FindNavigator`` keeps the matches in reading order (row, version, offset), tells the
reader state so the panes paint them, and steps to the next or previous one among the
rows shown: with a speaker filter on, Find goes only where the eye can.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from comparer.ui.compare_view import CompareView
from comparer.ui.find_bar import FindBar, find_all
from comparer.ui.reader_state import ReaderState


class FindNavigator(QObject):
    """Runs the find bar's searches over the view's versions and goes from match to match."""

    def __init__(self, view: CompareView, bar: FindBar, state: ReaderState) -> None:
        """Follow ``bar``'s text and keys; paint through ``state``, move ``view``."""
        super().__init__(bar)
        self._view = view
        self._bar = bar
        self._state = state
        self._hits: list[tuple[int, int, int]] = []  # (row, version, start), in reading order
        self._hit: tuple[int, int, int] | None = None  # the match last gone to
        self._length = 0
        bar.search_changed.connect(self.search)
        bar.next_requested.connect(lambda: self.step(True))
        bar.previous_requested.connect(lambda: self.step(False))
        bar.closed.connect(self._on_closed)

    def search(self, text: str) -> None:
        """Find ``text`` in every version (nothing: clear the matches)."""
        model = self._view.model
        if model is None or not text:
            self._state.set_find("", [])
            self._hits, self._hit = [], None
            self._bar.set_count(-1, 0)
            return
        matches = find_all([v.text for v in model.versions], text)
        self._state.set_find(text, matches)
        hits = [(model.row_of(v, s), v, s) for v, ms in enumerate(matches) for s, _e in ms]
        hits.sort()
        self._hits = hits
        self._hit = None
        self._length = len(text)
        self._bar.set_count(-1, len(self._shown_hits()))

    def search_again(self) -> None:
        """Find the bar's text again (other versions are shown), when the bar is open."""
        if self._bar.isVisible() and self._bar.field.text():
            self.search(self._bar.field.text())

    def _shown_hits(self) -> list[tuple[int, int, int]]:
        """The matches in rows a filter does not hide."""
        if not self._view.row_filter():
            return self._hits
        return [hit for hit in self._hits if self._view.row_shown(hit[0])]

    def step(self, forward: bool) -> None:
        """Go to the next or previous match among the rows shown (opens the bar)."""
        if not self._bar.isVisible():
            self._bar.open_bar()
        self._bar.flush()
        hits = self._shown_hits()
        if not hits:
            self._bar.set_count(-1, 0)
            return
        if self._hit not in hits:
            top = self._view.visible_rows().start
            later = [i for i, h in enumerate(hits) if h[0] >= top]
            index = (
                (later[0] if later else 0)
                if forward
                else ((later[0] - 1 if later else len(hits) - 1) % len(hits))
            )
        else:
            index = (hits.index(self._hit) + (1 if forward else -1)) % len(hits)
        self._hit = hits[index]
        _row, version, start = self._hit
        self._view.set_find_current(version, start, start + self._length)
        self._bar.set_count(index, len(hits))

    def refresh_count(self) -> None:
        """Count again after rows were hidden or shown (a filter changed)."""
        if not self._bar.isVisible() or not self._hits:
            return
        hits = self._shown_hits()
        current = self._hit
        self._bar.set_count(hits.index(current) if current in hits else -1, len(hits))

    def _on_closed(self) -> None:
        self._state.set_find("", [])
        self._hits, self._hit = [], None
        self._view.setFocus()

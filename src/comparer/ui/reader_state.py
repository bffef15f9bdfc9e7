"""What the reader is looking at, in one place and without Qt.

The story, the pair shown, the filter, the current change, the find and the highlighted
quote live in one ``ReaderState``, which the panes, the changes list, the overview strip
and the timeline all observe: a view that wants something changed asks the state, and every view
(itself included) redraws from the state when told. No view reads another view's state.
Notifications name what changed, so an observer skips what does not concern it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from comparer.core.history import StoryHistory
from comparer.core.story import Story

# what an observer is told changed
STORY = "story"  # the versions or their order (the pair may have moved with them)
PAIR = "pair"  # which versions are shown
HISTORY = "history"  # the story's history is known (lineages, figures, then quotes)
PROGRESS = "progress"  # another consecutive pair was compared in the background
FILTER = "filter"
CURRENT = "current"
FIND = "find"
QUOTE = "quote"
CURSOR = "cursor"  # the paragraph the reader points at

Observer = Callable[[frozenset[str]], None]


@dataclass(frozen=True, slots=True)
class Cursor:
    """A place in one version of the story (its index in reading order) and an offset."""

    version: int
    offset: int


class ReaderState:
    """The reader's state; observers are called with the names of what changed."""

    def __init__(self) -> None:
        self.story: Story | None = None
        self.history: StoryHistory | None = None
        self.shown: tuple[int, ...] = ()  # story indices of the panes, oldest first
        self.chosen: tuple[int, int] = (0, 0)  # the pair the reader picked (story indices)
        self.three = False  # three panes instead of two
        self.filter_rows: frozenset[int] | None = None
        self.filter_label = ""
        self.current = -1  # index of the current change among the pair's stops
        self.scroll_to_current = True
        self.find_text = ""
        self.find_matches: list[list[tuple[int, int]]] = []  # per pane
        self.find_current: tuple[int, int, int] | None = None  # pane, start, end
        self.quote: tuple[int, tuple[tuple[int, int], ...]] | None = None  # pane, ranges
        self.cursor: Cursor | None = None
        self._observers: list[Observer] = []

    # ------------------------------------------------------------------ observing
    def subscribe(self, observer: Observer) -> None:
        """Call ``observer`` with the names of what changed, after every change."""
        self._observers.append(observer)

    def _tell(self, *what: str) -> None:
        changed = frozenset(what)
        for observer in list(self._observers):
            observer(changed)

    # ------------------------------------------------------------------ story and pair
    @property
    def count(self) -> int:
        """How many versions the story has."""
        return len(self.story) if self.story is not None else 0

    @property
    def pair(self) -> tuple[int, int]:
        """The older and newer version shown (story indices); (0, 0) with no story."""
        return self.chosen if len(self.shown) >= 2 else (0, 0)

    def set_story(self, story: Story | None, pair: tuple[int, int] | None = None) -> None:
        """Show ``story``; the pair shown is ``pair``, or the last two versions."""
        self.story = story
        self.history = None
        n = self.count
        self._reset_pair_state()
        if n >= 2:
            a, b = pair if pair is not None else (n - 2, n - 1)
            self.chosen = (min(a, b), max(a, b))
            self.shown = self._panes(a, b)
        else:
            self.chosen = (0, 0)
            self.shown = (0,) if n == 1 else ()
        self._tell(STORY, PAIR, FILTER, CURRENT, FIND, QUOTE)

    def set_history(self, history: StoryHistory | None) -> None:
        """Record what is now known of the story's history."""
        self.history = history
        self._tell(HISTORY)

    def tell_progress(self) -> None:
        """Tell observers another pair of the story was compared in the background."""
        self._tell(PROGRESS)

    def _panes(self, a: int, b: int) -> tuple[int, ...]:
        a, b = sorted((a, b))
        if not self.three:
            return (a, b)
        if b - a > 1:
            return (a, (a + b) // 2, b)
        if a > 0:
            return (a - 1, a, b)
        return (a, b, b + 1) if b + 1 < self.count else (a, b)

    def _reset_pair_state(self) -> None:
        self.filter_rows, self.filter_label = None, ""
        self.current = -1
        self.find_matches, self.find_current = [], None
        self.quote = None

    def show_pair(self, a: int, b: int) -> None:
        """Show versions ``a`` and ``b`` (in story order whatever order they are given)."""
        n = self.count
        if n < 2 or a == b or not (0 <= a < n and 0 <= b < n):
            return
        panes = self._panes(a, b)
        if panes == self.shown and self.chosen == (min(a, b), max(a, b)):
            return
        self.shown, self.chosen = panes, (min(a, b), max(a, b))
        self._reset_pair_state()
        self._tell(PAIR, FILTER, CURRENT, FIND, QUOTE)

    def step_pair(self, forward: bool) -> bool:
        """Show the next (or previous) consecutive pair; False at the end of the story."""
        a, b = self.pair
        if b - a != 1:  # from a wider span: its first step forward, its last one back
            if forward:
                self.show_pair(a, a + 1)
            else:
                self.show_pair(b - 1, b)
            return True
        delta = 1 if forward else -1
        if a + delta < 0 or b + delta >= self.count:
            return False
        self.show_pair(a + delta, b + delta)
        return True

    def first_and_latest(self) -> None:
        """Show the first version against the latest: the whole span of the story."""
        self.show_pair(0, self.count - 1)

    def set_three(self, three: bool) -> None:
        """Show three versions (the pair and the one before it) or two."""
        if three == self.three:
            return
        a, b = self.pair
        self.three = three
        if self.count >= 2:
            self.shown = self._panes(a, b)
            self._reset_pair_state()
            self._tell(PAIR, FILTER, CURRENT, FIND, QUOTE)

    def reorder(self, order: Sequence[int]) -> None:
        """Put the versions in ``order`` (indices into the current order).

        The panes keep their places in the story (the pair v3 → v4 stays v3 → v4), so what
        they show follows the new order at once. The cursor stays in the version the reader
        pointed at, wherever that version now is, so the paragraph whose history is shown
        stays the one the reader chose.
        """
        if self.story is None:
            return
        story = self.story.reordered(order)
        if story.ids == self.story.ids:
            return
        self.story = story
        self.history = None
        self._reset_pair_state()
        if self.cursor is not None and self.cursor.version in order:
            self.cursor = Cursor(list(order).index(self.cursor.version), self.cursor.offset)
        self._tell(STORY, PAIR, FILTER, CURRENT, FIND, QUOTE, CURSOR)

    def move_version(self, index: int, to: int) -> None:
        """Take version ``index`` out and put it back at ``to``."""
        n = self.count
        if not (0 <= index < n) or not (0 <= to < n) or index == to:
            return
        order = list(range(n))
        order.insert(to, order.pop(index))
        self.reorder(order)

    def swap(self, a: int, b: int) -> None:
        """Exchange versions ``a`` and ``b``."""
        order = list(range(self.count))
        if a == b or not (0 <= a < len(order) and 0 <= b < len(order)):
            return
        order[a], order[b] = order[b], order[a]
        self.reorder(order)

    # ------------------------------------------------------------------ within the pair
    def set_filter(self, rows: frozenset[int] | None, label: str = "") -> None:
        """Show only ``rows`` of the pair (None: every row)."""
        if rows is None and self.filter_rows is None:
            return
        self.filter_rows, self.filter_label = rows, (label if rows is not None else "")
        self._tell(FILTER)

    def set_current(self, index: int, scroll: bool = True) -> None:
        """Make change ``index`` of the pair the current one (-1: none)."""
        self.current, self.scroll_to_current = index, scroll
        self._tell(CURRENT)

    def set_find(self, text: str, matches: list[list[tuple[int, int]]]) -> None:
        """Find ``text``; ``matches`` are its places in each pane."""
        self.find_text, self.find_matches, self.find_current = text, matches, None
        self._tell(FIND)

    def set_find_current(self, match: tuple[int, int, int] | None) -> None:
        """Make one match (pane, start, end) the current one."""
        self.find_current = match
        self._tell(FIND)

    def set_quote(self, quote: tuple[int, tuple[tuple[int, int], ...]] | None) -> None:
        """Highlight a quote (pane, ranges), or none."""
        if quote == self.quote:
            return
        self.quote = quote
        self._tell(QUOTE)

    def set_cursor(self, cursor: Cursor | None) -> None:
        """The place the reader points at, for the paragraph's history."""
        if cursor == self.cursor:
            return
        self.cursor = cursor
        self._tell(CURSOR)

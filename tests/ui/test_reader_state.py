"""The reader's state, without Qt: what it tells its observers, and the pair it shows."""

from __future__ import annotations

from comparer.core.story import Story
from comparer.ui.reader_state import CURRENT, FILTER, PAIR, STORY, ReaderState
from tests.core.factories import body


def _state(n: int = 5) -> tuple[ReaderState, list[frozenset[str]]]:
    versions = [body([f"At least {k} people died."], f"v{k}.txt") for k in range(1, n + 1)]
    state = ReaderState()
    told: list[frozenset[str]] = []
    state.subscribe(told.append)
    state.set_story(Story(versions))
    return state, told


def test_a_story_opens_on_its_last_two_versions_and_says_so() -> None:
    state, told = _state()
    assert state.shown == (3, 4) and state.pair == (3, 4)
    assert {STORY, PAIR, CURRENT} <= told[-1]


def test_stepping_stops_at_either_end_of_the_story() -> None:
    state, _ = _state()
    assert not state.step_pair(True)
    assert state.step_pair(False) and state.pair == (2, 3)
    for _ in range(5):
        state.step_pair(False)
    assert state.pair == (0, 1)
    state.first_and_latest()
    assert state.pair == (0, 4)
    assert state.step_pair(True) and state.pair == (0, 1)  # from the whole span: its start


def test_only_what_changed_is_told() -> None:
    state, told = _state()
    told.clear()
    state.set_current(2)
    state.set_filter(frozenset({1, 2}), "Elena Marsh")
    assert told == [frozenset({CURRENT}), frozenset({FILTER})]
    state.show_pair(1, 2)  # another pair: nothing of the last one stays current
    assert PAIR in told[-1] and state.current == -1 and state.filter_rows is None


def test_reordering_keeps_the_panes_where_they_are_and_swapping_back_restores() -> None:
    state, _ = _state()
    first = [v.name for v in state.story.versions]
    state.swap(3, 4)
    assert [v.name for v in state.story.versions][3:] == ["v5.txt", "v4.txt"]
    assert state.shown == (3, 4)
    state.move_version(4, 0)
    assert state.story.versions[0].name == "v4.txt"
    state.move_version(0, 4)
    state.swap(3, 4)
    assert [v.name for v in state.story.versions] == first


def test_three_panes_add_the_version_before_the_pair() -> None:
    state, _ = _state()
    state.set_three(True)
    assert state.shown == (2, 3, 4) and state.pair == (3, 4)
    state.show_pair(0, 1)
    assert state.shown == (0, 1, 2)
    state.set_three(False)
    assert state.shown == (0, 1)

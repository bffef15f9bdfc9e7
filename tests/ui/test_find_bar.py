"""The find bar: every match in every pane, the count, and the keys that step through them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from comparer.ui.find_bar import MAX_MATCHES, FindBar, find_all


def test_matches_are_found_in_every_text_whatever_the_case() -> None:
    texts = ["The Toll rose. The toll fell.", "No match here.", "TOLL"]
    assert find_all(texts, "toll") == [[(4, 8), (19, 23)], [], [(0, 4)]]
    assert find_all(texts, "") == [[], [], []]


def test_matches_do_not_overlap_and_are_capped() -> None:
    assert find_all(["aaaa"], "aa") == [[(0, 2), (2, 4)]]
    found = find_all(["x" * (MAX_MATCHES + 10), "xx"], "x")
    assert len(found[0]) == MAX_MATCHES and found[1] == []


def test_a_text_whose_lower_case_changes_length_keeps_its_offsets_right() -> None:
    text = "İstanbul and istanbul"  # "İ".lower() is two characters
    found = find_all([text], "istanbul")
    assert all(text[s:e] == "istanbul" for s, e in found[0])


@pytest.fixture
def bar(qtbot) -> FindBar:
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.open_bar()
    qtbot.waitExposed(bar)
    return bar


def test_typing_searches_after_a_pause_or_at_once_when_flushed(bar: FindBar, qtbot) -> None:
    with qtbot.waitSignal(bar.search_changed) as blocker:
        qtbot.keyClicks(bar.field, "toll")
    assert blocker.args == ["toll"]
    bar.field.setText("death toll")
    with qtbot.waitSignal(bar.search_changed, timeout=0) as blocker:
        bar.flush()
    assert blocker.args == ["death toll"]


def test_enter_goes_forward_shift_enter_back_escape_closes(bar: FindBar, qtbot) -> None:
    with qtbot.waitSignal(bar.next_requested):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    with qtbot.waitSignal(bar.previous_requested):
        qtbot.keyClick(bar, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert bar.isHidden()


@pytest.mark.parametrize(
    ("text", "current", "total", "shown"),
    [
        ("", -1, 0, ""),
        ("toll", -1, 0, "No matches"),
        ("toll", -1, 1, "1 match"),
        ("toll", -1, 12, "12 matches"),
        ("toll", 2, 12, "3 of 12"),
    ],
)
def test_the_count_says_where_the_reader_is(
    bar: FindBar, text: str, current: int, total: int, shown: str
) -> None:
    bar.field.setText(text)
    bar.set_count(current, total)
    assert bar.count.text() == shown

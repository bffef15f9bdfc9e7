"""A story of many versions in the window: order, pairs, the timeline and the history."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from comparer.ui import main_window
from tests.ui.conftest import LOAD_TIMEOUT_MS, STORY_FILES, write
from tests.ui.test_drop_handler import _drop

FILES = STORY_FILES


def names(window) -> list[str]:
    return [v.name for v in window.versions]


def undated(tmp_path: Path) -> list[str]:
    """Three versions without dates, named against their order: c, a, b."""
    texts = ["At least 40 people died.", "At least 44 people died.", "At least 48 people died."]
    return [write(tmp_path, f"{n}.txt", t) for n, t in zip("cab", texts, strict=True)]


def test_dated_versions_are_put_in_the_order_of_their_dates(story) -> None:
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]
    assert "order of the articles' own dates" in story.story_pane.order_label.text()
    assert not story.message_bar.isVisible()
    # at most two panes, the last two versions
    assert [story.view.model.number(c) for c in range(len(story.view.model.versions))] == [4, 5]
    assert [t.badge.text() for t in story.view.header.titles()] == ["v5", "v6"]
    assert (
        "v5→v6:" in story.status.summary_label.text()
        and "(6 → 8)" in story.status.summary_label.text()
    )


def with_one_undated(tmp_path: Path) -> list[str]:
    """The ferry story given v2, v1, v3 …: v3 without its "Last updated" line, so undated."""
    paths = [FILES[1], FILES[0]]
    text = Path(FILES[2]).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("Last updated")]
    paths.append(write(tmp_path, "v3-undated.txt", "\n".join(lines) + "\n"))
    return paths + FILES[3:]


def test_put_in_date_order_says_the_undated_version_kept_its_place(
    qtbot, window, open_files, tmp_path
) -> None:
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        open_files(with_one_undated(tmp_path))
    assert "in the order given" in window.story_pane.order_label.text()  # not every one dated
    bar = window.message_bar
    assert bar.isVisible() and bar.action_button.text() == "Put in date order"
    bar.action_button.click()
    assert names(window) == ["v1.txt", "v2.txt", "v3-undated.txt", "v4.txt", "v5.txt", "v6.txt"]
    assert window.story_pane.order_label.text() == (
        "6 versions, in date order; 1 undated version kept its place"
    )
    assert "own dates" not in window.story_pane.order_label.text()


def test_order_date_from_the_command_line_says_the_undated_version_kept_its_place(
    qtbot, window, tmp_path
) -> None:
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(with_one_undated(tmp_path), "date")
    assert names(window)[2] == "v3-undated.txt"
    assert window.story_pane.order_label.text() == (
        "6 versions, in date order; 1 undated version kept its place"
    )


def test_undated_files_keep_the_order_given_not_their_names(qtbot, window, open_files, tmp_path):
    open_files(undated(tmp_path))
    assert names(window) == ["c.txt", "a.txt", "b.txt"]
    assert "in the order given" in window.story_pane.order_label.text()
    titles = window.view.header.titles()
    assert titles[0].date.text().startswith("file saved ")


def test_files_chosen_in_the_dialog_keep_the_order_of_selection(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    files = undated(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.commands.open_action.trigger()
    assert names(window) == ["c.txt", "a.txt", "b.txt"]


def test_dropped_files_keep_the_order_they_were_dropped_in(qtbot, window, tmp_path) -> None:
    _drop(qtbot, window, undated(tmp_path), QPoint(400, 300))
    assert names(window) == ["c.txt", "a.txt", "b.txt"]


def test_pairs_are_stepped_through_and_the_whole_span_shown(qtbot, story) -> None:
    assert story.state.pair == (4, 5)
    assert not story.commands.next_pair_action.isEnabled()
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert story.state.pair == (3, 4)
    assert "(7 → 6)" in story.status.summary_label.text()
    assert story.commands.next_pair_action.shortcut().toString() == "Ctrl+PgDown"
    assert story.commands.next_pair_action in story.commands.story_menu.actions()
    story.commands.previous_pair_action.trigger()
    assert story.state.pair == (2, 3)
    with qtbot.waitSignal(story.pair_ready, timeout=LOAD_TIMEOUT_MS):  # compared on demand
        story.commands.first_latest_action.trigger()
    assert story.state.pair == (0, 5)
    assert (
        "v1→v6:" in story.status.summary_label.text()
        and "3 → 8" in story.status.summary_label.text()
    )
    assert [t.badge.text() for t in story.view.header.titles()] == ["v1", "v6"]
    # any two, picked in the timeline
    timeline = story.story_pane.timeline
    selection = timeline.selectionModel()
    selection.clearSelection()
    with qtbot.waitSignal(story.pair_ready, timeout=LOAD_TIMEOUT_MS):
        for row in (1, 3):
            selection.select(timeline.timeline.index(row), selection.SelectionFlag.Select)
    assert story.state.pair == (1, 3)
    assert all(s.pair == 0 for s in story.view.stops)  # marks of the one pair shown


def test_three_panes_when_asked(story) -> None:
    story.commands.three_action.trigger()
    assert [t.badge.text() for t in story.view.header.titles()] == ["v4", "v5", "v6"]
    story.commands.three_action.trigger()
    assert len(story.view.header.titles()) == 2


def test_the_story_is_worked_out_in_the_background_only_once_its_first_pair_is_painted(
    qtbot, window, monkeypatch
) -> None:
    # started at once, the other pairs' comparisons would hold back the first paint; the
    # wait's upper bound is lifted, so that a slow first paint cannot decide the order
    monkeypatch.setattr(main_window, "FOLLOW_WAIT_MS", 60_000)
    events: list[str] = []
    window.view.painted.connect(
        lambda: events.append("painted" if window.view.model is not None else "empty")
    )
    follow = window.loader.follow_story

    def followed() -> None:
        events.append("follow")
        follow()

    monkeypatch.setattr(window.loader, "follow_story", followed)
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(STORY_FILES)
    assert "follow" in events
    first_follow = events.index("follow")
    assert "painted" in events[:first_follow]
    assert window.state.history is not None
    assert len(window.state.history.versions) == len(STORY_FILES)


def test_a_version_that_cannot_be_read_is_left_out_and_the_order_still_warned_of(
    qtbot, window, open_files, tmp_path
) -> None:
    files = [
        write(tmp_path, "late.txt", "Updated: 9 June 2025, 12:00\n\nAt least 48 people died."),
        write(tmp_path, "broken.txt", ""),  # empty: it cannot be read
        write(tmp_path, "early.txt", "Updated: 9 June 2025, 09:00\n\nAt least 40 people died."),
        write(tmp_path, "undated.txt", "At least 50 people died."),  # so the order given holds
    ]
    open_files(files)
    assert names(window) == ["late.txt", "early.txt", "undated.txt"]
    bar = window.message_bar
    assert bar.isVisible()
    text = bar.label.text()
    assert "broken.txt: is empty" in text
    assert "the 3 versions that could be read are shown, numbered v1 to v3" in text
    # the order against the dates is still told, with the way to put it right
    assert "not in the order of their dates" in text
    assert bar.action_button.isVisible() and bar.action_button.text() == "Put in date order"
    bar.action_button.click()
    assert names(window) == ["early.txt", "late.txt", "undated.txt"]


def test_control_characters_in_file_names_are_shown_as_text(qtbot, window, tmp_path) -> None:
    # a line break and a bell in a name: shown written out, as the command line shows them,
    # so the title stays on one line and the name reads as it is
    names_given = ["old\nversion.txt", "mid\x07dle.txt", "new.txt"]
    texts = ["At least 40 people died.", "At least 44 people died.", "At least 48 people died."]
    files = [write(tmp_path, n, t) for n, t in zip(names_given, texts, strict=True)]
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(files)
    window.state.show_pair(0, 1)
    qtbot.waitUntil(lambda: window.view.header.titles()[0].badge.text() == "v1")
    shown = [t.name.text() for t in window.view.header.titles()]  # perhaps cut in the middle
    assert not any(c in "".join(shown) for c in "\n\x07")
    assert shown[0].startswith("old\\n") and shown[1].startswith("mid\\x")
    timeline = window.story_pane.timeline.timeline
    assert [timeline.head(r)[2] for r in range(3)] == [
        "old\\nversion.txt",
        "mid\\x07dle.txt",
        "new.txt",
    ]


def test_a_file_name_that_is_not_utf8_shows_its_bytes_in_the_timeline(qtbot, window, tmp_path):
    # "café.txt" saved by an old system in Latin-1 beside "cafe.txt": two names, not one
    raw = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"))
    try:
        Path(raw).write_text("At least 40 people died.", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 names")
    files = [raw, write(tmp_path, "cafe.txt", "At least 44 people died.")]
    files.append(write(tmp_path, "late.txt", "At least 48 people died."))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(files)
    timeline = window.story_pane.timeline.timeline
    assert [timeline.head(r)[2] for r in range(2)] == ["caf\\xe9.txt", "cafe.txt"]

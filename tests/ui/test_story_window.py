"""A story of many versions in the window: order, pairs, the timeline and the history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.ui.conftest import LOAD_TIMEOUT_MS, write
from tests.ui.test_main_window import _drop

STORY = Path(__file__).resolve().parents[1] / "data" / "story"
FILES = [str(STORY / f"v{k}.txt") for k in range(1, 7)]


def names(window) -> list[str]:
    return [v.name for v in window.versions]


def undated(tmp_path: Path) -> list[str]:
    """Three versions without dates, named against their order: c, a, b."""
    texts = ["At least 40 people died.", "At least 44 people died.", "At least 48 people died."]
    return [write(tmp_path, f"{n}.txt", t) for n, t in zip("cab", texts, strict=True)]


@pytest.fixture
def story(qtbot, window, open_files):
    """The ferry story opened in the window, shuffled, with its history worked out."""
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        open_files([FILES[k] for k in (2, 0, 5, 4, 1, 3)])
    return window


def test_dated_versions_are_put_in_the_order_of_their_dates(story) -> None:
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]
    assert "order of the articles' own dates" in story.order_label.text()
    assert not story.message_bar.isVisible()
    # at most two panes, the last two versions
    assert [story.view.model.number(c) for c in range(len(story.view.model.versions))] == [4, 5]
    assert [t.badge.text() for t in story.view.header.titles()] == ["v5", "v6"]
    assert "v5→v6:" in story.summary_label.text() and "(6 → 8)" in story.summary_label.text()


def test_the_timeline_lists_every_version_with_what_changed(story) -> None:
    timeline = story.timeline.timeline
    assert timeline.rowCount() == 6
    assert story.story_dock.isVisible()
    assert timeline.counts(0) == "first version"
    assert timeline.counts(2).startswith("2 numbers · ¶ +1 −1 · 2 changed · 1 moved")
    assert "speakers +1 −1" in timeline.counts(3)  # Tom Harker in, Nadia Fenwick out
    assert timeline.head(0)[1] == "06:10"  # one day's story: the time says it


def test_undated_files_keep_the_order_given_not_their_names(qtbot, window, open_files, tmp_path):
    open_files(undated(tmp_path))
    assert names(window) == ["c.txt", "a.txt", "b.txt"]
    assert "in the order given" in window.order_label.text()
    titles = window.view.header.titles()
    assert titles[0].date.text().startswith("file saved ")


def test_files_chosen_in_the_dialog_keep_the_order_of_selection(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    files = undated(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.open_action.trigger()
    assert names(window) == ["c.txt", "a.txt", "b.txt"]


def test_dropped_files_keep_the_order_they_were_dropped_in(qtbot, window, tmp_path) -> None:
    _drop(qtbot, window, undated(tmp_path), QPoint(400, 300))
    assert names(window) == ["c.txt", "a.txt", "b.txt"]


def test_an_order_against_the_dates_is_said_and_can_be_put_right(
    qtbot, window, open_files, tmp_path
) -> None:
    extra = write(tmp_path, "notes.txt", "At least 9 people were killed, a witness said.")
    open_files([FILES[3], FILES[0], extra])  # one undated version: the order given stands
    assert names(window) == ["v4.txt", "v1.txt", "notes.txt"]
    bar = window.message_bar
    assert bar.isVisible() and "not in the order of their dates" in bar.text()
    assert "v2 (v1.txt) is dated 9 Jun 2025 06:10" in bar.text()
    assert bar.action_button.text() == "Put in date order"
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert names(window) == ["v1.txt", "v4.txt", "notes.txt"]
    assert not bar.isVisible()


def test_swapping_the_two_shown_makes_every_delta_follow(qtbot, story) -> None:
    assert "(6 → 8)" in story.summary_label.text()
    ready = [story.pair_ready, story.history_ready]
    with qtbot.waitSignals(ready, timeout=LOAD_TIMEOUT_MS):
        story.swap_action.trigger()
    assert names(story)[4:] == ["v6.txt", "v5.txt"]
    assert "(8 → 6)" in story.summary_label.text()
    assert (
        "contradicts" in story.message_bar.text() or "not in the order" in story.message_bar.text()
    )
    toll = story.state.history.figures[0]
    assert [p.text for p in toll.points][-2:] == ["8", "6"]
    with qtbot.waitSignals(ready, timeout=LOAD_TIMEOUT_MS):
        story.swap_action.trigger()
    assert names(story)[4:] == ["v5.txt", "v6.txt"]
    assert "(6 → 8)" in story.summary_label.text()


def test_move_earlier_and_dragging_in_the_timeline_reorder(qtbot, story) -> None:
    timeline = story.timeline
    timeline.setCurrentIndex(timeline.timeline.index(5))
    story.move_earlier_action.trigger()
    assert names(story) == ["v1.txt", "v2.txt", "v3.txt", "v4.txt", "v6.txt", "v5.txt"]
    model = timeline.timeline
    mime = model.mimeData([model.index(4)])  # drag v6.txt (now 5th) back to the end
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 6, 0, QModelIndex())
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]
    mime = model.mimeData([model.index(0)])  # and v1.txt onto the third place
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(2))
    assert names(story)[:3] == ["v2.txt", "v3.txt", "v1.txt"]
    # the list view itself moves a dragged row with moveRows: v1.txt back to the top
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]


def test_pairs_are_stepped_through_and_the_whole_span_shown(qtbot, story) -> None:
    assert story.state.pair == (4, 5)
    assert not story.next_pair_action.isEnabled()
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert story.state.pair == (3, 4)
    assert "(7 → 6)" in story.summary_label.text()
    assert story.next_pair_action.shortcut().toString() == "Ctrl+PgDown"
    assert story.next_pair_action in story.story_menu.actions()
    story.previous_pair_action.trigger()
    assert story.state.pair == (2, 3)
    with qtbot.waitSignal(story.pair_ready, timeout=LOAD_TIMEOUT_MS):  # compared on demand
        story.first_latest_action.trigger()
    assert story.state.pair == (0, 5)
    assert "v1→v6:" in story.summary_label.text() and "3 → 8" in story.summary_label.text()
    assert [t.badge.text() for t in story.view.header.titles()] == ["v1", "v6"]
    # any two, picked in the timeline
    timeline = story.timeline
    selection = timeline.selectionModel()
    selection.clearSelection()
    with qtbot.waitSignal(story.pair_ready, timeout=LOAD_TIMEOUT_MS):
        for row in (1, 3):
            selection.select(timeline.timeline.index(row), selection.SelectionFlag.Select)
    assert story.state.pair == (1, 3)
    assert all(s.pair == 0 for s in story.view.stops)  # marks of the one pair shown


def test_three_panes_when_asked(story) -> None:
    story.three_action.trigger()
    assert [t.badge.text() for t in story.view.header.titles()] == ["v4", "v5", "v6"]
    story.three_action.trigger()
    assert len(story.view.header.titles()) == 2


def test_clicking_in_a_paragraph_shows_its_history(qtbot, story) -> None:
    view = story.view
    model = view.model
    row = model.paragraph_rows[1][2]  # "At least 8 people were killed …" in v6
    view.scroll_to_row(row, 0.1)
    view.ensure_visible_laid_out()
    rect = view.column_rect(1)
    y = int(view.row_top(row) - view.verticalScrollBar().value() + 30)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), y))
    text = story.history_panel.paragraph.toPlainText()
    assert "In 6 of 6 versions" in text
    assert "At least 3 people were killed" in text  # v1
    assert "split" in text  # v3 → v4
    assert text.count("people were killed") == 6


def test_a_figure_step_clicked_opens_its_pair_at_the_number(qtbot, story) -> None:
    figures = story.history_panel.figures
    text = figures.toPlainText()
    assert "people were killed: 3 → 5 → 7 → 6 → 8" in text
    assert "5\nv2 07:45\n+2, +67%" in text  # each value, where and how far it moved
    links = re.findall(r'href="(place:[^"]+)"', figures.toHtml())
    step = next(link for link in links if link.startswith("place:1:2:"))  # 5 → 7, v2 → v3
    with qtbot.waitSignal(story.place_shown, timeout=LOAD_TIMEOUT_MS):
        figures.anchorClicked.emit(QUrl(step))
    assert story.state.pair == (1, 2)
    stop = story.view.stops[story.view.current_stop()]
    assert stop.category == "numeric"
    change = story.view.model.pairs[stop.pair].changes[stop.change]
    assert (change.from_text, change.to_text) == ("5", "7")
    assert story.history_panel.paragraph.toPlainText().count("people were killed") == 6


def test_the_position_is_shown_apart_from_the_summary(qtbot, story) -> None:
    summary = story.summary_label.text()
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_F7)
    assert story.position_label.text() == f"Change 1 of {len(story.view.stops)}"
    assert story.summary_label.text() == summary
    QApplication.sendEvent(story, QStatusTipEvent("Open two or more versions"))
    assert story.summary_label.text() == summary and story.summary_label.isVisible()


def test_find_paints_the_current_match_apart_from_the_others(qtbot, story) -> None:
    qtbot.keyClick(story.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(story.find_bar.field, "Port Ellery")
    story.find_bar.flush()
    qtbot.keyClick(story.find_bar.field, Qt.Key.Key_Return)
    view = story.view
    version, start, _end = view.state.find_current
    row = view.model.row_of(version, start)
    view.ensure_visible_laid_out()
    marks = view.find_marks(row, version)
    assert ("Port Ellery", True) in marks
    others = [m for r in range(len(view.model.rows)) for m in view.find_marks(r, 1 - version)]
    assert others and not any(current for _text, current in others)


def test_a_speakers_step_opens_the_pair_where_it_happened(qtbot, story) -> None:
    # the fixture waited for the history; the speakers come after it
    qtbot.waitUntil(lambda: bool(story.state.history.speaker_timelines), timeout=LOAD_TIMEOUT_MS)
    tree = story.history_panel.speakers
    rows = {
        tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    harker = rows["Tom Harker"]
    assert harker.text(0) == "···●●●"
    added = harker.child(0)
    assert added.text(1) == "added in v4"
    with qtbot.waitSignal(story.place_shown, timeout=LOAD_TIMEOUT_MS):
        tree.itemClicked.emit(added, 1)
    assert story.state.pair == (2, 3)

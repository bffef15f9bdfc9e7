"""The timeline: one row per version with what changed, and reordering by drag or menu."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from tests.ui.conftest import LOAD_TIMEOUT_MS


def names(window) -> list[str]:
    return [v.name for v in window.versions]


def test_the_timeline_lists_every_version_with_what_changed(qtbot, story) -> None:
    # the history comes in two steps: the speakers' counts only once the quotes are found
    qtbot.waitUntil(lambda: bool(story.state.history.speaker_timelines), timeout=LOAD_TIMEOUT_MS)
    timeline = story.story_pane.timeline.timeline
    assert timeline.rowCount() == 6
    assert story.story_dock.isVisible()
    assert timeline.counts(0) == "first version"
    assert timeline.counts(2).startswith("2 numbers · ¶ +1 −1 · 2 changed · 1 moved")
    assert "speakers +1 −1" in timeline.counts(3)  # Tom Harker in, Nadia Fenwick out
    assert timeline.head(0)[1] == "06:10"  # one day's story: the time says it


def test_move_earlier_and_dragging_in_the_timeline_reorder(qtbot, story) -> None:
    timeline = story.story_pane.timeline
    timeline.setCurrentIndex(timeline.timeline.index(5))
    story.commands.move_earlier_action.trigger()
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

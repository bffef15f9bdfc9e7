"""The order of a story's versions: the warning against the dates, swapping, moving."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.formats.builders import write_word_drafts
from tests.ui.conftest import LOAD_TIMEOUT_MS, STORY_FILES, write

FILES = STORY_FILES


def names(window) -> list[str]:
    return [v.name for v in window.versions]


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


def test_word_drafts_opened_newest_first_are_warned_of_and_put_in_saved_order(
    qtbot, window, open_files, tmp_path
) -> None:
    old, new = write_word_drafts(tmp_path)
    open_files([new, old])  # no article dates: the order given stands
    assert names(window) == ["new.docx", "old.docx"]
    assert "(260 → 240, 15 → 12)" in window.status.summary_label.text()
    bar = window.message_bar
    assert bar.isVisible() and "not in the order they were saved in" in bar.text()
    assert "v2 (old.docx, document saved 1 Mar 2025" in bar.text()
    assert bar.action_button.text() == "Put in saved order"
    assert window.view.header.titles()[0].date.text().startswith("document saved 1 Mar 2025")
    with qtbot.waitSignal(window.pair_ready, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert names(window) == ["old.docx", "new.docx"]
    assert "(240 → 260, 12 → 15)" in window.status.summary_label.text()
    assert not bar.isVisible()


def test_swapping_the_two_shown_makes_every_delta_follow(qtbot, story) -> None:
    assert "(6 → 8)" in story.status.summary_label.text()
    ready = [story.pair_ready, story.history_ready]
    with qtbot.waitSignals(ready, timeout=LOAD_TIMEOUT_MS):
        story.commands.swap_action.trigger()
    assert names(story)[4:] == ["v6.txt", "v5.txt"]
    assert "(8 → 6)" in story.status.summary_label.text()
    # neither the articles' dates nor the order the files were given in any more
    assert story.story_pane.order_label.text() == "6 versions, in the order you set"
    assert (
        "contradicts" in story.message_bar.text() or "not in the order" in story.message_bar.text()
    )
    toll = story.state.history.figures[0]
    assert [p.text for p in toll.points][-2:] == ["8", "6"]
    with qtbot.waitSignals(ready, timeout=LOAD_TIMEOUT_MS):
        story.commands.swap_action.trigger()
    assert names(story)[4:] == ["v5.txt", "v6.txt"]
    assert "(6 → 8)" in story.status.summary_label.text()


def test_with_none_selected_the_newer_shown_moves_and_date_order_puts_it_back(qtbot, story) -> None:
    story.story_pane.timeline.setCurrentIndex(story.story_pane.timeline.timeline.index(-1))
    assert story.story_pane.timeline.current_row() < 0
    assert story.state.pair == (4, 5)
    with qtbot.waitSignal(story.pair_ready, timeout=LOAD_TIMEOUT_MS):
        story.commands.move_earlier_action.trigger()  # v6, the newer shown, one place earlier
    assert names(story)[3:] == ["v4.txt", "v6.txt", "v5.txt"]
    assert story.order.misordered()
    assert "in the order you set" in story.story_pane.order_label.text()  # not as given
    assert story.commands.date_order_action.isEnabled()
    story.commands.date_order_action.trigger()
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]
    assert not story.order.misordered() and not story.message_bar.isVisible()
    assert "order of the articles' own dates" in story.story_pane.order_label.text()

"""The story pane: how the versions are ordered, the timeline and the history, in a dock."""

from __future__ import annotations

from comparer.ui.reader_state import ReaderState
from comparer.ui.story_pane import StoryPane
from comparer.ui.theme import Theme
from tests.ui.conftest import LOAD_TIMEOUT_MS


def test_the_order_line_says_whose_order_it_is(qtbot) -> None:
    pane = StoryPane(ReaderState(), Theme.light())
    qtbot.addWidget(pane)
    pane.show_order(6, by_date=True)
    assert pane.order_label.text() == "6 versions, in the order of the articles' own dates"
    pane.show_order(3, by_date=False)
    assert pane.order_label.text() == "3 versions, in the order given"


def test_the_order_line_says_which_undated_versions_kept_their_places(qtbot) -> None:
    pane = StoryPane(ReaderState(), Theme.light())
    qtbot.addWidget(pane)
    pane.show_order(6, by_date=True, undated=2)
    assert pane.order_label.text() == (
        "6 versions, in date order; 2 undated versions kept their places"
    )
    pane.show_order(6, by_date=True, undated=1)
    assert pane.order_label.text() == "6 versions, in date order; 1 undated version kept its place"
    pane.show_order(3, by_date=True, saved=True)
    assert pane.order_label.text() == "3 versions, in the order the documents were saved"
    pane.show_order(3, by_date=True, undated=3)
    assert pane.order_label.text() == "3 versions, in the order given (none has a date)"


def test_the_pane_comes_with_a_story_and_goes_with_a_pair(qtbot, story, sample, open_files) -> None:
    assert story.story_dock.isVisible()
    assert story.story_dock.widget() is story.story_pane
    assert story.story_pane.timeline.model().rowCount() == 6
    open_files(sample[:2])
    assert not story.story_dock.isVisible()


def test_a_pair_picked_in_the_timeline_is_shown(qtbot, story) -> None:
    timeline = story.story_pane.timeline
    with qtbot.waitSignal(story.pair_ready, timeout=LOAD_TIMEOUT_MS):
        timeline.pair_picked.emit(0, 3)
    assert story.state.pair == (0, 3)
    assert [t.badge.text() for t in story.view.header.titles()] == ["v1", "v4"]

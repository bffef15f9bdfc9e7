"""The story loader: models for the panes the reader state shows, and the story's history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from comparer.core.story import Story
from comparer.ui.reader_state import HISTORY, PROGRESS, ReaderState
from comparer.ui.story_loader import MODELS_KEPT, StoryLoader
from tests.core.factories import body

TIMEOUT_MS = 30_000


def _settle(qtbot) -> None:
    """Let every background task finish and its signals arrive."""
    assert QThreadPool.globalInstance().waitForDone(TIMEOUT_MS)
    qtbot.wait(10)


@pytest.fixture
def state() -> ReaderState:
    versions = [
        body(
            [f"At least {k} people died.", f"\u201cWe saw {k} boats,\u201d said Ana Ruiz."],
            f"v{k}.txt",
        )
        for k in range(1, 6)
    ]
    state = ReaderState()
    state.set_story(Story(versions))
    return state


@pytest.fixture
def loader(qapp, state: ReaderState) -> StoryLoader:
    loader = StoryLoader(state, with_quotes=True)
    loader.begin(1, state.story, None)
    return loader


def test_a_pair_not_yet_compared_is_compared_off_the_gui_thread(
    qtbot, loader: StoryLoader, state: ReaderState
) -> None:
    said: list[str] = []
    loader.working.connect(said.append)
    state.show_pair(0, 2)
    with qtbot.waitSignal(loader.model_ready, timeout=TIMEOUT_MS) as ready:
        loader.show_shown()
    assert said == ["Comparing v1 ↔ v3…", ""]
    assert ready.args[0].numbers == (0, 2)


def test_a_known_pair_is_shown_at_once_and_kept(qtbot, loader: StoryLoader, state) -> None:
    state.story.pair(3, 4)  # compared already, as the first pair shown is
    models = []
    loader.model_ready.connect(models.append)
    loader.show_shown()
    loader.show_shown()
    assert len(models) == 2 and models[0] is models[1]  # the painted model, kept
    assert models[0].numbers == (3, 4)


def test_the_history_is_worked_out_in_the_background_speakers_last(
    qtbot, loader: StoryLoader, state: ReaderState
) -> None:
    told: list[frozenset[str]] = []
    state.subscribe(told.append)
    histories: list[object] = []
    loader.history_ready.connect(histories.append)
    loader.follow_story()
    qtbot.waitUntil(lambda: len(histories) == 2, timeout=TIMEOUT_MS)
    assert histories[0].speakers == () and [s.name for s in histories[1].speakers] == ["Ana Ruiz"]
    assert state.history is histories[1]
    assert any(PROGRESS in t for t in told) and any(HISTORY in t for t in told)
    loader.follow_story()  # known: nothing more to do
    _settle(qtbot)
    assert len(histories) == 2


def test_work_for_a_story_that_was_left_goes_unheard(
    qtbot, loader: StoryLoader, state: ReaderState
) -> None:
    histories: list[object] = []
    loader.history_ready.connect(histories.append)
    loader.follow_story()
    loader.cancel()
    _settle(qtbot)
    assert histories == [] and state.history is None


def test_only_the_last_few_models_are_kept(qtbot, loader: StoryLoader, state) -> None:
    shown = [(a, b) for a in range(5) for b in range(a + 1, 5)]
    assert len(shown) > MODELS_KEPT
    for a, b in shown:
        state.story.pair(a, b)  # known: each model is built at once
    models = []
    loader.model_ready.connect(models.append)
    for a, b in shown:
        state.show_pair(a, b)
        loader.show_shown()
    loader.show_shown()
    assert models[-1] is models[-2]  # the latest is kept
    state.show_pair(*shown[0])
    loader.show_shown()
    assert models[-1] is not models[0]  # the first was dropped and built anew
    assert models[-1].numbers == models[0].numbers == shown[0]

"""Fixtures for the window tests: a shown window and the sample story's files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from comparer.sample import sample_paths
from comparer.ui.app import make_application
from comparer.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 30_000
# The ferry story of tests/data/story: six dated versions, v1.txt to v6.txt.
STORY_FILES = [
    str(Path(__file__).resolve().parents[1] / "data" / "story" / f"v{k}.txt") for k in range(1, 7)
]


@pytest.fixture
def sample() -> list[str]:
    """The three sample versions, oldest first."""
    return [str(p) for p in sample_paths()]


@pytest.fixture
def window(qtbot) -> MainWindow:
    """A shown main window with default settings."""
    make_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    yield win
    qtbot.waitUntil(lambda: not win.is_busy(), timeout=LOAD_TIMEOUT_MS)
    win.close()


@pytest.fixture
def open_files(qtbot, window: MainWindow) -> Callable[[list[str]], MainWindow]:
    """Open files in the window and wait until the result is shown."""

    def run(paths: list[str]) -> MainWindow:
        with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
            window.opener.open_files([str(p) for p in paths])
        window.view.ensure_visible_laid_out()
        return window

    return run


@pytest.fixture
def story(qtbot, window: MainWindow, open_files) -> MainWindow:
    """The ferry story opened in the window, shuffled, with its history worked out.

    The history is told in parts (lineages and figures first, who is quoted once the quote
    finder has read every version): this waits for the whole of it, speakers included,
    however long the quote finder takes to load in this run.
    """
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        open_files([STORY_FILES[k] for k in (2, 0, 5, 4, 1, 3)])
    qtbot.waitUntil(
        lambda: window.state.history is not None and bool(window.state.history.speaker_timelines),
        timeout=LOAD_TIMEOUT_MS,
    )
    return window


def write(tmp_path: Path, name: str, text: str) -> str:
    """Write a small version file and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)

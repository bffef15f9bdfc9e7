"""Starting the window: one application, and a screenshot run from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from comparer.ui.app import make_application, run_app
from comparer.ui.main_window import MainWindow
from comparer.ui.theme import Theme


@pytest.fixture
def windows(qapp):
    """The main windows ``run_app`` leaves behind, deleted after the test."""
    before = set(QApplication.topLevelWidgets())

    def made() -> list[MainWindow]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in before
        ]

    yield made
    for window in made():
        window.deleteLater()


def test_a_running_application_is_used_not_made_again(qapp) -> None:
    # a second QApplication would abort; tests and the command line both call this
    assert make_application() is QApplication.instance() is make_application()


def test_command_line_files_open_and_screenshot_is_saved(tmp_path, sample, windows) -> None:
    out = tmp_path / "shot.png"
    assert run_app(sample[:2], screenshot=str(out), size=(900, 600)) == 0
    assert out.stat().st_size > 10_000
    shown = [w for w in windows() if w.versions]
    assert shown and [v.name for v in shown[-1].versions] == [Path(p).name for p in sample[:2]]
    assert (shown[-1].width(), shown[-1].height()) == (900, 600)


def test_a_screenshot_that_cannot_be_saved_is_status_2_and_one_line(
    tmp_path, sample, windows, capfd
) -> None:
    out = tmp_path / "no-such-folder" / "shot.png"
    assert run_app(sample[:2], screenshot=str(out), size=(900, 600)) == 2
    err = capfd.readouterr().err
    assert f"comparer: {out}: the screenshot could not be saved" in err
    assert not out.exists()


def test_the_theme_can_be_chosen_from_the_environment(
    tmp_path, windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPARER_THEME", "dark")
    assert run_app([], screenshot=str(tmp_path / "empty.png"), size=(700, 500)) == 0
    (window,) = windows()
    assert window.theme.base == Theme.dark_theme().base
    assert (tmp_path / "empty.png").stat().st_size > 0

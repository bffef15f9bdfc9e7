"""Preferences: recent comparisons kept as absolute paths, gone files dropped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from comparer.ui.settings import Settings
from tests.ui.conftest import LOAD_TIMEOUT_MS, write


@pytest.fixture
def pair(tmp_path: Path) -> list[Path]:
    """Two small versions in a folder of their own."""
    folder = tmp_path / "big"
    folder.mkdir()
    return [
        Path(write(folder, "a1m.txt", "The toll rose to 40.\n")),
        Path(write(folder, "a2m.txt", "The toll rose to 48.\n")),
    ]


def test_recent_files_typed_relative_are_stored_absolute(
    qapp, pair: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Settings().add_recent(["big/a1m.txt", "big/a2m.txt"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert Settings().recent_files == [[str(p) for p in pair]]


def test_a_comparison_whose_file_is_gone_is_dropped(qapp, pair: list[Path], tmp_path) -> None:
    other = [write(tmp_path, "x.txt", "x\n"), write(tmp_path, "y.txt", "y\n")]
    settings = Settings()
    settings.add_recent([str(p) for p in pair])
    settings.add_recent(other)
    pair[1].unlink()
    assert settings.recent_files == [other]
    pair[1].write_text("back again\n", encoding="utf-8")
    assert Settings().recent_files == [other]  # dropped for good, not hidden


def test_an_entry_stored_relative_by_an_older_version_is_dropped(qapp, pair) -> None:
    settings = Settings()
    settings._store.setValue("files/recent", ["big/a1m.txt\nbig/a2m.txt"])
    assert settings.recent_files == []


def test_a_recent_comparison_reopens_from_another_folder(
    qtbot, window, pair: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(["big/a1m.txt", "big/a2m.txt"])
    window.close_comparison()
    monkeypatch.chdir(tmp_path / "big")
    buttons = window.empty_state._recent_buttons
    assert [b.text() for b in buttons] == ["a1m.txt  ·  a2m.txt"]
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        buttons[0].click()
    assert len(window.versions) == 2
    assert not window.message_bar.isVisible()


def test_the_start_screen_lists_only_comparisons_that_can_open(
    qtbot, window, pair: list[Path]
) -> None:
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files([str(p) for p in pair])
    os.remove(pair[0])
    window.close_comparison()
    assert window.empty_state._recent_buttons == []
    assert not window.empty_state.recent_title.isVisible()
    window.commands.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.commands.recent_menu.actions()] == ["No recent comparisons"]

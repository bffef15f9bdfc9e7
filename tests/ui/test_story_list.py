"""The story list: a ``comparer batch`` results folder listed, filtered and opened."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from comparer.cli import main
from comparer.ui.main_window import MainWindow
from comparer.ui.story_list import COLUMNS, StoryListDialog
from tests.batch.archives import write_folder, write_newsedits
from tests.ui.conftest import LOAD_TIMEOUT_MS


def _results(tmp_path: Path, archive: Path, *extra: str) -> Path:
    out = tmp_path / "results"
    assert main(["batch", str(archive), "-o", str(out), "--workers", "0", *extra]) == 0
    return out


@pytest.fixture
def results(tmp_path: Path) -> Path:
    """A results folder of the test stories (a NewsEdits database), as Parquet."""
    return _results(tmp_path, write_newsedits(tmp_path / "newsedits.db"))


def _dialog(window: MainWindow, path: Path) -> StoryListDialog:
    window.opener.open_batch_results(str(path))
    dialog = window.opener.story_list
    assert isinstance(dialog, StoryListDialog)
    return dialog


def test_every_story_is_listed_and_sorts_by_its_numbers(
    qtbot, window: MainWindow, results: Path
) -> None:
    dialog = _dialog(window, results)
    qtbot.addWidget(dialog)
    assert sorted(dialog.shown_story_ids()) == ["101", "102", "103", "104"]
    assert dialog.status_label.text() == "4 of 4 stories"
    versions = [header for header, _ in COLUMNS].index("Versions")
    dialog.table.sortByColumn(versions, Qt.SortOrder.DescendingOrder)
    assert dialog.table.item(0, 0).text() == "101"  # three versions, the most
    assert dialog.table.item(3, 0).text() == "104"  # one version
    assert dialog.table.item(3, versions).data(Qt.ItemDataRole.DisplayRole) == 1


def test_the_filter_takes_the_where_language(qtbot, window: MainWindow, results: Path) -> None:
    dialog = _dialog(window, results)
    qtbot.addWidget(dialog)
    dialog.filter_box.setText("versions >= 3 and speaker_dropped")
    assert dialog.shown_story_ids() == ["101"]
    assert dialog.status_label.text() == "1 of 4 stories"
    assert dialog.error_label.isHidden()
    dialog.filter_box.setText("")
    assert len(dialog.shown_story_ids()) == 4


def test_an_invalid_filter_shows_its_message_as_plain_text(
    qtbot, window: MainWindow, results: Path
) -> None:
    dialog = _dialog(window, results)
    qtbot.addWidget(dialog)
    dialog.filter_box.setText("from_version > 2")  # a pair column, not a story one
    assert not dialog.error_label.isHidden()
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.error_label.text().startswith("no field called 'from_version'")
    assert len(dialog.shown_story_ids()) == 4  # the list stays as it was
    dialog.filter_box.setText("versions >")
    assert "needs a value" in dialog.error_label.text()


def test_opening_a_story_shows_its_versions_in_the_window(
    qtbot, window: MainWindow, results: Path
) -> None:
    dialog = _dialog(window, results)
    qtbot.addWidget(dialog)
    dialog.filter_box.setText("story = 101")
    dialog.table.setCurrentCell(0, 0)
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert [v.name for v in window.versions] == ["101 v1", "101 v2", "101 v3"]
    assert window.story_pane.timeline.model().rowCount() == 3


def test_jsonl_results_of_a_folder_archive_open_too(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    out = _results(tmp_path, write_folder(tmp_path / "stories"), "--format", "jsonl")
    dialog = _dialog(window, out)
    qtbot.addWidget(dialog)
    assert sorted(dialog.shown_story_ids()) == ["101", "102", "103", "104"]
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        assert dialog.open_story("102")
    assert len(window.versions) >= 2
    assert not dialog.open_story("104")  # a single version: nothing to compare
    assert "has one version" in dialog.error_label.text()


def test_a_moved_archive_is_one_clear_message(qtbot, window: MainWindow, tmp_path: Path) -> None:
    archive = write_newsedits(tmp_path / "newsedits.db")
    out = _results(tmp_path, archive)
    shutil.move(archive, tmp_path / "elsewhere.db")
    dialog = _dialog(window, out)
    qtbot.addWidget(dialog)
    assert not dialog.open_story("101")
    message = dialog.error_label.text()
    assert "not there any more" in message and "newsedits.db" in message
    assert "\n" not in message
    assert not window.versions


def test_a_folder_that_is_not_results_is_a_message_in_the_window(
    window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "manifest.json").write_text('{"name": "another program"}', encoding="utf-8")
    window.opener.open_batch_results(str(tmp_path))
    assert not window.message_bar.isHidden()


def test_the_command_line_opens_a_results_folder_in_the_story_list(
    qapp: object, results: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    shot = tmp_path / "list.png"
    assert main([str(results), "--screenshot", str(shot), "--size", "900x600"]) == 0
    assert shot.exists()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, StoryListDialog)]
    assert dialogs and sorted(dialogs[-1].shown_story_ids()) == ["101", "102", "103", "104"]
    for w in QApplication.topLevelWidgets():
        if isinstance(w, (StoryListDialog, MainWindow)):
            w.deleteLater()


def test_a_damaged_results_folder_is_one_line_and_exit_2(
    results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = results / "manifest.json"
    manifest.write_text(json.dumps({"format": "comparer-batch/1", "output": "xml"}))
    assert main([str(results)]) == 2
    err = capsys.readouterr().err
    assert "unknown output" in err and len(err.strip().splitlines()) == 1

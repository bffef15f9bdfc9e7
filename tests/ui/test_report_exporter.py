"""Export and Print from the window: the pair shown, the story around it, where it went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from comparer.ui import report_pdf
from comparer.ui.report_pdf import EXPORT_FILTERS
from tests.ui.conftest import LOAD_TIMEOUT_MS


def test_after_export_the_window_says_where_and_opens_the_folder(
    qtbot, window, sample, open_files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    open_files(sample[:2])
    reports = tmp_path / "reports"
    reports.mkdir()
    asked: list[str] = []

    def fake_save(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(reports / "landslide.html"), EXPORT_FILTERS[0][0]

    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window.commands.export_action.trigger()
    bar = window.message_bar
    assert bar.isVisible() and bar.kind() == "info"
    assert bar.text() == f"Report saved to {reports / 'landslide.html'}"
    assert bar.action_button.isVisible() and bar.action_button.text() == "Open Folder"
    bar.action_button.click()
    assert opened == [str(reports)]
    assert Path(sample[1]).parent != reports
    window.commands.export_action.trigger()
    assert Path(asked[1]).parent == reports  # the next export starts where the last went


def test_a_report_that_fails_is_said_in_the_window(
    qtbot, window, sample, open_files, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_files(sample[:2])

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("no room on the page")

    monkeypatch.setattr(report_pdf, "print_dialog", broken)
    window.commands.print_action.trigger()
    bar = window.message_bar
    assert bar.isVisible() and bar.kind() == "error"
    assert bar.text() == "The report could not be made (no room on the page)."


def test_a_story_is_printed_with_its_history_around_the_pair(
    qtbot, window, sample, open_files, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        open_files(sample)
    printed: list[tuple[object, object]] = []
    monkeypatch.setattr(
        report_pdf,
        "print_dialog",
        lambda _parent, comparison, story=None: printed.append((comparison, story)),
    )
    window.commands.print_action.trigger()
    (comparison, story) = printed[0]
    assert comparison is window.view.model.comparison
    assert story.history is window.state.history and tuple(story.shown) == (1, 2)
    open_files(sample[:2])  # two versions: no story to tell
    window.commands.print_action.trigger()
    assert printed[1][1] is None


def test_a_story_exported_before_its_history_is_known_says_it_has_the_pair_only(
    qtbot, story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "story.html"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(path), EXPORT_FILTERS[0][0]))
    )
    story.commands.swap_action.trigger()  # the history is worked out again, in the background
    assert story.state.history is None
    story.commands.export_action.trigger()
    assert "The story in" not in path.read_text(encoding="utf-8")  # the pair alone
    text = story.message_bar.text()
    assert "Report saved to" in text and "has the pair only" in text
    qtbot.waitUntil(lambda: story.state.history is not None, timeout=LOAD_TIMEOUT_MS)
    story.commands.export_action.trigger()
    assert "The story in 6 versions" in path.read_text(encoding="utf-8")
    assert "pair only" not in story.message_bar.text()


def test_a_story_printed_before_its_history_is_known_says_it_has_the_pair_only(
    qtbot, story, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[object] = []

    def fake_print(_parent: object, _comparison: object, story: object = None) -> bool:
        printed.append(story)
        return True

    monkeypatch.setattr(report_pdf, "print_dialog", fake_print)
    story.commands.swap_action.trigger()  # the history is worked out again, in the background
    assert story.state.history is None
    story.commands.print_action.trigger()
    assert printed == [None]  # the pair alone
    bar = story.message_bar
    assert bar.isVisible() and bar.kind() == "info"
    assert bar.text().startswith("Report printed\nIt has the pair only:")
    assert "Print again in a moment" in bar.text()
    qtbot.waitUntil(lambda: story.state.history is not None, timeout=LOAD_TIMEOUT_MS)
    story.commands.print_action.trigger()
    assert printed[1] is not None and printed[1].history is story.state.history
    assert not bar.isVisible() or "pair only" not in bar.text()


def test_a_print_cancelled_says_nothing(qtbot, story, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_pdf, "print_dialog", lambda *_a, **_k: False)
    story.commands.swap_action.trigger()
    story.commands.print_action.trigger()
    assert "pair only" not in story.message_bar.text()

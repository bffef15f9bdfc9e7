"""Opening versions: the dialog, the clipboard, the recent menu, and only the latest request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from comparer.ui.compare_task import Source
from tests.ui.conftest import LOAD_TIMEOUT_MS, write


def test_paste_as_new_version(qtbot, window, sample, open_files) -> None:
    open_files(sample[:1])
    QGuiApplication.clipboard().setText(Path(sample[1]).read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.commands.paste_action.trigger()
    assert len(window.versions) == 2
    assert window.versions[1].name == "Pasted 1"


def test_an_empty_clipboard_is_said_not_pasted(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    QGuiApplication.clipboard().setText("   ")
    window.commands.paste_action.trigger()
    assert window.message_bar.isVisible() and window.message_bar.kind() == "error"
    assert window.message_bar.text() == "The clipboard holds no text to compare."
    assert len(window.versions) == 2 and not window.is_busy()


def test_the_recent_menu_lists_comparisons_and_reopens_one(
    qtbot, window, sample, open_files
) -> None:
    open_files(sample[:2])
    window.close_comparison()
    menu = window.commands.recent_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [f"{Path(sample[0]).name}  ·  {Path(sample[1]).name}", "Clear Menu"]
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        menu.actions()[0].trigger()
    assert [v.path for v in window.versions] == sample[:2]


def test_only_the_latest_request_is_shown(qtbot, window, tmp_path) -> None:
    first = [write(tmp_path, f"a{k}.txt", f"The toll was {k}.\n") for k in (1, 2)]
    second = [write(tmp_path, f"b{k}.txt", f"The fire burned {k} days.\n") for k in (1, 2, 3)]
    shown: list[list[str]] = []
    window.comparison_ready.connect(lambda: shown.append([v.name for v in window.versions]))
    window.opener.open_files(first)
    window.opener.open_files(second)  # before the first is read
    qtbot.waitUntil(lambda: bool(shown), timeout=LOAD_TIMEOUT_MS)
    QThreadPool.globalInstance().waitForDone(LOAD_TIMEOUT_MS)
    QApplication.processEvents()
    assert shown == [["b1.txt", "b2.txt", "b3.txt"]]


def test_the_progress_card_names_what_is_compared(window) -> None:
    opener = window.opener
    opener.sources = [Source(path="/news/old.txt"), Source(path="/news/new.txt")]
    assert opener.title() == "Comparing old.txt and new.txt"
    opener.sources = [Source(label="Pasted 1")] * 3
    assert opener.title() == "Comparing 3 versions"
    opener.sources = []
    assert opener.title() == "Comparing"

"""Opening a web address in the window: captures listed, ticked, fetched, stepped through."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from comparer.ui.main_window import MainWindow
from comparer.ui.web_dialog import WebAddressDialog
from comparer.web.options import WebOptions
from tests.ui.conftest import LOAD_TIMEOUT_MS
from tests.ui.test_drop_handler import _drag_enter
from tests.web.archive_server import Behaviour, FakeArchive
from tests.web.fixtures import STORY, STORY_TIMES, archive, options, story
from tests.web.pages import VERSIONS, page

__all__ = ["archive", "options", "story"]  # fixtures used here


@pytest.fixture
def web_window(window: MainWindow, options: WebOptions) -> MainWindow:
    window.web_options = options
    return window


def _dialog(qtbot, window: MainWindow) -> WebAddressDialog:
    shown = [d for d in window.findChildren(WebAddressDialog) if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=LOAD_TIMEOUT_MS)
    return dialog


def _rows(dialog: WebAddressDialog) -> list[tuple[str, str, bool]]:
    rows = []
    for index in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(index)
        rows.append((item.text(0), item.text(2), item.checkState(0) == Qt.CheckState.Checked))
    return rows


def test_open_a_web_address_tick_three_captures_and_step_through_them(
    qtbot, web_window: MainWindow, archive: FakeArchive, story: str
) -> None:
    web_window.opener.open_web_address(story)
    dialog = _dialog(qtbot, web_window)
    assert _rows(dialog) == [
        ("2024-03-01 10:00 UTC", "text/html", True),
        ("2024-03-02 09:30 UTC", "text/html", True),
        ("2024-03-04 18:00 UTC", "text/html", True),
        ("Live page, fetched now", "", True),
    ]
    assert all(dialog.tree.topLevelItem(i).text(1).endswith(" KB") for i in range(3))
    assert dialog.status.text() == "3 distinct captures in the archive."
    assert not archive.requests_to("/web/")  # listing fetched no capture
    dialog.live_item.setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.open_button.text() == "&Open 3 Versions"
    with qtbot.waitSignal(web_window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [v.name for v in web_window.versions] == [
        "2024-03-01 10:00 UTC",
        "2024-03-02 09:30 UTC",
        "2024-03-04 18:00 UTC",
    ]
    # a story of three: the last two first, stepped through pair by pair
    assert [t.accessibleName() for t in web_window.view.header.titles()] == [
        "Version 2: 2024-03-02 09:30 UTC",
        "Version 3: 2024-03-04 18:00 UTC",
    ]
    assert not archive.requests_to(STORY)  # the live page was left out: never fetched
    assert web_window.status.summary_label.text().startswith("v2→v3")
    assert "7 → 9" in web_window.status.summary_label.text()
    web_window.commands.previous_pair_action.trigger()  # compared now, or a moment later
    qtbot.waitUntil(lambda: web_window.status.summary_label.text().startswith("v1→v2"))
    assert "4 → 7" in web_window.status.summary_label.text()
    web_window.commands.next_action.trigger()
    assert web_window.view.stops and {s.pair for s in web_window.view.stops} == {0}


def test_the_limit_ticks_the_first_and_last_captures_and_spreads_the_rest(
    qtbot, web_window: MainWindow, story: str
) -> None:
    web_window.opener.open_web_address(story)
    dialog = _dialog(qtbot, web_window)
    dialog.limit.setValue(2)
    assert [ticked for _, _, ticked in _rows(dialog)] == [True, False, True, True]
    assert [c.timestamp for c in dialog.ticked_captures()] == [STORY_TIMES[0], STORY_TIMES[2]]
    dialog.limit.setValue(20)
    assert all(ticked for _, _, ticked in _rows(dialog))


def test_the_live_page_opens_last_and_a_note_tells_what_was_left_out(
    qtbot, web_window: MainWindow, archive: FakeArchive, story: str
) -> None:
    archive.add(STORY, "20240303120000", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    web_window.opener.open_web_address(story)
    dialog = _dialog(qtbot, web_window)
    with qtbot.waitSignal(web_window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        dialog.open_ticked()
    names = [v.name for v in web_window.versions]
    assert len(names) == 4 and names[-1].startswith("live page, ")
    assert web_window.message_bar.isVisible()
    assert "2024-03-03 12:00 UTC: is a PNG image" in web_window.message_bar.text()


def test_cancel_stops_the_fetch_and_opens_nothing(
    qtbot, web_window: MainWindow, archive: FakeArchive, story: str
) -> None:
    for stamp in STORY_TIMES:
        archive.behaviours[f"/web/{stamp}id_/{story}"] = Behaviour(delay=30)
    web_window.opener.open_web_address(story)
    dialog = _dialog(qtbot, web_window)
    dialog.open_ticked()
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=LOAD_TIMEOUT_MS)
    assert dialog.status.text() == "Cancelled. Nothing was opened."
    assert web_window.versions == []


def test_an_address_with_no_capture_says_so(
    qtbot, web_window: MainWindow, archive: FakeArchive
) -> None:
    archive.live["/fresh"] = Behaviour(body=page(VERSIONS[0]))
    web_window.opener.open_web_address(archive.address("/fresh"))
    dialog = _dialog(qtbot, web_window)
    assert dialog.status.text() == (
        "The archive has no capture of this address; only the live page can open."
    )
    assert _rows(dialog) == [("Live page, fetched now", "", True)]


def test_archive_trouble_shows_in_the_dialog(
    qtbot, web_window: MainWindow, archive: FakeArchive, story: str
) -> None:
    archive.behaviours["/cdx/search/cdx"] = Behaviour(status=503)
    web_window.opener.open_web_address(story)
    dialog = _dialog(qtbot, web_window)
    assert (
        dialog.status.text() == "the archive answered with an error (HTTP 503 Service Unavailable)"
    )
    assert not dialog.open_button.isEnabled()


def test_a_web_address_dropped_on_the_window_opens_the_dialog(
    qtbot, web_window: MainWindow, story: str
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl(story)])
    enter = _drag_enter(QPoint(400, 300), mime)
    QApplication.sendEvent(web_window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(web_window, drop)
    dialog = _dialog(qtbot, web_window)
    assert dialog.address.text() == story
    assert len(_rows(dialog)) == 4


def test_a_pasted_web_address_opens_the_dialog(qtbot, web_window: MainWindow, story: str) -> None:
    QGuiApplication.clipboard().setText(story)
    web_window.commands.paste_action.trigger()
    dialog = _dialog(qtbot, web_window)
    assert dialog.address.text() == story


def test_clear_cache_empties_it(qtbot, web_window: MainWindow, story: str, options) -> None:
    web_window.opener.open_web_address(story)
    dialog = _dialog(qtbot, web_window)
    with qtbot.waitSignal(web_window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        dialog.open_ticked()
    web_window.opener.open_web_address(story)
    again = _dialog(qtbot, web_window)
    qtbot.mouseClick(again.clear_button, Qt.MouseButton.LeftButton)
    assert again.status.text().startswith("Cleared the cache: 3 captures, ")
    assert not list(options.cache_folder().rglob("*.bin"))


def test_file_menu_offers_open_web_address(web_window: MainWindow) -> None:
    file_menu = web_window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Open &Web Address…" in texts
    web_window.commands.web_action.trigger()
    (dialog,) = web_window.findChildren(WebAddressDialog)
    assert dialog.address.text() == ""
    assert dialog.status.text().startswith("Comparer asks the web archive only when")
    dialog.reject()

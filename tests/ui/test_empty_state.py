"""The start screen: the ways to begin, paste among them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import LOAD_TIMEOUT_MS


def test_the_start_screen_mentions_paste_and_its_shortcut(window) -> None:
    state = window.empty_state
    assert "Ctrl+Shift+V" in state.subtitle.text()
    assert state.paste_button.isVisible()
    assert "Ctrl+Shift+V" in state.paste_button.toolTip()


def test_pasted_versions_are_numbered(qtbot, window, sample) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(Path(sample[0]).read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.empty_state.paste_button.click()
    clipboard.setText(Path(sample[1]).read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.commands.paste_action.trigger()
    assert [v.name for v in window.versions] == ["Pasted 1", "Pasted 2"]
    assert [t.accessibleName() for t in window.view.header.titles()] == [
        "Version 1: Pasted 1",
        "Version 2: Pasted 2",
    ]


def test_the_picture_stays_inside_the_frame_on_a_small_screen(qtbot, window) -> None:
    # 1366 x 768 with text at 150% leaves about 910 x 512 for the window.
    from comparer.ui.empty_state import FRAME_MARGIN

    for size in ((1280, 720), (910, 512)):
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        state = window.empty_state
        assert state.picture_top() > FRAME_MARGIN, size
        assert state.title.geometry().top() > state.picture_top() + 72, size
        assert state.paste_button.text() == "Paste a version"

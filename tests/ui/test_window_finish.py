"""The redline view and progress with Cancel, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from comparer.ui.progress_panel import SHOW_AFTER_MS
from tests.ui.conftest import LOAD_TIMEOUT_MS


def test_the_redline_view_shows_the_pair_as_one_marked_text(qtbot, window, sample, open_files):
    open_files(sample[:2])
    window.commands.redline_action.trigger()
    assert window.stack.currentWidget() is window.redline
    text = window.redline.plain_text()
    assert "At least 12\u200917 ▲ +5, +42% people" in text
    window.set_zoom(150)
    assert window.redline.font().pointSizeF() > 0
    window.commands.redline_action.trigger()
    assert window.stack.currentWidget() is not window.redline


def test_a_long_comparison_shows_progress_and_can_be_cancelled(qtbot, window, sample, monkeypatch):
    # The loader waits until the test lets it go, so the work lasts past the moment
    # before the card shows, however fast or slow the machine.
    import threading

    import comparer.formats as formats

    release = threading.Event()
    load_path = formats.load_path

    def held_load(path, *args, **kwargs):
        release.wait(timeout=30)
        return load_path(path, *args, **kwargs)

    monkeypatch.setattr(formats, "load_path", held_load)
    try:
        window.opener.open_files(sample[:2])
        panel = window.progress_panel
        qtbot.waitUntil(panel.isVisible, timeout=LOAD_TIMEOUT_MS)
        names = [Path(p).name for p in sample[:2]]
        assert all(name in panel.title.text() for name in names)
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        assert not panel.isVisible()
        assert not window.is_busy()
        assert window.stack.currentWidget() is window.empty_state  # nothing was shown before
    finally:
        release.set()
    qtbot.wait(SHOW_AFTER_MS * 2)
    assert not panel.isVisible()  # the cancelled work does not bring it back
    assert window.stack.currentWidget() is window.empty_state  # nor its result

"""The message bar: one message at a time, its action button, dismissed by the user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from comparer.ui.message_bar import MessageBar
from comparer.ui.theme import Theme


@pytest.fixture
def bar(qtbot) -> MessageBar:
    bar = MessageBar(Theme.light())
    qtbot.addWidget(bar)
    bar.resize(600, 40)
    return bar


def test_it_stays_hidden_until_there_is_something_to_say(bar: MessageBar) -> None:
    assert bar.isHidden()
    bar.show_message("v2.pdf: is damaged", kind="error")
    assert not bar.isHidden()
    assert (bar.kind(), bar.text(), bar.icon.text()) == ("error", "v2.pdf: is damaged", "⚠")
    assert bar.accessibleDescription() == "v2.pdf: is damaged"


def test_a_new_message_replaces_the_last_and_its_button(bar: MessageBar, qtbot) -> None:
    ran: list[str] = []
    bar.show_message("Opened 2 files", action="Undo", callback=lambda: ran.append("undo"))
    assert not bar.action_button.isHidden() and bar.action_button.text() == "Undo"
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert ran == ["undo"]
    bar.show_message("Saved the report")
    assert (bar.kind(), bar.text(), bar.icon.text()) == ("info", "Saved the report", "ℹ")
    assert bar.action_button.isHidden()


def test_the_close_button_dismisses_it(bar: MessageBar, qtbot) -> None:
    bar.show_message("v2.pdf: is damaged", kind="error")
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden()


def test_markup_in_a_message_is_shown_as_written(bar: MessageBar) -> None:
    bar.show_message("<b>v2.html</b>: is damaged", kind="error")
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert bar.text() == "<b>v2.html</b>: is damaged"


def test_an_error_looks_different_from_a_note(bar: MessageBar) -> None:
    bar.show_message("Saved")
    note = bar.styleSheet()
    bar.show_message("v2.pdf: is damaged", kind="error")
    assert bar.styleSheet() != note
    bar.set_theme(Theme.dark_theme())
    assert Theme.dark_theme().message_error in bar.styleSheet()

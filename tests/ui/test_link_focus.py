"""A link reached with Tab in a text browser is marked in the focus colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from comparer.ui.link_focus import LinkFocus


def test_the_link_the_keyboard_is_on_is_marked_and_only_while_it_is(qtbot) -> None:
    box = QWidget()
    browser = QTextBrowser(box)
    browser.setHtml("<p>Toll: 3 → <a href='a'>5</a> → <a href='b'>7</a></p>")
    field = QLineEdit(box)
    column = QVBoxLayout(box)
    column.addWidget(browser)
    column.addWidget(field)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    focus = LinkFocus(browser, "#1F2328", "#FFFFFF")
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    assert browser.extraSelections() == []  # no link reached yet
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    [mark] = browser.extraSelections()
    assert mark.cursor.selectedText() == "5"
    assert mark.format.background().color().name() == "#1f2328"
    focus.set_colours("#F0F2F4", "#000000")  # the theme changed: the mark follows it
    [mark] = browser.extraSelections()
    assert mark.format.background().color().name() == "#f0f2f4"
    field.setFocus()
    qtbot.waitUntil(lambda: browser.extraSelections() == [])

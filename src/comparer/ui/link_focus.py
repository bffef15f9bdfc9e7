"""A link reached with Tab in a text browser, shown as plainly as a focused button.

Qt's text browsers mark the link the keyboard is on with a thin dotted box drawn by the
text itself, past the application's style and its focus ring: on the figures' values it
can hardly be told from the digits. ``LinkFocus`` paints that link in the theme's focus
colours (an extra selection, which leaves the document as it is) while the browser has the
keyboard, and takes the mark away when the keyboard leaves it. The browser says nothing
when Tab takes it to another link, so the mark is looked at again after each key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextBrowser, QTextEdit


class LinkFocus(QObject):
    """Marks the link of ``browser`` that the keyboard is on, in ``background``/``text``."""

    def __init__(self, browser: QTextBrowser, background: str, text: str) -> None:
        """Follow ``browser``'s keyboard link; colour it ``text`` on ``background``."""
        super().__init__(browser)
        self._browser = browser
        self.set_colours(background, text)
        browser.highlighted.connect(self._on_highlighted)
        browser.installEventFilter(self)

    def set_colours(self, background: str, text: str) -> None:
        """Use these colours (hex) from now on: the theme changed."""
        self._format = QTextCharFormat()
        self._format.setBackground(QColor(background))
        self._format.setForeground(QColor(text))
        self._on_highlighted(QUrl())

    def _on_highlighted(self, _url: QUrl) -> None:
        cursor = self._browser.textCursor()
        on_link = cursor.hasSelection() and cursor.charFormat().isAnchor()
        if not (self._browser.hasFocus() and on_link):
            self._browser.setExtraSelections([])
            return
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor  # on a link reached with the keyboard, the link's text
        mark.format = self._format
        self._browser.setExtraSelections([mark])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102
        # The browser moves to the next link on Tab without a signal: look once it has.
        kind = event.type()
        if watched is self._browser:
            if kind == QEvent.Type.KeyPress:
                QTimer.singleShot(0, self, lambda: self._on_highlighted(QUrl()))
            elif kind in (QEvent.Type.KeyRelease, QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self._on_highlighted(QUrl())
        return False

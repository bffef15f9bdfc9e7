"""The Ctrl+F bar: finds text in every pane and steps through the matches."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

MAX_MATCHES = 20000


def find_all(texts: list[str], needle: str) -> list[list[tuple[int, int]]]:
    """Every case-insensitive occurrence of ``needle`` in each text, as (start, end)."""
    out: list[list[tuple[int, int]]] = []
    folded = needle.lower()
    total = 0
    for text in texts:
        found: list[tuple[int, int]] = []
        if folded and total < MAX_MATCHES:
            haystack = text.lower() if len(text.lower()) == len(text) else text
            needle_here = folded if haystack is not text else needle
            start = haystack.find(needle_here)
            while start >= 0 and total < MAX_MATCHES:
                found.append((start, start + len(needle_here)))
                total += 1
                start = haystack.find(needle_here, start + max(1, len(needle_here)))
        out.append(found)
    return out


class FindBar(QWidget):
    """A search field with previous / next buttons and a match count.

    Signals:
        search_changed(str): the text to find changed.
        next_requested(): go to the next match.
        previous_requested(): go to the previous match.
        closed(): the bar was closed.
    """

    search_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in all versions"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Find text"))
        self.field.setMaximumWidth(360)
        self.count = QLabel(self)
        self.count.setMinimumWidth(110)
        self.previous = QToolButton(self)
        self.previous.setText("▲")
        self.previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.previous.setAccessibleName(self.tr("Previous match"))
        self.next = QToolButton(self)
        self.next.setText("▼")
        self.next.setToolTip(self.tr("Next match (F3)"))
        self.next.setAccessibleName(self.tr("Next match"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.count)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.field.text()))
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self.next_requested)
        self.next.clicked.connect(self.next_requested)
        self.previous.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.close_bar)
        self.setAccessibleName(self.tr("Find bar"))
        self.hide()

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the field."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear the highlights."""
        self.hide()
        self.closed.emit()

    def flush(self) -> None:
        """Search now rather than after the typing pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.search_changed.emit(self.field.text())

    def set_count(self, current: int, total: int) -> None:
        """Show "3 of 12" (``current`` 0-based, -1 when none is chosen)."""
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        elif current < 0:
            self.count.setText(
                self.tr("1 match") if total == 1 else self.tr("{0} matches").format(total)
            )
        else:
            self.count.setText(self.tr("{0} of {1}").format(current + 1, total))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous_requested.emit()
        else:
            super().keyPressEvent(event)

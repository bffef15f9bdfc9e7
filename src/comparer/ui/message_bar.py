"""A bar across the top of the window for problems and hints, with an optional action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from comparer.ui.plain_text import plain_label
from comparer.ui.theme import Theme


class MessageBar(QFrame):
    """Shows one message at a time; errors stay until closed or replaced."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._theme = theme
        self._kind = "info"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.setSpacing(10)
        self.icon = QLabel(self)
        self.label = plain_label(QLabel(self))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.setAccessibleName(self.tr("Message"))
        self._callback: Callable[[], None] | None = None
        self.action_button.clicked.connect(self._on_action)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        """Restyle for ``theme``."""
        self._theme = theme
        self._restyle()

    def _restyle(self) -> None:
        t = self._theme
        colour = t.message_error if self._kind == "error" else t.message_info
        edge = t.deleted if self._kind == "error" else t.added
        self.setStyleSheet(
            f"#messageBar {{ background: {colour}; border-bottom: 1px solid {edge};"
            f" border-left: 4px solid {edge}; }}"
            f"#messageBar QLabel {{ color: {t.text}; }}"
        )

    def show_message(
        self,
        text: str,
        kind: str = "info",
        action: str | None = None,
        callback: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text``; ``kind`` is "info" or "error"; an optional button runs ``callback``."""
        self._kind = kind
        self.icon.setText("⚠" if kind == "error" else "ℹ")
        self.icon.setAccessibleName(self.tr("Problem") if kind == "error" else self.tr("Note"))
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self._callback = callback
        if action and callback:
            self.action_button.setText(action)
            self.action_button.show()
        else:
            self.action_button.hide()
        self._restyle()
        self.show()

    def kind(self) -> str:
        """The message kind: info or error."""
        return self._kind

    def text(self) -> str:
        """The message shown."""
        return self.label.text()

    def _on_action(self) -> None:
        if self._callback:
            self._callback()

"""While versions are read and compared: what is being done, a moving bar, and Cancel.

Shown in the middle of the window in place of the start screen or over the comparison
being replaced, once the work has taken long enough to be noticed (a quick comparison
shows no flash of it).

Signals:
    cancelled(): the user gave up waiting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from comparer.ui.plain_text import plain_label
from comparer.ui.theme import Theme

SHOW_AFTER_MS = 250


class ProgressPanel(QWidget):
    """A card with the work's title, its current step, a busy bar and a Cancel button."""

    cancelled = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("progressPanel")
        self.setAccessibleName(self.tr("Progress"))
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 22, 28, 22)
        column.setSpacing(10)
        self.title = plain_label(QLabel(self))
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.step = plain_label(QLabel(self))
        self.step.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Working"))
        self.bar.setMinimumWidth(280)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleDescription(self.tr("Stop and keep what was shown"))
        self.cancel_button.clicked.connect(self.cancelled)
        column.addWidget(self.title)
        column.addWidget(self.step)
        column.addWidget(self.bar)
        column.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self._appear)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        self.update()

    def start(self, title: str) -> None:
        """Begin: the panel appears if the work is still going after a moment."""
        self.title.setText(title)
        self.step.setText("")
        self._timer.start()

    def set_step(self, text: str) -> None:
        """Say what is being done now ("Reading…", "Comparing…")."""
        self.step.setText(text)

    def stop(self) -> None:
        """The work is over: hide."""
        self._timer.stop()
        self.hide()

    def _appear(self) -> None:
        self._place()
        self.show()
        self.raise_()
        self.cancel_button.setFocus()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        width = min(max(size.width(), 360), parent.width() - 40)
        height = size.height()
        self.setGeometry(
            (parent.width() - width) // 2, (parent.height() - height) // 2, width, height
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self._theme.divider))
        painter.setBrush(QColor(self._theme.panel))
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 12, 12)
        painter.end()

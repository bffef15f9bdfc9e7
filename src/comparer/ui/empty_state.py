"""What the window shows before any file is open: a drop zone and two ways to start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from comparer.ui.plain_text import menu_text, plain_tooltip
from comparer.ui.theme import Theme

PICTURE_HEIGHT = 104  # room above the title for the two pages, so they never meet the toolbar
FRAME_MARGIN = 40.0


class EmptyState(QWidget):
    """An inviting drop zone with "Open files…", "Paste", "Try the sample" and recent files.

    Signals:
        open_requested(): the user wants the file dialog.
        paste_requested(): the user wants the clipboard's text as a version.
        sample_requested(): the user wants the bundled sample.
        recent_requested(list): the user picked a recent set of files.
    """

    open_requested = Signal()
    paste_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(list)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("emptyState")
        self.setAccessibleName(self.tr("Start: drop files or open them"))
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        self.title = QLabel(self.tr("Compare versions of an article"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.subtitle = QLabel(
            self.tr(
                "Drop two or more versions here, oldest first — text, web pages or documents —\n"
                "or paste one from a browser or a word processor with Ctrl+Shift+V.\n"
                "Comparer shows them side by side and marks every change, numbers first."
            ),
            self,
        )
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.subtitle.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("Open files…"), self)
        self.open_button.setDefault(True)
        self.open_button.setAccessibleDescription(self.tr("Choose the versions to compare"))
        self.sample_button = QPushButton(self.tr("Try the sample"), self)
        self.sample_button.setAccessibleDescription(
            self.tr("Open a fictional news story in three versions")
        )
        self.paste_button = QPushButton(self.tr("Paste a version"), self)
        self.paste_button.setToolTip(
            self.tr("Paste text or a web page as a version (Ctrl+Shift+V)")
        )
        self.paste_button.setAccessibleDescription(
            self.tr("Use the clipboard's text or web page as a version (Ctrl+Shift+V)")
        )
        for button in (self.open_button, self.sample_button, self.paste_button):
            button.setMinimumHeight(36)
            button.setMinimumWidth(150)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.open_button.clicked.connect(self.open_requested)
        self.paste_button.clicked.connect(self.paste_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.recent_title = QLabel(self.tr("Recent comparisons"), self)
        self.recent_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(2)
        outer.addSpacing(PICTURE_HEIGHT)
        outer.addWidget(self.title)
        outer.addSpacing(10)
        outer.addWidget(self.subtitle)
        outer.addSpacing(24)
        outer.addLayout(buttons)
        outer.addSpacing(28)
        outer.addWidget(self.recent_title)
        outer.addLayout(self.recent_box)
        outer.addStretch(3)
        self._recent_buttons: list[QPushButton] = []
        self.set_theme(theme)
        self.set_recent([])

    def set_theme(self, theme: Theme) -> None:
        """Restyle for ``theme``."""
        self._theme = theme
        self.subtitle.setStyleSheet(f"color: {theme.dim_text};")
        self.recent_title.setStyleSheet(f"color: {theme.dim_text}; font-weight: bold;")
        self.update()

    def set_recent(self, entries: list[list[str]]) -> None:
        """List up to five recent sets of files as links."""
        for button in self._recent_buttons:
            button.deleteLater()
        self._recent_buttons = []
        for paths in entries[:5]:
            label = "  ·  ".join(Path(p).name for p in paths)
            button = QPushButton(menu_text(label), self)
            button.setFlat(True)
            button.setToolTip(plain_tooltip("\n".join(paths)))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(f"color: {self._theme.added}; text-align: center;")
            button.clicked.connect(lambda _=False, p=paths: self.recent_requested.emit(p))
            self.recent_box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self._recent_buttons.append(button)
        self.recent_title.setVisible(bool(entries))

    def picture_top(self) -> float:
        """Where the picture of two pages starts: in the room left for it above the title."""
        return float(self.title.geometry().top() - PICTURE_HEIGHT + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self._theme
        p.fillRect(self.rect(), QColor(t.base))
        margin = FRAME_MARGIN
        rect = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        p.setPen(QPen(QColor(t.divider), 2, Qt.PenStyle.DashLine))
        p.setBrush(QColor(t.panel))
        p.drawRoundedRect(rect, 18, 18)
        # Two overlapping pages, the app's picture of "versions".
        cx, top = rect.center().x(), self.picture_top()
        if top < rect.top() + 8:
            p.end()  # too short a window: the picture would cross the frame, so leave it out
            return
        for dx, colour in ((-26, t.deleted), (14, t.added)):
            page = QRectF(cx + dx - 28, top + (0 if dx < 0 else 14), 56, 72)
            p.setPen(QPen(QColor(t.divider), 1.5))
            p.setBrush(QColor(t.base))
            p.drawRoundedRect(page, 5, 5)
            p.setPen(QPen(QColor(colour), 3))
            for i in range(4):
                y = page.top() + 16 + i * 12
                p.drawLine(
                    int(page.left() + 10), int(y), int(page.right() - 10 - (i % 2) * 12), int(y)
                )
        p.end()

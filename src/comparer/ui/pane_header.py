"""Titles above the panes: which version each pane shows, with its file and date."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from comparer.core.model import Version
from comparer.core.story import date_label, date_source
from comparer.ui.theme import Theme


def version_date(version: Version) -> str:
    """A short human date for a version: its own date, or "file saved …" for a file's time."""
    return date_label(version)


class PaneTitle(QWidget):
    """One pane's title: a version badge, the file name and the date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setObjectName("versionBadge")
        self.name = QLabel(self)
        self.name.setObjectName("versionName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date = QLabel(self)
        self.date.setObjectName("versionDate")
        layout.addWidget(self.badge)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.date)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_version(self, index: int, version: Version) -> None:
        """Show ``version``, the ``index``-th (0-based)."""
        self.badge.setText(f"v{index + 1}")
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        metrics = self.name.fontMetrics()
        self.name.setText(metrics.elidedText(version.name, Qt.TextElideMode.ElideMiddle, 420))
        self.date.setText(version_date(version))
        details = [version.path or version.name]
        source = date_source(version)
        if source == "article":
            details.append(self.tr("Dated by the article itself"))
        elif source == "file":
            details.append(self.tr("The article gives no date: this is when the file was saved"))
        if version.title:
            details.append(self.tr("Title: {0}").format(version.title))
        details.append(
            self.tr("{0} paragraphs · {1} · {2}").format(
                len(version.paragraphs), version.encoding, version.source_format
            )
        )
        if version.sha256:
            details.append(f"SHA-256 {version.sha256[:16]}…")
        self.setToolTip("\n".join(details))
        self.setAccessibleName(self.tr("Version {0}: {1}").format(index + 1, version.name))
        self.setAccessibleDescription(self.toolTip())


class PaneHeader(QWidget):
    """The row of pane titles, placed to line up with the panes of the compare view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._titles: list[PaneTitle] = []
        self._theme = Theme.light()
        self._invite = QLabel(self.tr("Waiting for a newer version"), self)
        self._invite.setObjectName("versionDate")
        self._invite.hide()
        self._active = -1
        self.setAccessibleName(self.tr("Version titles"))

    def sizeHint(self) -> QSize:  # noqa: D102
        hint = super().sizeHint()
        hint.setHeight(self.fontMetrics().height() + 22)
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._theme.panel))
        painter.setPen(QColor(self._theme.divider))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()

    def set_theme(self, theme: Theme) -> None:
        """Restyle for ``theme``."""
        self._theme = theme
        self.update()
        self.setStyleSheet(
            f"#versionName {{ color: {theme.text}; }}"
            f"#versionBadge {{ background: {theme.text}; color: {theme.base};"
            " border-radius: 4px; padding: 1px 6px; font-weight: bold; }"
            f"#versionDate {{ color: {theme.dim_text}; }}"
        )

    def set_versions(
        self, versions: tuple[Version, ...] | list[Version], numbers: tuple[int, ...] = ()
    ) -> None:
        """One title per version; ``numbers`` are their places in the story (0-based)."""
        for title in self._titles:
            title.hide()  # at once: deleteLater waits for the event loop
            title.deleteLater()
        self._titles = []
        for i, version in enumerate(versions):
            title = PaneTitle(self)
            title.set_version(numbers[i] if i < len(numbers) else i, version)
            title.show()
            self._titles.append(title)
        self._invite.setVisible(len(versions) == 1)

    def titles(self) -> list[PaneTitle]:
        """The title widgets, one per version."""
        return list(self._titles)

    def set_active(self, column: int) -> None:
        """Mark the pane that has the keyboard's attention."""
        self._active = column

    def set_columns(self, columns: list[tuple[float, float]], single: bool = False) -> None:
        """Place the titles over the panes at these (x, width) positions."""
        h = self.height()
        for title, (x, w) in zip(self._titles, columns, strict=False):
            title.setGeometry(int(x + 18), 0, int(w - 30), h)
        if single and len(columns) > 1:
            x, w = columns[1]
            self._invite.setGeometry(int(x + 18), 0, int(w - 30), h)

"""Titles above the panes: which version each pane shows, with its file and date."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from comparer.core.model import Version
from comparer.core.story import date_source, shorter_date_labels
from comparer.core.visible import visible_line
from comparer.ui.plain_text import plain_label, plain_tooltip
from comparer.ui.theme import Theme


class PaneTitle(QWidget):
    """One pane's title: a version badge, the file name and the date.

    A name too long for the pane is cut in the middle with "…" (keeping its end, where
    versions' names differ); where even that leaves no room, the date gives way first.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setObjectName("versionBadge")
        self.name = plain_label(QLabel(self))
        self.name.setObjectName("versionName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full_name = ""
        self._dates: list[str] = [""]
        self.date = plain_label(QLabel(self))
        self.date.setObjectName("versionDate")
        layout.addWidget(self.badge)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.date)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_version(self, index: int, version: Version) -> None:
        """Show ``version``, the ``index``-th (0-based)."""
        self.badge.setText(f"v{index + 1}")
        self._full_name = visible_line(version.name)  # one line, its controls as text
        self._dates = shorter_date_labels(version)
        self.date.setText(self._dates[0])
        self._elide()
        details = [version.path or version.name]
        source = date_source(version)
        if source == "article":
            details.append(self.tr("Dated by the article itself"))
        elif source == "document":
            details.append(
                self.tr("The article gives no date: this is when the document says it was saved")
            )
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
        self.setToolTip(plain_tooltip("\n".join(details)))
        self.setAccessibleName(self.tr("Version {0}: {1}").format(index + 1, version.name))
        self.setAccessibleDescription("\n".join(details))

    def set_theme(self, theme: Theme) -> None:
        """Colour the title for ``theme``.

        Each label gets its own palette (and the badge its own style sheet): a style sheet
        on the header lost its colours to the application palette set with the theme.
        """
        for label, colour in ((self.name, theme.text), (self.date, theme.dim_text)):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            label.setPalette(palette)
        palette = self.badge.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.base))
        self.badge.setPalette(palette)
        self.badge.setStyleSheet(
            f"background: {theme.text}; color: {theme.base}; border-radius: 4px; padding: 1px 6px;"
        )

    def set_font(self, font: QFont) -> None:
        """Show the title in ``font`` (the name in its bold), as the window's zoom asks.

        Set on each label: the badge's style sheet keeps a parent's font from reaching it.
        """
        bold = QFont(font)
        bold.setBold(True)
        for label, label_font in ((self.badge, bold), (self.name, bold), (self.date, font)):
            label.setFont(label_font)
        self.updateGeometry()
        self._elide()

    def full_name(self) -> str:
        """The version's whole name, however it is shown."""
        return self._full_name

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: D102
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """Fit the name into the room left by the badge, and the date if a form of it fits.

        The date is shortened (no year, then "saved" for a file's or document's save) so
        that the whole name shows beside it; where no form allows that, the name keeps at
        least its first six characters beside the whole date, twelve beside a shortened
        one, and past that the date gives way.
        """
        metrics = self.name.fontMetrics()
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        room = self.width() - self.badge.sizeHint().width() - spacing
        whole = metrics.horizontalAdvance(self._full_name)
        least = min(metrics.horizontalAdvance(self._full_name[:6] + "…"), whole)
        # a shortened date must leave more of the name: a name cut to a stub names nothing
        least_short = min(metrics.horizontalAdvance(self._full_name[:12] + "…"), whole)
        date_metrics = self.date.fontMetrics()
        left = [room - date_metrics.horizontalAdvance(label) - spacing for label in self._dates]
        # the longest form of the date beside which the whole name shows, else the longest
        # that leaves enough of the name to tell it by
        fitting = [label for label, free in zip(self._dates, left, strict=True) if free >= whole]
        fitting = fitting or [
            label
            for k, (label, free) in enumerate(zip(self._dates, left, strict=True))
            if free >= (least if k == 0 else least_short)
        ]
        fitting = [label for label in fitting if label]
        show_date = bool(fitting)
        self.date.setVisible(show_date)
        if show_date:
            self.date.setText(fitting[0])
            self.date.setToolTip(self._dates[0] if fitting[0] != self._dates[0] else "")
            room -= self.date.sizeHint().width() + spacing
        self.name.setText(
            metrics.elidedText(self._full_name, Qt.TextElideMode.ElideMiddle, max(0, room))
        )


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
        for title in self._titles:
            title.set_theme(theme)
        palette = self._invite.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.dim_text))
        self._invite.setPalette(palette)

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
            title.set_font(self.font())
            title.set_theme(self._theme)
            title.set_version(numbers[i] if i < len(numbers) else i, version)
            title.show()
            self._titles.append(title)
        self._invite.setVisible(len(versions) == 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for title in self._titles:
                title.set_font(self.font())
            self._invite.setFont(self.font())

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

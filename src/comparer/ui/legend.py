"""A small key to the marks: what struck-out, underlined, orange and purple mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from comparer.ui.theme import Theme


class Legend(QWidget):
    """Paints one sample of each mark with its meaning."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._ignore_typography = False
        self.setAccessibleName(self.tr("Legend"))
        self._update_description()

    def items(self) -> list[tuple[str, str]]:
        """(sample, meaning) pairs in the order shown."""
        out = [
            ("abc", self.tr("removed")),
            ("abc", self.tr("added")),
            ("40", self.tr("number changed")),
            ("“”", self.tr("typography")),
            ("¶", self.tr("moved")),
        ]
        if self._ignore_typography:
            out.pop(3)
        return out

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        self.update()

    def set_ignore_typography(self, ignore: bool) -> None:
        """Leave typography out of the key when it is not marked."""
        self._ignore_typography = ignore
        self._update_description()
        self.updateGeometry()
        self.update()

    def _update_description(self) -> None:
        self.setAccessibleDescription(
            self.tr(
                "Removed words are struck through, added words underlined, changed numbers "
                "bold on orange, typography-only changes dotted, moved paragraphs have a "
                "purple bar."
            )
        )

    def sizeHint(self) -> QSize:  # noqa: D102
        fm = QFontMetricsF(self.font())
        width = sum(fm.horizontalAdvance(s + m) + 30 for s, m in self.items())
        return QSize(int(width), int(fm.height() + 6))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        p = QPainter(self)
        t = self._theme
        fm = QFontMetricsF(self.font())
        x = 0.0
        baseline = (self.height() + fm.ascent() - fm.descent()) / 2
        for (sample, meaning), key in zip(
            self.items(),
            [
                k
                for k in ("del", "ins", "num", "typo", "moved")
                if not (self._ignore_typography and k == "typo")
            ],
            strict=True,
        ):
            font = QFont(self.font())
            sw = fm.horizontalAdvance(sample) + 6
            box = QRectF(x, baseline - fm.ascent() - 1, sw, fm.height() + 2)
            if key == "del":
                p.fillRect(box, QColor(t.deleted_tint))
                font.setStrikeOut(True)
                p.setPen(QColor(t.deleted))
            elif key == "ins":
                p.fillRect(box, QColor(t.added_tint))
                font.setUnderline(True)
                p.setPen(QColor(t.added))
            elif key == "num":
                p.fillRect(box, QColor(t.number))
                font.setBold(True)
                p.setPen(QColor(t.number_text))
            elif key == "typo":
                p.setPen(QPen(QColor(t.typographic), 1, Qt.PenStyle.DotLine))
                p.drawLine(QPointF(x + 2, baseline + 2), QPointF(x + sw - 2, baseline + 2))
                p.setPen(QColor(t.text))
            else:
                p.fillRect(QRectF(x + 1, box.top() + 1, 4, box.height() - 2), QColor(t.moved))
                p.setPen(QColor(t.dim_text))
            p.setFont(font)
            p.drawText(QPointF(x + 3 + (4 if key == "moved" else 0), baseline), sample)
            x += sw + 6
            p.setFont(self.font())
            p.setPen(QColor(t.dim_text))
            p.drawText(QPointF(x, baseline), meaning)
            x += fm.horizontalAdvance(meaning) + 16
        p.end()

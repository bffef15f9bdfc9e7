"""A small key to the marks: what struck-out, underlined, orange and purple mean.

The key fits itself to the room the toolbar leaves it, never cutting a word: every sample
with its meaning in one row, then in two rows of smaller text, then the samples alone
(their meanings in the tooltip and the accessible description).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from comparer.ui.theme import Theme

FULL, STACKED, SAMPLES = "full", "stacked", "samples"
_KEYS = ("del", "ins", "num", "typo", "moved")
_STACKED_SCALE = 0.85  # two rows of key in the height of one toolbar button


class Legend(QWidget):
    """Paints one sample of each mark with its meaning, as much of it as fits."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._ignore_typography = False
        self.setAccessibleName(self.tr("Legend"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._update_description()

    def _keys(self) -> list[str]:
        return [k for k in _KEYS if not (self._ignore_typography and k == "typo")]

    def _meanings(self) -> dict[str, str]:
        return {
            "del": self.tr("removed"),
            "ins": self.tr("added"),
            "num": self.tr("number changed"),
            "typo": self.tr("typography"),
            "moved": self.tr("moved"),
        }

    @staticmethod
    def _sample(key: str) -> str:
        return {"del": "abc", "ins": "abc", "num": "40", "typo": "“”", "moved": "¶"}[key]

    def items(self, form: str = FULL) -> list[tuple[str, str]]:
        """(sample, meaning) pairs in the order shown; no meanings in the samples form."""
        meanings = self._meanings()
        return [
            (self._sample(k), "" if form == SAMPLES else meanings[k]) for k in self._keys()
        ]

    def form(self) -> str:
        """The form that fits the legend's size: full, stacked (two rows) or samples."""
        if self.width_of(FULL) <= self.width():
            return FULL
        fits_two = self._font(STACKED).pointSizeF() > 0 and self._height(STACKED) <= self.height()
        if fits_two and self.width_of(STACKED) <= self.width():
            return STACKED
        return SAMPLES

    def _font(self, form: str) -> QFont:
        font = QFont(self.font())
        if form == STACKED:
            font.setPointSizeF(font.pointSizeF() * _STACKED_SCALE)
        return font

    def _rows(self, form: str) -> list[list[tuple[str, str, str]]]:
        """The (key, sample, meaning) items row by row."""
        items = [(k, s, m) for k, (s, m) in zip(self._keys(), self.items(form), strict=True)]
        if form == STACKED:
            half = (len(items) + 1) // 2
            return [items[:half], items[half:]]
        return [items]

    def _item_width(self, fm: QFontMetricsF, sample: str, meaning: str) -> float:
        width = fm.horizontalAdvance(sample) + 12
        return width + (fm.horizontalAdvance(meaning) + 16 if meaning else 4)

    def width_of(self, form: str) -> float:
        """How wide the legend is in ``form`` (full, stacked or samples)."""
        fm = QFontMetricsF(self._font(form))
        return max(
            sum(self._item_width(fm, s, m) for _k, s, m in row) for row in self._rows(form)
        )

    def _height(self, form: str) -> float:
        fm = QFontMetricsF(self._font(form))
        return len(self._rows(form)) * (fm.height() + 2) + 2

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
        text = self.tr(
            "Removed words are struck through, added words underlined, changed numbers "
            "bold on orange, typography-only changes dotted, moved paragraphs have a "
            "purple bar."
        )
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def sizeHint(self) -> QSize:  # noqa: D102
        fm = QFontMetricsF(self.font())
        return QSize(int(self.width_of(FULL)) + 1, int(fm.height() + 6))

    def minimumSizeHint(self) -> QSize:  # noqa: D102
        fm = QFontMetricsF(self.font())
        return QSize(int(self.width_of(SAMPLES)) + 1, int(fm.height() + 6))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        p = QPainter(self)
        form = self.form()
        font = self._font(form)
        fm = QFontMetricsF(font)
        rows = self._rows(form)
        line = fm.height() + 2
        top = (self.height() - len(rows) * line) / 2
        for number, row in enumerate(rows):
            baseline = top + number * line + 1 + fm.ascent()
            x = 0.0
            for key, sample, meaning in row:
                x = self._paint_item(p, font, fm, x, baseline, key, sample, meaning)
        p.end()

    def _paint_item(
        self,
        p: QPainter,
        base: QFont,
        fm: QFontMetricsF,
        x: float,
        baseline: float,
        key: str,
        sample: str,
        meaning: str,
    ) -> float:
        """Paint one sample and its meaning at ``x``; returns where the next one starts."""
        t = self._theme
        font = QFont(base)
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
            p.setPen(QColor(t.text))
        p.setFont(font)
        p.drawText(QPointF(x + 3 + (4 if key == "moved" else 0), baseline), sample)
        x += sw + 6
        p.setFont(base)
        if not meaning:
            return x + 4
        p.setPen(QColor(t.dim_text))
        p.drawText(QPointF(x, baseline), meaning)
        return x + fm.horizontalAdvance(meaning) + 16

"""The redline: one pair of versions as a single text, deletions struck, insertions underlined.

What word processors call "Compare documents": the newer version's text, with what the
older one had and lost struck through in place and what is new underlined, changed numbers
bold on orange with how far they moved. It reads the same marked pieces as the inline
report (``comparer.export.report_marks``), so window, HTML and PDF agree. A read-only
``QTextEdit`` shows it: selecting, copying and Qt's accessible text interface come with it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from comparer.core.model import AlignKind, Comparison
from comparer.export.html_report import collapsed
from comparer.export.report_marks import Mark, Piece, entry_views, paragraph_numbers
from comparer.ui.theme import Theme

BASE_POINT_SIZE = 11.0
_STRUCK = (Mark.DELETED, Mark.NUMBER_OLD)
_UNDERLINED = (Mark.INSERTED, Mark.NUMBER_NEW)


class RedlineView(QTextEdit):
    """A read-only redline of one pair of versions of a comparison."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._comparison: Comparison | None = None
        self._pair = -1
        self._numbers: tuple[int, ...] = ()
        self._zoom = 100
        self._ignore_typography = False
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("redline")
        self.setAccessibleName(self.tr("Redline"))
        self.document().setDocumentMargin(24)

    # ----------------------------------------------------------------- state
    def set_comparison(
        self, comparison: Comparison | None, pair: int = -1, numbers: tuple[int, ...] = ()
    ) -> None:
        """Show ``comparison``'s pair ``pair`` (-1: the last pair, the newest change).

        ``numbers``: each version's number in the story (0-based), when the comparison is
        a pair taken from a longer story, so that the note names v9 → v10, not v1 → v2.
        """
        self._comparison = comparison
        self._pair = pair
        self._numbers = numbers
        self._render()

    def _number(self, version: int) -> int:
        """The story's number (1-based) of the comparison's version ``version``."""
        return (self._numbers[version] if version < len(self._numbers) else version) + 1

    def comparison_shown(self) -> Comparison | None:
        """The comparison whose pair is shown."""
        return self._comparison

    def pair(self) -> int:
        """The index of the pair shown (-1 when none)."""
        if self._comparison is None or not self._comparison.pairs:
            return -1
        pairs = len(self._comparison.pairs)
        return self._pair if 0 <= self._pair < pairs else pairs - 1

    def set_theme(self, theme: Theme) -> None:
        """Recolour."""
        self._theme = theme
        self._render()

    def set_zoom(self, percent: int) -> None:
        """Scale the text to ``percent`` of its normal size."""
        self._zoom = percent
        self._render()

    def set_ignore_typography(self, ignore: bool) -> None:
        """Leave typography-only changes unmarked."""
        self._ignore_typography = ignore
        self._render()

    # ----------------------------------------------------------------- drawing
    def _font(self, scale: float = 1.0) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom / 100 * scale)
        return font

    def _formats(self) -> dict[Mark | str, QTextCharFormat]:
        t = self._theme
        plain = QTextCharFormat()
        plain.setFont(self._font())
        plain.setForeground(QColor(t.text))
        out: dict[Mark | str, QTextCharFormat] = {Mark.PLAIN: plain}
        deleted = QTextCharFormat(plain)
        deleted.setFontStrikeOut(True)
        deleted.setForeground(QColor(t.deleted))
        deleted.setBackground(QColor(t.deleted_tint))
        out[Mark.DELETED] = deleted
        inserted = QTextCharFormat(plain)
        inserted.setFontUnderline(True)
        inserted.setForeground(QColor(t.added))
        inserted.setBackground(QColor(t.added_tint))
        out[Mark.INSERTED] = inserted
        for mark, struck in ((Mark.NUMBER_OLD, True), (Mark.NUMBER_NEW, False)):
            number = QTextCharFormat(plain)
            number.setFontWeight(QFont.Weight.Bold)
            number.setForeground(QColor(t.number_text))
            number.setBackground(QColor(t.number))
            number.setFontStrikeOut(struck)
            number.setFontUnderline(not struck)
            out[mark] = number
        typo = QTextCharFormat(plain)
        if not self._ignore_typography:
            typo.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            typo.setUnderlineColor(QColor(t.typographic))
        out[Mark.TYPO_NEW] = typo
        out[Mark.TYPO_OLD] = typo
        note = QTextCharFormat(plain)
        note.setFont(self._font(0.8))
        note.setForeground(QColor(t.dim_text))
        out["note"] = note
        debris = QTextCharFormat(note)
        out["debris"] = debris
        moved = QTextCharFormat(note)
        moved.setForeground(QColor(t.moved_text))
        out["moved"] = moved
        return out

    def _render(self) -> None:
        self.setStyleSheet(
            f"QTextEdit#redline {{ background: {self._theme.base}; color: {self._theme.text}; }}"
        )
        document = self.document()
        document.clear()
        comparison = self._comparison
        index = self.pair()
        if comparison is None or index < 0:
            return
        pair = comparison.pairs[index]
        old = comparison.versions[pair.from_index]
        new = comparison.versions[pair.to_index]
        formats = self._formats()
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setBottomMargin(self._font().pointSizeF() * 0.9)
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        cursor.insertText(
            self.tr("v{0} → v{1}: struck through is only in v{0}, underlined only in v{1}").format(
                self._number(pair.from_index), self._number(pair.to_index)
            ),
            formats["note"],
        )
        for view in entry_views(old, new, pair):
            kind = view.entry.kind
            pieces: tuple[Piece, ...] = view.inline
            if kind is AlignKind.IGNORED:
                pieces = collapsed(pieces)
            if not pieces:
                continue
            cursor.insertBlock(block)
            if kind is AlignKind.MOVED:
                where = paragraph_numbers(view.entry.from_)
                cursor.insertText(self.tr("¶ moved from {0}: ").format(where), formats["moved"])
            previous = Mark.PLAIN
            for piece in pieces:
                if previous in _STRUCK and piece.mark in _UNDERLINED:
                    # "12" struck then "17" underlined would read "1217": a thin space apart.
                    cursor.insertText("\u2009", formats[Mark.PLAIN])
                previous = piece.mark
                mark: Mark | str = piece.mark
                if kind is AlignKind.IGNORED:
                    mark = "debris"
                elif self._ignore_typography and piece.mark in (Mark.TYPO_NEW, Mark.TYPO_OLD):
                    mark = Mark.PLAIN
                text_format = QTextCharFormat(formats.get(mark, formats[Mark.PLAIN]))
                if piece.note and piece.mark in (Mark.TYPO_NEW, Mark.TYPO_OLD):
                    text_format.setToolTip(piece.note)
                cursor.insertText(piece.text, text_format)
                if piece.note and piece.mark is Mark.NUMBER_NEW:
                    cursor.insertText(f" {piece.note}", formats["note"])
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def plain_text(self) -> str:
        """The redline as text, struck and underlined words alike."""
        return self.toPlainText()

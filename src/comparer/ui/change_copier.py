"""Edit ▸ Copy and Copy as Before/After: text from the panes, or a change as before/after.

``ChangeCopier`` copies what has the focus: the find field's text, the change chosen in
the changes list (as before/after), or the text selected in the panes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from comparer.ui.changes_panel import ChangesPanel
from comparer.ui.compare_view import CompareView


class ChangeCopier(QObject):
    """Puts the selection or the current change on the clipboard, and says so."""

    def __init__(
        self,
        view: CompareView,
        changes: ChangesPanel,
        find_field: QLineEdit,
        note: Callable[[str, int], None],
    ) -> None:
        """Copy from ``view``, ``changes`` or ``find_field``; ``note`` says a passing line."""
        super().__init__(view)
        self._view = view
        self._changes = changes
        self._find_field = find_field
        self._note = note

    def copy(self) -> None:
        """Copy the selected text (or the focused widget's own selection)."""
        focus = QApplication.focusWidget()
        if focus is self._find_field:
            self._find_field.copy()
            return
        if focus is self._changes.list:
            index = self._changes.list.currentIndex()
            if index.isValid():
                self._view.set_current_stop(
                    self._changes.changes_model.stop_index(index.row()), scroll=False
                )
                self.copy_before_after()
                return
        self._view.copy_selection()

    def before_after_text(self) -> str:
        """The current change as "Before: … / After: …" text ("" when there is none).

        A change is cut to its sentence by the export module, as reports quote it; a
        moved paragraph, which is no change of words, is given whole.
        """
        model = self._view.model
        index = self._view.current_stop()
        if model is None or model.comparison is None or not 0 <= index < len(self._view.stops):
            return ""
        stop = self._view.stops[index]
        if stop.change >= 0:
            from comparer.export.html_report import before_after_text

            return before_after_text(model.comparison, stop.pair, stop.change)
        pair = model.pairs[stop.pair]
        old_v, new_v = model.versions[pair.from_index], model.versions[pair.to_index]
        entry = next(
            (e for e in pair.alignment if e.to and new_v.paragraphs[e.to[0]].start == stop.start),
            None,
        )
        if entry is None:
            return ""
        before = "\n\n".join(old_v.paragraph_text(i) for i in entry.from_) or self.tr("(none)")
        after = "\n\n".join(new_v.paragraph_text(i) for i in entry.to) or self.tr("(none)")
        return self.tr("Before: {0}\nAfter: {1}").format(before, after)

    def copy_before_after(self) -> None:
        """Put the current change's paragraph before and after on the clipboard."""
        text = self.before_after_text()
        if not text:
            self._note(self.tr("Go to a change first (F7)"), 3000)
            return
        QGuiApplication.clipboard().setText(text)
        self._note(self.tr("Copied the change as before/after"), 2000)

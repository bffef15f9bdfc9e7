"""File ▸ Export… and File ▸ Print… for the window: the pair shown, with its story around it.

``ReportExporter`` hands the comparison on show (and, for three or more versions, the
story's timeline, figures and speakers) to the reports module, imported only when asked:
Qt's printing support is slow to load and may be missing from a build.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from comparer.ui.compare_view import CompareView
from comparer.ui.message_bar import MessageBar
from comparer.ui.reader_state import ReaderState
from comparer.ui.settings import Settings


def _reports_module() -> object | None:
    try:
        return importlib.import_module("comparer.ui.report_pdf")
    except ImportError:
        return None


class ReportExporter(QObject):
    """Exports or prints a report of what ``view`` shows, and says where it went."""

    def __init__(
        self,
        parent: QWidget,
        view: CompareView,
        state: ReaderState,
        settings: Settings,
        message_bar: MessageBar,
        note: Callable[[str, int], None],
    ) -> None:
        """Report from ``view`` and ``state``; dialogs over ``parent``; ``note`` says a line."""
        super().__init__(parent)
        self._parent = parent
        self._view = view
        self._state = state
        self._settings = settings
        self._message_bar = message_bar
        self._note = note
        self._pair_only_said = ""  # the last "printed with the pair only" message shown

    @staticmethod
    def available() -> bool:
        """Whether this build has reports, without importing them."""
        try:
            return importlib.util.find_spec("comparer.ui.report_pdf") is not None and (
                importlib.util.find_spec("PySide6.QtPrintSupport") is not None
            )
        except ImportError:
            return False

    def export_report(self) -> None:
        """Export a report; then say where it went, with a button that opens its folder."""
        reports = _reports_module()
        model = self._view.model
        if reports is None or model is None or model.comparison is None:
            return
        try:
            path = reports.export_dialog(  # type: ignore[attr-defined]
                self._parent, model.comparison, self._story_context(), self._settings.export_folder
            )
        except Exception as exc:  # noqa: BLE001 - a report bug must not close the window
            self._failed(exc)
            return
        if not path:
            return
        folder = os.path.dirname(os.path.abspath(path))
        self._settings.export_folder = folder
        saved = self.tr("Report saved to {0}").format(os.path.abspath(path))
        if self._story_pending():
            saved += "\n" + self.tr(
                "It has the pair only: the story's timeline, figures and speakers were still "
                "being worked out. Export again in a moment to include them."
            )
        self._message_bar.show_message(
            saved,
            "info",
            self.tr("Open Folder"),
            lambda: self._open_folder(folder),
        )
        self._note(self.tr("Report saved to {0}").format(path), 8000)

    def print_report(self) -> None:
        """Hand the comparison to the reports module's print dialog.

        Printed while a story's history is still being worked out, the report has the pair
        only: the window says so once it is printed, as after an export.
        """
        reports = _reports_module()
        model = self._view.model
        if reports is None or model is None or model.comparison is None:
            return
        story = self._story_context()
        pending = self._story_pending()
        try:
            if story is not None:
                printed = reports.print_dialog(self._parent, model.comparison, story=story)  # type: ignore[attr-defined]
            else:
                printed = reports.print_dialog(self._parent, model.comparison)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - a report bug must not close the window
            self._failed(exc)
            return
        if not printed:
            return
        bar = self._message_bar
        if pending:
            self._pair_only_said = (
                self.tr("Report printed")
                + "\n"
                + self.tr(
                    "It has the pair only: the story's timeline, figures and speakers were "
                    "still being worked out. Print again in a moment to include them."
                )
            )
            bar.show_message(self._pair_only_said, "info")
        elif self._pair_only_said and bar.isVisible() and bar.text() == self._pair_only_said:
            bar.hide()  # printed again, whole: the note about the last print no longer holds

    def _failed(self, exc: Exception) -> None:
        self._message_bar.show_message(
            self.tr("The report could not be made ({0}).").format(exc), "error"
        )

    def _story_pending(self) -> bool:
        """Whether a story's history, which its report opens with, is not known yet."""
        return self._state.count >= 3 and self._state.history is None

    def _story_context(self) -> object | None:
        """The story a report of three or more versions tells around its pair, or None."""
        history = self._state.history
        if history is None or self._state.count < 3:
            return None
        from comparer.export.story_report import StoryContext

        return StoryContext(history, self._state.shown)

    @staticmethod
    def _open_folder(folder: str) -> None:
        """Show ``folder`` in the desktop's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

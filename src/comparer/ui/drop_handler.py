"""Files and web addresses dropped on the window: where they land, and what they open.

``DropHandler`` watches the window's drag events (an event filter, so the window keeps no
drag code): while files are dragged over it, the overlay shows where they will land and
what dropping does (``drop_plan``'s rules); dropped, several files start a comparison, one
file on a pane replaces that version, one elsewhere is added, a web address is opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QRect
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from comparer.core.model import Version
from comparer.ui.compare_task import Source
from comparer.ui.compare_view import CompareView
from comparer.ui.drop_overlay import DropOverlay, drop_plan
from comparer.ui.story_opener import StoryOpener, web_address


class DropHandler(QObject):
    """Shows where a drag will land on ``window`` and opens what is dropped there."""

    def __init__(
        self,
        window: QMainWindow,
        view: CompareView,
        stack: QStackedWidget,
        overlay: DropOverlay,
        opener: StoryOpener,
        versions: Callable[[], list[Version]],
    ) -> None:
        """Watch ``window``'s drags; ``versions`` gives the versions open now."""
        super().__init__(window)
        self._window = window
        self._view = view
        self._stack = stack
        self._overlay = overlay
        self._opener = opener
        self._versions = versions
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102, N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            self._drag_over(event)
            return True
        if kind == QEvent.Type.DragLeave:
            self._overlay.clear()
            return False  # the window's own handling goes on
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self._drop(event)
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _local_paths(mime: QMimeData) -> list[str]:
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    @staticmethod
    def _dropped_address(mime: QMimeData) -> str:
        """A web address dropped from a browser, or ""."""
        urls = [u.toString() for u in mime.urls() if not u.isLocalFile()] if mime.hasUrls() else []
        candidates = urls or ([mime.text()] if mime.hasText() else [])
        return next((c.strip() for c in candidates if web_address(c)), "")

    def _drag_over(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        mime = event.mimeData()
        if self._local_paths(mime) or self._dropped_address(mime):
            event.acceptProposedAction()
            self._show_drop_target(mime, event.position().toPoint())
        else:
            event.ignore()

    def _show_drop_target(self, mime: QMimeData, window_pos: QPoint) -> None:
        """Highlight where the dragged files will land, and say what dropping does."""
        paths = self._local_paths(mime)
        central = self._window.centralWidget()
        if central is None:
            return
        if not paths:
            text = self.tr("Drop to open this web address")
            self._overlay.show_target(central.rect(), text)
            return
        viewport = self._view.viewport()
        local = viewport.mapFrom(self._window, window_pos)
        column = -1
        model = self._view.model
        if (
            len(self._versions()) >= 2
            and model is not None
            and self._stack.currentIndex() == 1
            and viewport.rect().contains(local)
        ):
            column = self._view.column_at(local.x())
        number = model.number(column) if model is not None and column >= 0 else -1
        plan = drop_plan(paths, len(self._versions()), number)
        if plan.pane >= 0:
            pane = self._view.column_rect(column)
            top_left = viewport.mapTo(central, pane.topLeft())
            target = QRect(top_left, pane.size())
        else:
            target = central.rect()
        self._overlay.show_target(target, plan.text)

    def target(self) -> tuple[QRect, str]:
        """The area highlighted for a drag, and what dropping there does ("" when none)."""
        return self._overlay.target(), self._overlay.text()

    def _drop(self, event: QDropEvent) -> None:
        self._overlay.clear()
        paths = self._local_paths(event.mimeData())
        if not paths and self._dropped_address(event.mimeData()):
            event.acceptProposedAction()
            self._opener.open_web_address(self._dropped_address(event.mimeData()))
            return
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.handle_drop(paths, event.position().toPoint())

    def handle_drop(self, paths: list[str], window_pos: QPoint) -> None:
        """Open dropped files: several start a comparison; one on a pane replaces it."""
        if len(paths) > 1 or not self._versions():
            self._opener.open_files(paths)  # in the order dropped
            return
        if len(self._versions()) == 1:
            self._opener.add_sources([Source(path=paths[0])])
            return
        viewport = self._view.viewport()
        local = viewport.mapFrom(self._window, window_pos)
        if viewport.rect().contains(local):
            column = self._view.column_at(local.x())
            model = self._view.model
            self._opener.add_sources(
                [Source(path=paths[0])], replace=model.number(column) if model else column
            )
        else:
            self._opener.add_sources([Source(path=paths[0])])

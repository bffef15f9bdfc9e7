"""The "Open Web Address" dialog: a page's archived captures to tick, fetched off the GUI thread.

The dialog lists the archive's distinct captures of an address (time, type, size), ticks
all of them up to a limit the user can change (the first, the last and others spread
between them when there are more), adds the live page last, and fetches what is ticked
in a worker thread with progress and Cancel. The versions it hands to the window are
ordered by capture time, each labelled with it. All network work is ``comparer.web``'s.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from comparer.core.model import Version
from comparer.ui.plain_text import plain_tooltip
from comparer.web.capture import Capture
from comparer.web.cdx import CaptureList, spread
from comparer.web.errors import WebCancelled, WebError
from comparer.web.history import DEFAULT_CAPTURES, WebHistory, fetch_versions, list_captures
from comparer.web.options import WebOptions

_CAPTURE_ROLE = Qt.ItemDataRole.UserRole + 1


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(int, object)  # the task's generation, its result


class _ListTask(QRunnable):
    """Ask the archive for the address's captures."""

    def __init__(
        self, generation: int, url: str, options: WebOptions, cancel: threading.Event
    ) -> None:
        super().__init__()
        self.generation = generation
        self.url, self.options, self.cancel = url, options, cancel
        self.signals = _Signals()

    def run(self) -> None:  # noqa: D102
        try:
            result: object = list_captures(self.url, self.options, cancel=self.cancel)
        except WebError as exc:
            result = exc
        except Exception as exc:  # noqa: BLE001 - the dialog must stay usable
            result = WebError(f"the list of captures could not be read ({type(exc).__name__})")
        self.signals.finished.emit(self.generation, result)


class _FetchTask(QRunnable):
    """Fetch the ticked captures (and the live page) and load them as versions."""

    def __init__(
        self,
        generation: int,
        url: str,
        captures: Sequence[Capture],
        live: bool,
        options: WebOptions,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.url, self.captures, self.live = url, list(captures), live
        self.options, self.cancel = options, cancel
        self.signals = _Signals()

    def run(self) -> None:  # noqa: D102
        try:
            result: object = fetch_versions(
                self.url,
                self.captures,
                self.options,
                live=self.live,
                progress=self.signals.progress.emit,
                cancel=self.cancel,
            )
        except WebError as exc:
            result = exc
        except Exception as exc:  # noqa: BLE001 - the dialog must stay usable
            result = WebError(f"the captures could not be read ({type(exc).__name__})")
        self.signals.finished.emit(self.generation, result)


class WebAddressDialog(QDialog):
    """Choose captures of a web address and fetch them.

    Signals:
        versions_ready(list, list): the versions fetched, oldest first with the live page
            last, and one note per capture left out.
    """

    versions_ready = Signal(list, list)

    def __init__(
        self, options: WebOptions, address: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.listing: CaptureList | None = None
        self._cancel = threading.Event()
        self._busy = False
        self._generation = 0  # results of an abandoned (cancelled) task are ignored
        self.setWindowTitle(self.tr("Open Web Address"))
        self.setMinimumSize(560, 440)

        self.address = QLineEdit(address, self)
        self.address.setPlaceholderText("https://")
        self.address.setAccessibleName(self.tr("Web address"))
        self.address.returnPressed.connect(self.find_captures)
        self.find_button = QPushButton(self.tr("&Find Captures"), self)
        self.find_button.clicked.connect(self.find_captures)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Address:"), self)
        label.setBuddy(self.address)
        top.addWidget(label)
        top.addWidget(self.address, 1)
        top.addWidget(self.find_button)

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Captured (UTC)"), self.tr("Size (archived)"), self.tr("Type")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Captures"))
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._update_buttons)

        self.limit = QSpinBox(self)
        self.limit.setRange(1, 500)
        self.limit.setValue(DEFAULT_CAPTURES)
        self.limit.setAccessibleName(self.tr("Most captures to open"))
        self.limit.valueChanged.connect(self._tick_default)
        limit_row = QHBoxLayout()
        limit_label = QLabel(self.tr("Tick at &most"), self)
        limit_label.setBuddy(self.limit)
        limit_row.addWidget(limit_label)
        limit_row.addWidget(self.limit)
        limit_row.addWidget(QLabel(self.tr("captures, spread over the page's history"), self))
        limit_row.addStretch(1)

        self.status = QLabel(
            self.tr("Comparer asks the web archive only when you press Find Captures."), self
        )
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # addresses and errors from the web
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_ticked)
        self.clear_button = self.buttons.addButton(
            self.tr("Clear &Cache"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.clear_button.clicked.connect(self.clear_cache)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(limit_row)
        layout.addWidget(self.status)
        layout.addLayout(progress_row)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ listing
    def find_captures(self) -> None:
        """Ask the archive for the address's distinct captures (in a worker thread)."""
        if self._busy:
            return
        url = self.address.text().strip()
        self.tree.clear()
        self.listing = None
        self._set_busy(True, self.tr("Asking the archive for the captures of {0}…").format(url))
        self.progress.setRange(0, 0)
        self._cancel = threading.Event()
        self._generation += 1
        task = _ListTask(self._generation, url, self.options, self._cancel)
        task.signals.finished.connect(self._on_listed)
        QThreadPool.globalInstance().start(task)

    def _on_listed(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        if isinstance(result, WebCancelled):
            self.status.setText(self.tr("Cancelled."))
            return
        if isinstance(result, WebError):
            self.status.setText(str(result))
            return
        assert isinstance(result, CaptureList)
        self.listing = result
        self.tree.blockSignals(True)
        for capture in result.captures:
            size = self.tr("{0} KB").format(f"{max(1, round(capture.length / 1024)):,}")
            item = QTreeWidgetItem(
                [capture.label, size if capture.length else "", capture.mimetype]
            )
            item.setData(0, _CAPTURE_ROLE, capture)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, plain_tooltip(capture.archive_url(self.options.archive_base)))
            self.tree.addTopLevelItem(item)
        live = QTreeWidgetItem([self.tr("Live page, fetched now"), "", ""])
        live.setFlags(live.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        live.setCheckState(0, Qt.CheckState.Checked)
        live.setToolTip(0, plain_tooltip(result.url))
        self.tree.addTopLevelItem(live)
        self.tree.blockSignals(False)
        self._tick_default()
        count = len(result.captures)
        if count == 0:
            text = self.tr(
                "The archive has no capture of this address; only the live page can open."
            )
        else:
            text = self.tr("{0} distinct captures in the archive.").format(count)
        if result.saved:
            text += " " + self.tr("The archive could not be reached: this list was saved before.")
        if result.truncated:
            text += " " + self.tr("Only the first {0} are listed.").format(count)
        self.status.setText(text)

    def _capture_items(self) -> list[QTreeWidgetItem]:
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [i for i in items if i is not None and i.data(0, _CAPTURE_ROLE) is not None]

    @property
    def live_item(self) -> QTreeWidgetItem | None:
        """The row of the live page (the last), once captures are listed."""
        count = self.tree.topLevelItemCount()
        return self.tree.topLevelItem(count - 1) if count else None

    def _tick_default(self) -> None:
        """Tick the page captures, up to the limit, spread over the history."""
        items = self._capture_items()
        pages = [i for i in items if i.data(0, _CAPTURE_ROLE).is_page]
        captures = [i.data(0, _CAPTURE_ROLE) for i in pages]
        chosen = {c.timestamp for c in spread(captures, self.limit.value())}
        self.tree.blockSignals(True)
        for item in items:
            ticked = item.data(0, _CAPTURE_ROLE).timestamp in chosen
            item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._update_buttons()

    def ticked_captures(self) -> list[Capture]:
        """The captures ticked, oldest first."""
        ticked = [
            i.data(0, _CAPTURE_ROLE)
            for i in self._capture_items()
            if i.checkState(0) == Qt.CheckState.Checked
        ]
        return sorted(ticked, key=lambda c: c.timestamp)

    def live_ticked(self) -> bool:
        """Whether the live page is ticked."""
        live = self.live_item
        return live is not None and live.checkState(0) == Qt.CheckState.Checked

    def _update_buttons(self) -> None:
        count = len(self.ticked_captures()) + (1 if self.live_ticked() else 0)
        self.open_button.setEnabled(not self._busy and self.listing is not None and count >= 1)
        self.open_button.setText(
            self.tr("&Open {0} Versions").format(count) if count != 1 else self.tr("&Open")
        )

    # ------------------------------------------------------------------ fetching
    def open_ticked(self) -> None:
        """Fetch the ticked captures and the live page (in a worker thread)."""
        if self._busy or self.listing is None:
            return
        captures = self.ticked_captures()
        live = self.live_ticked()
        total = len(captures) + (1 if live else 0)
        if not total:
            return
        self._set_busy(True, self.tr("Fetching {0} versions…").format(total))
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self._cancel = threading.Event()
        self._generation += 1
        task = _FetchTask(
            self._generation, self.listing.url, captures, live, self.options, self._cancel
        )
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_fetched)
        QThreadPool.globalInstance().start(task)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if not self._busy:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("Fetched {0} of {1}: {2}").format(done, total, label))

    def _on_fetched(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        if isinstance(result, WebCancelled):
            self.status.setText(self.tr("Cancelled. Nothing was opened."))
            return
        if isinstance(result, WebError):
            self.status.setText(str(result))
            return
        assert isinstance(result, WebHistory)
        if not result.versions:
            self.status.setText(
                self.tr("None of the versions could be read: {0}").format("; ".join(result.notes))
            )
            return
        self.versions_ready.emit(list(result.versions), list(result.notes))
        self.accept()

    def cancel(self) -> None:
        """Stop the listing or fetch under way; nothing it still brings back is used."""
        self._cancel.set()
        self._generation += 1
        fetching = self.listing is not None
        self._set_busy(False)
        self.status.setText(
            self.tr("Cancelled. Nothing was opened.") if fetching else self.tr("Cancelled.")
        )

    def reject(self) -> None:  # noqa: D102 - closing also stops the work under way
        self._cancel.set()
        super().reject()

    def clear_cache(self) -> None:
        """Delete the cached captures and lists, after saying how much that is."""
        from comparer.web.cache import WebCache

        cache = WebCache(self.options.cache_folder())
        removed = cache.clear()
        self.status.setText(
            self.tr("Cleared the cache: {0} captures, {1:.1f} MB.").format(
                removed.captures, removed.size / 1048576
            )
        )

    def is_busy(self) -> bool:
        """Whether the archive is being asked, or captures fetched."""
        return self._busy

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.find_button.setEnabled(not busy)
        self.address.setEnabled(not busy)
        self.tree.setEnabled(not busy)
        self.limit.setEnabled(not busy)
        self.clear_button.setEnabled(not busy)
        if text:
            self.status.setText(text)
        self._update_buttons()


def open_web_dialog(window: QWidget, address: str = "", find: bool = True) -> WebAddressDialog:
    """Show the dialog over ``window``; the versions chosen open in it.

    Args:
        window: the main window: it must have ``open_versions(list)`` and a
            ``message_bar``; its ``web_options`` (if set) say where the archive is.
        address: the address to start with.
        find: ask the archive for the captures at once when ``address`` is given.

    Returns:
        The dialog (shown, not modal to the application).
    """
    options = getattr(window, "web_options", None) or WebOptions.from_env()
    dialog = WebAddressDialog(options, address, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def opened(versions: list[Version], notes: list[str]) -> None:
        if notes:
            ready = getattr(window, "comparison_ready", None)
            if ready is not None:
                ready.connect(
                    lambda: window.message_bar.show_message("\n".join(notes), "info"),  # type: ignore[attr-defined]
                    type=Qt.ConnectionType.SingleShotConnection,
                )
        window.opener.open_versions(versions)  # type: ignore[attr-defined]

    dialog.versions_ready.connect(opened)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    if address and find:
        dialog.find_captures()
    return dialog

"""The story list: a ``comparer batch`` results folder, one row per story, to filter and open.

The rows are read on the GUI thread: ten thousand story rows load from Parquet in well
under a second. The filter is the ``--where`` language of ``comparer batch``, over the
story columns; opening a story reads its versions from the archive the manifest names.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from comparer.core.model import Version

# (header, story column): numbers sort as numbers, lists show their names.
COLUMNS = (
    ("Story", "story_id"),
    ("Versions", "versions"),
    ("First", "first_date"),
    ("Last", "last_date"),
    ("Numbers changed", "numbers_changed"),
    ("Paragraphs changed", "paragraphs_changed"),
    ("Speakers new", "speakers_new"),
    ("Speakers dropped", "speakers_dropped"),
    ("Last headline", "last_headline"),
    ("Error", "error"),
)


def _item(value: Any) -> QTableWidgetItem:
    item = QTableWidgetItem()
    if isinstance(value, list):
        item.setText(", ".join(str(v) for v in value))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        item.setData(Qt.ItemDataRole.DisplayRole, value)
    elif value is not None:
        item.setText(str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class StoryListDialog(QDialog):
    """The stories of a results folder: sortable, filtered with ``--where``, opened on Enter."""

    def __init__(
        self,
        manifest: dict[str, Any],
        rows: list[dict[str, Any]],
        open_versions: Any,
        parent: QWidget | None = None,
    ) -> None:
        """A list of ``rows``; ``open_versions(list[Version])`` opens a story's versions."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch Results"))
        self.resize(900, 520)
        self.manifest = manifest
        self.rows = rows
        self._open_versions = open_versions
        layout = QVBoxLayout(self)
        self.archive_label = QLabel(self.tr("Archive: ") + str(manifest.get("archive", "")))
        self.archive_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.archive_label)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(
            self.tr("Filter, as with --where: numbers_changed > 0 and speakers_dropped")
        )
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.returnPressed.connect(self.apply_filter)
        self.filter_box.textChanged.connect(self.apply_filter)
        layout.addWidget(self.filter_box)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color: #B42318;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h, _ in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # activated: Enter, or a double-click (a single click where the platform says so)
        self.table.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 1)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status_label)
        self._fill(rows)

    def _fill(self, rows: list[dict[str, Any]]) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (_header, key) in enumerate(COLUMNS):
                self.table.setItem(r, c, _item(row.get(key)))
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.status_label.setText(
            self.tr("{shown} of {total} stories").format(shown=len(rows), total=len(self.rows))
        )

    def apply_filter(self) -> None:
        """Show the stories the filter box's expression keeps (all when it is empty)."""
        from comparer.batch.where import STORY_FIELDS, WhereError, parse_where

        text = self.filter_box.text().strip()
        if not text:
            self.error_label.hide()
            self._fill(self.rows)
            return
        try:
            test = parse_where(text, STORY_FIELDS)
        except WhereError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.error_label.hide()
        self._fill([row for row in self.rows if test(row)])

    def shown_story_ids(self) -> list[str]:
        """The story ids listed, top to bottom."""
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]

    def open_selected(self) -> None:
        """Open the selected story's versions in the window (a message if it cannot be)."""
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.open_story(item.text())

    def open_story(self, story_id: str) -> bool:
        """Read ``story_id``'s versions from the archive and open them; False on failure."""
        from comparer.batch.archive import story_versions
        from comparer.batch.partition import BatchError

        archive = str(self.manifest.get("archive", ""))
        if not os.path.exists(archive):
            self.error_label.setText(
                self.tr(
                    "The archive {path} is not there any more (moved or deleted?): "
                    "the stories cannot be opened."
                ).format(path=archive)
            )
            self.error_label.show()
            return False
        try:
            versions: list[Version] = story_versions(archive, story_id)
        except BatchError as exc:
            self.error_label.setText(
                self.tr("Story {story} cannot be opened: {reason}").format(
                    story=story_id, reason=str(exc)
                )
            )
            self.error_label.show()
            return False
        if len(versions) < 2:
            self.error_label.setText(
                self.tr("Story {story} has one version: nothing to compare.").format(story=story_id)
            )
            self.error_label.show()
            return False
        self.error_label.hide()
        self._open_versions(versions)
        return True


def open_story_list(parent: QWidget, path: str, open_versions: Any) -> StoryListDialog | str:
    """Show the story list of the results folder ``path``, or return why it cannot be read."""
    try:
        from comparer.batch.partition import BatchError
        from comparer.batch.result_store import read_results
    except ImportError as exc:  # the desktop app may leave out Parquet
        return f"batch results cannot be read in this build ({exc})"
    try:
        manifest, rows = read_results(path)
    except BatchError as exc:
        return str(exc)
    dialog = StoryListDialog(manifest, rows, open_versions, parent)
    dialog.show()
    return dialog

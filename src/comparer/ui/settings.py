"""The one place that reads and writes QSettings, with typed defaults."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT = 60, 250, 100
THEMES = ("system", "light", "dark")


class Settings:
    """Typed access to the user's preferences.

    Values are stored in an INI file in the user's configuration folder; tests point
    ``QSettings.setPath`` at a temporary folder before creating one.
    """

    def __init__(self) -> None:
        self._store = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "comparer", "comparer"
        )

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._store.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    # Window
    @property
    def geometry(self) -> QByteArray:
        """The main window's saved geometry (empty when never saved)."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        """Toolbars and docks, as ``QMainWindow.saveState`` gives them."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    # Comparison options
    @property
    def ignore_typography(self) -> bool:
        """Hide typographic-only marks (quote styles, dashes, ellipses)."""
        return self._bool("compare/ignore_typography", False)

    @ignore_typography.setter
    def ignore_typography(self, value: bool) -> None:
        self._store.setValue("compare/ignore_typography", bool(value))

    @property
    def ignore_whitespace(self) -> bool:
        """Leave out changes of spacing (re-runs the comparison)."""
        return self._bool("compare/ignore_whitespace", False)

    @ignore_whitespace.setter
    def ignore_whitespace(self, value: bool) -> None:
        self._store.setValue("compare/ignore_whitespace", bool(value))

    @property
    def ignore_case(self) -> bool:
        """Leave out changes of letter case (re-runs the comparison)."""
        return self._bool("compare/ignore_case", False)

    @ignore_case.setter
    def ignore_case(self, value: bool) -> None:
        self._store.setValue("compare/ignore_case", bool(value))

    # View
    @property
    def theme(self) -> str:
        """The theme: system (follow the desktop), light or dark."""
        value = str(self._store.value("view/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._store.setValue("view/theme", value if value in THEMES else "system")

    @property
    def zoom(self) -> int:
        """Text size in percent of the default."""
        return max(ZOOM_MIN, min(ZOOM_MAX, self._int("view/zoom", ZOOM_DEFAULT)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._store.setValue("view/zoom", max(ZOOM_MIN, min(ZOOM_MAX, int(value))))

    @property
    def show_markup(self) -> bool:
        """Show page markup and metadata paragraphs in full rather than collapsed."""
        return self._bool("view/show_markup", False)

    @show_markup.setter
    def show_markup(self, value: bool) -> None:
        self._store.setValue("view/show_markup", bool(value))

    # Files
    @property
    def recent_files(self) -> list[list[str]]:
        """Recently compared sets of files, newest first, as absolute paths.

        A set whose files are no longer all there (moved, deleted, or stored relative to a
        folder the app is no longer started from) is dropped from the list for good.
        """
        value = self._store.value("files/recent", [])
        items: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        out: list[list[str]] = []
        dropped = False
        for item in items:
            paths = [p for p in str(item).split("\n") if p]
            if paths and all(os.path.isabs(p) and os.path.isfile(p) for p in paths):
                out.append(paths)
            else:
                dropped = True
        if dropped:
            self._store_recent(out)
        return out[:MAX_RECENT]

    def add_recent(self, paths: list[str]) -> None:
        """Put a set of files at the top of the recent list (stored as absolute paths)."""
        if not paths:
            return
        absolute = [os.path.abspath(p) for p in paths]
        entries = [p for p in self.recent_files if p != absolute]
        entries.insert(0, absolute)
        self._store_recent(entries)

    def _store_recent(self, entries: list[list[str]]) -> None:
        self._store.setValue("files/recent", ["\n".join(p) for p in entries[:MAX_RECENT]])

    @property
    def export_folder(self) -> str:
        """The folder the last report was exported to ("" when none, or gone since)."""
        value = str(self._store.value("files/export_folder", "") or "")
        return value if value and os.path.isdir(value) else ""

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._store.setValue("files/export_folder", os.path.abspath(value) if value else "")

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self._store.setValue("files/recent", [])

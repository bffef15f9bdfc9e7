"""Shared test set-up: offscreen Qt, throw-away settings, and the ``gui`` marker."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: draw offscreen unless the caller chose a platform, and keep
# any settings a test might write out of the user's own configuration folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="comparer-test-config-")

GUI_FIXTURES = {"qtbot", "qapp"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui``."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _temporary_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    """Point QSettings at a fresh folder for each GUI test."""
    if not GUI_FIXTURES & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QSettings

    from comparer.ui.app import guard_none_refcount

    guard_none_refcount()  # some PySide6 builds leak references to None on Python 3.11

    folder = tmp_path / "settings"
    folder.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield

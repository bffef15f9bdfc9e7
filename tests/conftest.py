"""Shared test set-up: offscreen Qt, throw-away settings, and the ``gui`` marker."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: draw offscreen unless the caller chose a platform, and keep
# any settings a test might write out of the user's own configuration folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_CONFIG_HOME = tempfile.mkdtemp(prefix="comparer-test-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME

GUI_FIXTURES = {"qtbot", "qapp"}


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the throw-away configuration folder when the run ends."""
    shutil.rmtree(_CONFIG_HOME, ignore_errors=True)


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

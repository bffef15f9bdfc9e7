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
# Nor web captures in the user's cache folder.
_CACHE_HOME = tempfile.mkdtemp(prefix="comparer-test-cache-")
os.environ["COMPARER_CACHE_DIR"] = _CACHE_HOME

GUI_FIXTURES = {"qtbot", "qapp"}


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the throw-away configuration and cache folders when the run ends."""
    shutil.rmtree(_CONFIG_HOME, ignore_errors=True)
    shutil.rmtree(_CACHE_HOME, ignore_errors=True)


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


_LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"})


@pytest.fixture(autouse=True)
def _only_this_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """No test reaches any address but this machine's (127.0.0.1): a test that tries fails.

    Connections and name look-ups for any other host are refused and recorded; the test
    then fails, even if the code under test swallowed the refusal.
    """
    import socket

    attempts: list[str] = []
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def allowed(sock: socket.socket, address: object) -> bool:
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return True  # Unix sockets and the like stay on this machine
        host = address[0] if isinstance(address, tuple) else str(address)
        if host in _LOCAL_HOSTS:
            return True
        attempts.append(f"connect {host}")
        return False

    def guarded_connect(sock: socket.socket, address: object) -> None:
        if not allowed(sock, address):
            raise ConnectionRefusedError(f"tests may not reach {address}")
        connect(sock, address)  # type: ignore[arg-type]

    def guarded_connect_ex(sock: socket.socket, address: object) -> int:
        if not allowed(sock, address):
            return 111
        return connect_ex(sock, address)  # type: ignore[arg-type]

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if host is not None and name not in _LOCAL_HOSTS:
            attempts.append(f"look up {name}")
            raise socket.gaierror(socket.EAI_NONAME, f"tests may not look up {name}")
        return getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield attempts
    assert not attempts, f"the test tried to reach other machines: {attempts}"

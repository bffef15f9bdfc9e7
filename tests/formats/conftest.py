"""Every loader test runs with the network switched off: a connection attempt fails the test."""

from __future__ import annotations

import socket

import pytest


class NetworkUsed(AssertionError):
    """Raised when code under test tries to reach the network."""


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"a loader tried to use the network: {args!r}")


class _GuardedSocket(socket.socket):
    """A socket class that cannot be instantiated (a class, so ``ssl`` can still subclass it)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        _refuse(*args)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any socket creation, DNS lookup or connection raise ``NetworkUsed``."""
    monkeypatch.setattr(socket, "socket", _GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "gethostbyname", _refuse)

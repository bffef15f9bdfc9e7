"""Comparer: see at a glance how a news article changed between versions."""

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is read from the installed metadata only when asked for: importing
    # importlib.metadata costs the headless commands tens of milliseconds at start.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("comparer")
        except PackageNotFoundError:  # a source tree that was never installed
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'comparer' has no attribute {name!r}")

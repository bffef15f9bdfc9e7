"""Comparer: see at a glance how a news article changed between versions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("comparer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

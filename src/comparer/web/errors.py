"""The one exception the web package raises, carrying a message fit to show a user."""

from __future__ import annotations


class WebError(Exception):
    """Something failed on the way to a page or the archive.

    ``str(error)`` is one line in the reader's words ("the archive did not answer within
    20 s"), ready for stderr or a message bar.
    """


class WebCancelled(WebError):
    """The user cancelled the fetch."""

    def __init__(self) -> None:
        super().__init__("cancelled")

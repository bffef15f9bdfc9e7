"""The one exception loaders raise, carrying a message fit to show a user."""

from __future__ import annotations


class LoadError(Exception):
    """A file could not be read as an article.

    ``str(error)`` is a one-line message naming the file and the problem, ready for
    stderr or a message bar.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

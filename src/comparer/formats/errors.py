"""The one exception loaders raise, carrying a message fit to show a user."""

from __future__ import annotations

from comparer.core.visible import visible_line, visible_name


class LoadError(Exception):
    r"""A file could not be read as an article.

    ``str(error)`` is a one-line message naming the file and the problem in the reader's
    words, ready for stderr or a message bar: a file name holding a line break or
    another control character is quoted with it escaped (``"a\nb.txt"``). What went
    wrong inside a library, when that is the cause, is kept in ``detail`` for ``--debug``
    and bug reports, never in the message.
    """

    def __init__(self, path: str, problem: str, detail: str = "") -> None:
        super().__init__(f"{visible_name(path)}: {visible_line(problem)}")
        self.path = path
        self.problem = problem
        self.detail = detail

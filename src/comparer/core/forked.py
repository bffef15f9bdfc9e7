"""Run a function in a forked child process while the caller goes on with other work.

The command line compares big versions on machines with two or more cores; finding the
quotes of each version is independent of aligning them, so it can run beside the
comparison. ``concurrent.futures`` with a process pool would do this too, but it starts
its workers, queues and threads for every call and pickles the arguments; a bare
``os.fork`` hands the child everything already loaded (copy-on-write) for a fraction of
that cost, which matters when the whole command should take well under a second. Only
the result crosses back, pickled through a pipe.

Forking is used only where it is safe and useful: on POSIX systems other than macOS
(whose system frameworks do not survive a fork), with more than one usable core, and
only from a process that runs no other thread, Python's or a library's (a fork copies just
the calling thread; a lock held by another one would never be released in the child). Anywhere
else the function simply runs in the caller, when its result is asked for, so the
result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import warnings
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_NOT_YET = object()


def usable_cores() -> int:
    """How many processor cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def thread_count() -> int:
    """How many threads this process runs, those started outside Python (Qt's) included."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # no /proc here: only Python's own threads can be counted
        return threading.active_count()


def can_fork() -> bool:
    """Whether :class:`ForkedCall` will really use a second process here."""
    if not hasattr(os, "fork") or sys.platform in ("darwin", "win32"):
        return False
    return usable_cores() > 1 and thread_count() == 1


class ForkedCall(Generic[T]):
    """``function()`` computed in a child process, collected with :meth:`result`.

    If the child cannot be started, dies, or its function raises, :meth:`result` runs
    the function in the calling process instead: a failure in the child never changes
    the answer, it only costs the time of doing the work again.
    """

    def __init__(self, function: Callable[[], T], fork: bool = True) -> None:
        """Start ``function`` in a child process when ``fork`` is true and forking is safe."""
        self._function = function
        self._value: object = _NOT_YET
        self._pid = 0
        self._read_fd = -1
        if fork and can_fork():
            self._start()

    def _start(self) -> None:
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns when it sees other threads at the
                # system level (a GUI toolkit's, say): then do not fork at all.
                warnings.simplefilter("error", DeprecationWarning)
                pid = os.fork()
        except (OSError, DeprecationWarning):
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child: compute, send, and leave without running any cleanup
            status = 1
            try:
                os.close(read_fd)
                data = pickle.dumps(self._function(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_fd, "wb") as pipe:
                    pipe.write(data)
                status = 0
            except BaseException:  # noqa: BLE001 - the parent recomputes; nothing may escape
                status = 1
            finally:
                os._exit(status)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    @property
    def forked(self) -> bool:
        """Whether the work runs in a child process."""
        return self._pid != 0

    def result(self) -> T:
        """The function's value: from the child if it succeeded, else computed here."""
        if self._value is _NOT_YET:
            self._value = self._collect()
        return self._value  # type: ignore[return-value]

    def _collect(self) -> T:
        if not self._pid:
            return self._function()
        with os.fdopen(self._read_fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if os.waitstatus_to_exitcode(status) == 0 and data:
            try:
                value: T = pickle.loads(data)  # noqa: S301 - our own child's bytes
            except Exception:  # noqa: BLE001 - fall back to computing it here
                return self._function()
            return value
        return self._function()

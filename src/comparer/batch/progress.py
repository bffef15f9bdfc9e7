"""A one-line progress bar for the terminal: stories done, rate and time left.

Hand-written rather than Dask's own ``progress``: that one counts tasks, and a batch's
tasks are partitions of unequal size; this one counts stories, and also serves the run
without Dask. It redraws in place on a terminal and stays silent elsewhere (logs).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Stories done out of the total (or partitions, when the total is unknown)."""

    def __init__(
        self,
        total_stories: int | None,
        total_partitions: int | None,
        stream: TextIO | None = None,
        live: bool | None = None,
    ) -> None:
        self.total_stories = total_stories
        self.total_partitions = total_partitions
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.stories = 0
        self.partitions = 0
        self.skipped_stories = 0
        self.skipped_partitions = 0
        self.errors = 0
        self._start = time.monotonic()
        self._drawn = 0.0

    def skipped(self, stories: int, errors: int = 0) -> None:
        """A partition an earlier run finished."""
        self.skipped_stories += stories
        self.skipped_partitions += 1
        self.errors += errors
        self.stories += stories
        self.partitions += 1

    def advance(self, stories: int, errors: int = 0) -> None:
        """A partition finished now."""
        self.stories += stories
        self.partitions += 1
        self.errors += errors
        self.draw()

    def line(self) -> str:
        """The bar as text."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        rate = (self.stories - self.skipped_stories) / elapsed
        fraction: float | None = None
        if self.total_stories:
            fraction = min(self.stories / self.total_stories, 1.0)
            count = f"{self.stories:,}/{self.total_stories:,} stories"
        else:
            if self.total_partitions:
                fraction = min(self.partitions / self.total_partitions, 1.0)
            count = f"{self.stories:,} stories"
        bar = ""
        if fraction is not None:
            filled = int(fraction * 24)
            bar = f" [{'#' * filled}{'.' * (24 - filled)}] {fraction:4.0%}"
        left = ""
        new_fraction = self._new_fraction(fraction)
        if new_fraction and fraction is not None and fraction < 1.0:
            remaining = elapsed / new_fraction * (1.0 - fraction)
            left = f"  {_clock(remaining)} left"
        errors = f"  {self.errors:,} bad" if self.errors else ""
        return f"{count}{bar}  {rate:,.1f} stories/s{left}{errors}"

    def _new_fraction(self, fraction: float | None) -> float:
        """The share of the whole done in this run (skipped partitions cost no time)."""
        if fraction is None:
            return 0.0
        if self.total_stories:
            return (self.stories - self.skipped_stories) / self.total_stories
        if self.total_partitions:
            return (self.partitions - self.skipped_partitions) / self.total_partitions
        return 0.0

    def draw(self, force: bool = False) -> None:
        """Redraw the line, at most five times a second."""
        if not self.live:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.2:
            return
        self._drawn = now
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()

    def finish(self) -> None:
        """End the live line."""
        if self.live:
            self.draw(force=True)
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

"""Running a batch: partitions to Dask workers (or this process), results to the store.

The client only ever holds a few partition descriptions and the results of the
partitions in flight: partitions are listed lazily and submitted a few at a time (twice
the number of worker threads), so its memory does not grow with the archive. Each
worker reads its partition from the archive itself and compares every story in it; the
client writes the finished partition's part files and marker.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import pyarrow as pa

from comparer.batch.archive import Archive
from comparer.batch.partition import BatchError, Partition
from comparer.batch.progress import ProgressBar
from comparer.batch.result_store import ResultStore
from comparer.batch.schema import PAIRS, STORIES, to_table
from comparer.batch.story_rows import Row, story_rows


@dataclass(frozen=True)
class PartitionResult:
    """What a worker hands back for one partition."""

    index: int
    key: str
    stories: pa.Table
    pairs: pa.Table
    errors: int


@dataclass
class RunSummary:
    """How a run went."""

    stories: int = 0
    errors: int = 0
    partitions: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    dashboard: str | None = None


def compare_partition(archive: Archive, partition: Partition, with_quotes: bool) -> PartitionResult:
    """Read one partition from the archive and compare each of its stories (worker side).

    A story that cannot be read or compared becomes a story row with its error.
    """
    story_list: list[Row] = []
    pair_list: list[Row] = []
    errors = 0
    for story in archive.stories(partition):
        try:
            story_row, pairs = story_rows(story, with_quotes)
        except Exception as exc:  # noqa: BLE001 - one story's failure must not stop the run
            problem = f"could not be compared ({type(exc).__name__}: {exc})"
            story_row, pairs = story_rows(replace(story, error=problem[:300]))
        if story_row["error"] is not None:
            errors += 1
        story_list.append(story_row)
        pair_list.extend(pairs)
    return PartitionResult(
        partition.index,
        partition.key,
        to_table(story_list, STORIES),
        to_table(pair_list, PAIRS),
        errors,
    )


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class BatchRunner:
    """Compare every story of an archive, partition by partition.

    Attributes:
        archive: the archive to read.
        store: where results go.
        workers: worker processes for the local Dask cluster (None: every core;
            0: no Dask, everything in this process).
        scheduler: the address of an existing Dask scheduler (``tcp://host:port``).
        partition_size: stories per partition.
        with_quotes: find quotes and speakers.
        progress: the progress bar to advance.
        say: where one-line notices go (the dashboard's address).
    """

    archive: Archive
    store: ResultStore
    workers: int | None = None
    scheduler: str | None = None
    partition_size: int = 50
    with_quotes: bool = True
    progress: ProgressBar | None = None
    say: Callable[[str], None] = print

    def pending(self, summary: RunSummary) -> Iterator[Partition]:
        """Partitions not finished by an earlier run (finished ones are counted, skipped)."""
        for partition in self.archive.partitions(self.partition_size):
            summary.partitions += 1
            if self.store.is_done(partition):
                stories, errors = self.store.done_counts(partition)
                summary.skipped += 1
                summary.stories += stories
                summary.errors += errors
                if self.progress:
                    self.progress.skipped(stories, errors)
                continue
            yield partition

    def _finished(self, result: PartitionResult, summary: RunSummary) -> None:
        self.store.write(result.index, result.key, result.stories, result.pairs)
        summary.stories += result.stories.num_rows
        summary.errors += result.errors
        if self.progress:
            self.progress.advance(result.stories.num_rows, result.errors)

    def run(self) -> RunSummary:
        """Run to the end (or until interrupted: what is finished stays finished)."""
        summary = RunSummary()
        start = time.monotonic()
        try:
            if self.workers == 0 and not self.scheduler:
                for partition in self.pending(summary):
                    self._finished(
                        compare_partition(self.archive, partition, self.with_quotes), summary
                    )
            else:
                self._run_dask(summary)
            if not summary.failed:
                self.store.forget_from(summary.partitions)
        finally:
            summary.seconds = time.monotonic() - start
            if self.progress:
                self.progress.finish()
        return summary

    def _run_dask(self, summary: RunSummary) -> None:
        # distributed has no type hints: its names are used as untyped here
        distributed: Any = importlib.import_module("distributed")
        Client, LocalCluster = distributed.Client, distributed.LocalCluster  # noqa: N806
        as_completed = distributed.as_completed

        cluster = None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="15s")
            except (OSError, TimeoutError) as exc:
                raise BatchError(
                    f"--scheduler {self.scheduler}: no Dask scheduler answers there ({exc})"
                ) from None
        else:
            # The worker processes ignore Ctrl-C (an ignored signal stays ignored in a new
            # process): it interrupts this process, which then closes the cluster cleanly,
            # instead of every worker printing its own traceback.
            main_thread = threading.current_thread() is threading.main_thread()
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
            try:
                cluster = LocalCluster(
                    n_workers=self.workers or usable_cores(),
                    threads_per_worker=1,
                    processes=True,
                    # this machine only: the scheduler and its dashboard are not offered
                    # to the network a laptop happens to be on
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",
                    # failures reach the run as failed partitions; workers stay quiet
                    silence_logs=logging.CRITICAL,
                )
            except Exception as exc:  # noqa: BLE001 - no processes or ports to be had
                raise BatchError(f"the local Dask cluster could not start ({exc})") from None
            finally:
                if main_thread:
                    signal.signal(signal.SIGINT, previous)
            client = Client(cluster)
        try:
            summary.dashboard = client.dashboard_link
            self.say(f"Dask dashboard: {client.dashboard_link}")
            if self.scheduler:
                client.wait_for_workers(1, timeout=60)
            threads = sum(client.nthreads().values()) or 1
            todo = self.pending(summary)
            queue = as_completed()
            in_flight: dict[object, Partition] = {}

            def submit_next() -> bool:
                partition = next(todo, None)
                if partition is None:
                    return False
                future = client.submit(
                    compare_partition,
                    self.archive,
                    partition,
                    self.with_quotes,
                    key=f"comparer-batch-{partition.index}-{time.time_ns()}",
                    retries=1,
                )
                in_flight[future] = partition
                queue.add(future)
                return True

            for _ in range(2 * threads):
                if not submit_next():
                    break
            for future in queue:
                partition = in_flight.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # noqa: BLE001 - a lost worker or unreadable part
                    summary.failed.append(
                        f"partition {partition.index}: {type(exc).__name__}: {exc}"
                    )
                else:
                    self._finished(result, summary)
                future.release()
                submit_next()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

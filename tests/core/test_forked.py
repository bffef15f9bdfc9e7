"""Tests for comparer.core.forked: work in a child process gives the same answer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from comparer.core.compare import compare
from comparer.core.forked import ForkedCall, can_fork
from comparer.export.json_export import dumps
from comparer.formats import load_path

DATA = Path(__file__).resolve().parent.parent / "data" / "bridge"

needs_fork = pytest.mark.skipif(not can_fork(), reason="no second core or no fork here")


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@needs_fork
def test_the_value_comes_from_a_child_process() -> None:
    call = ForkedCall(lambda: _pid_and_square(12))
    assert call.forked
    pid, value = call.result()
    assert value == 144
    assert pid != os.getpid()


@needs_fork
@pytest.mark.parametrize("failure", ["raise", "exit", "unpicklable"])
def test_a_failing_child_is_replaced_by_doing_the_work_here(failure: str) -> None:
    parent = os.getpid()

    def work() -> object:
        if os.getpid() != parent:
            if failure == "raise":
                raise RuntimeError("boom")
            if failure == "exit":
                os._exit(3)
            return lambda: None  # cannot be pickled
        return "computed in the parent"

    call = ForkedCall(work)
    assert call.forked
    assert call.result() == "computed in the parent"


def test_without_fork_the_work_waits_for_the_result() -> None:
    calls: list[int] = []
    call = ForkedCall(lambda: calls.append(1) or len(calls), fork=False)
    assert not call.forked
    assert calls == []
    assert call.result() == 1
    assert call.result() == 1  # computed once
    assert calls == [1]


def test_a_parallel_comparison_equals_the_plain_one() -> None:
    versions = [load_path(DATA / name) for name in ("v1.txt", "v2.txt", "v3.txt")]
    plain = compare(versions)
    parallel = compare(versions, parallel=True)
    assert dumps(parallel) == dumps(plain)
    assert any(parallel.quotes)


def test_no_fork_while_another_thread_runs() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        call = ForkedCall(os.getpid)
        assert not call.forked
        assert call.result() == os.getpid()
    finally:
        release.set()
        other.join()

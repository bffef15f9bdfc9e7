"""Tests for comparer.core.forked: work in a child process gives the same answer.

A test process that has started Qt runs other threads, and then (rightly) never forks. The
tests that need a real child therefore run their body in a fresh interpreter, which runs
one thread, so that they are not skipped whenever the window's tests ran first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from comparer.core.forked import ForkedCall, can_fork, usable_cores

DATA = Path(__file__).resolve().parent.parent / "data" / "bridge"

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform in ("darwin", "win32") or usable_cores() < 2,
    reason="no second core or no fork here",
)


def _in_fresh_interpreter(body: str) -> dict[str, object]:
    """Run ``body`` in a new Python process and return the JSON object it prints last."""
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(body)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


@needs_fork
def test_the_value_comes_from_a_child_process() -> None:
    seen = _in_fresh_interpreter(
        """
        import json, os
        from comparer.core.forked import ForkedCall
        call = ForkedCall(lambda: (os.getpid(), 12 * 12))
        forked = call.forked
        pid, value = call.result()
        print(json.dumps({"forked": forked, "value": value, "child": pid != os.getpid()}))
        """
    )
    assert seen == {"forked": True, "value": 144, "child": True}


@needs_fork
@pytest.mark.parametrize("failure", ["raise", "exit", "unpicklable"])
def test_a_failing_child_is_replaced_by_doing_the_work_here(failure: str) -> None:
    seen = _in_fresh_interpreter(
        f"""
        import json, os
        from comparer.core.forked import ForkedCall
        parent = os.getpid()

        def work():
            if os.getpid() != parent:
                if {failure!r} == "raise":
                    raise RuntimeError("boom")
                if {failure!r} == "exit":
                    os._exit(3)
                return lambda: None  # cannot be pickled
            return "computed in the parent"

        call = ForkedCall(work)
        forked = call.forked
        print(json.dumps({{"forked": forked, "value": call.result()}}))
        """
    )
    assert seen == {"forked": True, "value": "computed in the parent"}


def test_without_fork_the_work_waits_for_the_result() -> None:
    calls: list[int] = []
    call = ForkedCall(lambda: calls.append(1) or len(calls), fork=False)
    assert not call.forked
    assert calls == []
    assert call.result() == 1
    assert call.result() == 1  # computed once
    assert calls == [1]


@needs_fork
def test_a_parallel_comparison_equals_the_plain_one() -> None:
    seen = _in_fresh_interpreter(
        f"""
        import json
        from pathlib import Path
        from comparer.core.compare import compare
        from comparer.core.forked import can_fork
        from comparer.export.json_export import dumps
        from comparer.formats import load_path

        data = Path({str(DATA)!r})
        versions = [load_path(data / name) for name in ("v1.txt", "v2.txt", "v3.txt")]
        forks = can_fork()
        parallel = compare(versions, parallel=True)
        plain = compare(versions)
        print(json.dumps({{
            "forks": forks,
            "same": dumps(parallel) == dumps(plain),
            "quotes": sum(len(q) for q in parallel.quotes),
        }}))
        """
    )
    assert seen["forks"] is True
    assert seen["same"] is True
    assert isinstance(seen["quotes"], int) and seen["quotes"] > 0


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

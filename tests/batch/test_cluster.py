"""A run on a Dask cluster started as separate processes, as a user would on their machines.

The scheduler and two workers are started with Dask's own ``dask scheduler`` and
``dask worker`` commands, listening on loopback addresses only.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from comparer.cli import main
from tests.batch.archives import STORIES

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dask_command() -> list[str]:
    beside = Path(sys.executable).with_name("dask")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dask")
    if found is None:
        pytest.fail("the 'dask' command is not installed (it comes with dask[distributed])")
    return [found]


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """A scheduler and two single-threaded workers on 127.0.0.1; yields its address."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = _dask_command()
    logs = (tmp_path / "dask.log").open("w")
    processes = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port)]
            + ["--dashboard-address", f"127.0.0.1:{_free_port()}"],
            stdout=logs,
            stderr=logs,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        for n in range(2):
            processes.append(
                subprocess.Popen(
                    [*dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1"]
                    + ["--no-dashboard", "--no-nanny", "--name", f"test-worker-{n}"],
                    stdout=logs,
                    stderr=logs,
                    cwd=tmp_path,
                )
            )
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()  # a worker slow to leave under load: end it, and reap it
                process.wait(timeout=20)
        logs.close()


def test_a_scheduler_and_two_workers_compare_the_archive(
    newsedits: Path, cluster: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inline, remote = tmp_path / "inline", tmp_path / "remote"
    assert main(["batch", str(newsedits), "-o", str(inline), "--workers", "0"]) == 0
    args = ["batch", str(newsedits), "-o", str(remote), "--scheduler", cluster]
    assert main([*args, "--partition-size", "1"]) == 0
    assert "Dask dashboard: http://127.0.0.1:" in capsys.readouterr().err
    for table in ("stories", "pairs"):
        got = sorted(pq.read_table(remote / table).to_pylist(), key=str)
        assert got == sorted(pq.read_table(inline / table).to_pylist(), key=str)
    assert len(list((remote / "done").iterdir())) == len(STORIES)

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from comparer.batch.archive import open_archive
from comparer.batch.result_store import ResultStore
from comparer.batch.runner import BatchRunner
from tests.batch.archives import STORIES, V, write_newsedits


def _run(
    archive: Path, out: Path, workers: int, size: int = 2, say: Callable[[str], None] = print
) -> tuple[list[dict], list[dict]]:
    store = ResultStore(out)
    store.prepare({"test": 1})
    archived = open_archive(archive)
    runner = BatchRunner(archived, store, workers=workers, partition_size=size, say=say)
    summary = runner.run()
    assert summary.failed == []
    return list(store.rows("stories")), list(store.rows("pairs"))


def _key(row: dict) -> tuple[str, int]:
    return row["story_id"], row.get("pair", -1)


@pytest.mark.slow
def test_a_local_cluster_of_two_worker_processes_gives_the_same_rows(
    newsedits: Path, tmp_path: Path
) -> None:
    inline = _run(newsedits, tmp_path / "inline", workers=0)
    dashboard: list[int] = []

    def say(line: str) -> None:  # the printed dashboard address answers while the run lasts
        url = line.removeprefix("Dask dashboard: ")
        dashboard.append(urllib.request.urlopen(url, timeout=30).status)

    dask = _run(newsedits, tmp_path / "dask", workers=2, size=1, say=say)
    assert dashboard == [200]
    assert sorted(dask[0], key=_key) == sorted(inline[0], key=_key)
    assert sorted(dask[1], key=_key) == sorted(inline[1], key=_key)
    assert len(list((tmp_path / "dask" / "done").iterdir())) == len(STORIES)


def _many_stories(count: int) -> dict[str, tuple[V, ...]]:
    base = list(STORIES.values())
    return {str(1000 + n): base[n % len(base)] for n in range(count)}


def test_a_killed_run_resumes_where_it_stopped(tmp_path: Path) -> None:
    archive = write_newsedits(tmp_path / "big.db", _many_stories(60))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "comparer", "batch", str(archive), "-o", str(out)]
    command += ["--workers", "0", "--partition-size", "1"]
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    done = out / "done"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(done.glob("*.json"))) < 3:
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    finished = {p.name for p in done.glob("*.json")}
    assert 3 <= len(finished) < 60
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0
    assert f"{len(finished)} partitions already done" in result.stderr
    assert finished <= {p.name for p in done.glob("*.json")}
    ids = pq.read_table(out / "stories").column("story_id").to_pylist()
    assert sorted(ids) == sorted(_many_stories(60))  # every story once, none twice


def test_a_rerun_after_the_archive_shrank_forgets_the_stories_it_lost(tmp_path: Path) -> None:
    archive = write_newsedits(tmp_path / "n.db")
    out = tmp_path / "out"
    assert len(_run(archive, out, workers=0, size=1)[0]) == 4
    with sqlite3.connect(archive) as connection:
        connection.execute("DELETE FROM entryversion WHERE entry_id = 104")
        connection.execute("DELETE FROM split_sentences WHERE entry_id = 104")
    connection.close()
    stories, _ = _run(archive, out, workers=0, size=1)
    assert sorted(s["story_id"] for s in stories) == ["101", "102", "103"]
    assert sorted(pq.read_table(out / "stories").column("story_id").to_pylist()) == [
        "101",
        "102",
        "103",
    ]


def test_a_part_file_left_half_written_never_spoils_reading_the_results(tmp_path: Path) -> None:
    archive = write_newsedits(tmp_path / "n.db")
    out = tmp_path / "out"
    _run(archive, out, workers=0)
    (out / "pairs" / ".part-00007.parquet.tmp").write_bytes(b"PAR1 cut short")
    assert pq.read_table(out / "pairs").num_rows == 4


@pytest.mark.slow
def test_ctrl_c_stops_the_cluster_with_one_line_and_keeps_what_is_done(tmp_path: Path) -> None:
    archive = write_newsedits(tmp_path / "big.db", _many_stories(400))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "comparer", "batch", str(archive), "-o", str(out)]
    command += ["--workers", "2", "--partition-size", "1", "--progress", "never"]
    # a terminal's Ctrl-C reaches every process of the foreground group: here, a new one
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    done = out / "done"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and len(list(done.glob("*.json"))) < 2:
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 2
    assert "interrupted; finished partitions are kept" in err
    assert "Traceback" not in err, err
    assert 2 <= len(list(done.glob("*.json"))) < 400

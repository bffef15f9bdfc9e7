"""Stories per second of ``comparer batch`` without Dask and on Dask with 1 and 2 workers.

Usage: python benchmarks/bench_batch.py [--stories 2000] [--versions 5] [--sample 30]
                                        [--memory 1000]
(``--sample 0`` or ``--memory 0`` leave out those parts.)

Makes a NewsEdits-style SQLite archive of ``--stories`` stories of ``--versions``
versions, about 10 KB each (news-like prose from this script's own generator: figures,
quotes with speakers, and between versions reworded sentences, changed figures, added,
removed and moved paragraphs, dropped and new sources). Then, in one run:

1. one process without Dask (``--workers 0``), in this process;
2. Dask's LocalCluster with one worker process, then with two (the cluster's start-up,
   a few seconds paid once per run, is timed apart from the stories per second);
3. the per-pair cost of the batch against ``comparer compare --format json`` run as its
   own process for each of ``--sample`` pairs of the same archive (start-up paid per pair);
4. the client's peak memory (resident set, sampled every 20 ms) for an archive of
   ``--memory`` small stories and one of ten times as many, run on a scheduler and
   two workers started as separate processes, so the client process is the client alone.

Prints the figures as Markdown lines for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from comparer.batch.archive import open_archive
from comparer.batch.result_store import ResultStore
from comparer.batch.runner import BatchRunner

NAMES = [
    "Ana Ruiz",
    "Tomas Berg",
    "Maria Lind",
    "Peter Holm",
    "Grace Okafor",
    "Lena Vogel",
    "Samir Haddad",
    "Joan Pritchard",
    "Kenji Mori",
    "Rosa Delgado",
    "Ivan Petrov",
]
ROLES = [
    "the mayor",
    "a police spokesman",
    "the minister",
    "an aid worker",
    "a witness",
    "the company's chief executive",
    "a union leader",
    "the council's engineer",
]
PLACES = ["Marisol", "Kestrel Bay", "Oldbridge", "Northfield", "Port Amara", "Linden"]
NOUNS = ["residents", "officials", "workers", "families", "volunteers", "students", "patients"]
VERBS = ["said", "reported", "confirmed", "warned", "added", "estimated"]
THINGS = [
    "the bridge",
    "the hospital",
    "the harbour",
    "the school",
    "the power station",
    "the main road",
    "the market",
    "the water supply",
]
EVENTS = ["flood", "fire", "strike", "storm", "election", "outbreak", "collapse"]


def _sentence(rng: random.Random) -> str:
    n = rng.randint(2, 900)
    forms = [
        f"At least {n} {rng.choice(NOUNS)} were affected by the {rng.choice(EVENTS)} in "
        f"{rng.choice(PLACES)}, {rng.choice(NOUNS)} {rng.choice(VERBS)}.",
        f"Repairs to {rng.choice(THINGS)} will cost about ${rng.randint(2, 90)}m and take "
        f"{rng.randint(2, 30)} weeks, according to the council.",
        f"The {rng.choice(EVENTS)} began on {rng.randint(1, 28)} May and by the evening "
        f"{rng.randint(10, 95)}% of {rng.choice(THINGS)} was closed.",
        f"Many {rng.choice(NOUNS)} spent the night near {rng.choice(THINGS)}, waiting for "
        "news that did not come until the early hours.",
        f"Last year {n} {rng.choice(NOUNS)} lived in the district, {rng.randint(3, 40)} more "
        "than a decade ago.",
    ]
    return rng.choice(forms)


def _quote(rng: random.Random, name: str) -> str:
    said = " ".join(_sentence(rng).split()[:12]).rstrip(",.")
    return f"\u201c{said},\u201d said {name}, {rng.choice(ROLES)}."


def _paragraph(rng: random.Random, speakers: list[str]) -> str:
    if rng.random() < 0.25:
        return _quote(rng, rng.choice(speakers))
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def make_story(
    rng: random.Random, versions: int, size: int = 10_000
) -> list[tuple[str, list[str]]]:
    """A story as (headline, paragraphs) per version, each about ``size`` characters."""
    speakers = rng.sample(NAMES, 4)
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < size:
        paragraphs.append(_paragraph(rng, speakers))
    toll = rng.randint(5, 90)
    place = rng.choice(PLACES)
    out = [(f"{rng.choice(EVENTS).title()} in {place}: {toll} dead", list(paragraphs))]
    for _ in range(versions - 1):
        paragraphs = list(paragraphs)
        for k in range(len(paragraphs)):
            r = rng.random()
            if r < 0.06:
                words = paragraphs[k].split(" ")
                for _ in range(3):
                    words[rng.randrange(len(words))] = rng.choice(["reportedly", "however", "new"])
                paragraphs[k] = " ".join(words)
            elif r < 0.09:  # a figure changes
                paragraphs[k] = re.sub(
                    r"\d+",
                    lambda m: str(int(m.group()) + rng.randint(1, 9)),
                    paragraphs[k],
                    count=1,
                )
        if rng.random() < 0.5 and len(paragraphs) > 3:
            paragraphs.pop(rng.randrange(len(paragraphs)))
        if rng.random() < 0.7:
            paragraphs.insert(
                rng.randrange(len(paragraphs)), _paragraph(rng, speakers + [rng.choice(NAMES)])
            )
        if rng.random() < 0.3:
            paragraphs.insert(
                rng.randrange(len(paragraphs)), paragraphs.pop(rng.randrange(len(paragraphs)))
            )
        if rng.random() < 0.4:
            toll += rng.randint(1, 12)
        out.append((f"{rng.choice(EVENTS).title()} in {place}: {toll} dead", paragraphs))
    return out


def make_archive(
    path: Path, stories: int, versions: int, size: int = 10_000, seed: int = 7
) -> Path:
    """A NewsEdits-style database (``entryversion`` with ``<p>`` paragraphs)."""
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE entryversion (id INTEGER PRIMARY KEY, entry_id INTEGER, version INTEGER, "
        "title TEXT, created TEXT, url TEXT, summary TEXT)"
    )
    for entry_id in range(1, stories + 1):
        minutes = 0
        rows = []
        for number, (title, paragraphs) in enumerate(make_story(rng, versions, size), start=1):
            created = f"2021-03-01 {6 + minutes // 60:02d}:{minutes % 60:02d}:00"
            minutes += rng.randint(5, 90)
            summary = "".join(f"<p>{p}</p>" for p in paragraphs)
            rows.append(
                (entry_id, number, title, created, f"https://example.org/{entry_id}", summary)
            )
        connection.executemany(
            "INSERT INTO entryversion (entry_id, version, title, created, url, summary) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    connection.execute("CREATE INDEX entryversion_entry ON entryversion (entry_id)")
    connection.commit()
    connection.close()
    return path


def run_batch(archive: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds to start the local Dask cluster (0 without Dask), and for the run itself."""
    store = ResultStore(out)
    store.prepare({"bench": workers})
    cluster = None
    start = time.perf_counter()
    if workers:
        from distributed import LocalCluster

        # as ``comparer batch`` starts it, but here, so that start-up is timed apart
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        )
    startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        summary = BatchRunner(
            open_archive(archive),
            store,
            workers=workers,
            scheduler=cluster.scheduler_address if cluster else None,
            say=lambda _: None,
        ).run()
        seconds = time.perf_counter() - start
    finally:
        if cluster is not None:
            cluster.close()
    assert not summary.failed, summary.failed
    return startup, seconds


def per_pair_process(archive: Path, sample: int, folder: Path) -> list[float]:
    """Seconds of ``comparer compare --format json`` as a process, for ``sample`` pairs."""
    from comparer.batch.sqlite_archive import SqliteArchive

    db = SqliteArchive.open(str(archive))
    times = []
    rng = random.Random(3)
    ids = rng.sample(range(1, db.count_stories() + 1), sample)
    for entry_id in ids:
        story = db.story(str(entry_id))
        k = rng.randrange(len(story.versions) - 1)
        a, b = folder / f"{entry_id}-a.txt", folder / f"{entry_id}-b.txt"
        a.write_text(story.versions[k].version.text, encoding="utf-8")
        b.write_text(story.versions[k + 1].version.text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "comparer", "compare", "--format", "json", str(a), str(b)],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        times.append(time.perf_counter() - start)
    return times


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def client_peak_memory(archive: Path, out: Path, address: str) -> float:
    """Peak resident memory (MB) of a ``comparer batch --scheduler`` client process."""
    command = [sys.executable, "-m", "comparer", "batch", str(archive), "-o", str(out)]
    child = subprocess.Popen(
        [*command, "--scheduler", address, "--progress", "never"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, process.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.02)
    assert child.returncode == 0
    return peak / 1e6


def memory_runs(folder: Path, stories: int) -> tuple[float, float]:
    """Client peaks for ``stories`` and ten times as many small stories."""
    dask = [str(Path(sys.executable).with_name("dask"))]
    if not Path(dask[0]).exists():
        dask = [shutil.which("dask") or "dask"]
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [
        subprocess.Popen(
            [
                *dask,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--dashboard-address",
                f"127.0.0.1:{_free_port()}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    time.sleep(2)
    for _ in range(2):
        processes.append(
            subprocess.Popen(
                [
                    *dask,
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--host",
                    "127.0.0.1",
                    "--no-nanny",
                    "--no-dashboard",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    try:
        small = make_archive(folder / "small.db", stories, 2, size=400, seed=11)
        large = make_archive(folder / "large.db", stories * 10, 2, size=400, seed=12)
        return (
            client_peak_memory(small, folder / "small-out", address),
            client_peak_memory(large, folder / "large-out", address),
        )
    finally:
        for process in processes[::-1]:
            process.terminate()
            process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--memory", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="comparer-bench-batch-"))
    try:
        archive = make_archive(folder / "archive.db", args.stories, args.versions)
        size = archive.stat().st_size / 1e6
        pairs = args.stories * (args.versions - 1)
        print(f"archive: {args.stories} stories x {args.versions} versions, {size:.0f} MB")
        rates = {}
        for label, workers in (
            ("one process, no Dask", 0),
            ("Dask, 1 worker", 1),
            ("Dask, 2 workers", 2),
        ):
            startup, seconds = run_batch(archive, folder / f"out-{workers}", workers)
            rates[workers] = args.stories / seconds
            whole = args.stories / (startup + seconds)
            print(
                f"{label}: {rates[workers]:.1f} stories/s, {seconds / pairs * 1000:.1f} ms per "
                f"pair ({seconds:.1f} s; cluster start-up {startup:.1f} s, with it "
                f"{whole:.1f} stories/s; load average after: {os.getloadavg()[0]:.1f} on "
                f"{os.cpu_count()} cores)",
                flush=True,
            )
        print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (target: at least 1.8x)")
        batch_pair = 1 / rates[0] * args.stories / pairs
        if not args.sample:
            return
        times = per_pair_process(archive, args.sample, folder)
        process_pair = statistics.median(times)
        print(
            f"comparer compare as a process per pair: median {process_pair * 1000:.0f} ms "
            f"over {len(times)} pairs; batch per pair {batch_pair * 1000:.1f} ms: "
            f"{process_pair / batch_pair:.1f}x cheaper (target: at least 5x)"
        )
        if not args.memory:
            return
        small, large = memory_runs(folder, args.memory)
        print(
            f"client peak memory: {args.memory} stories {small:.0f} MB, "
            f"{args.memory * 10} stories {large:.0f} MB ({large / small:.2f}x)"
        )

    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

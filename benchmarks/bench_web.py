"""Time opening a page's history of 20 captures: one at a time or 3 at a time, then from the cache.

Run: ``python benchmarks/bench_web.py [--runs N] [--latency S]``. The archive is the tests'
fake one on 127.0.0.1, holding 20 distinct captures of an invented story (each about
40 KB); every answer is delayed by ``--latency`` seconds to stand for a real archive's
round trip. Nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.archive_server import Behaviour, FakeArchive, start, stop  # noqa: E402
from tests.web.pages import VERSIONS, page  # noqa: E402

from comparer.web.history import HistoryRequest, load_versions  # noqa: E402
from comparer.web.options import WebOptions  # noqa: E402

CAPTURES = 20


def _archive(latency: float) -> tuple[FakeArchive, object, object, str]:
    archive = FakeArchive()
    server, thread = start(archive)
    filler = tuple(
        f"Paragraph {k} of the background to the story, repeated to give the page a "
        f"realistic length for a news article with its page furniture. " * 3
        for k in range(60)
    )
    for index in range(CAPTURES):
        text = (*VERSIONS[index % 4][:-1], f"Update {index}: {index + 3} crews on site.")
        stamp = f"202403{index + 1:02d}100000"
        archive.add("/news/story", stamp, page(text + filler))
        url = archive.address("/news/story")
        archive.behaviours[f"/web/{stamp}id_/{url}"] = Behaviour(delay=latency)
    archive.behaviours["/cdx/search/cdx"] = Behaviour(delay=latency)
    return archive, server, thread, archive.address("/news/story")


def _time(options: WebOptions, url: str, cold: bool) -> float:
    if cold:
        options = replace(options, cache_dir=Path(tempfile.mkdtemp(prefix="comparer-bench-")))
    start = time.perf_counter()
    history = load_versions(url, options, HistoryRequest(live=False, captures=CAPTURES))
    elapsed = time.perf_counter() - start
    assert len(history.versions) == CAPTURES, history.notes
    return elapsed


def main() -> None:
    """Print a Markdown table of medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    archive, server, thread, url = _archive(args.latency)
    try:
        base = WebOptions(archive_url=archive.url, trust_env=False)
        warm = replace(base, cache_dir=Path(tempfile.mkdtemp(prefix="comparer-bench-")))
        _time(warm, url, cold=False)  # fills the cache
        rows = [
            ("1 at a time, nothing cached", replace(base, parallel=1), True),
            ("3 at a time, nothing cached (default)", base, True),
            ("second opening: captures cached", warm, False),
        ]
        results = {
            name: statistics.median(_time(opts, url, cold) for _ in range(args.runs))
            for name, opts, cold in rows
        }
    finally:
        stop(server, thread)  # type: ignore[arg-type]
    print(f"{CAPTURES} captures, {args.latency:g} s per answer; medians of {args.runs} runs\n")
    print("| how | time |\n|---|---|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.2f} s |")
    one, three = results[rows[0][0]], results[rows[1][0]]
    print(f"\n- 3 at a time vs 1 at a time: {one / three:.1f}x faster")
    print(f"- cached vs 3 at a time: {three / results[rows[2][0]]:.1f}x faster")


if __name__ == "__main__":
    main()

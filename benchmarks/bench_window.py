"""Window benchmark: time to a painted window for three sizes, and the longest scroll stall.

Usage: python benchmarks/bench_window.py [--runs N] [--sizes 10000,1000000,5000000]

Pairs come from the shared corpus maker (``make_corpus.py SIZE OLD NEW``). The start-up
figure is the wall time of ``comparer OLD NEW --screenshot PNG``: process start, loading,
comparing and painting the first screen. The scroll figure is measured in-process: the
5 MB comparison is scrolled from top to bottom one screen at a time, each step timed
through the repaint it causes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAKE_CORPUS = Path(
    os.environ.get(
        "COMPARER_MAKE_CORPUS",
        str(Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_corpus.py"),
    )
)
LABELS = {10_000: "10 KB", 1_000_000: "1 MB", 5_000_000: "5 MB"}


def make_pair(folder: Path, size: int) -> tuple[str, str]:
    """Write an old/new pair of about ``size`` bytes; returns their paths."""
    old, new = folder / f"old_{size}.txt", folder / f"new_{size}.txt"
    if not old.exists():
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), str(size), str(old), str(new)], check=True
        )
    return str(old), str(new)


def time_to_paint(old: str, new: str, out: Path) -> float:
    """Seconds from starting ``comparer OLD NEW --screenshot`` to its exit."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "comparer",
            old,
            new,
            "--screenshot",
            str(out),
            "--size",
            "1400x900",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def scroll_stalls(old: str, new: str) -> list[float]:
    """Milliseconds taken by each one-screen scroll step, top to bottom."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from comparer.ui.app import make_application
    from comparer.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(persist=False)
    window.resize(1400, 900)
    window.show()
    done = {"speakers": False}
    window.speakers_ready.connect(lambda: done.update(speakers=True))
    window.open_files([old, new])
    deadline = time.time() + 600
    # Wait for the background work (comparison, then speakers) so the steps measure scrolling.
    while (window.is_busy() or not done["speakers"]) and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    view = window.view
    bar = view.verticalScrollBar()
    QApplication.processEvents()
    steps: list[float] = []
    while bar.value() < bar.maximum():
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        window.strip.repaint()
        QApplication.processEvents()
        steps.append((time.perf_counter() - start) * 1000)
    window.close()
    return steps


def main() -> int:
    """Run the benchmark and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,1000000,5000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="comparer-bench-") as tmp:
        folder = Path(tmp)
        pairs = {size: make_pair(folder, size) for size in sizes}
        medians: dict[int, float] = {}
        for size, (old, new) in pairs.items():
            times = [time_to_paint(old, new, folder / "shot.png") for _ in range(args.runs)]
            medians[size] = statistics.median(times)
            label = LABELS.get(size, f"{size} B")
            print(
                f"start to painted window, {label}: median {medians[size]:.2f} s "
                f"({', '.join(f'{t:.2f}' for t in times)})"
            )
        if 10_000 in medians and 1_000_000 in medians:
            ratio = medians[1_000_000] / medians[10_000]
            print(f"1 MB / 10 KB: {ratio:.2f}x (target: at most 3x)")
        biggest = max(sizes)
        steps = scroll_stalls(*pairs[biggest])
        if steps:
            print(
                f"scrolling {LABELS.get(biggest, biggest)} top to bottom: {len(steps)} steps, "
                f"median {statistics.median(steps):.1f} ms, longest {max(steps):.1f} ms "
                "(target: under 50 ms)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

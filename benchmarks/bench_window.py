"""Window benchmark: start-up against Meld, time to a painted window for three sizes, scrolling.

Usage: python benchmarks/bench_window.py [--runs N] [--sizes 10000,1000000,5000000]
       python benchmarks/bench_window.py --startup-only [--startup-runs 5]

**Start-up against Meld** (needs Xvfb, xdotool and Meld: Debian ``xvfb xdotool meld``):
on one Xvfb server, Comparer and Meld open the two seed versions in turns, each as a fresh
process, and the clock runs from the launch. Comparer runs on Qt's X11 platform and
reports (``COMPARER_REPORT_PAINT``) when its window and then the comparison are first
painted; Meld's window is timed from outside, by polling every 5 ms for it to be mapped
(``xdotool search --onlyvisible``); a Meld that fails to start is run again, and said so.
A first, untimed run of each warms the disk cache; Comparer's modules are compiled to
bytecode first, as installing it does.

Pairs come from the shared corpus maker (``make_corpus.py SIZE OLD NEW``). The start-up
figure is the wall time of ``comparer OLD NEW --screenshot PNG``: process start, loading,
comparing and painting the first screen. The scroll figure is measured in-process: the
5 MB comparison is scrolled from top to bottom one screen at a time, each step timed
through the repaint it causes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAKE_CORPUS = Path(
    os.environ.get(
        "COMPARER_MAKE_CORPUS",
        str(Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_corpus.py"),
    )
)
LABELS = {10_000: "10 KB", 1_000_000: "1 MB", 5_000_000: "5 MB"}
SEEDS = sorted(
    Path(
        os.environ.get(
            "COMPARER_SEEDS",
            str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"),
        )
    ).glob("*.txt")
)[:2]
STARTUP_TIMEOUT = 60.0


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb server for the duration; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        yield display
    finally:
        server.terminate()
        server.wait()


def time_comparer(display: str, files: list[Path], config: Path) -> tuple[float, float]:
    """Seconds from launching ``comparer FILES`` to its window and its comparison painted."""
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        COMPARER_REPORT_PAINT="1",
        XDG_CONFIG_HOME=str(config),
    )
    env.pop("WAYLAND_DISPLAY", None)
    start = time.time()
    process = subprocess.Popen(
        [sys.executable, "-m", "comparer", *map(str, files)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    painted: dict[str, float] = {}
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if line.startswith("comparer: ") and " painted at " in line:
                what = line.split()[1]
                painted[what] = float(line.rsplit(" ", 1)[1]) - start
            if "comparison" in painted:
                break
    finally:
        process.terminate()
        process.wait(10)
    if "comparison" not in painted:
        raise RuntimeError("comparer exited before painting the comparison")
    return painted.get("window", painted["comparison"]), painted["comparison"]


def time_meld(display: str, files: list[Path]) -> float:
    """Seconds from launching ``meld FILES`` to its window being mapped on the screen."""
    env = dict(os.environ, DISPLAY=display)
    env.pop("WAYLAND_DISPLAY", None)
    start = time.time()
    process = subprocess.Popen(
        ["meld", *map(str, files)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.time() - start < STARTUP_TIMEOUT:
            # The server is this benchmark's own: any Meld window on it is this one.
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--class", "meld"],
                env=env,
                capture_output=True,
                check=False,
            )
            if found.returncode == 0 and found.stdout.strip():
                return time.time() - start
            time.sleep(0.005)
            if process.poll() is not None:
                break
    finally:
        process.terminate()
        process.wait(10)
    raise RuntimeError(f"meld showed no window (exit status {process.returncode})")


def startup_against_meld(runs: int) -> None:
    """Time Comparer and Meld opening the seeds, in turns, and print the medians."""
    missing = [tool for tool in ("Xvfb", "xdotool", "meld") if shutil.which(tool) is None]
    if len(SEEDS) < 2 or missing:
        print(f"start-up against Meld: skipped (missing: {', '.join(missing) or 'the seeds'})")
        return
    # Installing Comparer compiles its modules to bytecode; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile them from source at every start instead.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "src")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    comparer_window: list[float] = []
    comparer_painted: list[float] = []
    meld_window: list[float] = []
    with xvfb() as display, tempfile.TemporaryDirectory(prefix="comparer-cfg-") as config:
        time_comparer(display, SEEDS, Path(config))  # warm-up, not counted
        time_meld(display, SEEDS)
        for _ in range(runs):
            window, painted = time_comparer(display, SEEDS, Path(config))
            comparer_window.append(window)
            comparer_painted.append(painted)
            try:
                meld_window.append(time_meld(display, SEEDS))
            except RuntimeError as exc:  # a rare failed start: say so, and try once more
                print(f"  (Meld run repeated: {exc})")
                meld_window.append(time_meld(display, SEEDS))

    def line(label: str, times: list[float]) -> str:
        listed = ", ".join(f"{t:.2f}" for t in times)
        return f"  {label}: median {statistics.median(times):.3f} s ({listed})"

    print(f"start-up on the seeds, {runs} runs each, in turns, one Xvfb server:")
    print(line("Comparer window painted    ", comparer_window))
    print(line("Comparer comparison painted", comparer_painted))
    print(line("Meld window shown          ", meld_window))
    ratio = statistics.median(comparer_painted) / statistics.median(meld_window)
    print(f"  comparison painted / Meld's window: {ratio:.2f}x (target: at most 1x)")


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
    window.opener.open_files([old, new])
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
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument(
        "--startup-only", action="store_true", help="only the start-up against Meld"
    )
    args = parser.parse_args()
    startup_against_meld(args.startup_runs)
    if args.startup_only:
        return 0
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

"""Time quote extraction (``extract_quotes``) on 100 KB, 1 MB and 5 MB of real prose.

Usage: python benchmarks/bench_quotes.py [--sizes 100000,1000000,5000000] [--runs 5]

The articles come from ``shared/bench/make_corpus.py`` (the first version of each pair),
loaded with Comparer's own loader; a last row joins the largest one into a single
paragraph, the worst case for per-paragraph work. Only extraction is timed, in process
(loading is not), and the median of ``--runs`` runs is printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from comparer.core.quotes import extract_quotes
from comparer.core.version import Paragraph, Role
from comparer.formats import load_path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def _make(size: int, folder: Path) -> Path:
    a, b = folder / f"a_{size}.txt", folder / f"b_{size}.txt"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(size), str(a), str(b)], check=True)
    return a


def _time(text: str, paragraphs: list[Paragraph], runs: int) -> tuple[float, int]:
    times: list[float] = []
    count = 0
    for _ in range(runs):
        started = time.perf_counter()
        count = len(extract_quotes(text, paragraphs))
        times.append(time.perf_counter() - started)
    return statistics.median(times), count


def main() -> int:
    """Print the table; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not MAKE_CORPUS.exists():
        print(f"make_corpus.py not found at {MAKE_CORPUS}", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[str, int, int, int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            version = load_path(str(_make(size, Path(tmp))))
            paragraphs = list(version.paragraphs)
            median, count = _time(version.text, paragraphs, args.runs)
            rows.append((f"{size // 1000:,} KB", len(version.text), len(paragraphs), count, median))
        # the largest article as one paragraph: quote marks and sentences in one long run
        joined = " ".join(
            version.text[p.start : p.end] for p in version.paragraphs if p.role is Role.BODY
        )
        median, count = _time(joined, [Paragraph(0, len(joined), Role.BODY)], args.runs)
        rows.append((f"{sizes[-1] // 1000:,} KB, one paragraph", len(joined), 1, count, median))
    print(f"Quote extraction, median of {args.runs} runs\n")
    print("| article | characters | paragraphs | quotes | seconds | MB/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, chars, paras, count, seconds in rows:
        rate = chars / 1e6 / seconds if seconds else float("inf")
        print(f"| {name} | {chars:,} | {paras:,} | {count:,} | {seconds:.3f} | {rate:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

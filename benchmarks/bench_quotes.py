"""Time quote extraction (``extract_quotes``) on 100 KB, 1 MB and 5 MB of real prose.

Usage: python benchmarks/bench_quotes.py [--sizes 100000,1000000,5000000] [--runs 5]

The articles come from ``shared/bench/make_corpus.py`` (the first version of each pair),
loaded with Comparer's own loader; a last row joins the largest one into a single
paragraph, the worst case for per-paragraph work. A second table times both versions of
each pair, one call per version against one ``extract_quotes_many`` call. Only extraction
is timed, in process (loading is not), and the median of ``--runs`` runs is printed as
Markdown tables.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from comparer.core.model import Paragraph, Role
from comparer.core.quotes import extract_quotes, extract_quotes_many
from comparer.formats import load_path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def _make(size: int, folder: Path) -> tuple[Path, Path]:
    a, b = folder / f"a_{size}.txt", folder / f"b_{size}.txt"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(size), str(a), str(b)], check=True)
    return a, b


def _time_pair(items: list[tuple[str, list[Paragraph]]], runs: int) -> tuple[float, float]:
    """Median seconds for both versions: one call each, and one ``extract_quotes_many``."""
    single: list[float] = []
    many: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        for text, paragraphs in items:
            extract_quotes(text, paragraphs)
        single.append(time.perf_counter() - started)
        started = time.perf_counter()
        extract_quotes_many(items)
        many.append(time.perf_counter() - started)
    return statistics.median(single), statistics.median(many)


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
    pairs: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path_a, path_b = _make(size, Path(tmp))
            version = load_path(str(path_a))
            paragraphs = list(version.paragraphs)
            median, count = _time(version.text, paragraphs, args.runs)
            rows.append((f"{size // 1000:,} KB", len(version.text), len(paragraphs), count, median))
            other = load_path(str(path_b))
            items = [(version.text, paragraphs), (other.text, list(other.paragraphs))]
            pairs.append((f"{size // 1000:,} KB", *_time_pair(items, args.runs)))
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
    print(f"\nBoth versions of a pair, median of {args.runs} runs\n")
    print("| pair | one call per version (s) | extract_quotes_many (s) |")
    print("|---|---:|---:|")
    for name, single, many in pairs:
        print(f"| {name} | {single:.3f} | {many:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

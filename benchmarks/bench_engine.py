"""Time ``comparer compare --format json`` against git, difflib and redlines on the same pairs.

A "bare Python pass" runs beside them: it only reads, splits, folds, matches equal
paragraphs and writes JSON, the floor under any engine written in Python.

Usage: python benchmarks/bench_engine.py [--sizes 10000,100000,...] [--runs 5] [--cap 120]
       python benchmarks/bench_engine.py --stages [--sizes ...] [--runs 5]
       python benchmarks/bench_engine.py --against OTHER_CHECKOUT [--sizes 5000000] [--runs 5]

Comparer's modules are compiled to bytecode first, as an install does.

Pairs come from ``shared/bench/make_corpus.py`` (real prose with realistic edits) when the
shared folder sits beside the repository, else from this script's own generator with the
same mix. Every tool runs as its own process, end to end (read both files, diff, write the
result), so start-up counts for all. Prints a Markdown table of medians, the ratios the
targets are stated in, and peak memory.

With ``--against``, times ``comparer compare --format json`` of this checkout and of another
one (an earlier commit, checked out with ``git worktree add``) on the same pairs, their runs
taken in turn, and prints both medians and their ratio: the before-and-after of a change.

With ``--stages``, times the engine's own stages instead, each run in a fresh process as
the command line runs them: loading both files, ``compare_pair`` (alignment, word changes,
numbers; no quotes) and writing the JSON document.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
COMPARER = [sys.executable, "-m", "comparer", "compare", "--format", "json"]

DIFFLIB = """
import difflib, re, sys
a = open(sys.argv[1], encoding="utf-8").read(); b = open(sys.argv[2], encoding="utf-8").read()
wa, wb = re.findall(r"\\S+|\\s+", a), re.findall(r"\\S+|\\s+", b)
ops = difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
sys.stdout.write("\\n".join(f"{t} {i1} {i2} {j1} {j2}" for t, i1, i2, j1, j2 in ops))
"""
# The floor for any Python engine: read both files, split paragraphs at blank lines, fold
# curly quotes, match equal paragraphs with a dictionary, write both texts and the matches
# as JSON. No alignment of edited paragraphs, no word diff, no numbers, no quotes.
BARE = r"""
import hashlib, json, sys
from json.encoder import encode_basestring
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
digests = hashlib.sha256(a).hexdigest(), hashlib.sha256(b).hexdigest()
ta, tb = a.decode("utf-8"), b.decode("utf-8")
fold = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
first = {}
for i, p in enumerate(ta.split("\n\n")):
    first.setdefault(p.translate(fold), i)
matches = [first.get(p.translate(fold), -1) for p in tb.split("\n\n")]
sys.stdout.write("".join(['{"a":', encode_basestring(ta), ',"b":', encode_basestring(tb),
                          ',"matches":', json.dumps(matches), "}"]))
"""
REDLINES = """
import sys
from redlines import Redlines
a = open(sys.argv[1], encoding="utf-8").read(); b = open(sys.argv[2], encoding="utf-8").read()
sys.stdout.write(Redlines(a, b).output_markdown)
"""
MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
try:
    done = subprocess.run(
        sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        timeout=float(sys.argv[1]),
    )
    took = time.perf_counter() - t
except subprocess.TimeoutExpired:
    took = -1.0
else:
    # 0 and 1 are "same" and "different" for diff-like tools; a traceback is a failure
    if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
        sys.exit("the tool failed: " + done.stderr.decode(errors="replace")[-500:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(took, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


STAGES = """
import sys, time
from comparer.core.compare import compare_pair
from comparer.core.model import CompareOptions, Comparison
from comparer.export.json_export import dumps
from comparer.formats import load_path
t0 = time.perf_counter()
old, new = load_path(sys.argv[1]), load_path(sys.argv[2])
t1 = time.perf_counter()
pair = compare_pair(old, new)
t2 = time.perf_counter()
dumps(Comparison((old, new), (pair,), (), (), CompareOptions()))
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def make_pair(size: int, folder: Path) -> tuple[Path, Path]:
    old, new = folder / f"old_{size}.txt", folder / f"new_{size}.txt"
    if MAKE_CORPUS.exists():
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), str(size), str(old), str(new)], check=True
        )
    else:
        own_generator(size, old, new)
    return old, new


def own_generator(size: int, old: Path, new: Path) -> None:
    """The same mix of edits as the shared generator, from this repository's own prose."""
    rng = random.Random(7)
    source = " ".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").rglob("*.txt"))
    )
    words = re.findall(r"\S+", source) or ["news"]
    a, total = [], 0
    while total < size:
        p = " ".join(rng.choice(words) for _ in range(rng.randint(25, 70)))
        p += f' At least {rng.randint(2, 900)} were counted, "officials said".'
        a.append(p)
        total += len(p) + 2
    b = []
    for p in a:
        r = rng.random()
        if r < 0.02:
            continue
        if r < 0.04:
            b.append(" ".join(rng.choice(words) for _ in range(40)))
        if r < 0.10:
            w = p.split(" ")
            for _ in range(3):
                w[rng.randrange(len(w))] = rng.choice(["reportedly", "however", "officials"])
            p = " ".join(w)
        if rng.random() < 0.03:
            p = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), p, count=1)
        if rng.random() < 0.2:
            p = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", p)
        b.append(p)
    for _ in range(max(1, len(b) // 100)):
        b.insert(rng.randrange(len(b)), b.pop(rng.randrange(len(b))))
    old.write_text("\n\n".join(a) + "\n", encoding="utf-8")
    new.write_text("\n\n".join(b) + "\n", encoding="utf-8")


def measure(cmd: list[str], cap: float) -> tuple[float, int]:
    took, peak, _ = measure_cpu(cmd, cap)
    return took, peak


def measure_cpu(cmd: list[str], cap: float) -> tuple[float, int, float]:
    """Wall seconds, peak memory (KB) and CPU seconds (user and system, children included)."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cap), *cmd], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def tools(old: Path, new: Path) -> dict[str, list[str]]:
    found = {
        "comparer": [*COMPARER, str(old), str(new)],
        "comparer --no-quotes": [*COMPARER, "--no-quotes", str(old), str(new)],
    }
    if shutil.which("git"):
        found["git word diff"] = [
            "git",
            "diff",
            "--no-index",
            "--word-diff=porcelain",
            str(old),
            str(new),
        ]
    found["bare Python pass"] = [sys.executable, "-c", BARE, str(old), str(new)]
    found["difflib (words)"] = [sys.executable, "-c", DIFFLIB, str(old), str(new)]
    try:
        import redlines  # noqa: F401

        found["redlines"] = [sys.executable, "-c", REDLINES, str(old), str(new)]
    except ImportError:
        pass
    return found


def stages(sizes: list[int], runs: int) -> int:
    """Print the median seconds of each engine stage, per size."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            old, new = make_pair(size, Path(tmp))
            timings = [
                [
                    float(x)
                    for x in subprocess.run(
                        [sys.executable, "-c", STAGES, str(old), str(new)],
                        capture_output=True,
                        text=True,
                        check=True,
                        env=env,
                    ).stdout.split()
                ]
                for _ in range(runs)
            ]
            rows.append(
                (size, [statistics.median(column) for column in zip(*timings, strict=True)])
            )
    print(f"Medians of {runs} runs, each in a fresh process.\n")
    print("| size | load both | compare_pair | JSON |")
    print("|---|---|---|---|")
    for size, (load, pair, export) in rows:
        print(f"| {size / 1000:g} KB | {load:.3f} s | {pair:.3f} s | {export:.3f} s |")
    return 0


def against(other: Path, sizes: list[int], runs: int, cap: float) -> int:
    """Print the medians of this checkout's and ``other``'s Comparer, run in turn, per size."""
    other_src = other.resolve() / "src"
    if not (other_src / "comparer").is_dir():
        print(f"{other}: no src/comparer there", file=sys.stderr)
        return 2
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(other_src)], check=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            old, new = make_pair(size, Path(tmp))
            cmd = [*COMPARER, str(old), str(new)]
            other_cmd = ["env", f"PYTHONPATH={other_src}", *cmd]
            mine: list[tuple[float, int, float]] = []
            theirs: list[tuple[float, int, float]] = []
            for _ in range(runs):
                theirs.append(measure_cpu(other_cmd, cap))
                mine.append(measure_cpu(cmd, cap))
            rows.append(
                (
                    size,
                    statistics.median(t[0] for t in theirs),
                    statistics.median(t[0] for t in mine),
                    statistics.median(t[2] for t in theirs),
                    statistics.median(t[2] for t in mine),
                )
            )
    print(
        f"Medians of {runs} runs each, the two checkouts taken in turn. Wall time is what a"
        " user waits; CPU time (user and system, forked quote finders included) is what the"
        " work costs, and is less swayed by other load on the machine.\n"
    )
    print(
        f"| size | wall: {other.name} | wall: this | ratio | CPU: {other.name} | CPU: this | ratio |"
    )
    print("|---|---|---|---|---|---|---|")
    for size, before, after, cpu_before, cpu_after in rows:
        print(
            f"| {size / 1000:g} KB | {before:.3f} s | {after:.3f} s | {after / before:.2f} "
            f"| {cpu_before:.3f} s | {cpu_after:.3f} s | {cpu_after / cpu_before:.2f} |"
        )
    return 0


def compile_bytecode() -> None:
    """Compile Comparer's modules to bytecode, as installing it does.

    An editable install run with ``PYTHONDONTWRITEBYTECODE`` set (as CI sets it) would
    otherwise compile every module from source at each start, some 0.1 s that an
    installed Comparer never spends.
    """
    import comparer

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(comparer.__file__).parent)],
        check=True,
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,300000,1000000,5000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--cap", type=float, default=120.0, help="give up on a tool after this many seconds"
    )
    ap.add_argument("--stages", action="store_true", help="time the engine's stages instead")
    ap.add_argument(
        "--against", metavar="CHECKOUT", help="time this checkout beside another, in turn"
    )
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    compile_bytecode()
    if args.against:
        return against(Path(args.against), sizes, args.runs, args.cap)
    if args.stages:
        return stages(sizes, args.runs)
    results: dict[tuple[str, int], tuple[float, int]] = {}
    given_up: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            old, new = make_pair(size, Path(tmp))
            for name, cmd in tools(old, new).items():
                if name in given_up:
                    continue
                times, peaks = [], []
                for _ in range(
                    args.runs
                    if name.startswith("comparer") or name in ("git word diff", "bare Python pass")
                    else max(1, args.runs // 2)
                ):
                    took, peak = measure(cmd, args.cap)
                    if took < 0:
                        given_up.add(name)
                        break
                    times.append(took)
                    peaks.append(peak)
                if times:
                    results[(name, size)] = (statistics.median(times), max(peaks))
                print(
                    f"{size:>9} {name:<16} {results.get((name, size), ('over cap', 0))}",
                    file=sys.stderr,
                )
    names = [
        "comparer",
        "comparer --no-quotes",
        "bare Python pass",
        "git word diff",
        "difflib (words)",
        "redlines",
    ]
    print(
        f"Machine: {os.cpu_count()} cores; medians of {args.runs} runs (difflib and redlines: fewer);"
        f" each tool end to end as its own process; cap {args.cap:.0f} s. Peak memory is that of"
        " the largest single process (Comparer's quote finders are forked children sharing"
        " the loaded texts with it).\n"
    )
    print("| size | " + " | ".join(names) + " | comparer peak memory |")
    print("|---" * (len(names) + 2) + "|")
    for size in sizes:
        cells = []
        for name in names:
            r = results.get((name, size))
            cells.append(
                f"{r[0]:.3f} s" if r else (f"> {args.cap:.0f} s" if name in given_up else "–")
            )
        peak = results.get(("comparer", size))
        print(
            f"| {size / 1000:g} KB | " + " | ".join(cells) + f" | {peak[1] / 1024:.0f} MB |"
            if peak
            else " | – |"
        )
    print()

    def ratio(a: tuple[str, int], b: tuple[str, int]) -> str:
        if a in results and b in results:
            return f"{results[a][0] / results[b][0]:.1f}×"
        if a[0] in given_up and b in results:  # a gave up: at least cap / b
            return f"> {args.cap / results[b][0]:.0f}×"
        return "n/a"

    big, mid = max(sizes), 300_000
    print(
        f"- comparer / git at {big / 1e6:g} MB: {ratio(('comparer', big), ('git word diff', big))} (target ≤ 10×)"
    )
    print(
        f"- comparer --no-quotes / git at {big / 1e6:g} MB:"
        f" {ratio(('comparer --no-quotes', big), ('git word diff', big))}"
    )
    print(
        f"- bare Python pass / git at {big / 1e6:g} MB:"
        f" {ratio(('bare Python pass', big), ('git word diff', big))} (the floor for any Python engine)"
    )
    print(
        f"- difflib / comparer at 300 KB: {ratio(('difflib (words)', mid), ('comparer', mid))} (target ≥ 10×)"
    )
    print(
        f"- redlines / comparer at 300 KB: {ratio(('redlines', mid), ('comparer', mid))} (target ≥ 10×)"
    )
    if 1_000_000 in sizes:
        print(
            f"- comparer 5 MB / 1 MB: {ratio(('comparer', big), ('comparer', 1_000_000))} (target ≤ 6×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

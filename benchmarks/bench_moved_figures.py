"""Time ``compare_pair`` on a pair where many sentences moved with a figure edited on the way.

Usage: python benchmarks/bench_moved_figures.py [--sentences 3000] [--runs 5] [--before SRC]

The pair is made here: paragraphs of five sentences, each with a figure; from every other
paragraph the middle sentence moves to the end of the next one, its figure raised by 3. So
every moved sentence is diffed word by word for its figures (``core.compare``'s moved
numbers), the case where that reading costs most. ``--before SRC`` also times, in turns,
the code in SRC (the ``src`` folder of another checkout, e.g. ``git archive`` of an older
commit), each run a fresh process. Prints the medians, the moves and the numbers found.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUN = r"""
import json, random, re, sys, time
from comparer.core.blocks import Block, join_blocks, make_paragraphs
from comparer.core.compare import compare_pair
from comparer.core.model import Version

count = int(sys.argv[1])
rng = random.Random(7)
words = ("storm river village officials rescue teams power homes coast harbour boats bridge "
         "council school road").split()

def sentence(i):
    w = rng.sample(words, 8)
    n = rng.randint(2, 900)
    return f"{w[0].capitalize()} {w[1]} {w[2]} {n} {w[3]} {w[4]} {w[5]} {w[6]} {w[7]} case{i}."

def version(paragraphs):
    text, spans = join_blocks(Block(p, None) for p in paragraphs)
    return Version(text, make_paragraphs(text, spans))

sentences = [sentence(i) for i in range(count)]
old = [sentences[k : k + 5] for k in range(0, count, 5)]
new = [list(p) for p in old]
for p in range(0, len(new) - 1, 2):
    moved = new[p].pop(2)
    new[p + 1].append(re.sub(r"\d+", lambda m: str(int(m.group()) + 3), moved, count=1))
a, b = version([" ".join(p) for p in old]), version([" ".join(p) for p in new])
start = time.perf_counter()
pair = compare_pair(a, b)
print(json.dumps([time.perf_counter() - start, len(pair.moves), len(pair.numbers)]))
"""


def run(src: Path, sentences: int) -> tuple[float, int, int]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", RUN, str(sentences)], env=env, capture_output=True, check=True
    )
    seconds, moves, numbers = json.loads(out.stdout)
    return float(seconds), int(moves), int(numbers)


def main() -> int:
    """Time the pair, now and (with ``--before``) before; print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="the src folder of an earlier checkout")
    args = parser.parse_args()
    trees = {"now": ROOT / "src"}
    if args.before:
        trees = {"before": args.before.resolve(), **trees}
    times: dict[str, list[float]] = {name: [] for name in trees}
    found: dict[str, tuple[int, int]] = {}
    for _ in range(args.runs):
        for name, src in trees.items():
            seconds, moves, numbers = run(src, args.sentences)
            times[name].append(seconds)
            found[name] = (moves, numbers)
    for name in trees:
        moves, numbers = found[name]
        print(
            f"{name}: median {statistics.median(times[name]):.3f} s "
            f"({moves} sentences moved, {numbers} numbers changed)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

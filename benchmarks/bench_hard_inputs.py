"""Time ``comparer compare --format json`` on inputs built to be hard for paragraph matching.

Usage: python benchmarks/bench_hard_inputs.py [--runs 3]

Each case is made from the prose of a 1 MB benchmark pair (``bench_engine.make_pair``):

- one paragraph: the whole text as a single paragraph, 300 words replaced;
- short paragraphs shuffled: five-word paragraphs (about 30,000) in a random order;
- short paragraphs shuffled and edited: the same, half of them with a word added;
- one paragraph repeated: the same paragraph 15,000 times, the last ten edited;
- two paragraphs alternating: ABAB… against BABA…, 15,000 paragraphs each;
- a line of dots: 100 KB of full stops against one sentence;
- quote marks only: 2 MB of straight double quotes against one sentence.

Prints the median seconds and peak memory of each, end to end as a user runs it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

from bench_engine import COMPARER, compile_bytecode, make_pair, measure


def cases(words: list[str], folder: Path) -> dict[str, tuple[Path, Path]]:
    rng = random.Random(5)
    made: dict[str, tuple[str, str]] = {}
    edited = list(words)
    for _ in range(300):
        edited[rng.randrange(len(edited))] = rng.choice(words)
    made["one paragraph"] = (" ".join(words), " ".join(edited))
    short = [" ".join(words[i : i + 5]) for i in range(0, len(words), 5)]
    shuffled = list(short)
    rng.shuffle(shuffled)
    made["short paragraphs shuffled"] = ("\n\n".join(short), "\n\n".join(shuffled))
    touched = [p.replace(" ", " the ", 1) if rng.random() < 0.5 else p for p in shuffled]
    made["short paragraphs shuffled and edited"] = ("\n\n".join(short), "\n\n".join(touched))
    para, other = " ".join(words[:60]), " ".join(words[60:120])
    made["one paragraph repeated"] = (
        "\n\n".join([para] * 15000),
        "\n\n".join([para] * 14990 + [para + " extra"] * 10),
    )
    made["two paragraphs alternating"] = (
        "\n\n".join([para, other] * 7500),
        "\n\n".join([other, para] * 7500),
    )
    made["a line of dots"] = ("." * 100_000, "Something else entirely.")
    made["quote marks only"] = ('"' * 2_000_000, "Something else entirely.")
    paths = {}
    for k, (name, (old, new)) in enumerate(made.items()):
        a, b = folder / f"hard{k}_old.txt", folder / f"hard{k}_new.txt"
        a.write_text(old + "\n", encoding="utf-8")
        b.write_text(new + "\n", encoding="utf-8")
        paths[name] = (a, b)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cap", type=float, default=120.0)
    args = ap.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        old, _ = make_pair(1_000_000, Path(tmp))
        words = old.read_text(encoding="utf-8").split()
        print(f"Medians of {args.runs} runs, cap {args.cap:.0f} s.\n")
        print("| input | seconds | peak memory |")
        print("|---|---:|---:|")
        for name, (a, b) in cases(words, Path(tmp)).items():
            runs = [measure([*COMPARER, str(a), str(b)], args.cap) for _ in range(args.runs)]
            if any(took < 0 for took, _ in runs):
                print(f"| {name} | > {args.cap:.0f} s | – |")
                continue
            seconds = statistics.median(took for took, _ in runs)
            peak = max(p for _, p in runs) / 1024
            print(f"| {name} | {seconds:.2f} s | {peak:.0f} MB |")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

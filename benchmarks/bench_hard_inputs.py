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

And huge or crafted inputs (``tests/hostile_inputs.py``), each against one sentence or
an edited copy (about 1% of paragraphs changed):

- Word documents with 1,500, 3,000 and 6,000 paragraph styles, each based on the one
  before (26 KB and 52 KB for the last two), against one sentence;
- 15,000 and 30,000 lines ``"…," said Name.``, each a different speaker (1.7 MB);
- 100,000 and 200,000 short paragraphs (10 and 20 MB);
- the 49 MB pair: 30,000 speakers and 235,000 short paragraphs in each version.

Prints the median seconds and peak memory of each, end to end as a user runs it. A case
past the cap is printed as "> cap". ``--only WORDS`` runs the cases whose name holds them.
``--before SRC`` also times, in the same run and just before each case, the code in SRC
(the ``src`` folder of another checkout, e.g. ``git archive`` of an older commit), once.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_engine import COMPARER, ROOT, compile_bytecode, make_pair

sys.path.insert(0, str(ROOT))
from tests.hostile_inputs import (  # noqa: E402
    edited,
    many_paragraphs_text,
    many_styles_docx,
    speakers_text,
)

SENTENCE = "Something else entirely.\n"
# bench_engine's measure, but past the cap the whole process group is killed: Comparer's
# forked quote finders would otherwise run on and slow the cases after it.
MEASURE = """
import os, resource, signal, subprocess, sys, time
t = time.perf_counter()
child = subprocess.Popen(
    sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
)
try:
    _, err = child.communicate(timeout=float(sys.argv[1]))
    took = time.perf_counter() - t
except subprocess.TimeoutExpired:
    os.killpg(child.pid, signal.SIGKILL)
    child.communicate()
    took = -1.0
else:
    if child.returncode not in (0, 1) or b"Traceback" in err:
        sys.exit("the tool failed: " + err.decode(errors="replace")[-500:])
print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(cmd: list[str], cap: float, source: str | None = None) -> tuple[float, int]:
    env = dict(os.environ, PYTHONPATH=source) if source else None
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cap), *cmd],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    return float(out[0]), int(out[1])


def timed(cmd: list[str], runs: int, cap: float, source: str | None = None) -> tuple[str, str]:
    """The median seconds and the peak memory of ``runs`` runs, as table cells."""
    done = []
    for _ in range(runs):
        done.append(measure(cmd, cap, source))
        if done[-1][0] < 0:
            return f"> {cap:.0f} s", "–"  # past the cap once: no need to wait for it again
    seconds = statistics.median(took for took, _ in done)
    return f"{seconds:.2f} s", f"{max(p for _, p in done) / 1024:.0f} MB"


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


def huge_cases(folder: Path, only: str) -> dict[str, tuple[Path, Path]]:
    """The huge and crafted inputs, written only when ``only`` selects them."""
    sentence = folder / "sentence.txt"
    sentence.write_text(SENTENCE, encoding="utf-8")
    makers = {}
    for count in (1500, 3000, 6000):
        makers[f"Word document, {count:,} styles"] = (".docx", lambda n=count: many_styles_docx(n))
    for count in (15_000, 30_000):
        makers[f"{count:,} speakers"] = (".txt", lambda n=count: speakers_text(n))
    for count in (100_000, 200_000):
        makers[f"{count:,} paragraphs"] = (".txt", lambda n=count: many_paragraphs_text(n))
    makers["49 MB pair: 30,000 speakers and 235,000 paragraphs"] = (
        ".txt",
        lambda: speakers_text(30_000) + "\n" + many_paragraphs_text(235_000),
    )
    paths = {}
    for k, (name, (suffix, make)) in enumerate(makers.items()):
        if only not in name:
            continue
        a = folder / f"huge{k}_old{suffix}"
        made = make()
        if isinstance(made, bytes):
            a.write_bytes(made)
            paths[name] = (a, sentence)
            continue
        b = folder / f"huge{k}_new{suffix}"
        a.write_text(made, encoding="utf-8")
        b.write_text(edited(made), encoding="utf-8")
        paths[name] = (a, b)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cap", type=float, default=120.0)
    ap.add_argument("--only", default="", help="run only the cases whose name holds this")
    ap.add_argument("--before", metavar="SRC", help="also time the code in SRC, once per case")
    args = ap.parse_args()
    compile_bytecode()
    if args.before:
        subprocess.run([sys.executable, "-m", "compileall", "-q", args.before], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        old, _ = make_pair(1_000_000, Path(tmp))
        words = old.read_text(encoding="utf-8").split()
        print(f"Medians of {args.runs} runs, cap {args.cap:.0f} s.\n")
        if args.before:
            print("| input | before | now | peak memory before | now |")
            print("|---|---:|---:|---:|---:|")
        else:
            print("| input | seconds | peak memory |")
            print("|---|---:|---:|")
        chosen = {k: v for k, v in cases(words, Path(tmp)).items() if args.only in k}
        chosen.update(huge_cases(Path(tmp), args.only))
        for name, (a, b) in chosen.items():
            cmd = [*COMPARER, str(a), str(b)]
            if args.before:
                before, peak_before = timed(cmd, 1, args.cap, args.before)
                now, peak = timed(cmd, args.runs, args.cap)
                print(f"| {name} | {before} | {now} | {peak_before} | {peak} |")
            else:
                now, peak = timed(cmd, args.runs, args.cap)
                print(f"| {name} | {now} | {peak} |")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

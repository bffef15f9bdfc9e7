#!/usr/bin/env python3
"""Golden check: the engine's outputs stay byte-for-byte the same through a restructure.

Runs ``comparer compare --format json`` and ``comparer quotes --format json``, and the
comparison's text output too, in this process (``comparer.cli.main`` with standard output
captured; one process for hundreds of articles) on real material that lives beside the
repository, never in it:

- the seed article versions, as a pair;
- the bundled sample, all its versions;
- benchmark pairs made by the shared corpus generator at a few sizes;
- every article of the PolNeAR training split: quotes on each, and a comparison of each
  with a lightly edited copy made here by code (numbers changed, a paragraph dropped,
  quotes made curly, words swapped), so numbers, typography and alignment are exercised.

Only a SHA-256 digest per case is kept in the repository (``tests/golden/digests.json``),
so no corpus text enters it. Usage::

    python scripts/golden.py --shared ../shared            # check against the digests
    python scripts/golden.py --shared ../shared --record   # write the digests anew
    python scripts/golden.py --shared ../shared --out /tmp/golden   # keep every output

CI ran this check while the engine was moved into packages (every output unchanged);
since then it is a tool for the next restructure: record the digests on the commit before
it, then check after each step. To record the digests of an earlier commit, run this script with that commit's ``src``
first on ``PYTHONPATH`` (a ``git worktree`` of it) and ``--record``.

On a mismatch the outputs are written to ``--out`` (a temporary folder by default) so
they can be diffed against a run of the earlier code. Exit status 0 when all digests
match, 1 otherwise, 2 when the material is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

DIGESTS = Path(__file__).resolve().parent.parent / "tests" / "golden" / "digests.json"
BENCH_SIZES = (10_000, 300_000, 1_000_000)


def run_cli(argv: list[str]) -> bytes:
    """Run ``comparer`` in this process; returns its exit status and standard output."""
    from comparer.cli import main

    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    with contextlib.redirect_stdout(out):
        status = main(argv)
        out.flush()
    return f"exit {status}\n".encode() + buffer.getvalue()


def edited_copy(text: str) -> str:
    """A lightly edited copy of an article, the same every run (no randomness)."""
    paragraphs = text.split("\n")
    # Drop the third non-empty paragraph, move the last one to the second place.
    full = [i for i, p in enumerate(paragraphs) if p.strip()]
    if len(full) > 4:
        del paragraphs[full[2]]
        last = paragraphs.pop(max(i for i, p in enumerate(paragraphs) if p.strip()))
        paragraphs.insert(1, last)
    out = []
    for n, p in enumerate(paragraphs):
        if n % 3 == 0:  # change every number in a third of the paragraphs
            p = re.sub(r"\d+", lambda m: str(int(m.group()) + len(m.group())), p)
        if n % 4 == 1:  # curly quotes in some
            p = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", p)
        if n % 5 == 2:  # a reworded sentence in some
            p = p.replace(" said ", " told reporters ", 1).replace(" the ", " a ", 1)
        out.append(p)
    return "\n".join(out)


def cases(shared: Path, work: Path) -> Iterator[tuple[str, list[str]]]:
    """Every golden case: a stable name and the ``comparer`` arguments.

    Inputs are copied into ``work`` under their own names and given as paths relative to
    it (the caller runs from there), because the JSON records each version's path.
    """
    from comparer.sample import sample_paths

    def place(folder: str, source: Path, text: str | None = None) -> str:
        target = work / folder / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            shutil.copyfile(source, target)
        else:
            target.write_text(text, encoding="utf-8")
        return f"{folder}/{source.name}"

    seeds = [place("seeds", p) for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    yield "seeds/compare", ["compare", *seeds, "--format", "json"]
    yield "seeds/compare-text", ["compare", *seeds, "--format", "text", "--show-equal"]
    for seed in seeds:
        yield f"seeds/quotes/{Path(seed).name}", ["quotes", seed, "--format", "json"]

    sample = [place("sample", p) for p in sample_paths()]
    yield "sample/compare", ["compare", *sample, "--format", "json"]
    yield "sample/compare-text", ["compare", *sample, "--format", "text", "--show-equal"]
    for path in sample:
        yield f"sample/quotes/{Path(path).name}", ["quotes", path, "--format", "json"]

    maker = shared / "bench" / "make_corpus.py"
    for size in BENCH_SIZES:
        old, new = f"bench-{size}-a.txt", f"bench-{size}-b.txt"
        done = subprocess.run(
            [sys.executable, str(maker), str(size), old, new], capture_output=True, cwd=work
        )
        if done.returncode != 0 or not (work / old).is_file() or not (work / old).stat().st_size:
            print(f"skipped bench/{size}: the corpus generator made nothing", file=sys.stderr)
            continue
        yield f"bench/{size}/compare", ["compare", old, new, "--format", "json"]
        yield f"bench/{size}/compare-text", ["compare", old, new, "--format", "text"]
        if size <= 300_000:
            yield f"bench/{size}/quotes", ["quotes", new, "--format", "json"]

    for article in sorted((shared / "corpus" / "polnear-train" / "text").glob("*.txt")):
        original = place("polnear", article)
        yield f"polnear/quotes/{article.name}", ["quotes", original, "--format", "json"]
        copy = place("edited", article, edited_copy(article.read_text(encoding="utf-8")))
        yield f"polnear/compare/{article.name}", ["compare", original, copy, "--format", "json"]
        yield (
            f"polnear/compare-text/{article.name}",
            ["compare", original, copy, "--format", "text"],
        )


def main() -> int:
    """Check (or record) the digests; see the module docstring."""
    parser = argparse.ArgumentParser(description="Golden check of comparer's JSON outputs.")
    parser.add_argument("--shared", default="../shared", help="folder holding corpus/ and bench/")
    parser.add_argument("--record", action="store_true", help="write the digests anew")
    parser.add_argument(
        "--out", help="write every output here (default: only mismatches, to a temp dir)"
    )
    args = parser.parse_args()
    shared = Path(args.shared).resolve()
    if not (shared / "corpus" / "seeds").is_dir():
        print(f"golden: {shared}: no corpus/seeds there", file=sys.stderr)
        return 2
    expected: dict[str, str] = {}
    if not args.record:
        expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    out_dir = Path(args.out).resolve() if args.out else Path(tempfile.mkdtemp(prefix="golden-"))
    digests: dict[str, str] = {}
    mismatches: list[str] = []
    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="golden-work-") as tmp:
        os.chdir(tmp)
        for name, argv in cases(shared, Path(tmp)):
            output = run_cli(argv)
            digest = hashlib.sha256(output).hexdigest()
            digests[name] = digest
            differs = not args.record and expected.get(name) != digest
            if differs:
                mismatches.append(name)
            if args.out or differs:
                target = out_dir / (name + ".json")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(output)
        os.chdir(here)
    if args.record:
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"golden: recorded {len(digests)} digests in {DIGESTS}")
        return 0
    missing = sorted(set(expected) - set(digests))
    for name in missing:
        print(f"golden: case not run: {name}", file=sys.stderr)
    # Benchmark pairs need the generator's source prose; where it is absent they are skipped.
    missing = [name for name in missing if not name.startswith("bench/")]
    for name in mismatches:
        print(f"golden: differs: {name} (output in {out_dir / (name + '.json')})", file=sys.stderr)
    if mismatches or missing:
        print(f"golden: {len(mismatches)} of {len(digests)} cases differ", file=sys.stderr)
        return 1
    print(f"golden: all {len(digests)} cases byte-for-byte as recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())

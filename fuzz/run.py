"""Fuzz every loader and the comparison: coverage-guided with atheris, one target at a time.

Usage:
    python fuzz/run.py --seconds 100               # every target, 100 s shared (CI)
    python fuzz/run.py --seconds 1800 --corpus fuzz-corpus --targets rtf,docx
    python fuzz/run.py --replay FILE --targets rtf  # run one input through a target

Each target runs in its own process (``--child``), under libFuzzer's limits: an input
that takes over 20 s or makes the process grow past 1 GB is a finding, as is any
exception other than a one-line ``LoadError`` (see ``targets.py``). Findings are written
to the crashes folder (``--crashes``, default ``fuzz-crashes``) and the run exits 1.

Seeds come from ``seeds.py``; the corpus folder keeps what the fuzzer learns between
runs (a temporary one by default). Where atheris cannot be installed (it has wheels for
CPython on Linux and macOS only), a plain mutation fuzzer without coverage runs instead,
with the same targets and limits.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIMEOUT_S = 20
RSS_LIMIT_MB = 1024
MAX_LEN = 200_000


def _child(target: str, corpus: Path, crashes: Path, seconds: int, plain: bool) -> int:
    """Fuzz one target in this process until ``seconds`` have passed."""
    try:
        if plain:
            raise ImportError("the plain mutation fuzzer was asked for")
        import atheris
    except ImportError:
        return _mutation_fuzz(target, corpus, crashes, seconds)
    with atheris.instrument_imports(include=["comparer", "striprtf", "docx", "odf"]):
        import comparer.formats  # noqa: F401
        from comparer.core import compare  # noqa: F401
        from comparer.export import json_export, text_report  # noqa: F401
    from fuzz.targets import TARGETS

    run = TARGETS[target]
    args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={seconds}",
        f"-timeout={TIMEOUT_S}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-max_len={MAX_LEN}",
        f"-artifact_prefix={crashes}/{target}-",
        "-print_final_stats=1",
    ]
    atheris.Setup(args, run)
    atheris.Fuzz()
    return 0


def _mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        at = rng.randint(0, len(out))
        if choice < 0.3 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif choice < 0.5:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif choice < 0.7 and out:
            del out[at : at + rng.randint(1, 64)]
        elif choice < 0.85 and out:
            piece = out[at : at + rng.randint(1, 256)]
            out[at:at] = piece * rng.randint(1, 50)  # repetition finds the slow paths
        else:
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            out[at:at] = other[start : start + rng.randint(1, 512)]
    return bytes(out[:MAX_LEN])


def _mutation_fuzz(target: str, corpus: Path, crashes: Path, seconds: int) -> int:
    """Without atheris: random mutations of the corpus, no coverage, the same limits."""
    import signal

    from fuzz.targets import TARGETS

    run = TARGETS[target]
    pool = [p.read_bytes() for p in sorted(corpus.iterdir()) if p.is_file()] or [b""]
    rng = random.Random()

    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError(f"over {TIMEOUT_S} s")

    signal.signal(signal.SIGALRM, too_slow)
    end = time.monotonic() + seconds
    cases = 0
    while time.monotonic() < end:
        data = _mutate(rng.choice(pool), rng, pool)
        signal.alarm(TIMEOUT_S)
        try:
            run(data)
        except BaseException as exc:  # noqa: BLE001 - every failure is a finding
            name = crashes / f"{target}-crash-{cases}"
            name.write_bytes(data)
            print(f"finding: {type(exc).__name__}: {exc} -> {name}", file=sys.stderr)
            return 1
        finally:
            signal.alarm(0)
        if resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > RSS_LIMIT_MB * 1024:
            (crashes / f"{target}-oom-{cases}").write_bytes(data)
            print("finding: memory over the limit", file=sys.stderr)
            return 1
        cases += 1
    print(f"{target}: {cases} cases, no finding (plain mutation fuzzer)")
    return 0


def main() -> int:
    """Run the fuzzer as the command line asks; 1 when it found something."""
    from fuzz.seeds import seeds
    from fuzz.targets import TARGETS

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=int, default=100, help="the whole run's budget")
    ap.add_argument("--targets", default=",".join(TARGETS), help="comma-separated")
    ap.add_argument("--corpus", help="folder kept between runs (default: temporary)")
    ap.add_argument("--crashes", default="fuzz-crashes")
    ap.add_argument("--replay", metavar="FILE", help="run FILE through the targets, once")
    ap.add_argument("--plain", action="store_true", help="the mutation fuzzer, even with atheris")
    ap.add_argument("--child", nargs=3, metavar=("TARGET", "CORPUS", "SECONDS"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    crashes = Path(args.crashes).resolve()
    if args.child:
        crashes.mkdir(parents=True, exist_ok=True)
        return _child(
            args.child[0], Path(args.child[1]), crashes, int(args.child[2]), args.plain
        )
    targets = [t for t in args.targets.split(",") if t]
    unknown = set(targets) - set(TARGETS)
    if unknown:
        ap.error(f"unknown targets: {', '.join(sorted(unknown))}")
    if args.replay:
        data = Path(args.replay).read_bytes()
        for target in targets:
            TARGETS[target](data)
            print(f"{target}: no finding")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus or tmp).resolve()
        made = seeds()
        for target in targets:
            (corpus / target).mkdir(parents=True, exist_ok=True)
            for n, data in enumerate(made[target]):
                (corpus / target / f"seed-{n}").write_bytes(data)
        # each target's process spends some 5 s starting: that comes out of its share
        share = max(5, args.seconds // len(targets) - 5)
        before = set(crashes.glob("*")) if crashes.exists() else set()
        failed = []
        for target in targets:
            start = time.monotonic()
            cmd = [sys.executable, __file__, "--crashes", str(crashes), "--child", target,
                   str(corpus / target), str(share), *(["--plain"] if args.plain else [])]
            try:
                done = subprocess.run(cmd, timeout=share + 60, capture_output=True, text=True)
                status = done.returncode
                tail = (done.stdout + done.stderr).strip().splitlines()[-12:]
            except subprocess.TimeoutExpired:
                status, tail = -1, ["the fuzzer itself did not stop in time"]
            took = time.monotonic() - start
            runs = next(
                (line for line in tail if "number_of_executed_units" in line or " cases, " in line),
                "",
            )
            print(f"{target}: {took:.0f} s, exit {status}: {runs.strip()}")
            if status != 0:
                failed.append(target)
                print("\n".join("    " + line for line in tail))
        found = sorted(set(crashes.glob("*")) - before) if crashes.exists() else []
        for path in found:
            print(f"finding: {path}")
        return 1 if failed or found else 0


if __name__ == "__main__":
    raise SystemExit(main())

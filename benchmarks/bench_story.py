"""Story benchmark: opening 10, 40 and 100 versions against a two-version comparison.

Usage: python benchmarks/bench_story.py [--runs N] [--counts 10,40,100] [--sizes 20000,50000]

Stories are written by this script: a fictional article of the given size (paragraphs of
reporting, figures and quotes), then each version a few edits from the one before (two
figures changed, a paragraph reworded, one added and mostly one removed, now and then one
moved), so consecutive versions share most of their paragraphs, as a breaking story's
updates do.

Measured, each as its own process, medians of ``--runs``:

- the window: ``comparer FILES --screenshot`` from process start to the timeline and the
  first pair painted, against the same for the story's last two versions alone;
- ``comparer history FILES --format json`` end to end, against ``comparer compare`` of
  the last two versions;
- peak memory (maximum resident set) of the largest of those processes;

and in this process, medians of at least 5 runs side by side: finding the quotes of 40
versions against finding those of one, the versions made two ways: each the base
article with a tenth of its paragraphs replaced by new ones of its own (40 tenths of
never-seen text), and a story, each version a tenth of the one before's paragraphs edited
(a figure changed or a phrase reworded).

Usage for the quotes alone: python benchmarks/bench_story.py --counts 0
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

NAMES = [
    "Maria Lopez",
    "Daniel Okoye",
    "Helen Marsh",
    "Tomas Berg",
    "Aisha Rahman",
    "Peter Lund",
    "Grace Whitlow",
    "Samir Haddad",
    "Ingrid Sole",
    "Victor Amadi",
]
PLACES = ["Valdora", "Port Ellery", "Kestrel Point", "Northvale", "Carrow", "Elm Ridge"]
THINGS = ["homes", "families", "volunteers", "vehicles", "schools", "rescue workers"]
VERBS = ["said", "told reporters", "said on Monday", "added"]


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    place, thing = rng.choice(PLACES), rng.choice(THINGS)
    number = rng.randint(2, 900)
    if kind < 0.3:
        who = rng.choice(NAMES)
        return (
            f"\u201cWe have {number} {thing} waiting for help in {place} and the roads are still "
            f"closed,\u201d {who} {rng.choice(VERBS)}."
        )
    if kind < 0.5:
        who = rng.choice(NAMES)
        return f"{who}, a spokesperson for the council, said {number} {thing} had been moved."
    return (
        f"In {place}, at least {number} {thing} were affected by the storm, and officials "
        f"expect the figure to rise as crews reach the outlying villages."
    )


def paragraph(rng: random.Random) -> str:
    """A paragraph of two or three sentences."""
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))


def article(size: int, rng: random.Random) -> list[str]:
    """Paragraphs of about ``size`` characters in all."""
    out = ["Storm floods towns along the coast", ""]
    total = 0
    while total < size:
        out.append(paragraph(rng))
        total += len(out[-1]) + 2
    return out


def next_version(paragraphs: list[str], rng: random.Random, when: str) -> list[str]:
    """The story a few edits later: figures changed, rewording, a paragraph added."""
    out = list(paragraphs)
    out[1] = f"Last updated: 9 June 2025, {when}"
    body = range(2, len(out))
    for _ in range(2):  # two figures change
        i = rng.choice(body)
        words = out[i].split(" ")
        spots = [k for k, w in enumerate(words) if w.isdigit()]
        if spots:
            k = rng.choice(spots)
            words[k] = str(int(words[k]) + rng.randint(1, 40))
            out[i] = " ".join(words)
    i = rng.choice(body)  # a reworded paragraph
    out[i] = out[i].replace(" were ", " have been ", 1).replace(" said", " confirmed", 1)
    out.insert(rng.choice(body), paragraph(rng))  # one added
    if rng.random() < 0.85:  # and mostly one removed, so the story keeps its length
        out.pop(rng.choice(range(3, len(out))))
    if rng.random() < 0.15:  # now and then one moved
        out.insert(rng.choice(range(2, len(out))), out.pop(rng.choice(range(3, len(out)))))
    return out


def write_story(folder: Path, count: int, size: int) -> list[str]:
    """Write ``count`` versions of a ``size``-character story; returns their paths."""
    rng = random.Random(size * 1000 + count)
    paragraphs = article(size, rng)
    paths = []
    for k in range(count):
        minutes = 6 * 60 + k * 7
        when = f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
        paragraphs = next_version(paragraphs, rng, when) if k else paragraphs
        if not k:
            paragraphs[1] = f"Last updated: 9 June 2025, {when}"
        path = folder / f"story-{size}-{count}-{k:03d}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(command: list[str], painted: bool = False) -> tuple[float, int]:
    """Wall seconds of ``command`` and its peak memory in MB.

    With ``painted``, the seconds are those from the start to the comparison first painted,
    as the window reports it (``COMPARER_REPORT_PAINT``, as ``bench_window.py`` times it):
    what a reader waits for, without the screenshot and the closing after it, which share
    the interpreter with the story's other pairs, compared in the background meanwhile.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if painted:
        env["COMPARER_REPORT_PAINT"] = "1"
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.PIPE, text=True)\n"
        "assert done.returncode in (0, 1), done.returncode\n"  # compare: 1 when they differ
        "print(*[l for l in done.stderr.splitlines() if ' painted at ' in l], sep='\\n')\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    start, wall = time.perf_counter(), time.time()
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], check=True, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    lines = done.stdout.split("\n")
    if painted:
        [when] = [line for line in lines if line.startswith("comparer: comparison painted")]
        seconds = float(when.rsplit(" ", 1)[1]) - wall
    return seconds, int(lines[-2].strip() or 0) // 1024


def window(paths: list[str], shot: Path) -> list[str]:
    """The window command that paints and exits."""
    return [
        sys.executable,
        "-m",
        "comparer",
        *paths,
        "--screenshot",
        str(shot),
        "--size",
        "1280x720",
    ]


def history(paths: list[str]) -> list[str]:
    """The history command."""
    return [sys.executable, "-m", "comparer", "history", *paths, "--format", "json"]


def compare_two(paths: list[str]) -> list[str]:
    """The two-version comparison of the same size."""
    return [sys.executable, "-m", "comparer", "compare", *paths[-2:], "--format", "json"]


def median_of(runs: int, command: list[str], painted: bool = False) -> tuple[float, int]:
    """Median seconds and peak memory over ``runs`` runs (see ``timed`` for ``painted``)."""
    results = [timed(command, painted) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


REWORDINGS = [
    (" were affected", " have been affected"),
    (" expect ", " fear "),
    (" said", " told reporters"),
    (" are still closed", " remain closed"),
    (" waiting for help", " awaiting help"),
    (" by the storm", " by the flooding"),
    (" had been moved", " were moved"),
]


def small_edit(text: str, rng: random.Random) -> str:
    """A paragraph edited as a breaking story's update edits one: a figure or a wording."""
    words = text.split(" ")
    spots = [k for k, w in enumerate(words) if w.isdigit()]
    if spots and rng.random() < 0.6:
        k = rng.choice(spots)
        words[k] = str(int(words[k]) + rng.randint(1, 40))
        return " ".join(words)
    found = [(old, new) for old, new in REWORDINGS if old in text]
    if not found:
        return text + " Crews are on their way."
    old, new = rng.choice(found)
    return text.replace(old, new, 1)


def independent_versions(base: list[str], rng: random.Random) -> list[str]:
    """40 versions, each the base with a tenth of its paragraphs replaced by new ones.

    Every version's new paragraphs are its own: 40 tenths of never-seen text.
    """
    out = []
    for _ in range(40):
        paragraphs = list(base)
        for i in rng.sample(range(2, len(base)), max(1, (len(base) - 2) // 10)):
            paragraphs[i] = paragraph(rng)
        out.append("\n\n".join(paragraphs))
    return out


def story_versions(base: list[str], rng: random.Random) -> list[str]:
    """40 consecutive versions, each with a tenth of the one before's paragraphs edited."""
    out = ["\n\n".join(base)]
    paragraphs = list(base)
    for _ in range(39):
        for i in rng.sample(range(2, len(paragraphs)), max(1, (len(paragraphs) - 2) // 10)):
            paragraphs[i] = small_edit(paragraphs[i], rng)
        out.append("\n\n".join(paragraphs))
    return out


def quotes_ratios(size: int, rng: random.Random, runs: int) -> list[tuple[str, list[float]]]:
    """Median seconds to find the quotes of 40 versions, of their first one, and floors.

    One row per way of making the versions (see ``independent_versions`` and
    ``story_versions``), timed side by side in this process. Each row holds, in seconds:
    the 40 versions (``extract_quotes_many``); one version; the floor of an engine that
    reads each paragraph once (the quotes of one text holding every distinct paragraph of
    the 40 versions once); the same for sentences (every distinct sentence once, each a
    paragraph of its own); and building the 40 versions' quote objects alone (what any
    engine that returns each version's quotes at its own offsets must at least do).
    """
    from comparer.core.model import Quote
    from comparer.core.quotes import extract_quotes, extract_quotes_many
    from comparer.core.sentences import split_sentences
    from comparer.formats import load_bytes

    base = article(size, rng)
    rows = []
    for label, texts in (
        ("each a tenth new", independent_versions(base, rng)),
        ("a story, each a tenth edited", story_versions(base, rng)),
    ):
        versions = [load_bytes(t.encode(), f"v{k}.txt") for k, t in enumerate(texts)]
        items = [(v.text, v.paragraphs) for v in versions]
        one = load_bytes("\n\n".join(base).encode(), "base.txt")
        paragraphs = dict.fromkeys(p for t in texts for p in t.split("\n\n"))
        sentences = dict.fromkeys(p[a:b] for p in paragraphs for a, b in split_sentences(p))
        once_p = load_bytes("\n\n".join(paragraphs).encode(), "paragraphs.txt")
        once_s = load_bytes("\n\n".join(sentences).encode(), "sentences.txt")
        found = extract_quotes_many(items)

        def build(found: tuple[tuple[Quote, ...], ...] = found) -> None:
            for quotes in found:
                tuple(
                    Quote(
                        q.start + 1,
                        q.end + 1,
                        q.text,
                        q.kind,
                        q.speaker,
                        q.speaker_start,
                        q.speaker_end,
                        q.continues,
                    )
                    for q in quotes
                )

        jobs: list[Callable[[], object]] = [
            functools.partial(extract_quotes_many, items),
            functools.partial(extract_quotes, one.text, one.paragraphs),
            functools.partial(extract_quotes, once_p.text, once_p.paragraphs),
            functools.partial(extract_quotes, once_s.text, once_s.paragraphs),
            build,
        ]
        for job in jobs:
            job()  # once untimed: patterns compiled, caches warm
        times: list[list[float]] = [[] for _ in jobs]
        for _ in range(runs):
            for job, seconds in zip(jobs, times, strict=True):
                start = time.perf_counter()
                job()
                seconds.append(time.perf_counter() - start)
        rows.append((label, [statistics.median(t) for t in times]))
    return rows


def main() -> int:
    """Run the benchmark and print a table of medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--counts", default="10,40,100")
    parser.add_argument("--sizes", default="20000,50000")
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",") if int(c)]
    sizes = [int(s) for s in args.sizes.split(",")]
    peak = 0
    print(
        "| size | versions | window painted | two-version window | ratio "
        "| `comparer history` | two-version `compare` | peak memory |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="comparer-story-") as tmp:
        folder = Path(tmp)
        shot = folder / "shot.png"
        for size in sizes:
            for count in counts:
                paths = write_story(folder, count, size)
                paint, m1 = median_of(args.runs, window(paths, shot), painted=True)
                two, m2 = median_of(args.runs, window(paths[-2:], shot), painted=True)
                hist, m3 = median_of(args.runs, history(paths))
                pair, _ = median_of(args.runs, compare_two(paths))
                most = max(m1, m2, m3)
                peak = max(peak, most)
                print(
                    f"| {size // 1000} KB | {count} | {paint:.2f} s | {two:.2f} s | "
                    f"{paint / two:.2f}× | {hist:.2f} s | {pair:.2f} s | {most} MB |"
                )
                sys.stdout.flush()
    print(
        "\n| 40 versions of 50 KB | all 40 (s) | one version (s) | ratio "
        "| floor: each paragraph once | each sentence once | quote objects built |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, (many, single, once_p, once_s, built) in quotes_ratios(
        50_000, random.Random(7), max(args.runs, 5)
    ):
        print(
            f"| {label} | {many:.3f} | {single:.3f} | {many / single:.1f}× "
            f"| {once_p / single:.2f}× | {once_s / single:.2f}× | {built / single:.2f}× |"
        )
    print("(target: at most 3×; floors as multiples of one version)")
    print(f"peak memory of any run: {peak} MB (target: under 500 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

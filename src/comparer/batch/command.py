"""``comparer batch ARCHIVE -o RESULTS``: the batch's command line.

Exit status: 0 when every partition is finished (stories that could not be read are
recorded with their error and do not count as a failure), 2 on trouble: the archive or
the results folder cannot be used, the scheduler does not answer, or some partitions
failed (run the same command again to retry just those).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from comparer.batch.archive import DEFAULT_PARTITION_STORIES, open_archive
from comparer.batch.partition import BatchError
from comparer.batch.result_store import FORMATS, ResultStore
from comparer.batch.where import WhereError, parse_where

EXIT_DONE, EXIT_TROUBLE = 0, 2
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Parser(argparse.ArgumentParser):
    """Errors are one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_TROUBLE, f"{self.prog}: {message}\n")


def batch_parser() -> argparse.ArgumentParser:
    """The options of ``comparer batch``."""
    p = _Parser(
        prog="comparer batch",
        description="Compare every story of an archive, version by version, on Dask: "
        "local processes on every core by default, or an existing cluster.",
    )
    p.add_argument(
        "archive",
        metavar="ARCHIVE",
        help="a diffengine/NewsEdits SQLite database, a folder of story folders, "
        "or a JSON Lines file of versions",
    )
    p.add_argument("-o", "--output", metavar="RESULTS", required=True, help="results folder")
    p.add_argument("--format", choices=FORMATS, default="parquet", help="result files")
    p.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on this existing Dask cluster"
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local worker processes (default: one per core; 0: no Dask, this process only)",
    )
    p.add_argument(
        "--partition-size",
        type=int,
        default=DEFAULT_PARTITION_STORIES,
        metavar="N",
        help=f"stories per task (default {DEFAULT_PARTITION_STORIES})",
    )
    p.add_argument(
        "--table",
        choices=("entryversion", "split_sentences"),
        help="SQLite: the table holding the texts (default: entryversion if it has them)",
    )
    p.add_argument(
        "--no-quotes", action="store_true", help="skip quotes and speakers (faster; lists empty)"
    )
    p.add_argument(
        "--where",
        metavar="FILTER",
        help='print the pairs that match, e.g. "number_changed and minutes > 60" '
        "(see docs/batch-format.md)",
    )
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on the terminal",
    )
    return p


def main(argv: Sequence[str]) -> int:
    """Run ``comparer batch``; returns the exit status."""
    from comparer.batch.progress import ProgressBar
    from comparer.batch.runner import BatchRunner

    args = batch_parser().parse_args(list(argv))
    if args.workers is not None and args.workers < 0:
        return _fail("--workers: expected 0 or more")
    if args.partition_size < 1:
        return _fail("--partition-size: expected 1 or more")
    if args.scheduler and args.workers is not None:
        return _fail("--workers is for the local cluster; a --scheduler has its own workers")
    test = None
    if args.where:
        try:
            test = parse_where(args.where)
        except WhereError as exc:
            return _fail(f"--where: {exc}")
    try:
        archive = open_archive(args.archive, args.table)
        output = Path(args.output).resolve()
        _check_output(Path(archive.path), output)
        store = ResultStore(output, args.format)
        settings: dict[str, Any] = {
            "archive": archive.path,
            "form": archive.form,
            "table": getattr(archive, "table", None),
            "partition_size": args.partition_size,
            "quotes": not args.no_quotes,
        }
        store.prepare(settings)
        total = archive.count_stories()
        partitions = (
            None if total is not None else sum(1 for _ in archive.partitions(args.partition_size))
        )
        live = {"auto": None, "always": True, "never": False}[args.progress]
        progress = ProgressBar(total, partitions, sys.stderr, live)
        runner = BatchRunner(
            archive,
            store,
            workers=args.workers,
            scheduler=args.scheduler,
            partition_size=args.partition_size,
            with_quotes=not args.no_quotes,
            progress=progress,
            say=lambda line: print(line, file=sys.stderr, flush=True),
        )
        summary = runner.run()
    except BatchError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted; finished partitions are kept: run the same command to go on")
    except OSError as exc:  # the results folder filled up or went away during the run
        name = exc.filename or args.output
        return _fail(f"{name}: cannot be written ({exc.strerror or exc})")
    bad = (
        f" ({summary.errors:,} could not be read, recorded with their error)"
        if summary.errors
        else ""
    )
    plural = "s" if summary.skipped != 1 else ""
    resumed = f", {summary.skipped:,} partition{plural} already done" if summary.skipped else ""
    print(
        f"comparer batch: {summary.stories:,} stories{bad} in {summary.seconds:.1f} s"
        f"{resumed}; results in {output}",
        file=sys.stderr,
    )
    if test is not None:
        _print_matches(store, test)
    if summary.failed:
        for line in summary.failed[:5]:
            print(f"comparer batch: {_clean(line)}", file=sys.stderr)
        return _fail(
            f"{len(summary.failed)} partitions failed; run the same command again to retry them"
        )
    return EXIT_DONE


def _fail(message: str) -> int:
    print(f"comparer batch: {_clean(message)}", file=sys.stderr)
    return EXIT_TROUBLE


def _clean(text: object) -> str:
    """Text safe to print: no terminal control characters from the archive."""
    return _CONTROL.sub("?", str(text))


def _check_output(archive: Path, output: Path) -> None:
    if output == archive:
        raise BatchError(f"{output}: is the archive; Comparer never writes to it")
    if archive.is_dir() and (output == archive or archive in output.parents):
        raise BatchError(f"{output}: is inside the archive folder; Comparer never writes there")


def _print_matches(store: ResultStore, test: Any) -> None:
    matches = 0
    for row in store.rows("pairs"):
        if test(row):
            matches += 1
            print(describe_pair(row))
    print(f"{matches:,} pairs match", file=sys.stderr)


def describe_pair(row: dict[str, Any]) -> str:
    """One line for a pair row: story, versions, time since the first, what changed."""
    parts = [f"{row['story_id']}  v{row['from_version']}→v{row['to_version']}"]
    if row.get("minutes_since_first") is not None:
        parts.append(f"+{row['minutes_since_first']:,.0f} min")
    numbers = [
        f"{n['from']} → {n['to']}" + (f" ({n['delta_label']})" if n["delta_label"] else "")
        for n in row["numbers"]
    ]
    if numbers:
        parts.append("numbers: " + "; ".join(numbers))
    if row.get("headline_changed"):
        parts.append(f"headline: {row['from_headline']!r} → {row['to_headline']!r}")
    for key, label in (
        ("speakers_new", "new"),
        ("speakers_dropped", "dropped"),
        ("speakers_reattributed", "re-attributed"),
    ):
        if row.get(key):
            parts.append(f"{label}: " + ", ".join(row[key]))
    return _clean("  ".join(parts))

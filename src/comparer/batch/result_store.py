"""The RESULTS folder: one part file per finished partition, and a marker once it is whole.

Layout (described for users in docs/batch-format.md)::

    RESULTS/manifest.json             the archive, the settings and the format version
    RESULTS/stories/part-00042.parquet
    RESULTS/pairs/part-00042.parquet
    RESULTS/done/part-00042.json      written last: the partition is finished

A part file is written under a temporary name and renamed, and the marker comes after
both, so a run killed at any moment leaves no partition that looks finished and is not;
a rerun skips exactly the partitions whose marker holds the same key.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from comparer.batch.partition import BatchError, Partition
from comparer.batch.schema import FORMAT, TABLES

MANIFEST = "manifest.json"
FORMATS = ("parquet", "jsonl")


@dataclass(frozen=True)
class ResultStore:
    """Where a batch run's results go, and how a rerun finds what is finished."""

    path: Path
    output_format: str = "parquet"

    @property
    def suffix(self) -> str:
        """The part files' extension."""
        return ".parquet" if self.output_format == "parquet" else ".jsonl"

    def prepare(self, settings: dict[str, Any]) -> None:
        """Create the folder, or check that it holds a run of the same archive and settings.

        Raises:
            BatchError: the folder holds something else, or another run's results.
        """
        manifest = self.path / MANIFEST
        wanted = {"format": FORMAT, "output": self.output_format, **settings}
        if self.path.exists() and not self.path.is_dir():
            raise BatchError(f"{self.path}: is a file; -o needs a folder for the results")
        if manifest.exists():
            try:
                found = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise BatchError(f"{manifest}: cannot be read ({exc})") from None
            if not isinstance(found, dict) or not str(found.get("format")).startswith(
                "comparer-batch/"
            ):  # another program's manifest.json
                raise BatchError(f"{self.path}: is not empty and holds no batch results")
            if found != wanted:
                different = sorted(k for k in wanted if found.get(k) != wanted[k])
                raise BatchError(
                    f"{self.path}: holds results of another run (different "
                    f"{', '.join(different) or 'settings'}); choose another folder"
                )
            for leftover in self.path.glob("*/.part-*.tmp"):  # from a run killed mid-write
                leftover.unlink(missing_ok=True)
            return
        if self.path.exists() and any(self.path.iterdir()):
            raise BatchError(f"{self.path}: is not empty and holds no batch results")
        try:
            for name in ("stories", "pairs", "done"):
                (self.path / name).mkdir(parents=True, exist_ok=True)
            _write_atomic(manifest, json.dumps(wanted, indent=2).encode("utf-8"))
        except OSError as exc:
            raise BatchError(f"{self.path}: cannot be written ({exc.strerror or exc})") from None

    def forget_from(self, count: int) -> None:
        """Remove the parts of partitions numbered ``count`` and above (the archive shrank)."""
        for index in self.finished_parts():
            if index >= count:
                self._marker(index).unlink(missing_ok=True)
                for name in ("stories", "pairs"):
                    (self.path / name / f"part-{index:05d}{self.suffix}").unlink(missing_ok=True)

    def _marker(self, index: int) -> Path:
        return self.path / "done" / f"part-{index:05d}.json"

    def is_done(self, partition: Partition) -> bool:
        """Whether this partition was finished by an earlier run."""
        try:
            found = json.loads(self._marker(partition.index).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(found, dict) and found.get("key") == partition.key

    def done_counts(self, partition: Partition) -> tuple[int, int]:
        """Stories and bad stories of a finished partition, from its marker."""
        found = json.loads(self._marker(partition.index).read_text(encoding="utf-8"))
        return int(found.get("stories", 0)), int(found.get("errors", 0))

    def write(self, index: int, key: str, stories: pa.Table, pairs: pa.Table) -> None:
        """Write a finished partition's parts, then its marker."""
        for name, table in (("stories", stories), ("pairs", pairs)):
            target = self.path / name / f"part-{index:05d}{self.suffix}"
            if self.output_format == "parquet":
                temporary = _temporary(target)
                pq.write_table(table, temporary)
                os.replace(temporary, target)
            else:
                lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in table.to_pylist())
                _write_atomic(target, "".join(lines).encode("utf-8"))
        bad = stories.num_rows - stories.column("error").null_count
        marker = {"key": key, "stories": stories.num_rows, "errors": bad}
        _write_atomic(self._marker(index), json.dumps(marker).encode("utf-8"))

    def finished_parts(self) -> list[int]:
        """The indices of finished partitions, in order."""
        out = []
        for marker in sorted((self.path / "done").glob("part-*.json")):
            try:
                out.append(int(marker.stem.split("-")[1]))
            except (IndexError, ValueError):
                continue
        return out

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of ``table`` ("stories" or "pairs") of the finished partitions."""
        for index in self.finished_parts():
            part = self.path / table / f"part-{index:05d}{self.suffix}"
            if self.output_format == "parquet":
                yield from pq.read_table(part, schema=TABLES[table]).to_pylist()
            else:
                with part.open(encoding="utf-8") as handle:
                    for line in handle:
                        if line.strip():
                            yield json.loads(line)


def read_results(path: str | os.PathLike[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The manifest and the story rows of the results folder ``path`` (finished parts).

    Raises:
        BatchError: the folder has no manifest, or it or a part file cannot be read.
    """
    folder = Path(path)
    manifest = folder / MANIFEST
    try:
        found = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BatchError(f"{path}: is not a results folder (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise BatchError(f"{manifest}: cannot be read ({exc})") from None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise BatchError(f"{manifest}: is not a comparer batch manifest ({FORMAT})")
    output = found.get("output", "parquet")
    if output not in FORMATS:
        raise BatchError(f"{manifest}: unknown output {output!r}")
    try:
        rows = list(ResultStore(folder, output).rows("stories"))
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise BatchError(f"{path}: the story rows cannot be read ({exc})") from None
    return found, rows


def _temporary(target: Path) -> Path:
    """A hidden name beside ``target``: readers of the folder (pyarrow, DuckDB) skip it."""
    return target.with_name(f".{target.name}.tmp")


def _write_atomic(target: Path, data: bytes) -> None:
    temporary = _temporary(target)
    temporary.write_bytes(data)
    os.replace(temporary, target)

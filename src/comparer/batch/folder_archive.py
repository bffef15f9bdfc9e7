"""A folder of stories: one folder per story, one file per version, any format Comparer reads.

The story id is the folder's name. A story's versions are ordered by the number in their
file names when every name holds exactly one group of digits (``v1.html``, ``3.txt``,
``story-10.docx``); else by the date each version carries (a web page's publication date,
a ``Last Modified:`` line) when every one has one; else by file name, digits compared as
numbers. Hidden files and folders (a leading ``.``) are skipped.

Partitions are runs of story folders in name order: the client lists the folder's names
(not its files), each worker reads its stories' files itself.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from comparer.batch.partition import BatchError, Partition
from comparer.batch.story import ArchiveVersion, Story, iso_date, order_versions
from comparer.formats import LoadError, load_path

_ONE_NUMBER = re.compile(r"^\D*(\d+)\D*$")
_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, object], ...]:
    """A sort key that compares runs of digits as numbers ("v2" before "v10")."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _DIGITS.split(name)
        if part
    )


@dataclass(frozen=True)
class FolderArchive:
    """A folder whose sub-folders are stories."""

    path: str
    form: str = "folder"

    def _names(self) -> list[str]:
        try:
            with os.scandir(self.path) as entries:
                names = [e.name for e in entries if not e.name.startswith(".") and e.is_dir()]
        except OSError as exc:
            raise BatchError(f"{self.path}: cannot be read ({exc.strerror or exc})") from None
        return sorted(names, key=natural_key)

    def count_stories(self) -> int | None:
        """The number of story folders."""
        return len(self._names())

    def partitions(self, size: int) -> Iterator[Partition]:
        """Runs of ``size`` story folders in name order."""
        names = self._names()
        for index, start in enumerate(range(0, len(names), size)):
            chunk = tuple(names[start : start + size])
            digest = hashlib.sha256("\0".join(chunk).encode("utf-8", "surrogateescape"))
            key = f"folder:{len(chunk)}:{digest.hexdigest()[:16]}"
            yield Partition(index, key, chunk, len(chunk))

    def stories(self, partition: Partition) -> Iterator[Story]:
        """The partition's story folders, each loaded."""
        for name in partition.args:
            yield self._load(str(name))

    def story(self, story_id: str) -> Story:
        """The story folder called ``story_id``."""
        folder = Path(self.path) / story_id
        if story_id in ("", ".", "..") or "/" in story_id or not folder.is_dir():
            raise BatchError(f"{self.path}: has no story folder called {story_id}")
        return self._load(story_id)

    def _load(self, name: str) -> Story:
        folder = Path(self.path) / name
        try:
            files = sorted(
                (p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
                key=lambda p: natural_key(p.name),
            )
        except OSError as exc:
            return Story(name, error=f"cannot be read ({exc.strerror or exc})")
        if not files:
            return Story(name, error="holds no version files")
        numbers = [_ONE_NUMBER.match(p.stem) for p in files]
        versions: list[ArchiveVersion] = []
        for path, number in zip(files, numbers, strict=True):
            try:
                loaded = load_path(path)
            except LoadError as exc:
                return Story(name, error=f"{path.name}: {exc.problem}")
            except Exception as exc:  # noqa: BLE001 - a loader bug is this story's error
                return Story(name, error=f"{path.name}: could not be read ({type(exc).__name__})")
            versions.append(
                ArchiveVersion(
                    loaded,
                    int(number.group(1)) if number and all(numbers) else None,
                    iso_date(loaded.date),
                    path.name,
                )
            )
        if all(numbers) and len({v.number for v in versions}) < len(versions):
            versions = [ArchiveVersion(v.version, None, v.date, v.name) for v in versions]
        return Story(name, order_versions(versions))

"""Which kind of archive a path is, and what every archive form offers the batch.

An archive is read in two places: the client lists its partitions (small descriptions,
never the texts), and each worker reads the stories of one partition itself, so the
archive's texts never pass through the client. Archive objects hold only a path and a few
settings, so they pickle cheaply to the workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from comparer.batch.partition import BatchError, Partition
from comparer.batch.story import Story
from comparer.core.model import Version

DEFAULT_PARTITION_STORIES = 50


class Archive(Protocol):
    """What the batch needs from an archive form."""

    @property
    def path(self) -> str:
        """The archive's absolute path."""
        ...

    @property
    def form(self) -> str:
        """"sqlite", "folder" or "jsonl"."""
        ...

    def count_stories(self) -> int | None:
        """How many stories the archive holds, if that can be known without reading it."""
        ...

    def partitions(self, size: int) -> Iterator[Partition]:
        """The partitions, about ``size`` stories each, in a stable order (client side)."""
        ...

    def stories(self, partition: Partition) -> Iterator[Story]:
        """Each story of ``partition`` with its versions in order (worker side)."""
        ...

    def story(self, story_id: str) -> Story:
        """One story by the archive's own id.

        Raises:
            BatchError: no story has that id.
        """
        ...


def open_archive(path: str | os.PathLike[str], table: str | None = None) -> Archive:
    """The archive at ``path``: a folder of stories, a JSON Lines file or a SQLite database.

    Args:
        path: the archive.
        table: SQLite only: "entryversion" or "split_sentences" (default: entryversion
            when it holds texts, else split_sentences).

    Raises:
        BatchError: the path is missing, unreadable or not an archive Comparer reads.
    """
    from comparer.batch.folder_archive import FolderArchive
    from comparer.batch.jsonl_archive import JsonlArchive
    from comparer.batch.sqlite_archive import SqliteArchive

    label = str(path)
    p = Path(path)
    if not p.exists():
        raise BatchError(f"{label}: no such file or folder")
    if p.is_dir():
        if table:
            raise BatchError(f"{label}: --table is for SQLite archives; this is a folder")
        return FolderArchive(str(p.resolve()))
    try:
        with p.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise BatchError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    if head.startswith(b"SQLite format 3\x00"):
        return SqliteArchive.open(str(p.resolve()), table)
    if table:
        raise BatchError(f"{label}: --table is for SQLite archives; this is not one")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return JsonlArchive(str(p.resolve()))
    if not head:
        raise BatchError(f"{label}: is empty")
    raise BatchError(
        f"{label}: is not an archive Comparer reads "
        "(a SQLite database, a JSON Lines file, or a folder of story folders)"
    )


def story_versions(path: str, story_id: str) -> list[Version]:
    """The versions of one story of an archive, in order: what ``--story`` opens.

    Raises:
        BatchError: the archive cannot be read, has no such story, or the story is bad.
    """
    story = open_archive(path).story(story_id)
    if story.error is not None:
        raise BatchError(f"story {story_id}: {story.error}")
    return [v.version for v in story.versions]

"""A JSON Lines file of versions: one object per line, any order.

Each line holds one version: ``story`` (the story id; ``story_id`` or ``entry_id`` are
read too), ``text`` (plain text, or ``<p>`` paragraphs), and optionally ``version`` (a
whole number), ``date`` (ISO 8601; ``created`` is read too) and ``title``.

A JSON Lines file has no index, and a story's lines may be anywhere in it. Partitions
are buckets of story ids (a stable hash of the id, the same in every process): each
worker reads the file through and keeps the lines of its bucket. The file is therefore
read once per partition, by the workers, never by the client; the number of partitions
grows with the file's size (one per 32 MB, at least 4). For archives of many gigabytes
a SQLite database, which is read by id ranges, is the better form.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from comparer.batch.partition import BatchError, Partition
from comparer.batch.story import ArchiveVersion, Story, iso_date, order_versions
from comparer.batch.text_version import text_version
from comparer.formats import LoadError

BYTES_PER_PARTITION = 32 * 1024 * 1024
MIN_PARTITIONS = 4
_ID_KEYS = ("story", "story_id", "entry_id")


def bucket_of(story_id: str, buckets: int) -> int:
    """The partition a story id falls in (CRC-32: the same in every process and run)."""
    return zlib.crc32(story_id.encode("utf-8", "surrogatepass")) % buckets


@dataclass(frozen=True)
class JsonlArchive:
    """A JSON Lines file of versions."""

    path: str
    form: str = "jsonl"

    def count_stories(self) -> int | None:
        """Unknown without reading the file."""
        return None

    def _buckets(self) -> int:
        try:
            size = os.path.getsize(self.path)
        except OSError as exc:
            raise BatchError(f"{self.path}: cannot be read ({exc.strerror or exc})") from None
        return max(MIN_PARTITIONS, -(-size // BYTES_PER_PARTITION))

    def partitions(self, size: int) -> Iterator[Partition]:
        """One partition per bucket of story ids (``size`` does not apply: see above)."""
        buckets = self._buckets()
        for index in range(buckets):
            yield Partition(index, f"jsonl:{index}/{buckets}", (index, buckets))

    def stories(self, partition: Partition) -> Iterator[Story]:
        """The stories whose ids fall in the partition's bucket."""
        bucket, buckets = partition.args
        assert isinstance(bucket, int) and isinstance(buckets, int)
        lines: dict[str, list[tuple[int, dict[str, object]]]] = {}
        for number, record, error in self._records():
            if error is not None:
                # a line that is not a version: reported once, by the line number's bucket
                if number % buckets == bucket:
                    yield Story(f"(line {number})", error=error)
                continue
            story_id = _story_id(record)
            if bucket_of(story_id, buckets) == bucket:
                lines.setdefault(story_id, []).append((number, record))
        for story_id, records in lines.items():
            yield _story(story_id, records)

    def story(self, story_id: str) -> Story:
        """The story with this id."""
        records = [
            (number, record)
            for number, record, error in self._records()
            if error is None and _story_id(record) == story_id
        ]
        if not records:
            raise BatchError(f"{self.path}: has no story with id {story_id}")
        return _story(story_id, records)

    def _records(self) -> Iterator[tuple[int, dict[str, object], str | None]]:
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - closed below, read line by line
        except OSError as exc:
            raise BatchError(f"{self.path}: cannot be read ({exc.strerror or exc})") from None
        with handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except (ValueError, UnicodeDecodeError):
                    yield number, {}, f"line {number} is not valid JSON"
                    continue
                if not isinstance(record, dict) or not any(
                    isinstance(record.get(k), (str, int)) for k in _ID_KEYS
                ):
                    yield number, {}, f"line {number} has no story id ('story')"
                    continue
                yield number, record, None


def _story_id(record: dict[str, object]) -> str:
    for key in _ID_KEYS:
        value = record.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
    return ""


def _story(story_id: str, records: list[tuple[int, dict[str, object]]]) -> Story:
    versions: list[ArchiveVersion] = []
    for position, (line, record) in enumerate(records, start=1):
        raw_number = record.get("version")
        number = (
            raw_number if isinstance(raw_number, int) and not isinstance(raw_number, bool) else None
        )
        text = record.get("text", record.get("summary"))
        if not isinstance(text, str):
            return Story(story_id, error=f"line {line}: has no 'text'")
        when = record.get("date", record.get("created"))
        date = iso_date(str(when)) if isinstance(when, (str, int, float)) else None
        title = record.get("title")
        label = f"{story_id} v{number if number is not None else position}"
        try:
            loaded = text_version(text, label, title if isinstance(title, str) else None, date)
        except LoadError as exc:
            return Story(story_id, error=f"line {line}: {exc.problem}")
        versions.append(ArchiveVersion(loaded, number, date))
    return Story(story_id, order_versions(versions))

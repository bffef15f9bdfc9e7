"""diffengine and NewsEdits SQLite databases, opened read-only.

Two tables are read (their columns as those projects document and create them):

- ``entryversion``: one row per version, ``entry_id`` (the story), ``version`` (NewsEdits;
  diffengine has none and its versions are ordered by ``created``), ``created``, ``title``,
  ``url`` and ``summary`` (the text, as ``<p>`` paragraphs or plain text);
- ``split_sentences`` (NewsEdits): one row per sentence, ``entry_id``, ``version``,
  ``sent_idx``, ``sentence``. It keeps no paragraphs, so each sentence is compared as
  a paragraph unless the sentences carry ``<p>`` marks; titles and dates come from
  ``entryversion`` when the database has it too.

Partitions are ranges of ``entry_id`` that the client finds with one ordered scan of the
ids (never the texts); each worker then reads its range with its own read-only
connection. The ranges are read quickly when ``entry_id`` is indexed (diffengine's is;
Comparer never adds an index, as it never writes to the archive).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from comparer.batch.partition import BatchError, Partition
from comparer.batch.story import ArchiveVersion, Story, iso_date, order_versions
from comparer.batch.text_version import (
    blocks_version,
    html_paragraphs,
    looks_like_html,
    text_version,
)
from comparer.formats import LoadError

ENTRYVERSION = "entryversion"
SENTENCES = "split_sentences"


@dataclass(frozen=True)
class SqliteArchive:
    """A diffengine or NewsEdits database: stories are ``entry_id``s of one table."""

    path: str
    table: str
    columns: tuple[str, ...]
    has_entryversion: bool
    form: str = "sqlite"

    @classmethod
    def open(cls, path: str, table: str | None = None) -> SqliteArchive:
        """Check the database and choose its table.

        Raises:
            BatchError: the file is not a database, or has neither table.
        """
        try:
            with _connect(path) as connection:
                tables = {
                    row[0].lower(): row[0]
                    for row in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                    )
                }
                columns = {
                    name: tuple(
                        r[1].lower() for r in connection.execute(f'PRAGMA table_info("{real}")')
                    )
                    for name, real in tables.items()
                }
        except sqlite3.DatabaseError as exc:
            raise BatchError(f"{path}: is not a readable SQLite database ({exc})") from None
        has_ev = ENTRYVERSION in tables and {"entry_id", "summary"} <= set(columns[ENTRYVERSION])
        has_ss = SENTENCES in tables and {"entry_id", "version", "sent_idx", "sentence"} <= set(
            columns[SENTENCES]
        )
        if table is None:
            table = ENTRYVERSION if has_ev else SENTENCES if has_ss else None
        if table is None:
            raise BatchError(
                f"{path}: has no 'entryversion' table (entry_id, summary, …) and no "
                "'split_sentences' table (entry_id, version, sent_idx, sentence)"
            )
        if table == ENTRYVERSION and not has_ev:
            raise BatchError(f"{path}: has no 'entryversion' table with entry_id and summary")
        if table == SENTENCES and not has_ss:
            raise BatchError(
                f"{path}: has no 'split_sentences' table with entry_id, version, sent_idx, sentence"
            )
        if table not in (ENTRYVERSION, SENTENCES):
            raise BatchError(f"--table {table}: expected entryversion or split_sentences")
        return cls(path, table, columns[table], has_ev)

    def count_stories(self) -> int | None:
        """The number of distinct ``entry_id``s."""
        with _connect(self.path) as connection:
            row = connection.execute(
                f"SELECT COUNT(DISTINCT entry_id) FROM {self.table}"
            ).fetchone()
        return int(row[0])

    def partitions(self, size: int) -> Iterator[Partition]:
        """Ranges of about ``size`` ids, found by one ordered pass over the ids alone."""
        with _connect(self.path) as connection:
            cursor = connection.execute(
                f"SELECT DISTINCT entry_id FROM {self.table} WHERE entry_id IS NOT NULL "
                "ORDER BY entry_id"
            )
            index, first, last, count = 0, None, None, 0
            for (entry_id,) in cursor:
                if count == 0:
                    first = entry_id
                last, count = entry_id, count + 1
                if count == size:
                    yield self._partition(index, first, last, count)
                    index, count = index + 1, 0
            if count:
                yield self._partition(index, first, last, count)

    def _partition(self, index: int, first: object, last: object, count: int) -> Partition:
        return Partition(index, f"{self.table}:{first!r}..{last!r}:{count}", (first, last), count)

    def stories(self, partition: Partition) -> Iterator[Story]:
        """Every story whose ``entry_id`` lies in the partition's range."""
        first, last = partition.args
        with _connect(self.path) as connection:
            yield from self._read(connection, "entry_id >= ? AND entry_id <= ?", (first, last))

    def story(self, story_id: str) -> Story:
        """The story with this ``entry_id``."""
        keys: list[object] = [story_id]
        with suppress(ValueError):
            keys.insert(0, int(story_id))
        with _connect(self.path) as connection:
            for key in keys:
                for story in self._read(connection, "entry_id = ?", (key,)):
                    return story
        raise BatchError(f"{self.path}: has no story with entry_id {story_id}")

    def _read(
        self, connection: sqlite3.Connection, where: str, params: tuple[object, ...]
    ) -> Iterator[Story]:
        if self.table == ENTRYVERSION:
            yield from self._read_versions(connection, where, params)
        else:
            yield from self._read_sentences(connection, where, params)

    def _column(self, name: str) -> str:
        return name if name in self.columns else "NULL"

    def _read_versions(
        self, connection: sqlite3.Connection, where: str, params: tuple[object, ...]
    ) -> Iterator[Story]:
        sql = (
            f"SELECT entry_id, {self._column('version')}, {self._column('created')}, "
            f"{self._column('title')}, summary FROM {ENTRYVERSION} WHERE {where} "
            "ORDER BY entry_id, rowid"
        )
        current: object = None
        rows: list[tuple[object, ...]] = []
        for row in connection.execute(sql, params):
            if rows and row[0] != current:
                yield _story_from_rows(current, rows)
                rows = []
            current = row[0]
            rows.append(row[1:])
        if rows:
            yield _story_from_rows(current, rows)

    def _read_sentences(
        self, connection: sqlite3.Connection, where: str, params: tuple[object, ...]
    ) -> Iterator[Story]:
        meta: dict[tuple[object, object], tuple[object, object]] = {}
        if self.has_entryversion:
            info = set(
                r[1].lower() for r in connection.execute(f"PRAGMA table_info({ENTRYVERSION})")
            )
            if "version" in info:
                created = "created" if "created" in info else "NULL"
                title = "title" if "title" in info else "NULL"
                for entry_id, version, when, headline in connection.execute(
                    f"SELECT entry_id, version, {created}, {title} FROM {ENTRYVERSION} "
                    f"WHERE {where}",
                    params,
                ):
                    meta[(entry_id, version)] = (when, headline)
        sql = (
            f"SELECT entry_id, version, sentence FROM {SENTENCES} WHERE {where} "
            "ORDER BY entry_id, version, sent_idx"
        )
        current: object = None
        versions: dict[object, list[str]] = {}
        for entry_id, version, sentence in connection.execute(sql, params):
            if versions and entry_id != current:
                yield _story_from_sentences(current, versions, meta)
                versions = {}
            current = entry_id
            versions.setdefault(version, []).append("" if sentence is None else str(sentence))
        if versions:
            yield _story_from_sentences(current, versions, meta)


@contextmanager
def _connect(path: str) -> Iterator[sqlite3.Connection]:
    """A read-only connection, closed afterwards."""
    try:
        connection = read_only(path)
    except sqlite3.Error as exc:
        raise BatchError(f"{path}: cannot be opened read-only ({exc})") from None
    try:
        yield connection
    except sqlite3.Error as exc:
        raise BatchError(f"{path}: cannot be read ({exc})") from None
    finally:
        connection.close()


def _number(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _story_from_rows(entry_id: object, rows: list[tuple[object, ...]]) -> Story:
    story_id = str(entry_id)
    versions: list[ArchiveVersion] = []
    for position, (version, created, title, summary) in enumerate(rows, start=1):
        number = _number(version)
        label = f"{story_id} v{number if number is not None else position}"
        date = iso_date(None if created is None else str(created))
        try:
            loaded = text_version(
                "" if summary is None else str(summary),
                label,
                None if title is None else str(title),
                date,
            )
        except LoadError as exc:
            return Story(story_id, error=f"version {number or position}: {exc.problem}")
        versions.append(ArchiveVersion(loaded, number, date))
    return Story(story_id, order_versions(versions))


def _story_from_sentences(
    entry_id: object,
    versions: dict[object, list[str]],
    meta: dict[tuple[object, object], tuple[object, object]],
) -> Story:
    story_id = str(entry_id)
    out: list[ArchiveVersion] = []
    for position, (version, sentences) in enumerate(versions.items(), start=1):
        number = _number(version)
        created, title = meta.get((entry_id, version), (None, None))
        date = iso_date(None if created is None else str(created))
        label = f"{story_id} v{number if number is not None else position}"
        joined = " ".join(sentences)
        try:
            if looks_like_html(joined):
                paragraphs = html_paragraphs(joined)
            else:
                paragraphs = [" ".join(s.split()) for s in sentences]
            loaded = blocks_version(paragraphs, label, None if title is None else str(title), date)
        except LoadError as exc:
            return Story(story_id, error=f"version {number or position}: {exc.problem}")
        out.append(ArchiveVersion(loaded, number, date))
    return Story(story_id, order_versions(out))


def read_only(path: str) -> sqlite3.Connection:
    """A connection to the SQLite file at ``path`` that can never write to it."""
    from urllib.parse import quote

    uri = f"file:{quote(path)}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    connection.execute("PRAGMA query_only = ON")
    return connection

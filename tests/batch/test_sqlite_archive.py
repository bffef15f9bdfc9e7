from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from comparer.batch.archive import open_archive
from comparer.batch.partition import BatchError
from comparer.batch.sqlite_archive import SqliteArchive
from comparer.batch.story_rows import story_rows
from tests.batch.archives import QUAKE, write_newsedits


def test_newsedits_sentence_table_gives_the_same_changes_as_its_versions(newsedits: Path) -> None:
    sentences = SqliteArchive.open(str(newsedits), "split_sentences")
    versions = SqliteArchive.open(str(newsedits), "entryversion")
    for story_id in ("101", "102"):
        a = story_rows(sentences.story(story_id))[1]
        b = story_rows(versions.story(story_id))[1]
        assert [(p["numbers"], p["to_headline"], p["to_date"]) for p in a] == [
            (p["numbers"], p["to_headline"], p["to_date"]) for p in b
        ]


def test_the_sentence_table_alone_is_read_when_there_is_no_entryversion(tmp_path: Path) -> None:
    path = write_newsedits(tmp_path / "n.db")
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE entryversion")
    archive = open_archive(path)
    assert archive.form == "sqlite"
    story = archive.story("101")
    assert [v.number for v in story.versions] == [1, 2, 3]
    assert "killed 40 people" in story.versions[0].version.text


def test_partitions_are_id_ranges_that_cover_every_story_once(newsedits: Path) -> None:
    archive = open_archive(newsedits)
    seen = [s.story_id for p in archive.partitions(3) for s in archive.stories(p)]
    assert seen == ["101", "102", "103", "104"]
    assert [p.stories for p in archive.partitions(3)] == [3, 1]


def test_the_story_of_an_id_in_version_order(newsedits: Path) -> None:
    story = open_archive(newsedits).story("101")
    assert [v.version.title for v in story.versions] == [v.title for v in QUAKE]
    assert story.versions[1].date == "2021-03-01T06:45:00+00:00"


def test_an_unknown_story_id_is_a_clear_error(newsedits: Path) -> None:
    with pytest.raises(BatchError, match="no story with entry_id 999"):
        open_archive(newsedits).story("999")


def test_a_database_without_either_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
    with pytest.raises(BatchError, match="no 'entryversion' table"):
        open_archive(path)


def test_an_empty_version_makes_its_story_bad_not_the_run(tmp_path: Path) -> None:
    path = write_newsedits(tmp_path / "n.db")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE entryversion SET summary = '' WHERE entry_id = 102 AND version = 2"
        )
    archive = open_archive(path)
    stories = {s.story_id: s for p in archive.partitions(10) for s in archive.stories(p)}
    assert stories["102"].error == "version 2: is empty"
    assert stories["101"].error is None

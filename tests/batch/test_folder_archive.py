from __future__ import annotations

from pathlib import Path

import pytest

from comparer.batch.archive import open_archive
from comparer.batch.folder_archive import natural_key
from comparer.batch.partition import BatchError


def test_versions_follow_the_number_in_their_file_names(tmp_path: Path) -> None:
    story = tmp_path / "archive" / "s1"
    story.mkdir(parents=True)
    for number in (10, 2, 1):
        (story / f"v{number}.txt").write_text(f"The count rose to {number * 7}.\n")
    (story / ".hidden.txt").write_text("not a version\n")
    loaded = open_archive(tmp_path / "archive").story("s1")
    assert [v.name for v in loaded.versions] == ["v1.txt", "v2.txt", "v10.txt"]
    assert [v.number for v in loaded.versions] == [1, 2, 10]


def test_a_story_with_an_unreadable_file_is_recorded_with_its_error(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "good").mkdir(parents=True)
    (archive / "good" / "1.txt").write_text("One.\n")
    (archive / "good" / "2.txt").write_text("Two.\n")
    (archive / "bad").mkdir()
    (archive / "bad" / "1.txt").write_text("One.\n")
    (archive / "bad" / "2.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    opened = open_archive(archive)
    stories = {s.story_id: s for p in opened.partitions(5) for s in opened.stories(p)}
    assert stories["bad"].error == "2.png: is a PNG image, not a document with text"
    assert stories["good"].error is None


def test_story_folders_are_partitioned_in_natural_order(tmp_path: Path) -> None:
    for name in ("story-10", "story-2", "story-1"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "1.txt").write_text("Text.\n")
    archive = open_archive(tmp_path)
    assert [p.args for p in archive.partitions(2)] == [("story-1", "story-2"), ("story-10",)]
    assert sorted(["b10", "b9", "a"], key=natural_key) == ["a", "b9", "b10"]


def test_a_story_id_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    with pytest.raises(BatchError, match="no story folder called"):
        open_archive(tmp_path / "a").story("..")

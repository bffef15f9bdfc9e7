"""Which kind of archive a path is, and one story's versions as ``--story`` opens them."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from comparer.batch.archive import open_archive, story_versions
from comparer.batch.partition import BatchError
from tests.batch.archives import QUAKE, write_folder, write_jsonl

FORMS = {"newsedits": "sqlite", "diffengine": "sqlite", "jsonl": "jsonl", "folder": "folder"}


def test_each_form_is_known_by_its_content(
    any_archive: Path, request: pytest.FixtureRequest
) -> None:
    archive = open_archive(any_archive)
    assert archive.form == FORMS[request.node.callspec.params["any_archive"]]
    assert archive.path == str(any_archive.resolve())


def test_json_lines_are_known_after_a_byte_order_mark_and_blank_lines(tmp_path: Path) -> None:
    line = json.dumps({"story": "s1", "version": 1, "text": "The river rose."})
    path = tmp_path / "versions.txt"  # the name does not matter
    path.write_bytes(b"\xef\xbb\xbf\n  \n" + line.encode() + b"\n")
    assert open_archive(path).form == "jsonl"


def test_a_storys_versions_come_in_order(any_archive: Path) -> None:
    versions = story_versions(str(any_archive), "101")
    assert len(versions) == len(QUAKE)
    assert ["killed 40 people" in v.text for v in versions] == [True, False, False]
    assert "at least 52" in versions[-1].text


@pytest.mark.parametrize(
    ("make", "table", "message"),
    [
        (lambda d: d / "gone.db", None, "gone.db: no such file or folder"),
        (lambda d: _file(d / "empty.jsonl", b""), None, "empty.jsonl: is empty"),
        (
            lambda d: _file(d / "story.pdf", b"%PDF-1.7\n"),
            None,
            "story.pdf: is not an archive Comparer reads (a SQLite database, a JSON Lines file",
        ),
        (
            lambda d: write_folder(d / "stories"),
            "entryversion",
            "stories: --table is for SQLite archives; this is a folder",
        ),
        (
            lambda d: write_jsonl(d / "v.jsonl"),
            "entryversion",
            "v.jsonl: --table is for SQLite archives; this is not one",
        ),
    ],
    ids=["missing", "empty", "not-an-archive", "table-on-folder", "table-on-jsonl"],
)
def test_what_is_not_an_archive_is_refused_in_one_line(
    tmp_path: Path, make, table: str | None, message: str
) -> None:
    with pytest.raises(BatchError) as caught:
        open_archive(make(tmp_path), table)
    assert message in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "archive.jsonl"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            open_archive(pipe)
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            outcome.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(30)  # a guard against a hang, not a measure of speed
    if worker.is_alive():
        with open(pipe, "wb"):  # let the stuck read finish before failing
            pass
        pytest.fail("opening a pipe as an archive waits for a writer")
    assert len(outcome) == 1 and isinstance(outcome[0], BatchError)
    assert str(outcome[0]).endswith("archive.jsonl: is not a regular file (a device or pipe?)")


def test_a_bad_story_cannot_be_opened(tmp_path: Path) -> None:
    archive = write_folder(tmp_path / "stories")
    (archive / "101" / "v2.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    with pytest.raises(BatchError, match=r"^story 101: v2\.html: is a PNG image"):
        story_versions(str(archive), "101")
    with pytest.raises(BatchError, match="has no story folder called 999"):
        story_versions(str(archive), "999")


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path

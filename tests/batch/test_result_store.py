"""The results folder: parts written whole, finished partitions found again, runs never mixed."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from comparer.batch.partition import BatchError, Partition
from comparer.batch.result_store import FORMATS, ResultStore
from comparer.batch.schema import FORMAT, PAIRS, STORIES, to_table

SETTINGS = {"archive": "/archives/newsedits.db", "form": "sqlite", "quotes": True}


def _tables(*story_ids: str, bad: str | None = None) -> tuple:
    stories = [{"story_id": s, "versions": 2, "pairs": 1} for s in story_ids]
    if bad is not None:
        stories.append({"story_id": bad, "versions": 0, "pairs": 0, "error": "v2.pdf: is damaged"})
    pairs = [{"story_id": s, "pair": 0, "differs": True} for s in story_ids]
    return to_table(stories, STORIES), to_table(pairs, PAIRS)


@pytest.fixture(params=FORMATS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ResultStore:
    store = ResultStore(tmp_path / "results", request.param)
    store.prepare(SETTINGS)
    return store


def test_a_new_folder_gets_a_manifest_naming_the_run(store: ResultStore) -> None:
    manifest = json.loads((store.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == {"format": FORMAT, "output": store.output_format, **SETTINGS}


def test_written_partitions_are_read_back_in_order_and_counted(store: ResultStore) -> None:
    store.write(3, "ids:7..8", *_tables("7", "8", bad="9"))
    store.write(1, "ids:1..2", *_tables("1", "2"))
    assert store.finished_parts() == [1, 3]
    assert [row["story_id"] for row in store.rows("stories")] == ["1", "2", "7", "8", "9"]
    assert [row["story_id"] for row in store.rows("pairs")] == ["1", "2", "7", "8"]
    assert store.done_counts(Partition(3, "ids:7..8", ())) == (3, 1)
    assert next(store.rows("stories"))["error"] is None


def test_a_partition_is_done_only_with_the_same_key(store: ResultStore) -> None:
    store.write(0, "ids:1..2", *_tables("1", "2"))
    assert store.is_done(Partition(0, "ids:1..2", ()))
    assert not store.is_done(Partition(0, "ids:1..3", ()))  # the archive grew
    assert not store.is_done(Partition(1, "ids:1..2", ()))


def test_partitions_past_the_end_are_forgotten(store: ResultStore) -> None:
    for index in range(3):
        store.write(index, f"part {index}", *_tables(str(index)))
    store.forget_from(1)
    assert store.finished_parts() == [0]
    assert [row["story_id"] for row in store.rows("pairs")] == ["0"]
    assert sorted(p.name for p in (store.path / "stories").iterdir()) == [
        f"part-00000{store.suffix}"
    ]


def test_a_half_written_part_never_spoils_reading_the_results(tmp_path: Path) -> None:
    store = ResultStore(tmp_path / "results")
    store.prepare(SETTINGS)
    store.write(0, "ids:1..2", *_tables("1", "2"))
    leftover = store.path / "pairs" / ".part-00007.parquet.tmp"
    leftover.write_bytes(b"PAR1 cut short")  # a run killed mid-write
    assert pq.read_table(store.path / "pairs").num_rows == 2  # as other readers see it
    store.prepare(SETTINGS)  # the rerun
    assert not leftover.exists()
    assert store.finished_parts() == [0]


def test_a_rerun_with_other_settings_is_refused(store: ResultStore) -> None:
    other = ResultStore(store.path, store.output_format)
    with pytest.raises(
        BatchError, match=r"holds results of another run \(different form, quotes\)"
    ):
        other.prepare({**SETTINGS, "form": "folder", "quotes": False})


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("x", encoding="utf-8"), "is a file; -o needs a folder"),
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("x")), "is not empty and holds no"),
        (
            lambda p: (p.mkdir(), (p / "manifest.json").write_text("{cut")),
            "manifest.json: cannot be read",
        ),
        (
            lambda p: (p.mkdir(), (p / "manifest.json").write_text("[1]")),
            "is not empty and holds no batch results",
        ),
        (
            lambda p: (p.mkdir(), (p / "manifest.json").write_text('{"name": "My app"}')),
            "is not empty and holds no batch results",
        ),
    ],
    ids=["file", "other-files", "bad-manifest", "list-manifest", "other-programs-manifest"],
)
def test_a_folder_holding_something_else_is_refused(tmp_path: Path, make, message: str) -> None:
    target = tmp_path / "results"
    make(target)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(BatchError, match=message):
        ResultStore(target).prepare(SETTINGS)
    assert sorted(tmp_path.rglob("*")) == before  # nothing written there

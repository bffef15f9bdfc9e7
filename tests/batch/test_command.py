from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from comparer.batch.schema import FORMAT, PAIRS, STORIES
from comparer.cli import main
from tests.batch.archives import STORIES as TEST_STORIES
from tests.batch.archives import write_folder


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[str(path)] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return out


def test_a_run_writes_parquet_in_the_documented_schema(any_archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "results"
    assert main(["batch", str(any_archive), "-o", str(out), "--workers", "0"]) == 0
    stories = pq.read_table(out / "stories")
    pairs = pq.read_table(out / "pairs")
    assert stories.schema.equals(STORIES, check_metadata=False)
    assert pairs.schema.equals(PAIRS, check_metadata=False)
    assert pq.read_schema(next((out / "pairs").glob("*.parquet"))).metadata[b"format"] == (
        FORMAT.encode()
    )
    assert sorted(stories.column("story_id").to_pylist()) == sorted(TEST_STORIES)
    assert pairs.num_rows == sum(len(v) - 1 for v in TEST_STORIES.values())
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format"] == FORMAT


def test_the_archive_is_never_written(any_archive: Path, tmp_path: Path) -> None:
    folder = any_archive if any_archive.is_dir() else any_archive.parent
    before = _snapshot(folder)
    assert main(["batch", str(any_archive), "-o", str(tmp_path / "out"), "--workers", "0"]) == 0
    after = {k: v for k, v in _snapshot(folder).items() if "/out/" not in k}
    assert after == before


def test_json_lines_results_hold_the_same_rows(newsedits: Path, tmp_path: Path) -> None:
    assert main(["batch", str(newsedits), "-o", str(tmp_path / "p"), "--workers", "0"]) == 0
    code = main(
        ["batch", str(newsedits), "-o", str(tmp_path / "j"), "--workers", "0", "--format", "jsonl"]
    )
    assert code == 0
    lines = [
        json.loads(line)
        for part in sorted((tmp_path / "j" / "pairs").glob("*.jsonl"))
        for line in part.read_text().splitlines()
    ]
    assert lines == pq.read_table(tmp_path / "p" / "pairs").to_pylist()


def test_where_prints_the_matching_pairs(
    newsedits: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "r")
    assert (
        main(
            [
                "batch",
                newsedits.as_posix(),
                "-o",
                out,
                "--workers",
                "0",
                "--where",
                "number_changed",
            ]
        )
        == 0
    )
    printed = capsys.readouterr()
    lines = printed.out.splitlines()
    assert lines[0].startswith("101  v1→v2  +45 min  numbers: 40 → 48 (+8, +20%)")
    assert [line.split()[0] for line in lines] == ["101", "101", "102"]
    assert "3 pairs match" in printed.err
    # a finished run is not redone: the filter reads the results
    assert (
        main(
            [
                "batch",
                newsedits.as_posix(),
                "-o",
                out,
                "--workers",
                "0",
                "--where",
                "speaker_dropped",
            ]
        )
        == 0
    )
    printed = capsys.readouterr()
    assert [line.split("  ")[:2] for line in printed.out.splitlines()] == [
        ["101", "v2→v3"],
        ["103", "v1→v2"],
    ]
    assert "1 partition already done" in printed.err


def test_a_bad_story_is_recorded_and_the_rest_compared(tmp_path: Path) -> None:
    archive = write_folder(tmp_path / "stories")
    (archive / "105").mkdir()
    (archive / "105" / "v1.txt").write_text("The toll was 3.\n")
    (archive / "105" / "v2.docx").write_bytes(b"PK\x03\x04 not really a document")
    out = tmp_path / "out"
    assert main(["batch", str(archive), "-o", str(out), "--workers", "0"]) == 0
    stories = {r["story_id"]: r for r in pq.read_table(out / "stories").to_pylist()}
    assert stories["105"]["error"].startswith("v2.docx: ")
    assert stories["105"]["pairs"] == 0
    assert stories["101"]["error"] is None and stories["101"]["pairs"] == 2
    pairs = pq.read_table(out / "pairs").to_pylist()
    assert "105" not in {p["story_id"] for p in pairs}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere.db", "-o", "r"], "nowhere.db: no such file or folder"),
        (["{archive}", "-o", "{archive}/inside"], "is inside the archive folder"),
        (["{archive}", "-o", "r", "--where", "toll >"], "--where: "),
        (["{archive}", "-o", "r", "--workers", "-1"], "--workers"),
        (["{archive}", "-o", "r", "--table", "entryversion"], "--table is for SQLite"),
        (["{archive}/101/v1.html", "-o", "r"], "is not an archive Comparer reads"),
        (["{archive}"], "the following arguments are required: -o"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = write_folder(tmp_path / "stories")
    monkeypatch.chdir(tmp_path)
    code = main(["batch", *[a.format(archive=archive) for a in args]])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_results_of_another_archive_are_never_mixed(
    newsedits: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "r")
    assert main(["batch", str(newsedits), "-o", out, "--workers", "0"]) == 0
    other = write_folder(tmp_path / "stories")
    assert main(["batch", str(other), "-o", out, "--workers", "0"]) == 2
    assert (
        "holds results of another run (different archive, form, table)" in capsys.readouterr().err
    )

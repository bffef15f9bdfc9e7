"""``comparer history`` and the order of versions on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from comparer.cli import main
from tests.formats.builders import write_word_drafts

STORY = Path(__file__).parent / "data" / "story"
FILES = [str(STORY / f"v{k}.txt") for k in range(1, 7)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_history_json_holds_versions_in_order_with_lineages_figures_and_speakers(capsys) -> None:
    shuffled = [FILES[k] for k in (3, 0, 5, 1, 4, 2)]
    status, out, err = run(capsys, "history", *shuffled, "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["format"] == "comparer-history/1" and data["order"] == "date"
    versions = data["versions"]
    assert [v["path"] for v in versions] == FILES
    assert [v["given_position"] for v in versions] == [1, 3, 5, 0, 4, 2]
    assert versions[0]["text"] == Path(FILES[0]).read_text(encoding="utf-8")
    assert versions[0]["date_source"] == "article"
    assert versions[0]["date_label"] == "9 Jun 2025 06:10"
    assert len(data["steps"]) == 5 and data["steps"][1]["summary"]["paragraphs_moved"] == 1
    for k, version in enumerate(versions):
        cells = [p for lineage in data["lineages"] for p in lineage["paragraphs"][k]]
        assert sorted(cells) == list(range(len(version["paragraphs"])))
    toll = data["figures"][0]
    assert [v["text"] for v in toll["values"]] == ["3", "5", "7", "7", "6", "8"]
    assert toll["steps"][2] == {
        "from": 3,
        "to": 4,
        "from_text": "7",
        "to_text": "6",
        "delta": "-1, -14%",
    }
    harker = next(s for s in data["speakers"] if s["name"] == "Tom Harker")
    assert harker["quotes_per_version"][:3] == [0, 0, 0] and harker["first"] == 3


def test_history_text_shows_the_timeline_figures_and_speakers(capsys) -> None:
    status, out, _ = run(capsys, "history", *FILES)
    assert status == 0
    assert "v3  v3.txt  (9 Jun 2025 09:30): 2 numbers changed, 1 added, 1 removed" in out
    assert "people were killed: 3 (v1, 06:10) → 5 (v2, 07:45, +2, +67%)" in out
    assert "Tom Harker" in out and "···●●●" in out


def test_files_without_dates_keep_the_order_given_and_say_file_saved(capsys, tmp_path) -> None:
    a, b = tmp_path / "b-first.txt", tmp_path / "a-second.txt"
    a.write_text("The toll rose to 40 on Monday.\n", encoding="utf-8")
    b.write_text("The toll rose to 48 on Monday.\n", encoding="utf-8")
    status, out, _ = run(capsys, "history", str(a), str(b), "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["order"] == "given"
    assert [Path(v["path"]).name for v in data["versions"]] == ["b-first.txt", "a-second.txt"]
    assert data["versions"][0]["date_source"] == "file"
    assert data["versions"][0]["date_label"].startswith("file saved ")
    assert data["figures"][0]["steps"][0]["delta"] == "+8, +20%"


def test_compare_warns_in_one_line_when_the_order_given_contradicts_the_dates(
    capsys, tmp_path
) -> None:
    newer = tmp_path / "new.txt"
    shutil.copy(FILES[1], newer)
    status, out, err = run(
        capsys, "compare", str(newer), FILES[0], "--order", "given", "--format", "json"
    )
    assert status == 1
    assert err.count("\n") == 1 and "contradicts the articles' dates" in err
    assert "--order date" in err
    assert [Path(v["path"]).name for v in json.loads(out)["versions"]] == ["new.txt", "v1.txt"]
    status, out, err = run(capsys, "compare", str(newer), FILES[0], "--format", "json")
    assert err == ""  # both dated: put in date order, nothing to warn of
    assert [Path(v["path"]).name for v in json.loads(out)["versions"]] == ["v1.txt", "new.txt"]


def test_word_drafts_given_newest_first_are_warned_of_by_their_saved_times(
    capsys, tmp_path
) -> None:
    old, new = write_word_drafts(tmp_path)
    status, out, err = run(capsys, "compare", str(new), str(old), "--format", "json")
    assert status == 1
    assert err.count("\n") == 1
    assert "contradicts the times the documents were saved" in err
    assert "v2 (old.docx, document saved 1 Mar 2025" in err
    data = json.loads(out)
    assert [Path(v["path"]).name for v in data["versions"]] == ["new.docx", "old.docx"]
    status, out, err = run(
        capsys, "compare", str(new), str(old), "--order", "date", "--format", "json"
    )
    assert err == ""
    numbers = json.loads(out)["pairs"][0]["numbers"]
    assert [(n["from"], n["to"]) for n in numbers][:1] == [("240", "260")]


def test_history_says_a_drafts_date_is_when_the_document_was_saved(capsys, tmp_path) -> None:
    old, new = write_word_drafts(tmp_path)
    status, out, _ = run(capsys, "history", str(old), str(new), "--format", "json")
    versions = json.loads(out)["versions"]
    assert [v["date_source"] for v in versions] == ["document", "document"]
    assert [v["document_saved"] for v in versions] == [
        "2025-03-01T09:00:00+00:00",
        "2025-03-01T15:30:00+00:00",
    ]
    assert all(v["date_label"].startswith("document saved 1 Mar 2025") for v in versions)


@pytest.mark.parametrize("args", [["history", FILES[0]], ["history", FILES[0], "missing.txt"]])
def test_history_trouble_is_one_line_and_status_2(capsys, args) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == "" and err.count("\n") == 1


def test_history_text_writes_out_control_characters(capsys, tmp_path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The toll rose to 40 \x1b[2J on Monday.\n", encoding="utf-8")
    b.write_text("The toll rose to 48 \x1b[2J on Monday.\n", encoding="utf-8")
    status, out, _ = run(capsys, "history", str(a), str(b))
    assert status == 0 and "\x1b" not in out and "\\x1b[2J" in out

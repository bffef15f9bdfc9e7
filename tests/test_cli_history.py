"""``comparer history`` and the order of versions on the command line."""

from __future__ import annotations

import json
import os
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


def test_order_date_in_text_says_the_undated_version_kept_its_place(capsys, tmp_path) -> None:
    text = Path(FILES[2]).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("Last updated")]
    undated = tmp_path / "v3-undated.txt"
    undated.write_text("\n".join(lines) + "\n", encoding="utf-8")
    given = [FILES[1], FILES[0], str(undated), *FILES[3:]]
    status, out, err = run(
        capsys, "history", *given, "--order", "date", "--format", "text", "--no-quotes"
    )
    assert (status, err) == (0, "")
    assert out.startswith("6 versions, in date order; 1 undated version kept its place\n")
    assert "  v3  v3-undated.txt" in out  # where it was given


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


def _page(title: str, stamp: str, toll: int) -> str:
    return (
        f"<html><head><title>{title}</title>"
        f"<meta property='article:modified_time' content='{stamp}'></head><body><article>"
        f"<h1>{title}</h1><p>At least {toll} people were killed when a passenger ferry caught "
        "fire off Kestrel Point early on Monday, the coastguard said on the quayside.</p>"
        "<p>Lifeboats from three stations were sent to the scene as the fire spread.</p>"
        "</article></body></html>"
    )


def test_pages_dated_in_different_time_zones_are_read_in_the_order_they_were_written(
    capsys, tmp_path
) -> None:
    # London at 01:00 UTC, New York at 23:30 the evening before (04:30 UTC), then Paris
    # at 06:00 (05:00 UTC): ordered by their clock times alone, the toll would seem to fall
    pages = [
        ("london.html", "2025-06-10T01:00:00+00:00", 3),
        ("new-york.html", "2025-06-09T23:30:00-05:00", 5),
        ("paris.html", "2025-06-10T06:00:00+01:00", 7),
    ]
    paths = []
    for name, stamp, toll in pages:
        path = tmp_path / name
        path.write_text(_page("Ferry fire", stamp, toll), encoding="utf-8")
        paths.append(str(path))
    status, out, err = run(capsys, "history", *reversed(paths))
    assert (status, err) == (0, "")
    assert "v1  london.html  (10 Jun 2025 01:00 UTC)" in out
    assert "v2  new-york.html  (9 Jun 2025 23:30 UTC\u22125)" in out
    assert "v3  paris.html  (10 Jun 2025 06:00 UTC+1)" in out
    assert "3 (v1, 10 Jun 01:00 UTC) \u2192 5 (v2, 9 Jun 23:30 UTC\u22125, +2, +67%)" in out
    status, _, err = run(capsys, "compare", paths[1], paths[0], "--order", "given")
    assert "new-york.html" in err and "warning" in err  # read in that order, it is told


def test_history_json_gives_each_dates_offset_from_utc(capsys, tmp_path) -> None:
    paths = []
    for name, stamp in (("a.html", "2025-06-10T01:00:00Z"), ("b.html", "2025-06-09T23:30-05:00")):
        path = tmp_path / name
        path.write_text(_page("Ferry fire", stamp, 3), encoding="utf-8")
        paths.append(str(path))
    status, out, _ = run(capsys, "history", *paths, "--format", "json")
    versions = json.loads(out)["versions"]
    assert [(v["date"], v["utc_offset"]) for v in versions] == [
        ("2025-06-10T01:00", 0),
        ("2025-06-09T23:30", -300),
    ]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a disk always full")
@pytest.mark.parametrize("command", ["history", "compare"])
def test_a_full_disk_under_standard_output_is_told_in_one_line(command, tmp_path) -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "comparer", command, FILES[0], FILES[1]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    # trouble, not "the versions differ" (1), and no traceback
    assert done.returncode == 2
    assert done.stderr == (
        "comparer: standard output: cannot be written (No space left on device)\n"
    )


@pytest.mark.parametrize(
    ("command", "fmt"), [("history", "text"), ("history", "json"), ("compare", "json")]
)
def test_file_names_that_are_not_utf8_are_written_without_a_traceback(
    capsys, tmp_path, command, fmt
) -> None:
    # names from an old archive, in Latin-1: Python keeps their bytes as lone surrogates
    paths = []
    for raw, toll in ((b"caf\xe9-1.txt", 3), (b"caf\xe9-2.txt", 5)):
        path = os.fsdecode(os.path.join(os.fsencode(tmp_path), raw))
        try:
            Path(path).write_text(f"Title\n\nAt least {toll} people died.\n", encoding="utf-8")
        except (OSError, UnicodeEncodeError):
            pytest.skip("this file system takes only UTF-8 names")
        paths.append(path)
    status, out, err = run(capsys, command, *paths, "--format", fmt)
    assert status in (0, 1) and err == ""
    if fmt == "json":  # each byte UTF-8 cannot hold as U+FFFD, in valid JSON
        data = json.loads(out)
        assert [v["path"][-10:] for v in data["versions"]] == ["caf\ufffd-1.txt", "caf\ufffd-2.txt"]
    else:  # the byte as it is on disk, as git shows such names
        assert "caf\\xe9-1.txt" in out and "caf\\xe9-2.txt" in out

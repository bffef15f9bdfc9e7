"""The command line as a user runs it: exit statuses, messages, outputs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from comparer.cli import main
from comparer.export.text_report import ANSI

from .hostile_inputs import ESCAPES, escape_story, styled_paragraph, word_file

DATA = Path(__file__).parent / "data" / "bridge"
V1, V2, V3 = (str(DATA / f"v{i}.txt") for i in (1, 2, 3))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_follows_the_shared_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "compare", V1, V2, "--format", "json")
    assert status == 1 and err == ""
    data = json.loads(out)
    assert data["format"] == "comparer/1"
    assert [v["path"] for v in data["versions"]] == [V1, V2]
    version = data["versions"][0]
    assert version["text"] == Path(V1).read_text(encoding="utf-8")
    assert {"path", "title", "date", "sha256", "encoding", "text", "paragraphs", "quotes"} <= set(
        version
    )
    assert version["date"] == "2025-03-03T08:15"
    assert version["title"] == "Bridge collapse in Port Halden leaves 12 dead"
    pair = data["pairs"][0]
    assert (pair["from"], pair["to"]) == (0, 1)
    assert {"alignment", "changes", "numbers", "summary"} <= set(pair)
    assert {(n["from"], n["to"]) for n in pair["numbers"]} == {("12", "17"), ("$4m", "$4.5m")}
    for change in pair["changes"]:
        assert version["text"][change["from_start"] : change["from_end"]] == change["from_text"]
    assert isinstance(data["speakers"], list)


def test_three_versions_give_two_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", V1, V2, V3, "--format", "json")
    assert status == 1
    assert [(p["from"], p["to"]) for p in json.loads(out)["pairs"]] == [(0, 1), (1, 2)]


def test_no_quotes_leaves_the_comparison_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    _, full, _ = run(capsys, "compare", V1, V2, "--format", "json")
    status, bare, _ = run(capsys, "compare", V1, V2, "--format", "json", "--no-quotes")
    assert status == 1
    with_quotes, without = json.loads(full), json.loads(bare)
    assert any(v["quotes"] for v in with_quotes["versions"]) and with_quotes["speakers"]
    assert [v["quotes"] for v in without["versions"]] == [[], []]
    assert without["speakers"] == []
    assert without["pairs"] == with_quotes["pairs"]


def test_text_output_reads_by_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", V1, V2)
    assert status == 1
    assert "number: [-#12-] → {+#17+} (+5, +42%)" in out
    assert "moved from ¶11" in out
    assert "\033[" not in out  # not a terminal: no colour codes


def test_colour_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "compare", V1, V2, "--color", "always")
    assert "\033[9;" in out and "\033[4;" in out  # strike-through and underline cues


def test_identical_content_is_not_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(Path(V1).read_bytes())
    status, out, err = run(capsys, "compare", V1, str(copy))
    assert (status, err) == (0, "")
    assert "no differences" in out


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    status, out, _ = run(capsys, "compare", V1, V2, "--format", "json", "-o", str(out_file))
    assert status == 1 and out == ""
    assert json.loads(out_file.read_text(encoding="utf-8"))["format"] == "comparer/1"


def test_never_writes_over_an_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("One paragraph.\n", encoding="utf-8")
    before = a.read_bytes()
    status, _, err = run(capsys, "compare", str(a), V1, "-o", str(a))
    assert status == 2 and "input" in err
    assert a.read_bytes() == before


def bad_inputs(tmp_path: Path) -> dict[str, tuple[str, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n \t\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: takes no disk space
        fh.truncate(51 * 1024 * 1024)
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "missing": (str(tmp_path / "nope.txt"), "no such file"),
        "folder": (str(folder), "folder"),
        "empty": (str(empty), "empty"),
        "blank": (str(blank), "empty"),
        "binary": (str(binary), "binary"),
        "too large": (str(huge), "too large"),
    }


@pytest.mark.parametrize("case", ["missing", "folder", "empty", "blank", "binary", "too large"])
def test_bad_input_gets_one_line_and_status_2(
    case: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, problem = bad_inputs(tmp_path)[case]
    status, out, err = run(capsys, "compare", V1, path)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and path in err and problem in err


def test_needs_two_files(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "compare", V1)
    assert status == 2 and "at least two" in err


def test_unknown_option_is_trouble_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "compare", V1, V2, "--format", "xml")
    assert status == 2 and "Traceback" not in err


def test_console_script_runs_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.run(
        [sys.executable, "-m", "comparer", "compare", V1, str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "missing.txt" in proc.stderr


def test_quotes_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "quotes", V1, "--format", "json")
    assert status == 0
    assert isinstance(json.loads(out)["quotes"], list)


def test_quotes_command_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "quotes", str(tmp_path / "gone.txt"))
    assert status == 2 and "gone.txt" in err


def _story_files(tmp_path: Path, escape: str, name: str = "story") -> tuple[str, str]:
    old, new = tmp_path / f"{name}-1.txt", tmp_path / f"{name}-2.txt"
    old.write_text(escape_story(escape), encoding="utf-8")
    new.write_text(escape_story(escape, edited=True), encoding="utf-8")
    return str(old), str(new)


def _controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
def test_escape_codes_never_reach_the_terminal(
    escape: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = _story_files(tmp_path, escape, name=f"name{escape}")
    status, out, err = run(capsys, "compare", old, new, "--format", "text")
    assert status == 1 and err == "" and not _controls(out)
    assert "\\x1b" in out or "\\x9b" in out
    status, out, _ = run(capsys, "quotes", old)
    assert status == 0 and not _controls(out)
    assert "Lund" in out and "It is safe" in out
    status, out, _ = run(capsys, "compare", old, new, "--format", "json")
    assert json.loads(out)["versions"][0]["path"] == old  # JSON keeps the name, escaped


def test_colour_output_has_only_its_own_escapes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = _story_files(tmp_path, ESCAPES["title"])
    status, out, _ = run(capsys, "compare", old, new, "--color", "always")
    assert status == 1
    assert "\x07" not in out and "\x1b]" not in out
    assert ANSI.numeric_new[0] in out  # the report's own colour for "ten → twelve"


@pytest.mark.parametrize("name", ["two\nlines.txt", "bell\x07and\x1b]0;title\x07.txt"])
def test_a_file_name_with_control_characters_stays_on_one_line(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / name
    bad.write_bytes(b"")
    status, out, err = run(capsys, "compare", V1, str(bad))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and not _controls(err)
    assert err.rstrip().endswith(': is empty') and '"' in err


def _damaged_word_file(tmp_path: Path) -> str:
    data = word_file(styled_paragraph("Hello there."))
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.namelist():
            blob = source.read(item)
            archive.writestr(item, b"<Other/>" if item == "_rels/.rels" else blob)
    path = tmp_path / "damaged.docx"
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_damaged_file_message_in_the_readers_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _damaged_word_file(tmp_path)
    status, _, err = run(capsys, "compare", V1, path)
    assert status == 2 and err.count("\n") == 1
    assert err == (
        f"comparer: {path}: is a damaged Word document "
        "(one of its parts is not what its name says)\n"
    )


def test_debug_adds_what_went_wrong_inside(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _damaged_word_file(tmp_path)
    status, _, err = run(capsys, "compare", V1, path, "--debug")
    first, *detail = err.splitlines()
    assert status == 2 and first.endswith("is not what its name says)")
    assert "Relationship_lst" in "\n".join(detail)
    status, _, err = run(capsys, "quotes", path, "--debug")
    assert status == 2 and "Relationship_lst" in err


def test_version_is_printed_on_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("comparer ") and err == ""

"""The panes read through AT-SPI, the way the Orca screen reader reads them (Linux).

``atspi_probe.py`` starts the app on a real X server (Xvfb, Qt's xcb platform) in a D-Bus
session with the accessibility bus, and reads the panes through AT-SPI's Text interface:
the calls go through Qt's AT-SPI bridge (C++) into the panes' text interface.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = sorted((Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds").glob("*.txt"))
PROBE = Path(__file__).with_name("atspi_probe.py")
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def _tools_or_skip() -> list[str]:
    """dbus-run-session and xvfb-run, with AT-SPI's bus installed; skip (or fail in CI)."""
    missing = [tool for tool in ("dbus-run-session", "xvfb-run") if shutil.which(tool) is None]
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        missing.append("at-spi2-core")
    try:
        import jeepney  # noqa: F401
    except ImportError:
        missing.append("jeepney (pip)")
    if missing or not sys.platform.startswith("linux"):
        message = f"needs Linux with {', '.join(missing) or 'AT-SPI'}; CI installs them"
        if os.environ.get("COMPARER_REQUIRE_ATSPI"):
            pytest.fail(message + ", and COMPARER_REQUIRE_ATSPI asks for this test")
        pytest.skip(message)
    return [shutil.which("dbus-run-session") or "", shutil.which("xvfb-run") or ""]


@pytest.fixture(scope="module")
def read_out() -> dict:
    """What a screen reader reads of the seeds' two panes, and hears when keys are pressed."""
    if len(SEEDS) < 2:
        pytest.skip("shared corpus not available")
    dbus_run, xvfb_run = _tools_or_skip()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    run = subprocess.run(
        [
            dbus_run,
            "--",
            xvfb_run,
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            sys.executable,
            str(PROBE),
            *map(str, SEEDS[:2]),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("ATSPI-RESULT ")]
    assert lines, run.stdout[-2000:] + run.stderr[-3000:]
    result = json.loads(lines[-1].removeprefix("ATSPI-RESULT "))
    assert run.returncode == 0, (result, run.stderr[-3000:])
    return result


def test_each_pane_is_a_document_with_the_text_interface(read_out) -> None:
    assert read_out["found"] == [f"Version {n}: {p.name}" for n, p in enumerate(SEEDS[:2], 1)]
    for pane, path in zip(read_out["panes"], SEEDS[:2], strict=True):
        assert pane["role"] == "document"
        assert "org.a11y.atspi.Text" in pane["interfaces"]
        text = path.read_text(encoding="utf-8")
        assert pane["count"] == len(pane["text"]) > 1000
        assert pane["text"].split("\n")[2] in text  # the version's own paragraphs


def test_the_seeds_text_reads_by_word_sentence_and_line(read_out) -> None:
    old, new = read_out["panes"]
    assert "killing at least 40" in old["text"] and "killing at least 48" in new["text"]
    for pane, figure in ((old, "40"), (new, "48")):
        at = pane["needle_at"]
        assert pane["range"] == "killing at least"
        assert pane["word"] == ["killing", at, at + len("killing")]
        sentence, start, end = pane["sentence"]
        assert sentence.startswith("The Syrian army has pounded")
        assert f"killing at least {figure} people" in sentence
        assert pane["text"][start:end] == sentence
        line, start, end = pane["line"]
        assert f"killing at least {figure} people" in line and pane["text"][start:end] == line


def test_characters_have_their_place_on_screen(read_out) -> None:
    for pane in read_out["panes"]:
        x, y, w, h = pane["extents"]
        px, py, pw, ph = pane["pane"]
        assert w > 0 and h > 0
        assert px <= x < px + pw and py <= y < py + ph  # inside its own pane
        assert pane["offset_at_point"] == pane["needle_at"]  # and found there again


def test_going_to_a_change_moves_the_caret_and_says_which_change(read_out) -> None:
    old_path, new_path = read_out["paths"]
    first = read_out["next change"]
    described = [p["description"] for p in first["panes"]]
    assert described[0].startswith("Change 1 of ") and described[1] == ""
    heard = [(e["path"], e["member"]) for e in first["events"]]
    assert (old_path, "TextCaretMoved") in heard
    assert (old_path, "PropertyChange") in heard

    number = read_out["next number change"]
    old, new = number["panes"]
    assert new["description"].startswith("Change ") and "40 → 48" in new["description"]
    assert old["description"] == ""
    at = read_out["panes"][1]["needle_at"] + len("killing at least ")
    assert new["caret"] == at  # on the "48"
    moved = [e for e in number["events"] if e["member"] == "TextCaretMoved"]
    assert {"path": new_path, "member": "TextCaretMoved", "detail": "", "detail1": at} in moved


def test_a_screen_reader_can_move_the_caret(read_out) -> None:
    moved = read_out["set_caret"]
    assert moved["now"] == moved["asked"]
    caret_events = [e for e in moved["events"] if e["member"] == "TextCaretMoved"]
    assert caret_events[-1]["path"] == read_out["paths"][1]
    assert caret_events[-1]["detail1"] == moved["asked"]

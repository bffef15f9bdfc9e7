"""The window on a fresh Linux desktop: missing X11 libraries, no display, and real X11."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from comparer import cli
from comparer.ui import display_check
from comparer.ui.display_check import XCB_LIBRARIES, display_problem, uses_xcb

DESKTOP = {"DISPLAY": ":0"}
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")


@linux_only
def test_missing_libraries_are_named_with_their_packages_and_the_install_command() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    problem = display_problem(DESKTOP, loads=lambda name: name not in absent)
    assert problem is not None
    assert problem.packages == ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1")
    assert "\n" not in problem.message
    assert problem.message.endswith(
        "install them with: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )
    for name in absent:
        assert name in problem.message


@linux_only
def test_nothing_is_reported_when_every_library_loads_and_there_is_a_display() -> None:
    assert display_problem(DESKTOP, loads=lambda _name: True) is None


@linux_only
def test_no_display_is_said_plainly() -> None:
    problem = display_problem({}, loads=lambda _name: True)
    assert problem is not None
    assert "DISPLAY is not set" in problem.message
    assert "comparer compare" in problem.message


@linux_only
@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"XDG_SESSION_TYPE": "x11"}, True),
    ],
)
def test_only_the_x11_platform_is_checked(environ: dict[str, str], xcb: bool) -> None:
    assert uses_xcb(environ) is xcb
    problem = display_problem(environ, loads=lambda _name: False)
    assert (problem is not None) is xcb


@linux_only
def test_the_command_stops_with_one_line_before_qt_can_abort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(display_check, "_loads", lambda name: name != "libxcb-icccm.so.4")
    status = cli.main(["--sample"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "sudo apt-get install libxcb-icccm4" in err


def test_the_table_names_a_debian_package_for_every_library() -> None:
    assert all(name.startswith("lib") and ".so." in name for name in XCB_LIBRARIES)
    assert all(package and " " not in package for package in XCB_LIBRARIES.values())


def _xvfb_or_skip() -> str:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("COMPARER_REQUIRE_XVFB"):
            pytest.fail("xvfb-run is missing, and COMPARER_REQUIRE_XVFB asks for this test")
        pytest.skip("needs Xvfb (Debian: apt-get install xvfb); CI installs it")
    return xvfb_run


@linux_only
def test_the_window_opens_on_a_real_x_server(tmp_path: Path) -> None:
    """`comparer --sample` under Xvfb with Qt's xcb plugin paints the comparison."""
    xvfb_run = _xvfb_or_skip()
    shot = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    env["COMPARER_THEME"] = "light"
    run = subprocess.run(
        [
            xvfb_run,
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            sys.executable,
            "-m",
            "comparer",
            "--sample",
            "--screenshot",
            str(shot),
            "--size",
            "1280x720",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert "platform plugin" not in run.stderr
    assert run.returncode == 0, run.stderr
    assert _distinct_colours(shot) > 50  # text, marks and panes, not a blank window


def _distinct_colours(path: Path) -> int:
    """How many colours a sample grid of the PNG's pixels holds."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 720)
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    )

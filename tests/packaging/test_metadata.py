"""Tests of the desktop entry, the AppStream metainfo and the app icons."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.comparer.Comparer"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

MIME_TYPES = {
    "text/plain",
    "text/html",
    "application/xhtml+xml",
    "multipart/related",
    "message/rfc822",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "text/markdown",
    "application/pdf",
}


def _project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]  # type: ignore[no-any-return]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_entry_opens_every_format() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "comparer %F"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert set(filter(None, entry["MimeType"].split(";"))) >= MIME_TYPES


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream (appstreamcli) absent")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_matches_the_project() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "comparer"
    releases = [r.get("version") for r in root.iter("release")]
    assert _project()["version"] in releases


def test_runtime_icons_are_packaged() -> None:
    icons = files("comparer") / "resources" / "icons"
    assert (icons / "comparer.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
    for size in (16, 32, 48, 64, 128, 256):
        assert _png_size((icons / f"comparer-{size}.png").read_bytes()) == (size, size)


def test_runtime_svg_is_the_master() -> None:
    master = (ROOT / "resources" / "comparer.svg").read_bytes()
    shipped = (files("comparer") / "resources" / "icons" / "comparer.svg").read_bytes()
    assert shipped == master


def test_windows_and_macos_icons() -> None:
    ico = (PACKAGING / "icons" / "comparer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    assert count >= 6
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index]
        )
        size = _png_size(ico[offset : offset + length])[0]
        assert size == (width or 256)
    icns = (PACKAGING / "icons" / "comparer.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_spec_takes_name_and_version_from_pyproject() -> None:
    spec = (PACKAGING / "comparer.spec").read_text(encoding="utf-8")
    assert "tomllib.load" in spec
    assert "console=True" in spec
    assert _project()["version"] not in spec.replace("tomllib", "")

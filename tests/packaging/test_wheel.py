"""Build the wheel and check it carries the resources the app reads (slow; opt-in)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("COMPARER_TEST_BUNDLE") != "1",
        reason="builds a wheel with pip (fetches the build backend): set COMPARER_TEST_BUNDLE=1",
    ),
]


def test_wheel_carries_icons_samples_and_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    (wheel,) = tmp_path.glob("comparer-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "comparer = comparer.cli:main" in archive.read(entry_points).decode()
    assert "comparer/resources/icons/comparer.svg" in names
    for size in (16, 32, 48, 64, 128, 256):
        assert f"comparer/resources/icons/comparer-{size}.png" in names
    samples = [n for n in names if n.startswith("comparer/resources/sample/")]
    assert len(samples) >= 2
    assert "comparer/export/html_report.py" in names
    assert "comparer/ui/report_pdf.py" in names

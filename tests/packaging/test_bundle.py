"""Build the one-folder app with PyInstaller and check that it runs (slow; opt-in)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("COMPARER_TEST_BUNDLE") != "1",
        reason="builds the PyInstaller app (about 20 s here, 250 MB): set COMPARER_TEST_BUNDLE=1",
    ),
]


def test_bundle_builds_and_runs() -> None:
    pytest.importorskip("PyInstaller")
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    check = subprocess.run(
        ["bash", str(ROOT / "packaging" / "check_bundle.sh"), str(ROOT / "dist" / "comparer")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 0, check.stdout + check.stderr[-4000:]

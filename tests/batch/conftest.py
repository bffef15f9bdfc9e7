"""Archives in every form, made fresh for each test from the stories in ``archives.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.batch.archives import write_diffengine, write_folder, write_jsonl, write_newsedits

MAKERS: dict[str, Callable[[Path], Path]] = {
    "newsedits": lambda d: write_newsedits(d / "newsedits.db"),
    "diffengine": lambda d: write_diffengine(d / "diffengine.db"),
    "jsonl": lambda d: write_jsonl(d / "versions.jsonl"),
    "folder": lambda d: write_folder(d / "stories"),
}


@pytest.fixture(params=sorted(MAKERS))
def any_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """An archive of the test stories, in each form in turn."""
    return MAKERS[request.param](tmp_path)


@pytest.fixture
def newsedits(tmp_path: Path) -> Path:
    """A NewsEdits database of the test stories."""
    return write_newsedits(tmp_path / "newsedits.db")

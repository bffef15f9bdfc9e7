"""Where the bundled sample article versions are."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def sample_paths() -> list[Path]:
    """The sample versions, oldest first (file names sort in version order)."""
    folder = Path(str(files("comparer") / "resources" / "sample"))
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def sample_story_paths() -> list[Path]:
    """The sample story: ten versions of one breaking news article, oldest first."""
    folder = Path(str(files("comparer") / "resources" / "sample-story"))
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))

"""``comparer ARCHIVE --story ID``: one story of an archive opened in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparer.cli import main


def test_the_story_opens_in_the_window_in_version_order(
    qapp: object, newsedits: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from comparer.ui.main_window import MainWindow

    shot = tmp_path / "story.png"
    args = [str(newsedits), "--story", "101", "--screenshot", str(shot), "--size", "900x600"]
    assert main(args) == 0
    assert shot.stat().st_size > 10_000
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    shown = [w for w in windows if w.versions]
    assert shown
    versions = shown[-1].versions
    assert [v.name for v in versions] == ["101 v1", "101 v2", "101 v3"]
    assert "killed 40 people" in versions[0].text
    assert "killed at least 52 people" in versions[2].text
    for w in windows:
        w.deleteLater()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{db}", "--story", "999"], "has no story with entry_id 999"),
        (["{db}", "{db}", "--story", "101"], "--story ID needs one archive"),
        (["missing.db", "--story", "1"], "missing.db: no such file or folder"),
    ],
)
def test_a_story_that_cannot_be_opened_is_one_line_and_exit_2(
    args: list[str], message: str, newsedits: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([a.format(db=newsedits) for a in args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1

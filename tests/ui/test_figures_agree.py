"""Every place that tells of figures tells the same: marks, list, status bar, JSON, text.

A figure whose value changed, a figure added and a figure removed are told apart in the
window's marks and tooltips, its list of changes and its status bar, and these agree with
the JSON's ``numbers`` and numeric changes and with the text output of ``comparer compare``.
"""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtGui import QColor

from comparer.cli import main
from comparer.ui.compare_view import Hit
from comparer.ui.main_window import MainWindow
from tests.core import flood_story

CHANGED = [("40", "48")]
ADDED = ["200", "3,000"]
REMOVED = ["12"]


def _painted(window: MainWindow) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Figures as the panes paint them: (old, new) filled orange, added, removed."""
    view, theme = window.view, window.theme
    changed: dict[int, list[str]] = {0: [], 1: []}
    added: list[str] = []
    removed: list[str] = []
    for row in range(len(view.model.rows)):
        for column in (0, 1):
            for text, fmt in view.marks_in(row, column):
                background = fmt.background().color()
                if background == QColor(theme.number):
                    changed[column].append(text)
                elif background == QColor(theme.figure_tint):
                    (added if column == 1 else removed).append(text)
    return list(zip(changed[0], changed[1], strict=True)), added, removed


def _listed(window: MainWindow) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Figures as the list of changes names them."""
    model = window.panel.changes_model
    labels = [model.index(r).data() for r in range(model.rowCount())]
    changed = [
        (m.group(1), m.group(2))
        for label in labels
        if (m := re.search(r"¶\d+  (\S+) → (\S+) \(", label))
    ]
    added = [
        figure
        for label in labels
        if (m := re.search(r"Numbers? added: (.+?)(?:  |$)", label))
        for figure in m.group(1).split(", ")
    ]
    removed = [
        figure
        for label in labels
        if (m := re.search(r"Numbers? removed: (.+?)(?:  |$)", label))
        for figure in m.group(1).split(", ")
    ]
    return changed, added, removed


def _counted(window: MainWindow) -> tuple[int, int, int]:
    """The status bar's counts: changed, added, removed ("1 number changed (…), 2 added")."""
    line = window.status.summary_label.text()
    m = re.search(
        r"(\d+) numbers? changed(?: \([^)]*\))?(?:, (\d+) added)?(?:, (\d+) removed)?", line
    )
    assert m is not None, line
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)


def _tooltips(window: MainWindow, figures: list[str], version: int) -> list[str]:
    view = window.view
    text = view.model.versions[version].text
    out = []
    for figure in figures:
        at = text.index(figure)
        out.append(view.tooltip_at(Hit(view.model.row_of(version, at), version, at)))
    return out


@pytest.fixture
def flood(window: MainWindow, open_files, tmp_path) -> tuple[MainWindow, list[str]]:
    paths = flood_story.write(tmp_path)
    return open_files(paths), paths


def test_the_window_the_list_the_status_bar_the_json_and_the_text_agree(
    capsys: pytest.CaptureFixture[str], flood: tuple[MainWindow, list[str]]
) -> None:
    window, paths = flood
    painted = _painted(window)
    listed = _listed(window)
    assert painted == listed == (CHANGED, ADDED, REMOVED)
    assert _counted(window) == (len(CHANGED), len(ADDED), len(REMOVED))
    assert _tooltips(window, ADDED, 1) == [
        f"Number added: {f} (no number in its place before)" for f in ADDED
    ]
    assert _tooltips(window, REMOVED, 0) == [
        f"Number removed: {f} (no number in its place now)" for f in REMOVED
    ]

    assert main(["compare", *paths, "--format", "json", "--no-quotes"]) == 1
    pair = json.loads(capsys.readouterr().out)["pairs"][0]
    assert [(n["from"], n["to"]) for n in pair["numbers"]] == CHANGED
    assert pair["summary"]["numbers_changed"] == len(CHANGED)
    # each figure added or removed lies in a numeric change that lists no number
    listed_changes = {(n["from_start"], n["to_start"]) for n in pair["numbers"]}
    numeric = [c for c in pair["changes"] if c["category"] == "numeric"]
    for figure in ADDED:
        assert any(figure in c["to_text"] for c in numeric)
    for figure in REMOVED:
        assert any(figure in c["from_text"] for c in numeric)
    assert len(listed_changes) == len(CHANGED)

    assert main(["compare", *paths, "--no-quotes"]) == 1
    out = capsys.readouterr().out
    assert re.findall(r"number: \[-#(\S+)-\] → \{\+#(\S+)\+\}", out) == CHANGED
    assert re.findall(r"number added \(¶\d+\): \{\+#(\S+)\+\}", out) == ADDED
    assert re.findall(r"number removed \(¶\d+\): \[-#(\S+)-\]", out) == REMOVED
    assert f"{len(CHANGED)} number changed, {len(ADDED)} added, {len(REMOVED)} removed ·" in out

"""Every place that tells of figures tells the same: marks, list, status bar, JSON, text.

A figure whose value changed, a figure added and a figure removed are told apart in the
window's marks and tooltips, its list of changes and its status bar, and these agree with
the JSON's ``numbers`` and numeric changes and with the text output of ``comparer compare``.
They agree too for a figure changed inside a sentence that moved, to another paragraph or
within its own (the storm report), which is one number changed, marked at both places.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import ModuleType

import pytest
from PySide6.QtGui import QColor

from comparer.cli import main
from comparer.ui.compare_view import Hit
from comparer.ui.main_window import MainWindow
from tests.core import flood_story, storm_story


@dataclass(frozen=True)
class Case:
    """A story and the figures it changes, adds and removes, in the newer text's order."""

    story: ModuleType
    changed: list[tuple[str, str]]
    added: list[str]
    removed: list[str]


CASES = {
    "flood": Case(flood_story, [("40", "48")], ["200", "3,000"], ["12"]),
    # "60" → "75" moved within ¶3, "40" → "48" moved from ¶2 to ¶5; "About 300 people
    # slept …" went and "Some 12 schools …" came: no sentence moved, no number changed
    "storm": Case(storm_story, [("60", "75"), ("40", "48")], ["12"], ["300"]),
}


def _painted(window: MainWindow) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Figures as the panes paint them: (old, new) filled orange, added, removed.

    A changed figure's two places face each other when it stayed in its paragraph; when it
    moved with its sentence they do not, so the pairs are told in the newer text's order
    by what each older figure's tooltip says it became.
    """
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
    olds, news = changed[0], changed[1]
    assert len(olds) == len(news), (olds, news)
    became = {}
    for figure in olds:
        tip = _tooltips(window, [figure], 0)[0]
        found = re.search(rf"{re.escape(figure)} → (\S+)", tip)
        assert found is not None, tip
        became[found.group(1)] = figure
    assert sorted(became) == sorted(news)
    return [(became[n], n) for n in news], added, removed


def _listed(window: MainWindow) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Figures as the list of changes names them."""
    model = window.panel.changes_model
    labels = [model.index(r).data() for r in range(model.rowCount())]
    changed = [
        (m.group(1), m.group(2))
        for label in labels
        # "¶4  40 → 48 (+8, +20%)", or in a moved sentence's entry "number changed: 40 → 48 (…"
        if (m := re.search(r"(?:¶\d+  |number changed: )(\S+) → (\S+) \(", label))
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
    """The tooltip at each figure (its first place in the version's text)."""
    view = window.view
    text = view.model.versions[version].text
    out = []
    for figure in figures:
        at = re.search(rf"(?<![\d,.]){re.escape(figure)}(?![\d,])", text)
        assert at is not None, figure
        at = at.start()
        out.append(view.tooltip_at(Hit(view.model.row_of(version, at), version, at)))
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_the_window_the_list_the_status_bar_the_json_and_the_text_agree(
    capsys: pytest.CaptureFixture[str], window: MainWindow, open_files, tmp_path, name: str
) -> None:
    case = CASES[name]
    changed, added, removed = case.changed, case.added, case.removed
    paths = case.story.write(tmp_path)
    window = open_files(paths)
    painted = _painted(window)
    listed = _listed(window)
    assert painted == listed == (changed, added, removed)
    assert _counted(window) == (len(changed), len(added), len(removed))
    # a changed figure's tooltip tells the change at both its places
    for a, b in changed:
        assert f"{a} → {b} (" in _tooltips(window, [a], 0)[0]
        assert f"{a} → {b} (" in _tooltips(window, [b], 1)[0]
    assert _tooltips(window, added, 1) == [
        f"Number added: {f} (no number in its place before)" for f in added
    ]
    assert _tooltips(window, removed, 0) == [
        f"Number removed: {f} (no number in its place now)" for f in removed
    ]

    pair = json.loads(_json(paths, capsys))["pairs"][0]
    assert [(n["from"], n["to"]) for n in pair["numbers"]] == changed
    assert pair["summary"]["numbers_changed"] == len(changed)
    # each side's offset indexes that version's text
    texts = [v["text"] for v in json.loads(_json(paths, capsys))["versions"]]
    for n in pair["numbers"]:
        assert texts[0][n["from_start"] : n["from_start"] + len(n["from"])] == n["from"]
        assert texts[1][n["to_start"] : n["to_start"] + len(n["to"])] == n["to"]
    # each figure added or removed lies in a numeric change that lists no number
    listed_changes = {(n["from_start"], n["to_start"]) for n in pair["numbers"]}
    numeric = [c for c in pair["changes"] if c["category"] == "numeric"]
    for figure in added:
        assert any(figure in c["to_text"] for c in numeric)
    for figure in removed:
        assert any(figure in c["from_text"] for c in numeric)
    assert len(listed_changes) == len(changed)

    assert main(["compare", *paths, "--no-quotes"]) == 1
    out = capsys.readouterr().out
    assert re.findall(r"number: \[-#(\S+)-\] → \{\+#(\S+)\+\}", out) == changed
    assert re.findall(r"number added \(¶\d+\): \{\+#(\S+)\+\}", out) == added
    assert re.findall(r"number removed \(¶\d+\): \[-#(\S+)-\]", out) == removed
    word = "number" if len(changed) == 1 else "numbers"
    assert f"{len(changed)} {word} changed, {len(added)} added, {len(removed)} removed ·" in out


def _json(paths: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["compare", *paths, "--format", "json", "--no-quotes"]) == 1
    return capsys.readouterr().out

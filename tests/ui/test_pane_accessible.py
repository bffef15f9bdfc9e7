"""Screen readers: the panes' text is in the accessibility tree, and every control has a name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface

from tests.ui.conftest import LOAD_TIMEOUT_MS

SEEDS = sorted((Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds").glob("*.txt"))

INTERACTIVE = {
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.List,
    QAccessible.Role.Tree,
    QAccessible.Role.Table,
    QAccessible.Role.PageTab,
    QAccessible.Role.Slider,
    QAccessible.Role.SpinBox,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.ButtonDropDown,
    QAccessible.Role.Link,
    QAccessible.Role.Document,
}


def walk(root: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every accessible object under ``root`` (itself included), as a screen reader sees."""
    yield root
    if depth > 40:
        return
    for i in range(root.childCount()):
        child = root.child(i)
        if child is not None and child.isValid():
            yield from walk(child, depth + 1)


def tree_of(window) -> list[QAccessibleInterface]:
    """The window's accessibility tree, flattened."""
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    return list(walk(root))


def texts(interface: QAccessibleInterface) -> str:
    """What a screen reader can read of one object: name, value and description."""
    return "\n".join(
        interface.text(kind)
        for kind in (QAccessible.Text.Name, QAccessible.Text.Value, QAccessible.Text.Description)
    )


@pytest.mark.skipif(len(SEEDS) < 2, reason="shared corpus not available")
def test_the_seeds_text_is_found_walking_from_the_window(qtbot, window, open_files) -> None:
    open_files([str(p) for p in SEEDS[:2]])
    documents = [i for i in tree_of(window) if i.role() == QAccessible.Role.Document]
    assert [d.text(QAccessible.Text.Name) for d in documents] == [
        f"Version {n}: {p.name}" for n, p in enumerate(SEEDS[:2], start=1)
    ]
    assert "killing at least 48" in documents[1].text(QAccessible.Text.Value)
    assert "killing at least 40" in documents[0].text(QAccessible.Text.Value)


def test_each_pane_reads_its_own_version_and_the_change_under_the_cursor(
    qtbot, window, sample, open_files
) -> None:
    open_files(sample)  # a story of three: the window shows its last two versions
    documents = [i for i in tree_of(window) if i.role() == QAccessible.Role.Document]
    assert [d.text(QAccessible.Text.Name) for d in documents] == [
        f"Version 2: {Path(sample[1]).name}",
        f"Version 3: {Path(sample[2]).name}",
    ]
    values = [d.text(QAccessible.Text.Value) for d in documents]
    assert "At least 17 people" in values[0]
    assert "At least 23 people" in values[1]
    assert all(d.state().readOnly for d in documents)
    window.go_change(True)
    described = [d.text(QAccessible.Text.Description) for d in documents]
    assert [bool(d) for d in described] == [False, True]
    assert described[1].startswith("Change 1 of ")
    assert "17 → 23" in described[1]
    for document in documents:
        assert document.parent().role() == QAccessible.Role.Grouping
        assert document.rect().width() > 100


def test_the_panes_follow_the_scroll(qtbot, window, sample, open_files) -> None:
    open_files(sample[:2])
    document = next(i for i in tree_of(window) if i.role() == QAccessible.Role.Document)
    first = document.text(QAccessible.Text.Value)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    window.view.ensure_visible_laid_out()
    assert document.text(QAccessible.Text.Value) != first


def test_every_interactive_element_has_a_name(qtbot, window, sample) -> None:
    with qtbot.waitSignal(window.speakers_ready, timeout=LOAD_TIMEOUT_MS):
        window.open_files(sample)
    window.find_bar.open_bar()
    controls = [
        interface
        for interface in tree_of(window)
        if interface.role() in INTERACTIVE and not interface.state().invisible
    ]
    roles = {c.role() for c in controls}
    assert {QAccessible.Role.PushButton, QAccessible.Role.EditableText} <= roles
    assert {QAccessible.Role.List, QAccessible.Role.Document, QAccessible.Role.PageTab} <= roles
    unnamed = [
        (c.role(), c.object()) for c in controls if not c.text(QAccessible.Text.Name).strip()
    ]
    assert unnamed == []


def test_the_summary_is_read_out_not_hidden_behind_a_name(window, sample, open_files) -> None:
    open_files(sample[:2])
    label = QAccessible.queryAccessibleInterface(window.summary_label)
    spoken = label.text(QAccessible.Text.Name) + " " + label.text(QAccessible.Text.Value)
    assert "4 numbers changed (12 → 17" in spoken


def test_changes_list_entries_are_cut_by_the_list_s_width_not_at_40_characters(
    qtbot, window, tmp_path
) -> None:
    long_old = "The regional council said on Monday that the bridge would reopen in spring."
    long_new = "Engineers from three companies told the inquiry that the bridge could not reopen."
    paths = []
    for name, text in (("a.txt", f"Title\n\n{long_old}\n"), ("b.txt", f"Title\n\n{long_new}\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.open_files(paths)
    window.resizeDocks([window.dock], [1000], Qt.Orientation.Horizontal)
    model = window.panel.changes_model
    shown = [model.index(r).data() for r in range(model.rowCount())]
    spoken = [model.index(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(len(shown))]
    longest = max(shown, key=len)
    assert len(longest) > 60 and "…" not in longest
    assert any("could not reopen" in s for s in spoken)

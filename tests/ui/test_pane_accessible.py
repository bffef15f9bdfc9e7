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
        window.opener.open_files(sample)
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
    label = QAccessible.queryAccessibleInterface(window.status.summary_label)
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
        window.opener.open_files(paths)
    window.resizeDocks([window.dock], [1000], Qt.Orientation.Horizontal)
    model = window.panel.changes_model
    shown = [model.index(r).data() for r in range(model.rowCount())]
    spoken = [model.index(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(len(shown))]
    longest = max(shown, key=len)
    assert len(longest) > 60 and "…" not in longest
    assert any("could not reopen" in s for s in spoken)


# ------------------------------------------------------------------ the text interface
def documents_of(window) -> list[QAccessibleInterface]:
    """The panes, as a screen reader finds them walking from the window."""
    return [i for i in tree_of(window) if i.role() == QAccessible.Role.Document]


def test_each_pane_gives_qts_text_interface_over_its_version(window, sample, open_files) -> None:
    open_files(sample)  # the last two of three versions
    versions = window.view.model.versions
    for document, version in zip(documents_of(window), versions, strict=True):
        text = document.textInterface()
        assert text is document  # the one object Qt holds, not a copy
        assert text.characterCount() == len(version.text)
        at = version.text.index("At least")
        assert text.text(at, at + 20) == version.text[at : at + 20]
        assert text.text(0, text.characterCount()) == version.text
        assert text.selectionCount() == 0  # Qt's selection() cannot be given from Python


def test_the_caret_is_the_reader_s_cursor(qtbot, window, sample, open_files) -> None:
    open_files(sample)
    old, new = documents_of(window)
    window.go_change(True)
    stop = window.view.stops[window.view.current_stop()]
    assert stop.version == 1
    assert new.textInterface().cursorPosition() == stop.start
    assert old.textInterface().cursorPosition() == 0
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    assert new.state().focused and not old.state().focused
    # a click (here: the cursor placed by a screen reader) in the other pane takes the caret
    target = window.view.model.versions[0].text.index("At least 17")
    old.textInterface().setCursorPosition(target)
    assert window.view.cursor_position() == (0, target)
    assert old.textInterface().cursorPosition() == target
    assert old.state().focused and not new.state().focused


def test_characters_are_placed_where_they_are_painted(window, sample, open_files) -> None:
    open_files(sample)
    document = documents_of(window)[1]
    text = document.textInterface()
    at = window.view.model.versions[1].text.index("At least 23")
    box = text.characterRect(at)
    assert box.width() > 0 and box.height() > 0
    assert document.rect().contains(box)
    assert text.offsetAtPoint(box.center()) == at
    after = text.characterRect(at + 1)
    assert after.left() >= box.right() - 1 and after.top() == box.top()  # same line, next
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.view.ensure_visible_laid_out()
    assert window.view.model.row_of(1, at) not in window.view.visible_rows()
    assert text.characterRect(at).isEmpty()  # scrolled out of view


def test_offsets_are_qts_utf16_units(qtbot, window, tmp_path) -> None:
    from tests.ui.conftest import write

    paths = [
        write(tmp_path, "a.txt", "Ferry\n\nThe 🚢 ferry carried 12 people.\n"),
        write(tmp_path, "b.txt", "Ferry\n\nThe 🚢 ferry carried 14 people.\n"),
    ]
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(paths)
    document = documents_of(window)[1]
    text = document.textInterface()
    version = window.view.model.versions[1].text
    assert text.characterCount() == len(version) + 1  # the ship is two UTF-16 units
    units = version.index("14") + 1
    assert text.text(units, units + 2) == "14"
    assert text.text(0, text.characterCount()) == version
    window.go_change(True)
    assert window.view.stops[window.view.current_stop()].version == 1
    assert text.cursorPosition() == window.view.stops[window.view.current_stop()].start + 1


def test_the_factory_is_installed_by_the_app_itself(tmp_path) -> None:
    """Run as the app runs (no QApplication yet): the panes are ours, not Qt's default."""
    import subprocess
    import sys

    code = (
        "from comparer.ui.app import make_application\n"
        "from comparer.ui.main_window import MainWindow\n"
        "from PySide6.QtGui import QAccessible\n"
        "app = make_application()\n"
        "w = MainWindow(persist=False)\n"
        "print(QAccessible.queryAccessibleInterface(w.view.viewport()).role().name)\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.stdout.strip().splitlines()[-1] == "Grouping", run.stderr


def test_many_pairs_windows_and_collections_never_crash(qtbot, sample, tmp_path) -> None:
    """Interfaces Qt holds raw pointers to outlive nothing: open, read, close, collect."""
    import gc

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from comparer.ui import pane_accessible
    from comparer.ui.app import make_application
    from comparer.ui.main_window import MainWindow
    from tests.ui.conftest import write

    make_application()
    pairs = [sample[:2], sample[1:], sample]
    for k in range(4):
        pairs.append(
            [
                write(tmp_path, f"{k}a.txt", f"Title {k}\n\nAt least {k} people died.\n"),
                write(tmp_path, f"{k}b.txt", f"Title {k}\n\nAt least {k + 5} people died.\n"),
            ]
        )
    kept: list[QAccessibleInterface] = []
    for _ in range(3):
        win = MainWindow(persist=False)
        win.resize(1000, 700)
        win.show()
        for paths in pairs:
            with qtbot.waitSignal(win.comparison_ready, timeout=LOAD_TIMEOUT_MS):
                win.opener.open_files(paths)
            win.go_change(True)
            for document in documents_of(win):
                text = document.textInterface()
                assert text.text(0, text.characterCount()).startswith(
                    win.view.model.versions[documents_of(win).index(document)].text[:5]
                )
                kept.append(document)
            gc.collect()
        qtbot.waitUntil(lambda win=win: not win.is_busy(), timeout=LOAD_TIMEOUT_MS)
        win.close()
        win.deleteLater()
        del win
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    # every pane interface of the deleted windows is gone from Qt (and only then from us)
    assert kept and not any(shiboken6.isValid(i) for i in kept)
    pane_accessible.sweep()
    assert all(shiboken6.isValid(i) for i in pane_accessible._REGISTRY)
    assert not {id(i) for i in pane_accessible._REGISTRY} & {id(i) for i in kept}

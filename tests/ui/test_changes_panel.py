"""The Changes tab: every change as a row, numbers first, and the list and panes in step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from comparer.ui.main_window import MainWindow
from tests.core import flood_story
from tests.ui.conftest import write

OLD = """Bridge to stay shut

The bridge will stay shut for 3 weeks, the council said.

Traffic is being sent through the town centre.

Residents held a meeting on Monday.

Shops near the bridge report fewer customers.
"""
NEW = """Bridge to stay shut

The bridge will stay shut for 5 weeks, the council said.

Shops near the bridge report fewer customers.

Traffic is being sent along the ring road.

A temporary footbridge opens on Friday.
"""


@pytest.fixture
def compared(window: MainWindow, open_files, tmp_path) -> MainWindow:
    return open_files([write(tmp_path, "old.txt", OLD), write(tmp_path, "new.txt", NEW)])


def _labels(window: MainWindow) -> list[str]:
    model = window.panel.changes_model
    return [model.index(r).data() for r in range(model.rowCount())]


def test_numbers_come_first_then_changes_in_reading_order(compared: MainWindow) -> None:
    assert _labels(compared) == [
        "v2 ¶2  3 → 5 (+2, +67%)",
        "v1 ¶4  − “Residents held a meeting on Monday.”",
        "v2 ¶4  “through” → “along”",
        "v2 ¶4  “town centre” → “ring road”",
        "v2 ¶5  + “A temporary footbridge opens on Friday.”",
    ]
    assert compared.panel.tabText(0) == f"Changes ({len(compared.view.stops)})"


def test_choosing_a_row_goes_to_that_change(qtbot, compared: MainWindow) -> None:
    panel = compared.panel
    last = panel.changes_model.rowCount() - 1
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.changes_model.index(last))
    with qtbot.waitSignal(panel.stop_activated) as chosen:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert chosen.args == [panel.changes_model.stop_index(last)]
    assert compared.view.current_stop() == panel.changes_model.stop_index(last)


def test_the_list_follows_the_change_the_reader_steps_to(compared: MainWindow) -> None:
    panel = compared.panel
    view = compared.view
    for stop in range(len(view.stops)):
        view.set_current_stop(stop)
        assert panel.list.currentIndex().row() == panel.changes_model.row_of_stop(stop)


def test_moved_sentences_and_figures_added_or_removed_have_entries_of_their_own(
    window: MainWindow, open_files, tmp_path
) -> None:
    open_files(flood_story.write(tmp_path))
    assert _labels(window) == [
        "v2 ¶2  40 → 48 (+8, +20%)",
        "v2 ¶2  Number added: 200  “.” → “, and 200 were injured”",
        "v2 ¶4  Number removed: 12  “Some 12 shelters” → “Shelters”",
        "v2 ¶5  Number added: 3,000  + “About 3,000 homes are without power”",
        "v2 ¶3  Sentence moved: ¶2 → ¶3, edited  “Rescue teams worked through the night to"
        " reach the villages cut off by the water.”",
        "v2 ¶3  Sentence moved within ¶3  ““We are doing everything we can,” she said”",
        "v2 ¶4  Sentence moved: ¶3 → ¶4  “Roads into the valley remain closed to all but"
        " emergency traffic.”",
        "v2 ¶5  Sentence moved within ¶5  “Another 30 millimetres of rain may fall tonight.”",
    ]
    # choosing a moved sentence's entry goes to its new place
    panel = window.panel
    row = next(r for r in range(panel.changes_model.rowCount()) if "¶3 → ¶4" in _labels(window)[r])
    panel._on_activated(panel.changes_model.index(row))
    stop = window.view.stops[window.view.current_stop()]
    text = window.view.model.versions[1].text
    assert text[stop.start : stop.end].startswith("Roads into the valley")


def test_a_moved_sentence_whose_figure_changed_is_listed_with_the_numbers(
    window: MainWindow, open_files, tmp_path
) -> None:
    from tests.core import storm_story

    open_files(storm_story.write(tmp_path))
    assert _labels(window) == [
        "v2 ¶3  Sentence moved within ¶3, edited, number changed: 60 → 75 (+15, +25%)"
        "  “Around 75 boats were sunk or badly damaged in the harbour overnight.”",
        "v1 ¶4  Number removed: 300  − “About 300 people slept in the hall on Monday night.”",
        "v2 ¶5  Number added: 12  + “Some 12 schools will stay closed until the weekend, the"
        " council said.”",
        "v2 ¶5  Sentence moved: ¶2 → ¶5, edited, number changed: 40 → 48 (+8, +20%)"
        "  “At least 48 people died in the storm, the coastguard said.”",
    ]

"""The side-by-side view on its own: its marks, stepping through changes, filters, selection."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from comparer.core.story import Story
from comparer.ui.compare_view import CompareView
from comparer.ui.document_model import build_model
from comparer.ui.theme import Theme
from tests.core.factories import body

OLD = [
    "The bridge will stay shut for 3 weeks.",
    "Traffic is sent through the town centre.",
    "Shops report fewer customers.",
    "The council meets on Monday, with 12 members present.",
]
NEW = [
    "The bridge will stay shut for 5 weeks.",
    "Traffic is sent along the ring road.",
    "Shops report fewer customers.",
    "The council meets on Monday, with 14 members present.",
]


@pytest.fixture
def view(qtbot) -> CompareView:
    view = CompareView(Theme.light())
    qtbot.addWidget(view)
    view.resize(1000, 700)
    story = Story([body(OLD, "old.txt"), body(NEW, "new.txt")])
    view.set_model(build_model(story.comparison((0, 1)), (0, 1)))
    view.show()
    qtbot.waitExposed(view)
    view.ensure_visible_laid_out()
    return view


def _changed(view: CompareView, stop: int) -> tuple[str, str]:
    s = view.stops[stop]
    change = view.model.pairs[s.pair].changes[s.change]
    return change.from_text, change.to_text


def test_each_version_has_its_pane_and_its_title(view: CompareView) -> None:
    assert view.column_count() == 2
    assert [t.full_name() for t in view.header.titles()] == ["old.txt", "new.txt"]
    left, right = view.column_rect(0), view.column_rect(1)
    assert left.right() < right.left()
    assert view.column_at(left.center().x()) == 0 and view.column_at(right.center().x()) == 1


def test_stepping_goes_through_every_change_and_stops_at_the_ends(view: CompareView) -> None:
    view.set_current_stop(0)
    seen = [_changed(view, 0)]
    while view.step(True):
        seen.append(_changed(view, view.current_stop()))
    assert seen == [("3", "5"), ("through", "along"), ("town centre", "ring road"), ("12", "14")]
    assert not view.step(True)
    assert view.step(False) and _changed(view, view.current_stop()) == ("town centre", "ring road")


def test_next_number_skips_word_changes(view: CompareView) -> None:
    view.set_current_stop(0)
    assert view.step(True, numeric=True)
    assert _changed(view, view.current_stop()) == ("12", "14")
    assert not view.step(True, numeric=True)


def test_a_row_filter_hides_other_rows_and_stepping_keeps_to_it(view: CompareView) -> None:
    rows_with_numbers = {
        view.stops[i].row for i in range(len(view.stops)) if _changed(view, i)[0].isdigit()
    }
    full = view.total_height()
    view.set_row_filter(rows_with_numbers, "numbers")
    assert view.row_filter() == "numbers" and view.total_height() < full
    assert not view.row_shown(view.stops[1].row)
    view.set_current_stop(0)
    assert view.step(True) and _changed(view, view.current_stop()) == ("12", "14")
    view.set_row_filter(None)
    view.ensure_visible_laid_out()
    assert view.row_filter() == "" and view.total_height() == pytest.approx(full)


def test_the_whole_pane_is_copied_exactly(view: CompareView) -> None:
    view.select_all()
    assert view.selected_text() == view.model.versions[0].text
    assert view.copy_selection()
    assert QGuiApplication.clipboard().text() == view.model.versions[0].text


def test_the_marks_say_what_changed(view: CompareView) -> None:
    row = view.stops[0].row
    old = dict(view.marks_in(row, 0))
    new = dict(view.marks_in(row, 1))
    assert list(old) == ["3"] and list(new) == ["5"]  # only the number is marked
    assert old["3"].fontStrikeOut() and not old["3"].fontUnderline()
    assert new["5"].fontUnderline() and not new["5"].fontStrikeOut()
    assert new["5"].fontWeight() == old["3"].fontWeight() == 700  # numbers in bold


def test_zoom_makes_the_text_larger(view: CompareView) -> None:
    before = view.total_height()
    view.set_zoom(150)
    view.ensure_visible_laid_out()
    assert view.zoom() == 150 and view.total_height() > before

"""The side-by-side view on moved sentences and on figures added or removed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from comparer.core.compare import compare
from comparer.ui.compare_view import CompareView, Hit
from comparer.ui.document_model import build_model
from comparer.ui.theme import Theme
from tests.core import flood_story


@pytest.fixture(params=["light", "dark"])
def view(qtbot, request) -> CompareView:
    theme = Theme.light() if request.param == "light" else Theme.dark_theme()
    view = CompareView(theme)
    qtbot.addWidget(view)
    view.resize(1100, 1200)  # the whole report on screen
    view.set_model(build_model(compare(list(flood_story.versions()), with_quotes=False)))
    view.show()
    qtbot.waitExposed(view)
    view.ensure_visible_laid_out()
    return view


def _tooltip(view: CompareView, version: int, text: str) -> str:
    model = view.model
    offset = model.versions[version].text.index(text) + 1
    return view.tooltip_at(Hit(model.row_of(version, offset), version, offset))


def test_a_moved_sentence_says_where_it_went_and_where_it_came_from(view: CompareView) -> None:
    assert _tooltip(view, 0, "Rescue teams") == "Sentence moved to ¶3 in v2, edited"
    assert _tooltip(view, 1, "Rescue teams") == "Sentence moved from ¶2 in v1, edited"
    assert _tooltip(view, 0, "Roads into") == "Sentence moved to ¶4 in v2"
    # a word edited on the way says both
    assert _tooltip(view, 1, "the villages").splitlines() == [
        "Sentence moved from ¶2 in v1, edited",
        "Added in this version",
    ]


def test_a_figure_added_or_removed_says_so(view: CompareView) -> None:
    assert _tooltip(view, 1, "200") == "Number added: 200 (no number in its place before)"
    assert _tooltip(view, 0, "12 shelters") == "Number removed: 12 (no number in its place now)"
    assert _tooltip(view, 1, "48") == "40 → 48 (+8, +20%)"


def test_a_figure_added_is_drawn_unlike_a_figure_changed(view: CompareView) -> None:
    model = view.model
    t = view._theme
    changed = dict(view.marks_in(model.row_of(1, model.versions[1].text.index("48")), 1))
    added = dict(view.marks_in(model.row_of(1, model.versions[1].text.index("3,000")), 1))
    assert changed["48"].background().color() == QColor(t.number)
    assert added["3,000"].background().color() == QColor(t.figure_tint)
    assert added["3,000"].foreground().color() == QColor(t.added)
    assert added["3,000"].fontWeight() == 700 and added["3,000"].fontUnderline()


def test_a_link_joins_the_two_places_of_each_moved_sentence_on_screen(
    view: CompareView,
) -> None:
    ends = view.move_link_ends()
    assert len(ends) == len(view.model.pairs[0].moves) == 4
    left, right = view.column_rect(0), view.column_rect(1)
    for a, b in ends:
        assert left.left() < a.x() <= left.right() + view._gutter()
        assert right.left() - view._gutter() <= b.x() < right.right()
    # the link is painted: the middle of each curve has the moved colour
    image = view.viewport().grab().toImage()
    moved = QColor(view._theme.moved)
    for a, b in ends:
        mid = (a + b) / 2
        near = [
            QColor(image.pixel(int(mid.x()) + dx, int(mid.y()) + dy))
            for dx in range(-2, 3)
            for dy in range(-2, 3)
        ]
        assert any(
            abs(c.red() - moved.red())
            + abs(c.green() - moved.green())
            + abs(c.blue() - moved.blue())
            < 60
            for c in near
        )


def test_no_link_is_drawn_to_a_place_off_screen(qtbot, view: CompareView) -> None:
    view.resize(1100, 260)
    qtbot.waitUntil(lambda: view.viewport().height() < 300)
    view.scroll_to_row(view.model.row_of(1, view.model.versions[1].text.index("About")), 0)
    view.ensure_visible_laid_out()
    ends = view.move_link_ends()
    # only the last paragraph's own move has both places on screen
    assert len(ends) == 1


def test_stepping_lands_on_each_moved_sentence(view: CompareView) -> None:
    view.set_current_stop(0)
    seen = [view.stops[0]]
    while view.step(True):
        seen.append(view.stops[view.current_stop()])
    moved = [s.move for s in seen if s.category == "moved"]
    assert moved == [0, 1, 2, 3]
    assert len(seen) == len(view.stops)


def test_clicking_a_moved_sentence_at_its_old_place_goes_to_its_entry(
    qtbot, view: CompareView
) -> None:
    model = view.model
    move = 2  # "Roads into the valley …", from ¶3 to ¶4
    a, _b = view.move_link_ends()[move]
    point = QPointF(a.x() - 60, a.y())
    hit = view.hit(point)
    m = model.pairs[0].moves[move]
    assert hit is not None and hit.column == 0 and m.from_start <= hit.offset < m.from_end
    qtbot.mousePress(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(point.x()), int(point.y()))
    )
    stop = view.stops[view.current_stop()]
    assert stop.category == "moved" and stop.move == move


def test_a_figure_changed_as_its_sentence_moved_is_a_number_change_at_both_places(
    qtbot,
) -> None:
    from tests.core import storm_story

    view = CompareView(Theme.light())
    qtbot.addWidget(view)
    view.resize(1100, 1200)
    view.set_model(build_model(compare(list(storm_story.versions()), with_quotes=False)))
    view.show()
    qtbot.waitExposed(view)
    view.ensure_visible_laid_out()
    # the tooltip tells the move and the number at both places
    assert _tooltip(view, 0, "40 people").splitlines() == [
        "Sentence moved to ¶5 in v2, edited",
        "40 → 48 (+8, +20%)",
    ]
    assert _tooltip(view, 1, "48 people").splitlines() == [
        "Sentence moved from ¶2 in v1, edited",
        "40 → 48 (+8, +20%)",
    ]
    assert _tooltip(view, 1, "75 boats").splitlines()[-1] == "60 → 75 (+15, +25%)"
    # "Next Number Change" steps onto both moved sentences, and onto the figures the
    # unrelated sentences removed and added
    view.set_current_stop(-1)
    seen = []
    while view.step(True, numeric=True):
        stop = view.stops[view.current_stop()]
        seen.append(view.model.versions[stop.version].text[stop.start : stop.end].split()[:2])
    assert seen == [
        ["Around", "75"],
        ["About", "300"],
        ["Some", "12"],
        ["At", "least"],
    ]

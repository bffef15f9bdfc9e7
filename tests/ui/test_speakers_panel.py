"""The Speakers tab, driven as a reader would: list, expand, go to a quote, filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from comparer.ui.main_window import MainWindow
from comparer.ui.speakers_model import (
    BADGES_ROLE,
    HEADING_ROLE,
    KIND_ROLE,
    NUMBER_ROLE,
    VERSION_ROLE,
    badge_label,
    group_quotes,
)
from comparer.ui.speakers_panel import FINDING, SpeakersPanel
from tests.ui.conftest import LOAD_TIMEOUT_MS, STORY_FILES, write

# A short invented story in two versions: the mayor's quote is reworded, the engineer
# (reported speech) and a resident are dropped, a hydrologist is new.
OLD = """Flood defences fail in Marlow

Heavy rain overwhelmed the river barriers in Marlow on Tuesday, flooding 40 homes.

"We did everything we could," said Mayor Ruth Ellison. "The water simply came too fast."

David Park, the town engineer, said that the barriers had been due for repair since 2019.

Local resident Tom Hale told reporters: "Nobody warned us about any of this."

The council will meet on Friday to discuss the damage.
"""

NEW = """Flood defences fail in Marlow

Heavy rain overwhelmed the river barriers in Marlow on Tuesday, flooding 55 homes.

"We did everything we possibly could," said Mayor Ruth Ellison. "The water simply came too fast."

The council will meet on Friday to discuss the damage.

"This was a disaster waiting to happen," said Anna Kowalski, a hydrologist at Marlow University.
"""

EXPECTED = [
    # name, counts per version, badges: new and dropped speakers first, then the rest
    ("David Park", ("1", "0"), ("dropped",)),
    ("Tom Hale", ("1", "0"), ("dropped",)),
    ("Anna Kowalski", ("0", "1"), ("new",)),
    ("Ruth Ellison", ("2", "2"), ("reworded",)),
]


@pytest.fixture
def story(qtbot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window with the two-version story open, its speakers found, Speakers tab shown."""
    paths = [write(tmp_path, "v1.txt", OLD), write(tmp_path, "v2.txt", NEW)]
    with qtbot.waitSignal(window.speakers_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(paths)
    window.show_speakers()
    window.view.ensure_visible_laid_out()
    return window


def _panel(window: MainWindow) -> SpeakersPanel:
    return window.panel.speakers


def _speaker_row(panel: SpeakersPanel, name: str) -> int:
    model = panel.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            return row
    raise AssertionError(f"{name} is not listed")


def _highlighted_text(window: MainWindow) -> str:
    quote = window.view.quote_highlight()
    assert quote is not None
    version, ranges = quote
    text = window.view.model.versions[version].text
    return " ".join(text[s:e] for s, e in ranges)


def test_lists_speakers_with_counts_and_badges(story: MainWindow) -> None:
    panel = _panel(story)
    model = panel.model
    assert panel.stack.currentIndex() == 1
    assert story.panel.tabText(1) == "Speakers (4)"
    assert panel.summary.text() == "4 speakers \u2014 3 in v1, 2 in v2"
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header == ["Speaker", "v1", "v2"]
    listed = [
        (
            model.index(r, 0).data(),
            tuple(model.index(r, c).data() for c in (1, 2)),
            tuple(model.index(r, 0).data(BADGES_ROLE)),
        )
        for r in range(model.rowCount())
    ]
    assert listed == EXPECTED
    # A screen reader hears the counts and the badges in words.
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "David Park" in spoken and "1 in v1" in spoken and "dropped" in spoken


def test_badges_are_drawn_as_labelled_pills(story: MainWindow) -> None:
    panel = _panel(story)
    panel.tree.viewport().repaint()
    index = panel.model.index(_speaker_row(panel, "Anna Kowalski"), 0)
    rect = panel.tree.visualRect(index)
    # Two lines tall: the name, then the "new" pill under it.
    assert rect.height() > panel.tree.fontMetrics().height() * 1.8
    image = panel.tree.viewport().grab(rect).toImage()
    want = QColor(story.theme.badge_new)
    near = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if _close(image.pixelColor(x, y), want)
    ]
    assert near, "the pill's outline is drawn in the badge colour"
    assert min(y for _x, y in near) > rect.height() * 0.4  # under the name
    assert badge_label("new") == "new"  # the pill carries a word, not only a colour


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_expanding_a_speaker_shows_their_quotes(qtbot, story: MainWindow) -> None:
    panel = _panel(story)
    tree, model = panel.tree, panel.model
    row = _speaker_row(panel, "Ruth Ellison")
    tree.setFocus()
    tree.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # the keyboard expands a speaker
    parent = model.index(row, 0)
    assert tree.isExpanded(parent)
    quotes = [model.index(q, 0, parent) for q in range(model.rowCount(parent))]
    assert [(q.data(VERSION_ROLE), q.data(KIND_ROLE)) for q in quotes] == [
        (0, "direct"),
        (0, "direct"),
        (1, "direct"),
        (1, "direct"),
    ]
    assert quotes[2].data() == '"We did everything we possibly could,"'
    assert all(tree.visualRect(q).isValid() for q in quotes)
    # Reported speech is marked as such.
    park = model.index(_speaker_row(panel, "David Park"), 0)
    panel.expand_speaker(park.row())
    reported = model.index(0, 0, park)
    assert reported.data(KIND_ROLE) == "indirect"
    assert "reported speech" in reported.data(Qt.ItemDataRole.AccessibleTextRole)


def test_enter_on_a_quote_scrolls_its_pane_and_highlights_it(qtbot, story: MainWindow) -> None:
    panel = _panel(story)
    tree, model, view = panel.tree, panel.model, story.view
    story.resize(900, 420)  # short, so the quote's row starts off screen
    qtbot.wait(10)
    row = _speaker_row(panel, "Anna Kowalski")
    panel.expand_speaker(row)
    quote = model.index(0, 0, model.index(row, 0))
    tree.setFocus()
    tree.setCurrentIndex(quote)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert _highlighted_text(story) == '"This was a disaster waiting to happen,"'
    version, ranges = view.quote_highlight()
    assert version == 1
    assert view.is_offset_visible(version, ranges[0][0])
    doc_row = view.model.row_of(version, ranges[0][0])
    assert view.quote_rects(doc_row, 1)  # drawn in the newer pane…
    assert not view.quote_rects(doc_row, 0)  # …and not in the older one
    assert "highlighted in v2" in story.status.note_label.text()
    # Esc in the text clears the highlight.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.quote_highlight() is None


def test_clicking_a_quote_in_the_older_version_highlights_that_pane(
    qtbot, story: MainWindow
) -> None:
    panel = _panel(story)
    tree, model, view = panel.tree, panel.model, story.view
    row = _speaker_row(panel, "Tom Hale")
    panel.expand_speaker(row)
    quote = model.index(0, 0, model.index(row, 0))
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(quote).center()
    )
    assert _highlighted_text(story) == '"Nobody warned us about any of this."'
    version, ranges = view.quote_highlight()
    assert version == 0
    assert view.is_offset_visible(0, ranges[0][0])


def test_filter_to_one_speaker_and_show_all(qtbot, story: MainWindow) -> None:
    panel = _panel(story)
    tree, model, view = panel.tree, panel.model, story.view
    every_row = view.shown_rows()
    row = _speaker_row(panel, "Ruth Ellison")
    tree.setCurrentIndex(model.index(row, 0))
    assert panel.filter_button.isEnabled()
    qtbot.mouseClick(panel.filter_button, Qt.MouseButton.LeftButton)
    shown = view.shown_rows()
    doc = view.model
    ellison_rows = {doc.row_of(v, s) for v, ranges in _ranges(panel, row) for s, _e in ranges}
    assert set(shown) == ellison_rows
    assert len(shown) < len(every_row)
    # Hidden rows take no room; what is painted is only the mayor's paragraph.
    assert view.total_height() < 400
    assert story.status.filter_label.isVisible()
    assert "Ruth Ellison" in story.status.filter_label.text()
    assert story.status.show_all_button.isVisible() and panel.show_all_button.isVisible()
    # Next change skips the hidden rows.
    story.go_change(True)
    assert view.stops[view.current_stop()].row in ellison_rows
    qtbot.mouseClick(panel.show_all_button, Qt.MouseButton.LeftButton)
    assert view.shown_rows() == every_row
    assert not view.row_filter()
    assert not story.status.filter_label.isVisible()
    assert not panel.filter_button.isChecked()


def test_escape_lifts_the_filter(qtbot, story: MainWindow) -> None:
    panel = _panel(story)
    view = story.view
    panel.filter_to(_speaker_row(panel, "Anna Kowalski"))
    assert len(view.shown_rows()) == 1
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    assert not view.row_filter()
    assert len(view.shown_rows()) == len(view.model.rows)


def test_empty_states(qtbot, window: MainWindow, tmp_path: Path) -> None:
    panel = _panel(window)
    assert panel.message() == "No comparison"
    paths = [
        write(tmp_path, "a.txt", "The bridge opened in May.\n\nIt cost 40 million."),
        write(tmp_path, "b.txt", "The bridge opened in June.\n\nIt cost 45 million."),
    ]
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(paths)
    assert panel.message() == "Finding quotes…"
    assert panel.state() == FINDING and panel.busy.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.message() == "No quotes found", timeout=LOAD_TIMEOUT_MS)
    assert window.panel.tabText(1) == "Speakers"


def _ranges(panel: SpeakersPanel, speaker: int) -> list[tuple[int, list[tuple[int, int]]]]:
    model = panel.model
    doc = panel._view.model
    assert doc is not None and doc.comparison is not None
    items = group_quotes(model.speakers()[speaker], doc.comparison.quotes)
    return [(item.version, list(item.ranges)) for item in items]


def test_model_has_no_quotes_under_quotes(story: MainWindow) -> None:
    model = _panel(story).model
    quote = model.index(0, 0, model.index(0, 0))
    assert model.rowCount(quote) == 0
    assert model.parent(quote) == model.index(0, 0)
    assert model.parent(model.index(0, 0)) == QModelIndex()


def test_find_goes_only_to_rows_the_filter_shows(qtbot, story: MainWindow) -> None:
    panel = _panel(story)
    view = story.view
    story.find_bar.open_bar()
    qtbot.keyClicks(story.find_bar.field, "Marlow")
    story.find_bar.flush()
    # The town's name is in the headline, the first paragraph and the hydrologist's one.
    everywhere = story.find_bar.count.text()
    assert everywhere == "5 matches"
    panel.filter_to(_speaker_row(panel, "Anna Kowalski"))
    assert story.find_bar.count.text() == "1 match"
    for _ in range(3):
        story.finder.step(True)
        assert story.find_bar.count.text() == "1 of 1"
        assert view.row_filter()  # Find never lifts the filter to reach a hidden row
    version, start, _end = view._find_current
    assert view.row_shown(view.model.row_of(version, start))
    panel.filter_to(_speaker_row(panel, "Tom Hale"))
    assert story.find_bar.count.text() == "No matches"
    story.finder.step(True)
    assert story.find_bar.count.text() == "No matches"
    view.set_row_filter(None)
    assert story.find_bar.count.text() == "5 of 5"  # the hydrologist's match, last of all


def test_a_long_speaker_name_wraps_onto_a_second_line_rather_than_lose_its_end(qapp) -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    from comparer.ui.speakers_panel import name_lines

    fm = QFontMetricsF(QFont())
    name = "The regional government of Northvale"
    width = fm.horizontalAdvance("The regional government") + 2
    assert name_lines(fm, name, width) == ["The regional government", "of Northvale"]
    assert name_lines(fm, "Anna Kowalski", 1000) == ["Anna Kowalski"]
    cut = name_lines(fm, "The Royal Society for the Prevention of Cruelty to Animals", width)
    assert len(cut) == 2 and cut[1].endswith("…")
    assert all(fm.horizontalAdvance(line) <= width for line in cut)


# Sources without a name beside people named: a pair written for the tests.
SOURCES_OLD = """Port strike goes on

"We will not go back," said Maria Lopez, the union leader.

Officials said the port would lose 3 million pounds a day.

"Nothing moves," a spokesman said.
"""

SOURCES_NEW = """Port strike goes on

"We will not go back," said Maria Lopez, the union leader.

"Nothing moves," a spokesman said.

"The talks must resume," said Tom Webb, the harbour master.

Reports say the government is ready to step in.
"""


@pytest.fixture
def sources(qtbot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window with the port story open and its Speakers tab shown."""
    paths = [write(tmp_path, "v1.txt", SOURCES_OLD), write(tmp_path, "v2.txt", SOURCES_NEW)]
    with qtbot.waitSignal(window.speakers_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(paths)
    window.show_speakers()
    window.view.ensure_visible_laid_out()
    return window


def test_unnamed_sources_are_listed_under_their_own_heading(qtbot, sources: MainWindow) -> None:
    panel = _panel(sources)
    model, tree = panel.model, panel.tree
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [r.data() for r in rows] == [
        "Tom Webb",
        "Maria Lopez",
        "Unnamed sources",
        "Officials",
        "Reports",
        "a spokesman",
    ]
    assert sources.panel.tabText(1) == "Speakers (5)"  # the heading is no speaker
    assert panel.summary.text() == "5 speakers (3 unnamed sources) \u2014 3 in v1, 4 in v2"
    heading = rows[2]
    assert heading.data(HEADING_ROLE)
    assert tree.isFirstColumnSpanned(2, QModelIndex())  # across the count columns
    # drawn as a heading: a short row, not a speaker's with pills
    assert 0 < tree.visualRect(heading).height() < tree.visualRect(rows[3]).height()


def test_the_keyboard_goes_through_the_heading(qtbot, sources: MainWindow) -> None:
    panel = _panel(sources)
    model, tree = panel.model, panel.tree
    tree.setFocus()
    tree.setCurrentIndex(model.index(1, 0))  # the last person
    assert panel.filter_button.isEnabled()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    current = tree.currentIndex()
    assert current.data(HEADING_ROLE)
    assert current.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Unnamed sources: 3 sources quoted without a name, listed below"
    )
    assert not panel.filter_button.isEnabled()  # nobody to filter to
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # nothing to open or show
    assert not tree.isExpanded(current) and sources.view.quote_highlight() is None
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    officials = tree.currentIndex()
    assert officials.data() == "Officials" and panel.filter_button.isEnabled()
    assert "unnamed source" in officials.data(Qt.ItemDataRole.AccessibleTextRole)
    # an unnamed source is a speaker like any other: their quotes, their paragraphs
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    quote = model.index(0, 0, officials)
    assert tree.isExpanded(officials) and quote.data(KIND_ROLE) == "indirect"
    qtbot.mouseClick(panel.filter_button, Qt.MouseButton.LeftButton)
    assert "Officials" in sources.status.filter_label.text()
    assert len(sources.view.shown_rows()) == 1
    # the filter follows the selection, and not onto the heading
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert tree.currentIndex().data(HEADING_ROLE)
    assert "Officials" in sources.status.filter_label.text()
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert "Maria Lopez" in sources.status.filter_label.text()


def test_a_pair_late_in_a_story_is_numbered_as_the_story_numbers_it(qtbot, window) -> None:
    with qtbot.waitSignal(window.speakers_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(STORY_FILES)
    window.show_speakers()
    assert window.state.pair == (4, 5)  # the last two of six: v5 and v6
    panel = _panel(window)
    model = panel.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (1, 2)] == ["v5", "v6"]
    assert " in v5, " in panel.summary.text() and panel.summary.text().endswith(" in v6")
    row = next(r for r in range(model.rowCount()) if model.rowCount(model.index(r, 0)))
    speaker = model.index(row, 0)
    assert " in v5, " in model.describe(row)
    quote = model.index(0, 0, speaker)
    number = quote.data(NUMBER_ROLE)
    assert number in (5, 6)
    assert quote.data(Qt.ItemDataRole.ToolTipRole).split(" (Enter")[0].endswith(f"in v{number}")
    assert quote.data(Qt.ItemDataRole.AccessibleTextRole).startswith(f"Version {number}, ")

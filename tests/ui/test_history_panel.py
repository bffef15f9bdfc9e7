"""The history panel: a paragraph's life through the story, and each figure's steps."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl

from comparer.ui.history_panel import DETAIL_ROLE, HEADING_ROLE, marks_in_rows
from comparer.ui.main_window import MainWindow
from comparer.ui.reader_state import Cursor
from tests.ui.conftest import LOAD_TIMEOUT_MS, STORY_FILES, write


def test_clicking_in_a_paragraph_shows_its_history(qtbot, story) -> None:
    view = story.view
    model = view.model
    row = model.paragraph_rows[1][2]  # "At least 8 people were killed …" in v6
    view.scroll_to_row(row, 0.1)
    view.ensure_visible_laid_out()
    rect = view.column_rect(1)
    y = int(view.row_top(row) - view.verticalScrollBar().value() + 30)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), y))
    text = story.story_pane.history_panel.paragraph.toPlainText()
    assert "In 6 of 6 versions" in text
    assert "At least 3 people were killed" in text  # v1
    assert "split" in text  # v3 → v4
    assert text.count("people were killed") == 6


def test_a_figure_step_clicked_opens_its_pair_at_the_number(qtbot, story) -> None:
    figures = story.story_pane.history_panel.figures
    text = figures.toPlainText()
    assert "people were killed: 3 → 5 → 7 → 6 → 8" in text
    assert "5\nv2 07:45\n+2, +67%" in text  # each value, where and how far it moved
    links = re.findall(r'href="(place:[^"]+)"', figures.toHtml())
    step = next(link for link in links if link.startswith("place:1:2:"))  # 5 → 7, v2 → v3
    with qtbot.waitSignal(story.place_shown, timeout=LOAD_TIMEOUT_MS):
        figures.anchorClicked.emit(QUrl(step))
    assert story.state.pair == (1, 2)
    stop = story.view.stops[story.view.current_stop()]
    assert stop.category == "numeric"
    change = story.view.model.pairs[stop.pair].changes[stop.change]
    assert (change.from_text, change.to_text) == ("5", "7")
    assert story.story_pane.history_panel.paragraph.toPlainText().count("people were killed") == 6


def test_a_speakers_step_opens_the_pair_where_it_happened(qtbot, story) -> None:
    # the fixture waited for the history; the speakers come after it
    qtbot.waitUntil(lambda: bool(story.state.history.speaker_timelines), timeout=LOAD_TIMEOUT_MS)
    tree = story.story_pane.history_panel.speakers
    rows = {
        tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    harker = rows["Tom Harker"]
    assert harker.text(0) == "···●●●"
    added = harker.child(0)
    assert added.text(1) == "added in v4"
    with qtbot.waitSignal(story.place_shown, timeout=LOAD_TIMEOUT_MS):
        tree.itemClicked.emit(added, 1)
    assert story.state.pair == (2, 3)


FERRY = "The ferry carried 214 passengers from Port Ellery on Monday."
OPERATOR = "The operator said it was working with the authorities on the cause of the fire."
LIFEBOATS = "Lifeboats from three stations were sent to the scene."


def test_a_restored_paragraph_shows_its_gap_and_where_it_came_back(
    qtbot, window, open_files, tmp_path
) -> None:
    texts = [
        [FERRY, OPERATOR, LIFEBOATS],
        [FERRY, LIFEBOATS],
        [FERRY, LIFEBOATS.replace("three", "four")],
        [FERRY, LIFEBOATS.replace("three", "four"), OPERATOR.replace(" on ", " to find ")],
    ]
    paths = [write(tmp_path, f"v{k}.txt", "\n\n".join(t) + "\n") for k, t in enumerate(texts, 1)]
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        open_files(paths)
    latest = window.state.history.versions[3]
    offset = latest.text.index("The operator")
    window.state.set_cursor(Cursor(3, offset))
    panel = window.story_pane.history_panel.paragraph
    text = panel.toPlainText()
    assert "In 2 of 4 versions" in text
    assert "v2: removed" in text and "v3: absent" in text  # the gap, version by version
    assert "restored in v4 after 2 versions without it; reworded since v1" in text
    assert text.index("v1") < text.index("v2: removed") < text.index("v3: absent")
    assert text.count("The operator said it was working") == 2
    html = panel.toHtml()
    # its words are marked against its last appearance: "on" struck, "to find" added
    assert re.search(r"line-through[^>]*>on</span>", html)
    assert re.search(r"underline[^>]*>to find</span>", html)
    link = next(h for h in re.findall(r'href="(place:[^"]+)"', html) if h.startswith("place:0:3:"))
    with qtbot.waitSignal(window.place_shown, timeout=LOAD_TIMEOUT_MS):
        panel.anchorClicked.emit(QUrl(link))
    assert window.state.pair == (0, 3)  # its last appearance beside its return


# A story with sources named and unnamed, written for the tests: officials speak in v1 and
# v2, a spokesman from v2 on, reports in v3; Maria Lopez throughout, Tom Webb from v2.
PORT_HEAD = "Port strike goes on\n\n"
LOPEZ = '"We will not go back," said Maria Lopez, the union leader.'
OFFICIALS = "Officials said the port would lose 3 million pounds a day."
SPOKESMAN = '"Nothing moves," a spokesman said.'
WEBB = '"The talks must resume," said Tom Webb, the harbour master.'
REPORTS = "Reports say the government is ready to step in."
PORT_STORY = [
    [LOPEZ, OFFICIALS],
    [LOPEZ, OFFICIALS, SPOKESMAN, WEBB],
    [LOPEZ, SPOKESMAN, WEBB, REPORTS],
]


@pytest.fixture
def sources(qtbot, window, open_files, tmp_path):
    """The port story open in the window, its history and speakers worked out."""
    paths = [
        write(tmp_path, f"v{k}.txt", PORT_HEAD + "\n\n".join(t) + "\n")
        for k, t in enumerate(PORT_STORY, 1)
    ]
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        open_files(paths)
    qtbot.waitUntil(lambda: bool(window.state.history.speaker_timelines), timeout=LOAD_TIMEOUT_MS)
    window.story_pane.history_panel.setCurrentWidget(window.story_pane.history_panel.speakers)
    return window


def _rows(tree) -> list[tuple[str, str]]:
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1))
        for i in range(tree.topLevelItemCount())
    ]


def test_speakers_over_time_lists_unnamed_sources_under_their_own_heading(qtbot, sources) -> None:
    tree = sources.story_pane.history_panel.speakers
    assert _rows(tree) == [
        ("●●●", "Maria Lopez"),
        ("·●●", "Tom Webb"),
        ("Unnamed sources", ""),
        ("●●·", "Officials"),
        ("·●●", "a spokesman"),
        ("··●", "Reports"),
    ]
    heading = tree.topLevelItem(2)
    assert heading.data(0, HEADING_ROLE) and heading.isFirstColumnSpanned()
    assert heading.data(0, Qt.ItemDataRole.AccessibleTextRole) == (
        "Unnamed sources: 3 sources quoted without a name, listed below"
    )
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    officials = tree.topLevelItem(3)
    assert officials.data(1, Qt.ItemDataRole.AccessibleTextRole) == (
        "Officials, unnamed source: dropped in v3"
    )
    assert tree.topLevelItem(0).data(1, Qt.ItemDataRole.AccessibleTextRole) == (
        "Maria Lopez: v1–v3"
    )
    # an unnamed source's step opens its pair like anyone's
    dropped = officials.child(0)
    assert dropped.text(1) == "dropped in v3"
    with qtbot.waitSignal(sources.place_shown, timeout=LOAD_TIMEOUT_MS):
        tree.itemClicked.emit(dropped, 1)
    assert sources.state.pair == (1, 2)


def test_the_keyboard_goes_through_the_heading_which_opens_nothing(qtbot, sources) -> None:
    tree = sources.story_pane.history_panel.speakers
    pair = sources.state.pair
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1))  # the last person named
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem().text(0) == "Unnamed sources"
    with qtbot.assertNotEmitted(sources.story_pane.history_panel.place_requested):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        tree.itemClicked.emit(tree.currentItem(), 0)
    assert sources.state.pair == pair
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem().text(1) == "Officials"


def test_no_heading_when_every_source_is_named(qtbot, story) -> None:
    qtbot.waitUntil(lambda: bool(story.state.history.speaker_timelines), timeout=LOAD_TIMEOUT_MS)
    tree = story.story_pane.history_panel.speakers
    names = [name for _, name in _rows(tree)]
    assert "Tom Harker" in names and "" not in names
    assert all(not tree.topLevelItem(i).data(0, HEADING_ROLE) for i in range(len(names)))


def test_the_paragraph_at_the_cursor_stays_the_readers_when_the_versions_are_reordered(
    qtbot, story
) -> None:
    latest = story.versions[5]  # v6.txt, where the inquiry's paragraph replaced Lena Hart's
    offset = latest.text.index("The Marine Accident Investigation Branch")
    story.state.set_cursor(Cursor(5, offset))
    paragraph = story.story_pane.history_panel.paragraph
    assert "Marine Accident Investigation Branch" in paragraph.toPlainText()
    with qtbot.waitSignal(story.history_ready, timeout=LOAD_TIMEOUT_MS):
        story.commands.swap_action.trigger()  # v5.txt and v6.txt change places
    assert [v.name for v in story.versions][4:] == ["v6.txt", "v5.txt"]
    # the history shown is still that of the paragraph the reader pointed at, in v6.txt,
    # not of whatever the other version holds at the same offset
    assert story.state.cursor == Cursor(4, offset)
    text = paragraph.toPlainText()
    assert "Marine Accident Investigation Branch" in text and "Lena Hart" not in text


def test_the_figure_value_reached_with_tab_is_marked_in_the_focus_colours(qtbot, story) -> None:
    figures = story.story_pane.history_panel.figures
    story.story_dock.show()
    figures.setFocus()
    qtbot.waitUntil(figures.hasFocus)
    qtbot.keyClick(figures, Qt.Key.Key_Tab)
    marks = figures.extraSelections()
    assert len(marks) == 1
    assert marks[0].cursor.selectedText() == figures.textCursor().selectedText() == "5"
    theme = story.theme
    assert marks[0].format.background().color().name().lower() == theme.focus.lower()
    assert marks[0].format.foreground().color().name().lower() == theme.base.lower()
    qtbot.keyClick(figures, Qt.Key.Key_Tab)  # the next value: the mark goes with it
    assert [m.cursor.selectedText() for m in figures.extraSelections()] == ["7"]
    story.view.setFocus()  # the keyboard leaves: so does the mark
    qtbot.waitUntil(lambda: not figures.extraSelections())


def test_the_paragraph_tab_says_how_to_reach_a_paragraph_from_the_keyboard_too(
    qtbot, story
) -> None:
    story.state.set_cursor(None)
    paragraph = story.story_pane.history_panel.paragraph
    assert "F7" in paragraph.toPlainText()
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_F7)  # as it says: the first change's paragraph
    text = paragraph.toPlainText()
    assert re.match(r"In \d of 6 versions", text) and "F7" not in text


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_what_happened_to_each_speaker_is_seen_without_scrolling_sideways(qtbot, size) -> None:
    window = MainWindow(persist=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.history_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(STORY_FILES)
    qtbot.waitUntil(
        lambda: window.state.history is not None and bool(window.state.history.speaker_timelines),
        timeout=LOAD_TIMEOUT_MS,
    )
    panel = window.story_pane.history_panel
    panel.setCurrentWidget(panel.speakers)
    tree = panel.speakers
    qtbot.waitUntil(lambda: tree.viewport().width() > 100, timeout=3000)
    # every column is inside the sidebar: nothing waits past its right edge
    assert tree.header().length() <= tree.viewport().width()
    assert not tree.horizontalScrollBar().isVisible()
    timelines = {t.name: t for t in window.state.history.speaker_timelines}
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item.data(0, HEADING_ROLE):
            continue
        timeline = timelines[item.text(1)]
        happened = ", ".join(f"{s.kind} in v{s.from_version + 2}" for s in timeline.steps)
        happened = happened or f"v{timeline.first + 1}–v{timeline.last + 1}"
        assert item.data(1, DETAIL_ROLE) == happened
        names, details = panel.shown_lines(item)
        shown = " ".join(details)
        # drawn under the name, whole or cut with "…"; the tooltip has it whole
        assert shown == happened or (
            shown.endswith("…") and happened.startswith(shown[:-1].rstrip())
        )
        assert " ".join(names) == item.text(1) or names[-1].endswith("…")
        assert happened in item.toolTip(1) and item.text(1) in item.toolTip(1)
        assert tree.visualItemRect(item).height() >= (len(names) + len(details)) * (
            tree.fontMetrics().height() - 1
        )
    harker = next(
        tree.topLevelItem(r)
        for r in range(tree.topLevelItemCount())
        if tree.topLevelItem(r).text(1) == "Tom Harker"
    )
    assert harker.data(1, DETAIL_ROLE).startswith("added in v4")
    window.close()


def test_a_long_storys_marks_go_ten_to_a_row_so_the_names_keep_their_room() -> None:
    assert marks_in_rows("·●●") == "·●●"
    assert marks_in_rows("●" * 20) == "●" * 20
    forty = "●" * 12 + "·" * 28
    assert marks_in_rows(forty).split("\n") == ["●" * 10, "●●" + "·" * 8, "·" * 10, "·" * 10]
    assert len(marks_in_rows("●" * 95).split("\n")) == 10

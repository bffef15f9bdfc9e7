"""The redline view: one text, deletions struck through, insertions underlined."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QTextCharFormat, QTextCursor

from comparer.core.compare import compare
from comparer.core.model import Comparison
from comparer.formats import load_path
from comparer.sample import sample_paths
from comparer.ui.redline_view import RedlineView
from comparer.ui.theme import Theme


@pytest.fixture
def landslide() -> Comparison:
    """The sample story's three versions, compared."""
    return compare([load_path(str(p)) for p in sample_paths()])


def format_at(view: RedlineView, needle: str, nth: int = 0):  # type: ignore[no-untyped-def]
    """The character format of the last character of ``needle`` (its ``nth`` occurrence)."""
    text = view.plain_text()
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + len(needle))
    return cursor.charFormat()


def test_deletions_are_struck_and_insertions_underlined(qtbot, landslide: Comparison) -> None:
    view = RedlineView(Theme.light())
    qtbot.addWidget(view)
    view.set_comparison(landslide, 0)
    text = view.plain_text()
    assert "At least 12\u200917" in text  # both numbers, a thin space apart
    old, new = format_at(view, "At least 12"), format_at(view, "12\u200917")
    assert old.fontStrikeOut() and not old.fontUnderline()
    assert new.fontUnderline() and not new.fontStrikeOut()
    assert "▲ +5, +42%" in text
    assert format_at(view, "local").fontStrikeOut()  # a removed word
    added = format_at(view, "Dr Priya Anand")  # a paragraph new in v2
    assert added.fontUnderline()
    assert "moved from ¶11" in text


def test_each_pair_and_the_newest_by_default(qtbot, landslide: Comparison) -> None:
    view = RedlineView(Theme.light())
    qtbot.addWidget(view)
    view.set_comparison(landslide)
    assert view.pair() == 1
    assert "17\u200923" in view.plain_text()
    view.set_comparison(landslide, 0)
    assert "17\u200923" not in view.plain_text()


def dotted(view: RedlineView) -> list[str]:
    """The runs of text drawn with a dotted underline (typography-only changes)."""
    out = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            style = fragment.charFormat().underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.DotLine:
                out.append(fragment.text())
            it += 1
        block = block.next()
    return out


def test_typography_is_dotted_unless_ignored(qtbot, landslide: Comparison) -> None:
    view = RedlineView(Theme.light())
    qtbot.addWidget(view)
    view.set_comparison(landslide, 1)
    assert any(run in ("“", "”", "…") for run in dotted(view))
    view.set_ignore_typography(True)
    assert dotted(view) == []


def test_the_redline_is_text_a_screen_reader_can_read(qtbot, landslide: Comparison) -> None:
    view = RedlineView(Theme.dark_theme())
    qtbot.addWidget(view)
    view.set_comparison(landslide, 0)
    view.show()
    interface = QAccessible.queryAccessibleInterface(view)
    text = interface.textInterface()
    assert text is not None
    assert "people have died" in text.text(0, text.characterCount())
    assert interface.text(QAccessible.Text.Name) == "Redline"


def test_a_pair_from_a_longer_story_is_named_as_the_story_numbers_it(qtbot) -> None:
    later = compare([load_path(str(p)) for p in sample_paths()[1:]])  # the sample's v2 and v3
    view = RedlineView(Theme.light())
    qtbot.addWidget(view)
    view.set_comparison(later, numbers=(1, 2))
    note = "v2 → v3: struck through is only in v2, underlined only in v3"
    assert view.plain_text().startswith(note)
    view.set_comparison(later)  # a comparison of its own: numbered from v1
    assert view.plain_text().startswith("v1 → v2: ")


def test_the_window_names_the_pair_in_the_redline_by_the_story(qtbot, story) -> None:
    story.commands.redline_action.trigger()
    assert story.state.pair == (4, 5)
    assert story.redline.plain_text().startswith("v5 → v6: ")

"""The one-line summary of a pair that the window, the text output and the reports share."""

from __future__ import annotations

from comparer.core.compare import compare_pair
from comparer.core.figure_edits import figure_edits
from comparer.core.summary import summary_line
from tests.core import flood_story
from tests.core.factories import body

OLD = body(["At least 40 people died.", "It cost $4m.", "Crews worked all night.", "Gone."])
NEW = body(["At least 48 people died.", "It cost $4.5m.", "Crews worked all night!", "New."])


def test_the_counts_a_reader_sees_first() -> None:
    # the last paragraph is rewritten beyond recognition: removed, and a new one added
    line = summary_line(compare_pair(OLD, NEW))
    assert line == (
        "3 changed · 1 added · 1 removed · 0 moved · 2 numbers changed · 0 typographic only"
    )


def test_equal_versions_have_no_differences() -> None:
    assert summary_line(compare_pair(OLD, OLD)) == "no differences"


def test_the_window_names_the_first_numbers_in_its_own_words() -> None:
    pair = compare_pair(OLD, NEW)
    line = summary_line(pair, str.upper, numbers_shown=1)
    assert "2 NUMBERS CHANGED (40 → 48, …)" in line
    assert line.startswith("3 CHANGED · 1 ADDED · 1 REMOVED · ")
    unchanged_numbers = compare_pair(body(["Crews worked."]), body(["Crews rested."]))
    assert "no numbers changed" in summary_line(unchanged_numbers, numbers_shown=2)


def test_sentences_moved_and_figures_added_or_removed_are_counted_when_there_are_any() -> None:
    old, new = flood_story.versions()
    pair = compare_pair(old, new)
    line = summary_line(pair, figures=figure_edits(pair, old.text, new.text))
    assert line == (
        "4 changed · 0 added · 0 removed · 0 moved · 4 sentences moved · 1 number changed"
        ", 2 added, 1 removed · 0 typographic only"
    )
    # without the figures, the counts the format defines, as before
    assert "1 number changed · 0 typographic only" in summary_line(pair)

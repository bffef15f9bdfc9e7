"""Typographic changes told apart by name, and a paragraph's many summed up in one line."""

from __future__ import annotations

import pytest

from comparer.ui.mark_names import describe, shown, summarise


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ('"', "“", '" → “ (straight double quote → opening curly quote)'),
        ('"', "”", '" → ” (straight double quote → closing curly quote)'),
        ("'", "’", "' → ’ (straight single quote → closing curly single quote (apostrophe))"),
        ("-", "—", "- → — (hyphen → em dash)"),
        ("...", "…", "... → … (three dots → ellipsis)"),
        (" ", "\u00a0", "␣ → ⍽ (space → no-break space)"),
        ("3", "three", "3 → three"),
    ],
)
def test_each_mark_is_named(before: str, after: str, expected: str) -> None:
    assert describe(before, after) == expected


def test_the_two_quotes_that_look_alike_read_differently() -> None:
    assert describe('"', "“") != describe('"', "”")


def test_a_paragraph_s_changes_become_one_line() -> None:
    line = summarise([('"', "“"), ('"', "”"), ('"', "“"), ('"', "”")])
    assert line == '4 quote marks ("→“ ×2, "→” ×2)'
    assert summarise([("-", "—"), ('"', "“")]) == '2 typographic changes (-→—, "→“)'
    assert summarise([('"', "“")]) == describe('"', "“")
    assert summarise([]) == ""


def test_invisible_marks_are_shown() -> None:
    assert shown(" ") == "␣" and shown("") == "∅" and shown("\u00a0") == "⍽"


def test_the_changes_list_gives_a_paragraph_s_typography_one_row(window, sample, open_files):
    open_files(sample)
    changes = window.panel.changes_model
    labels = [changes.label(r) for r in range(changes.rowCount())]
    typography = [label for label in labels if "Typography:" in label]
    places = [label.split("  ")[0] for label in typography]
    assert typography and len(places) == len(set(places))  # one row per paragraph
    assert any('4 quote marks ("→“ ×2, "→” ×2)' in label for label in typography)
    stops = window.view.stops
    for index, stop in enumerate(stops):
        row = changes.row_of_stop(index)
        assert row >= 0  # every change, grouped or not, finds its row
        if stop.category == "typographic":
            assert "Typography:" in labels[row]
    assert changes.rowCount() < len(stops)

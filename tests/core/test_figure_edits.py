"""Figures added or removed: told apart from figures whose value changed, counted once."""

from __future__ import annotations

import pytest

from comparer.core.compare import compare_pair
from comparer.core.figure_edits import figure_edits
from comparer.core.model import Category, Version
from tests.core import flood_story, storm_story
from tests.core.factories import body


def _edits(old: str, new: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    pair = compare_pair(body([old]), body([new]))
    edits = figure_edits(pair, body([old]).text, body([new]).text)
    added = [e.text for e in edits if e.added]
    removed = [e.text for e in edits if not e.added]
    return added, removed, [(n.from_text, n.to_text) for n in pair.numbers]


@pytest.mark.parametrize(
    ("old", "new", "added", "removed", "changed"),
    [
        ("At least 40 people died.", "At least 48 people died.", [], [], [("40", "48")]),
        ("Rescuers arrived at dawn.", "Rescuers, 30 in all, arrived at dawn.", ["30"], [], []),
        ("Some 12 shelters opened.", "Shelters opened.", [], ["12"], []),
        # a figure added beside one that changed: each told as it is
        (
            "It cost $4m, he said.",
            "It cost $5m and took 3 years, he said.",
            ["3"],
            [],
            [("$4m", "$5m")],
        ),
        # a "one" in place of "the" is a word, as the engine reads it
        ("The man spoke first.", "One man spoke first.", [], [], []),
        # the same figure on both sides of a change neither came nor went
        ("Police said 12 were hurt.", "Officials said that 12 were hurt.", [], [], []),
    ],
)
def test_a_figure_added_or_removed_is_not_a_figure_changed(
    old: str, new: str, added: list[str], removed: list[str], changed: list[tuple[str, str]]
) -> None:
    assert _edits(old, new) == (added, removed, changed)


def test_every_numeric_change_is_a_figure_changed_added_removed_or_moved() -> None:
    old, new = flood_story.versions()
    pair = compare_pair(old, new)
    edits = figure_edits(pair, old.text, new.text)
    told = {e.change for e in edits} | {n.change for n in pair.numbers}
    numeric = {i for i, c in enumerate(pair.changes) if c.category is Category.NUMERIC}
    assert told <= numeric
    moved = {new.text[m.to_start : m.to_end] for m in pair.moves}
    # the rest only put a sentence with its figure in a new place
    left = [pair.changes[i].to_text.strip() for i in sorted(numeric - told)]
    assert left == ["Another 30 millimetres of rain may fall tonight."]
    assert set(left) <= moved
    assert [(e.added, e.text) for e in edits] == [(True, "200"), (False, "12"), (True, "3,000")]
    for e in edits:
        text = new.text if e.added else old.text
        assert text[e.start : e.end] == e.text


def test_a_figure_that_moved_with_its_sentence_is_neither_added_nor_changed() -> None:
    old, new = flood_story.versions()
    pair = compare_pair(old, new)
    moved = [new.text[m.to_start : m.to_end] for m in pair.moves]
    assert "Another 30 millimetres of rain may fall tonight." in moved
    # the sentence went where "About 3,000 homes …" came: no "30 → 3,000"
    assert [(n.from_text, n.to_text) for n in pair.numbers] == [("40", "48")]
    assert all(e.text != "30" for e in figure_edits(pair, old.text, new.text))
    assert pair.summary.numbers_changed == 1


def figure_kept_in_its_paragraph() -> tuple[Version, Version]:
    """A paragraph rewritten around its figure, "203" taken out and put back in it."""
    old = body(
        [
            "Coastguard spokesman Owen Pryce told reporters that 203 people had been taken off "
            "the ship by noon. Lifeboats from "
            "four stations and a helicopter were sent to the scene."
        ]
    )
    new = body(
        [
            "Lifeboats from four stations and a helicopter were sent to the scene, and 203 "
            "people had been taken off the ship by noon."
        ]
    )
    return old, new


def test_a_figure_taken_out_and_put_back_in_its_paragraph_is_neither() -> None:
    old, new = figure_kept_in_its_paragraph()
    pair = compare_pair(old, new)
    numeric = [c for c in pair.changes if c.category is Category.NUMERIC]
    assert [("203" in c.from_text, "203" in c.to_text) for c in numeric] == [
        (True, False),
        (False, True),
    ]
    assert figure_edits(pair, old.text, new.text) == []


def test_the_figures_of_a_paragraph_removed_or_added_whole_are_not_listed_one_by_one() -> None:
    old = body(
        [
            "At least 40 people died in the flood.",
            "Two bridges were built here in 1985 after an earlier flood.",
            "Rescue work goes on.",
        ]
    )
    new = body(
        [
            "At least 48 people died in the flood.",
            "Rescue work goes on.",
            "Some 300 soldiers arrived on Tuesday.",
        ]
    )
    pair = compare_pair(old, new)
    assert [(n.from_text, n.to_text) for n in pair.numbers] == [("40", "48")]
    assert figure_edits(pair, old.text, new.text) == []
    assert (pair.summary.paragraphs_added, pair.summary.paragraphs_deleted) == (1, 1)


def test_a_figure_changed_as_its_sentence_moved_is_neither_added_nor_removed() -> None:
    old, new = storm_story.versions()
    pair = compare_pair(old, new)
    edits = figure_edits(pair, old.text, new.text)
    # "40" → "48" and "60" → "75" changed as their sentences moved; "300" went and "12"
    # came with sentences that are not one sentence moved
    assert [(e.added, e.text, e.move) for e in edits] == [(False, "300", -1), (True, "12", -1)]
    assert sorted((n.from_text, n.to_text) for n in pair.numbers) == [("40", "48"), ("60", "75")]

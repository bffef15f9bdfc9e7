"""Approximate quantities: read as ranges, compared without inventing a difference."""

from __future__ import annotations

import pytest

from comparer.core.compare import compare_pair
from comparer.core.numbers.approximate import (
    approximate_change,
    compare_estimates,
    find_estimates,
)
from tests.core.factories import body


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        ("Hundreds of people", "Hundreds", 200, 999),
        ("dozens were hurt", "dozens", 24, 99),
        ("a handful of shops", "a handful", 3, 7),
        ("tens of thousands marched", "tens of thousands", 20_000, 99_999),
        ("at least 12 people", "at least 12", 12, float("inf")),
        ("up to 30 people", "up to 30", 0, 30),
        ("40 people", "40", 40, 40),
    ],
)
def test_quantities_are_read_as_ranges(text: str, written: str, low: float, high: float) -> None:
    [quantity] = find_estimates(text)
    assert (quantity.text, quantity.low, quantity.high) == (written, low, high)


@pytest.mark.parametrize(
    ("old", "new", "label", "direction"),
    [
        ("Over 400", "Hundreds", "\u2248", 0),
        ("Hundreds", "Over 400", "\u2248", 0),
        ("dozens", "more than 100", "\u2248, higher", 1),
        ("a handful", "at least 12", "\u2248, higher", 1),
        ("hundreds", "50", "\u2248, lower", -1),
        ("over 400", "nearly 400", "\u2248, lower", -1),
    ],
)
def test_a_vague_change_has_a_direction_at_most_never_a_delta(
    old: str, new: str, label: str, direction: int
) -> None:
    pair = approximate_change(old, new)
    assert pair is not None
    assert compare_estimates(*pair) == (label, direction)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("40", "48"),
        ("over 400", "more than 400"),
        ("Hundreds", "hundreds"),
        ("the", "one"),
        ("about 300", "450"),
    ],
)
def test_exact_or_equal_quantities_are_not_approximate_changes(old: str, new: str) -> None:
    assert approximate_change(old, new) is None


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        ("Several people were hurt", "Several", 3, 9),
        ("a few shops were looted", "a few", 2, 6),
        ("A couple of houses burned", "A couple of", 2, 3),
        ("scores of people fled", "scores", 40, 99),
        ("a number of people were hurt", "a number of", 2, float("inf")),
    ],
)
def test_vague_words_of_news_prose_are_ranges(
    text: str, written: str, low: float, high: float
) -> None:
    [quantity] = find_estimates(text)
    assert (quantity.text, quantity.low, quantity.high) == (written, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Few survived the night.",  # "not many", no count
        "A couple were rescued from the roof.",  # two people, or a pair of them
        "The number of victims is unknown.",
        "The few who stayed were evacuated.",
    ],
)
def test_words_that_are_no_count_stay_out(text: str) -> None:
    assert find_estimates(text) == []


def _numbers(old: str, new: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    pair = compare_pair(body([old]), body([new]))
    categories = [c.category.value for c in pair.changes]
    listed = [(n.from_text, n.to_text, n.delta_label) for n in pair.numbers]
    assert pair.summary.numbers_changed == len(listed)
    return categories, listed


HIGHER, LOWER, OVERLAP = "\u2248, higher", "\u2248, lower", "\u2248"


@pytest.mark.parametrize(
    ("old", "new", "listed"),
    [
        ("Several people were hurt.", "12 people were hurt.", ("Several", "12", HIGHER)),
        ("12 people were hurt.", "Several people were hurt.", ("12", "Several", LOWER)),
        ("Several people were hurt.", "Twelve people were hurt.", ("Several", "Twelve", HIGHER)),
        ("Several people were hurt.", "Seven people were hurt.", ("Several", "Seven", OVERLAP)),
        ("A few people were hurt.", "Dozens of people were hurt.", ("A few", "Dozens", HIGHER)),
        ("Dozens of people were hurt.", "A few people were hurt.", ("Dozens", "A few", LOWER)),
        ("A few people were hurt.", "A dozen people were hurt.", ("A few", "A dozen", HIGHER)),
        ("A dozen people were hurt.", "A few people were hurt.", ("A dozen", "A few", LOWER)),
        ("A few days later it rose.", "Two days later it rose.", ("A few", "Two", OVERLAP)),
        ("A couple of homes burned.", "Five homes burned.", ("A couple of", "Five", HIGHER)),
        ("Five homes burned.", "A couple of homes burned.", ("Five", "A couple of", LOWER)),
        ("A couple of homes burned.", "Several homes burned.", ("A couple of", "Several", OVERLAP)),
        ("Scores of people fled.", "Hundreds of people fled.", ("Scores", "Hundreds", HIGHER)),
        ("Hundreds of people fled.", "Scores of people fled.", ("Hundreds", "Scores", LOWER)),
        ("A number of people were hurt.", "40 people were hurt.", ("A number of", "40", OVERLAP)),
        ("40 people were hurt.", "A number of people were hurt.", ("40", "A number of", OVERLAP)),
    ],
)  # fmt: skip
def test_a_vague_word_against_a_figure_or_another_is_a_number_change(
    old: str, new: str, listed: tuple[str, str, str]
) -> None:
    categories, numbers = _numbers(old, new)
    assert categories == ["numeric"]
    assert numbers == [listed]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("He called several times on Monday.", "He called often on Monday."),
        ("Several officials said so.", "Many officials said so."),
        ("Several people were hurt.", "The people were hurt."),
        ("A few shops were looted.", "A lot of shops were looted."),
        ("A number of shops were looted.", "The number of shops looted is unknown."),
        ("Several times a day the ferry sails.", "Several times a day the ship sails."),
        ("Some people came to the door.", "One person came to the door."),
        ("Then the man came to the door.", "Then one man came to the door."),
    ],
)
def test_a_vague_word_beside_no_figure_is_no_number_change(old: str, new: str) -> None:
    categories, numbers = _numbers(old, new)
    assert categories and set(categories) == {"text"}
    assert numbers == []

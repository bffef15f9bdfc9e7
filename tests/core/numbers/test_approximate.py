"""Approximate quantities: read as ranges, compared without inventing a difference."""

from __future__ import annotations

import pytest

from comparer.core.numbers.approximate import (
    approximate_change,
    compare_estimates,
    find_estimates,
)


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

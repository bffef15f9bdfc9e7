"""The sequence matcher: the standard matcher's pairs, found faster; the longest chain."""

from __future__ import annotations

import itertools
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.sequence_matcher import (
    equal_runs,
    longest_increasing,
    matching_pairs,
    pairs_from_runs,
)


def _sequence_matcher_pairs(a: list[int], b: list[int]) -> list[tuple[int, int]]:
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return [(m.a + k, m.b + k) for m in blocks for k in range(m.size)]


# Few distinct values, so that runs, repeats and ties between equally long runs are common.
_SEQUENCE = st.lists(st.integers(0, 4), max_size=30)


@settings(max_examples=500, deadline=None)
@given(_SEQUENCE, _SEQUENCE)
def test_paragraph_anchors_are_those_the_standard_matcher_finds(a: list[int], b: list[int]) -> None:
    expected = _sequence_matcher_pairs(a, b)
    assert matching_pairs(a, b) == expected
    runs = equal_runs(a, b, None)  # however many runs there are
    assert runs is not None
    assert pairs_from_runs(a, b, runs) == expected


@settings(max_examples=200, deadline=None)
@given(_SEQUENCE, st.data())
def test_anchors_of_an_edited_copy_are_those_the_standard_matcher_finds(
    a: list[int], data: st.DataObject
) -> None:
    b = list(a)
    for _ in range(data.draw(st.integers(0, 4))):
        if b and data.draw(st.booleans()):
            del b[data.draw(st.integers(0, len(b) - 1))]
        else:
            b.insert(data.draw(st.integers(0, len(b))), data.draw(st.integers(0, 9)))
    expected = _sequence_matcher_pairs(a, b)
    assert matching_pairs(a, b) == expected
    runs = equal_runs(a, b, None)
    assert runs is not None
    assert pairs_from_runs(a, b, runs) == expected


def test_many_repeated_paragraphs_are_anchored_as_the_standard_matcher_does() -> None:
    a = [1, 2] * 300  # far more runs of equal paragraphs than are tracked
    b = [2, 1] * 250 + [3]
    assert equal_runs(a, b, 100) is None
    assert matching_pairs(a, b) == _sequence_matcher_pairs(a, b)


def test_versions_with_every_other_paragraph_edited_are_anchored_alike() -> None:
    a = [k if k % 2 == 0 else -1 for k in range(400)]
    b = [k if k % 2 == 0 else -2 - k for k in range(400)]
    assert matching_pairs(a, b) == _sequence_matcher_pairs(a, b)


def _longest_by_brute_force(values: list[int]) -> int:
    for size in range(len(values), 0, -1):
        for chosen in itertools.combinations(range(len(values)), size):
            picked = [values[i] for i in chosen]
            if all(x < y for x, y in itertools.pairwise(picked)):
                return size
    return 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 9), max_size=9))
def test_the_longest_increasing_chain_is_increasing_and_longest(values: list[int]) -> None:
    chain = sorted(longest_increasing(values))
    picked = [values[i] for i in chain]
    assert all(x < y for x, y in itertools.pairwise(picked))
    assert len(chain) == _longest_by_brute_force(values)


def test_paragraphs_in_order_but_one_moved_keep_all_but_that_one() -> None:
    # new positions of old paragraphs 0..5, paragraph 1 moved to the end
    assert longest_increasing([0, 5, 1, 2, 3, 4]) == {0, 2, 3, 4, 5}
    assert longest_increasing([]) == set()

"""The word diff's two diff-match-patch implementations give the same answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core import word_diff
from comparer.core.word_diff import token_ops

# encoded token strings: a few code points, astral ones and ones next to the surrogates
# among them, so that repeats, moves and overlaps are common
_CODES = st.text(alphabet="\u0100\u0101\u0102\u0103\u0104\ud7ff\ue000\U00012345", max_size=40)


@pytest.mark.skipif(word_diff._fast is None, reason="the C++ implementation is not installed")
@settings(max_examples=400, deadline=None)
@given(_CODES, _CODES, st.booleans())
def test_the_fast_implementation_answers_as_the_reference_one(
    a: str, b: str, semantic: bool
) -> None:
    assert token_ops(a, b, semantic) == token_ops(a, b, semantic, fast=False)


@pytest.mark.parametrize("fast", [True, False])
def test_operations_cover_both_strings(fast: bool) -> None:
    ops = token_ops("\u0100\u0101\u0102\u0103", "\u0100\u0104\u0102\u0103\u0105", True, fast)
    assert sum(n for op, n in ops if op <= 0) == 4
    assert sum(n for op, n in ops if op >= 0) == 5
    assert ops[0] == (0, 1) and ops[-1] == (1, 1)

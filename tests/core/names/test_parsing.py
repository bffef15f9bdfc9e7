"""Capitalised runs are found where the plain form of the run pattern finds them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.names.parsing import _CAP_RUN, NAME_RUN, capitalised_words, paragraph_runs

# the run pattern as first written: a look-ahead, then what must stand before the run
PLAIN = re.compile(r"(?=[A-Zaeibu])(?:(?<=[\s(\[\u201c\u2018\"'\u2014-])|^)" + NAME_RUN)

_WORDS = st.sampled_from(
    [
        "Bashar",
        "al-Assad",
        "al-",
        "ibn-Saud",
        "abu-Bakr",
        "ul-Haq",
        "el-Sisi",
        "bin",
        "of the",
        "of",
        "U.S.",
        "Dr.",
        "Jr.",
        "St.Louis",
        "O'Neil",
        "Smith\u2019s",
        "a",
        "be",
        "ibis",
        "under",
        "NATO",
        "A.",
        "McCain",
        "x",
        "9",
    ]
)
_GAPS = st.sampled_from(
    [
        " ",
        "  ",
        "\u00a0",
        "\n",
        "(",
        "[",
        "\u201c",
        "\u2018",
        '"',
        "'",
        "\u2014",
        "-",
        ", ",
        ".",
        "",
        "x",
        "_",
    ]
)
TEXTS = st.lists(st.tuples(_GAPS, _WORDS), max_size=10).map(
    lambda parts: "".join(g + w for g, w in parts)
)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 6), st.integers(0, 6))
def test_runs_are_found_where_the_plain_pattern_finds_them(
    text: str, lead: int, trail: int
) -> None:
    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - trail)
    found = [(m.start(), m.group()) for m in _CAP_RUN.finditer(text, start, end)]
    assert found == [(m.start(), m.group()) for m in PLAIN.finditer(text, start, end)]


def test_paragraph_runs_skip_function_words_and_note_mid_sentence_words() -> None:
    text = "But If the Senate met. The Senate and Sen. Ted Cruz spoke."
    mid: set[str] = set()
    runs = paragraph_runs(text, 0, len(text), mid)
    # "But If" names no one; "The Senate" opens a sentence, the others do not
    assert runs == [(11, "Senate"), (23, "The Senate"), (38, "Sen. Ted Cruz")]
    assert mid == {"Senate", "Sen."}


def test_capitalised_words_take_up_to_so_many_words() -> None:
    two = re.compile(capitalised_words(1))
    assert two.fullmatch("Lena Ortiz")
    assert two.fullmatch("al-Assad's") is None  # a name word opens with a capital
    assert two.fullmatch("Mayor Lena Ortiz") is None
    assert re.fullmatch(capitalised_words(2), "Mayor Lena Ortiz")

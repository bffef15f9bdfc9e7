"""Capitalised runs are found where the plain form of the run pattern finds them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.names.parsing import (
    _CAP_RUN,
    NAME_RUN,
    capitalised_words,
    opens_with_particle,
    paragraph_runs,
    particle_lead,
)

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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We will not cut schools," de Blasio said.', "de Blasio"),
        ("Later that day van der Berg spoke.", "van der Berg"),
        ("The prince, bin Salman, left.", "bin Salman"),
        ("de Blasio spoke first.", "de Blasio"),
        # not names: a particle that is a common noun after a determiner, a weekday
        ("Police said the van Smith rented was found.", "Smith"),
        ("They travelled by van Monday morning.", "Monday"),
        ("It held a recycling bin Miller had left.", "Miller"),
        ("A police van Smith drove was found.", "Smith"),
        ("He met with bin Salman on Monday.", "bin Salman"),
    ],
)
def test_particles_written_apart_open_the_name_after_them(text: str, name: str) -> None:
    word = name.split()[-1]
    pos = text.index(word)
    assert text[particle_lead(text, pos) : pos + len(word)] == name


@pytest.mark.parametrize(
    ("phrase", "opens"),
    [("de Blasio", True), ("van der Berg", True), ("al-Hussein", True), ("de facto", False),
     ("the van", False), ("De Blasio", False), ("al Qaeda", False)],
)  # fmt: skip
def test_a_phrase_opening_with_a_particle_is_a_name(phrase: str, opens: bool) -> None:
    assert opens_with_particle(phrase) is opens


def test_capitalised_words_may_follow_particles() -> None:
    pattern = re.compile(capitalised_words(2))
    assert pattern.fullmatch("de Blasio")
    assert pattern.fullmatch("van der Berg")
    assert pattern.fullmatch("the Berg") is None

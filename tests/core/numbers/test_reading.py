import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.numbers import (
    find_numbers,
    may_hold_number,
    separator_evidence,
    uses_decimal_comma,
    values_differ,
)
from comparer.core.numbers.reading import Quantity

READ_AS = [
    ("killing at least 40 people", "40", 40),
    ("1,200 vehicles", "1,200", 1200),
    ("rose 3.5 points", "3.5", 3.5),
    ("up 12% on the year", "12%", 12),
    ("up 12 percent", "12 percent", 12),
    ("a $4.5m contract", "$4.5m", 4_500_000),
    ("about 4 million people", "4 million", 4_000_000),
    ("at 06:00 local time", "06:00", 360),
    ("at 0600 GMT", "0600", 360),
    ("on 19 May 2013", "19 May 2013", 735007),
    ("on May 19, 2013", "May 19, 2013", 735007),
    ("the 3rd attempt", "3rd", 3),
    ("the third attempt", "third", 3),
    ("three people", "three", 3),
    ("ninety-five votes", "ninety-five", 95),
    ("a dozen homes", "a dozen", 12),
    ("two hundred thousand", "two hundred thousand", 200_000),
    ("one hundred and five", "one hundred and five", 105),
    ("\u0664\u0668 \u0642\u062a\u064a\u0644\u0627", "\u0664\u0668", 48),
    ("shortly after 2pm.", "2pm", 840),
    ("at 3 p.m. on Monday", "3 p.m.", 900),
    ("at 12am", "12am", 0),
    ("a third of the homes", "a third", 1 / 3),
    ("two-thirds of voters", "two-thirds", 2 / 3),
    ("three quarters of the budget", "three quarters", 0.75),
    ("half of the town", "half", 0.5),
    ("sales fell by a quarter.", "a quarter", 0.25),
    ("one and a half million", "one and a half million", 1_500_000),
    ("half a million people", "half a million", 500_000),
    ("2 and a half years", "2 and a half", 2.5),
]


@pytest.mark.parametrize(("text", "written", "value"), READ_AS)
def test_numbers_are_read_as_a_reader_would(text: str, written: str, value: float) -> None:
    numbers = find_numbers(text)
    assert [n.text for n in numbers] == [written]
    assert numbers[0].value == pytest.approx(value)
    assert text[numbers[0].start : numbers[0].end] == written


SAME_VALUE = [
    ("3", "three"),
    ("0600", "06:00"),
    ("1,200", "1200"),
    ("$4m", "$4 million"),
    ("3rd", "third"),
    ("12%", "12 per cent"),
    ("14:00", "2pm"),
    ("0600", "6 a.m."),
    ("half of", "50% of"),
    ("a quarter of", "25% of"),
]
OTHER_VALUE = [
    ("40", "48"),
    ("$4m", "$4.5m"),
    ("three", "four"),
    ("06:00", "07:00"),
    ("12%", "12"),
    ("a third of", "half of"),
    ("2pm", "3pm"),
    ("two thirds", "three quarters"),
    ("half of", "60% of"),
    ("a third of", "33% of"),
]


@pytest.mark.parametrize(("a", "b"), SAME_VALUE)
def test_same_value_written_differently(a: str, b: str) -> None:
    assert not values_differ(find_numbers(a), find_numbers(b))


@pytest.mark.parametrize(("a", "b"), OTHER_VALUE)
def test_other_value(a: str, b: str) -> None:
    assert values_differ(find_numbers(a), find_numbers(b))


def test_decimal_comma_convention_is_detected_from_the_text() -> None:
    text = "Die Inflation lag bei 3,5 Prozent; 1.200 Menschen und 2,7 Millionen Euro."
    assert uses_decimal_comma(text)
    values = [n.value for n in find_numbers(text, decimal_comma=True)]
    assert values[:2] == [3.5, 1200]
    assert not uses_decimal_comma("It rose 3.5 points to 1,200.")


def test_words_that_merely_look_like_numbers_are_not_numbers() -> None:
    assert find_numbers("a second look at the data") == []
    assert find_numbers("May I ask?") == []


@pytest.mark.parametrize(
    "text",
    ["a third term in office", "the Latin Quarter", "living quarters", "his half-brother"],
)
def test_words_that_only_look_like_fractions(text: str) -> None:
    assert all(n.unit != "fraction" for n in find_numbers(text))


@pytest.mark.parametrize("text", ["no one came", "the one who left", "they helped one another"])
def test_one_as_a_pronoun_is_not_a_number(text: str) -> None:
    assert find_numbers(text) == []


def test_one_as_a_count_is_a_number() -> None:
    assert [n.value for n in find_numbers("one person died")] == [1]


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("in 2013", True),
        ("\u0664\u0668", True),  # Arabic-Indic digits
        ("Three of them", True),
        ("THIRD time", True),
        ("no figures here", False),
        ("someone", False),  # "one" inside a word is no number
        ("\u017fix", True),  # long s: reads as "six" when case is ignored
        ("caf\u00e9 for twelve", True),
        ("caf\u00e9 for all", False),
    ],
)
def test_the_cheap_number_test_finds_digits_and_number_words(text: str, holds: bool) -> None:
    assert may_hold_number(text) is holds


def test_number_words_next_to_digits_or_other_scripts_are_read() -> None:
    assert [n.value for n in find_numbers("caf\u00e9 with five tables")] == [5]
    assert [n.text for n in find_numbers("Room 5, then Five more")] == ["5", "Five"]
    assert [n.value for n in find_numbers("\u0664\u0668 and twenty")] == [48, 20]


_FIGURES = st.text(alphabet=st.sampled_from(list("0123456789.,.,a _x\n\u0663\u00b2")), max_size=30)


@settings(max_examples=1000, deadline=None)
@given(_FIGURES)
def test_separator_evidence_counts_every_telling_figure(text: str) -> None:
    comma = re.findall(r"\d\.\d{3},\d|\b\d+,\d{1,2}\b(?![,.]?\d)", text)
    point = re.findall(r"\d,\d{3}\.\d|\b\d+\.\d{1,2}\b(?![,.]?\d)", text)
    assert separator_evidence(text) == (len(comma), len(point))


@pytest.mark.parametrize("text", ["1,5 und 2.300,75; " * 400, "3.5, 1,200.25 and 7.25 " * 400])
def test_separator_evidence_in_tables_of_figures(text: str) -> None:
    comma = re.findall(r"\d\.\d{3},\d|\b\d+,\d{1,2}\b(?![,.]?\d)", text)
    point = re.findall(r"\d,\d{3}\.\d|\b\d+\.\d{1,2}\b(?![,.]?\d)", text)
    assert separator_evidence(text) == (len(comma), len(point))
    assert uses_decimal_comma(text) is (len(comma) > len(point))


def test_a_figure_between_long_runs_of_points_and_commas_is_evidence() -> None:
    # runs of points with no digit in them once made the figure scan retry every point
    # (quadratic: 100 KB of dots took minutes); the figure between them still counts
    text = "." * 20_000 + " The rate was 3,5 points. " + "," * 20_000
    assert separator_evidence(text) == (1, 0)


def test_each_number_says_what_kind_of_quantity_it_is() -> None:
    text = "At 06:00 on 19 May 2013, 40% of the 12th ward, a third, $4m, 30 people, on May 19."
    assert [(n.text, n.unit) for n in find_numbers(text)] == [
        ("06:00", Quantity.TIME),
        ("19 May 2013", Quantity.DATE),
        ("40%", Quantity.PERCENT),
        ("12th", Quantity.ORDINAL),
        ("a third", Quantity.FRACTION),
        ("$4m", "$"),  # a sum: its currency, as written
        ("30", Quantity.COUNT),
        ("May 19", Quantity.MONTHDAY),
    ]

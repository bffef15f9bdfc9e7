"""The number words and signs: tables the number reader and the date reader rely on."""

from __future__ import annotations

import calendar

from comparer.core.numbers import lexicon


def test_every_month_name_and_abbreviation_gives_its_number() -> None:
    for number in range(1, 13):
        full = calendar.month_name[number].lower()
        assert lexicon.MONTHS[full] == number
        assert lexicon.MONTHS[full[:3]] == number
    assert lexicon.MONTHS["sept"] == 9
    assert set(lexicon.MONTHS.values()) == set(range(1, 13))


def test_scale_words_after_a_figure_are_the_powers_they_name() -> None:
    scales = lexicon.SUFFIX_SCALES
    assert scales["m"] == scales["million"] == scales["mn"] == 1e6
    assert scales["bn"] == scales["billion"] == 1e9
    assert all(word == word.lower() for word in scales)  # looked up folded


def test_a_fractions_singular_and_plural_name_one_denominator() -> None:
    parts = lexicon.FRACTION_PARTS
    assert parts["half"] == parts["halves"] == 2
    for word, denominator in parts.items():
        if word.endswith("s") and word[:-1] in parts:
            assert parts[word[:-1]] == denominator


def test_number_words_count_up_from_zero() -> None:
    units = lexicon.UNITS
    assert [units[w] for w in ("zero", "one", "two", "three", "ten", "twenty")] == [
        0,
        1,
        2,
        3,
        10,
        20,
    ]
    assert lexicon.ORDINAL_WORDS["third"] == 3

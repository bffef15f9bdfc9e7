"""The name word lists: what the parsing and the gender seed can rely on."""

from __future__ import annotations

from comparer.core.names import lexicon


def test_no_given_name_is_both_a_mans_and_a_womans() -> None:
    assert not lexicon.MALE_GIVEN & lexicon.FEMALE_GIVEN
    assert lexicon.GIVEN_NAMES == lexicon.MALE_GIVEN | lexicon.FEMALE_GIVEN


def test_word_lists_are_lower_case_as_the_lookups_are() -> None:
    # names are looked up folded to lower case: an entry with a capital would never match
    lists = [
        lexicon.TITLE_WORDS,
        lexicon.ORG_WORDS,
        lexicon.FUNCTION_WORDS,
        lexicon.JOB_TITLES,
        lexicon.GIVEN_NAMES,
        lexicon.HONORIFIC_MALE | lexicon.HONORIFIC_FEMALE,
    ]
    for words in lists:
        assert all(word == word.lower() for word in words)


def test_honorifics_tell_one_gender_each() -> None:
    assert not lexicon.HONORIFIC_MALE & lexicon.HONORIFIC_FEMALE
    assert {"mr", "mrs", "ms"} <= lexicon.HONORIFIC_MALE | lexicon.HONORIFIC_FEMALE


def test_word_set_splits_on_any_white_space() -> None:
    assert lexicon.word_set(" a\tb\n  c a ") == frozenset({"a", "b", "c"})

"""Word tries must find exactly what the plain alternations of the same words find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.names.gender import Gender
from comparer.core.names.parsing import _LOWER_WORD, lower_words, token_lower_words
from comparer.core.quotes import lexicon as quote_lexicon
from comparer.core.quotes.lexicon import (
    INDIRECT_WORDS,
    PRONOUNS,
    Referent,
    check_order,
    reporting_words,
    word_trie,
)

WORDS = ["said", "says", "say", "told", "wrote", "wrote in", "went on", "according to"]
PREFIXES = ["describ", "tweet"]
PAIRS = [("pointed", "out"), ("shot", "back")]

# texts made of the words themselves, their starts and ends, and what stands between words
_PIECES = st.sampled_from(
    [
        *WORDS,
        "sai",
        "writ",
        "describes",
        "tweeting",
        "pointed",
        "out",
        "back",
        "shot",
        "Said",
        "unsaid",
        "said-so",
        "x",
        "_",
        "9",
    ]
)
_GLUE = st.sampled_from([" ", "  ", ", ", "-", "\u2014", "", "\n", "'"])
TEXTS = st.lists(st.tuples(_PIECES, _GLUE), max_size=12).map(
    lambda parts: "".join(p + g for p, g in parts)
)


def _plain(words: list[str], prefixes: list[str], pairs: list[tuple[str, str]]) -> re.Pattern[str]:
    whole = [*words, *(rf"{a}\W+{b}" for a, b in pairs)]
    return re.compile(
        r"(?<![\w-])(?:(?:" + "|".join(whole) + r")\b|(?:" + "|".join(prefixes) + "))"
    )


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_trie_finds_the_same_matches_as_the_alternation(text: str) -> None:
    plain = _plain(WORDS, PREFIXES, PAIRS)
    trie = re.compile(r"(?<![\w-])" + word_trie(WORDS, PREFIXES, PAIRS))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_shorter_word_is_taken_where_both_match() -> None:
    trie = re.compile(word_trie(["wrote", "wrote in"]))
    match = trie.search("she wrote in a letter")
    assert match is not None and match.group() == "wrote"


def test_empty_list_matches_nothing() -> None:
    assert re.search(word_trie([]), "said") is None


def test_check_order_flags_a_longer_word_listed_first() -> None:
    assert check_order(["wrote", "wrote in", "says", "say"])
    assert not check_order(["wrote in", "wrote"])


@pytest.mark.parametrize(
    "words", [quote_lexicon._VERB_WORDS, INDIRECT_WORDS], ids=["speech-verbs", "reporting"]
)
def test_speech_word_lists_keep_their_meaning_as_tries(words: list[str]) -> None:
    assert check_order(words)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_reporting_words_are_found_where_the_word_scan_finds_them(text: str) -> None:
    plain = re.compile(r"\b(?:" + "|".join([*INDIRECT_WORDS, "[Aa]ccording to"]) + r")\b")
    for start in range(0, len(text) + 1, 3):
        assert reporting_words(text, start, len(text)) == [
            m.start() for m in plain.finditer(text, start, len(text))
        ]


@given(st.text(alphabet=st.sampled_from("abZ '-\u2019\u00e9_ \n.,"), max_size=40))
def test_lower_words_are_the_lowercase_words_of_the_text(text: str) -> None:
    assert lower_words(text) == set(_LOWER_WORD.findall(text))


@given(
    st.lists(
        st.text(alphabet=st.sampled_from('abZ \'-\u2019\u00e9\u0301_1 \n.,"\u201c()'), max_size=30),
        min_size=1,
        max_size=4,
    )
)
def test_lower_words_from_tokens_kept_are_the_texts_own(texts: list[str]) -> None:
    # the same tokens met again in later texts are looked up, not matched
    known: dict[str, tuple[str, ...]] = {}
    for text in texts:
        assert token_lower_words(text, known) == set(_LOWER_WORD.findall(text))


def test_a_gendered_pronoun_points_at_a_person_of_that_gender() -> None:
    # the referent of "he" and "she" is compared with the gender the article shows
    assert PRONOUNS["he"] == Gender.MALE and PRONOUNS["she"] == Gender.FEMALE
    assert PRONOUNS["i"] is PRONOUNS["we"] is Referent.FIRST_PERSON

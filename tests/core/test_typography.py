import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.compare import compare
from comparer.core.typography import fold, fold_cached, fold_many, is_typographic
from tests.core.factories import body

SAME = [
    ('"fighters"', "\u201cfighters\u201d"),
    ("it's", "it\u2019s"),
    ("clear ... there", "clear \u2026 there"),
    ("2010-2012", "2010\u20132012"),
    ("a - b", "a \u2014 b"),
    ("two  spaces", "two spaces"),
    ("co\u00adoperate", "cooperate"),
    ("\ufb01sh", "fish"),
    ("non\u00a0breaking", "non breaking"),
]
# typographic too, but kept out of the paragraph keys: judged by ``is_typographic``
SPACING = [
    # a space inserted or removed after punctuation
    ("in the capital.A day later", "in the capital. A day later"),
    ("it rose,then fell", "it rose, then fell"),
    # a quote mark moved across a space
    ('he said " we will stay" and', 'he said "we will stay" and'),
    ('"We will stay" he said', '"We will stay "he said'),
    ("left.\u201cWe", "left. \u201cWe"),
]
DIFFERENT = [
    ("fighters", "soldiers"),
    ("40", "48"),
    ("cat", "Cat"),
    ("a.", "a,"),
    # an apostrophe that changes the word changes its meaning
    ("the officers car", "the officers' car"),
    ("the officer's car", "the officers' car"),
    # a space in a figure is not a space after punctuation
    ("3.5 million", "3. 5 million"),
    ("1,200", "1, 200"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_typographic_variants_fold_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert is_typographic(a, b)


@pytest.mark.parametrize(("a", "b"), SPACING)
def test_spacing_by_punctuation_and_quote_marks_is_typographic(a: str, b: str) -> None:
    assert is_typographic(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_words_stay_different(a: str, b: str) -> None:
    assert not is_typographic(a, b)


def test_case_folding_is_optional() -> None:
    assert fold("Cat", ignore_case=True) == fold("cat", ignore_case=True)


def test_folding_many_texts_at_once_matches_one_by_one() -> None:
    texts = [a for a, _ in SAME] + [b for _, b in SAME] + ["", "  x - y  ", "nul\0inside"]
    assert fold_many(texts) == [fold(t) for t in texts]
    assert fold_many(["Cat", "DOG"], ignore_case=True) == ["cat", "dog"]


# Text drawn from the characters folding treats specially, so that dashes, spacing,
# quote marks and compatibility forms meet each other often.
_FOLDY = st.text(
    alphabet=st.sampled_from(
        list("ab -.`'\"\t\n\u00a0\u2013\u2014\u201c\u201d\u2019\u2026\u00ad\ufb01\u212aK\u017f1")
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FOLDY | st.text(max_size=20), max_size=8), st.booleans())
def test_folding_many_texts_with_a_cache_folds_each_as_fold_does(
    texts: list[str], ignore_case: bool
) -> None:
    cache: dict[str, str] = {}
    assert fold_cached(texts, cache, ignore_case) == [fold(t, ignore_case) for t in texts]
    # a second call answers from the cache, with the same result
    assert fold_cached(texts[::-1], cache, ignore_case) == [
        fold(t, ignore_case) for t in texts[::-1]
    ]


@pytest.mark.parametrize(
    ("old", "new", "category"),
    [
        ("The capital.After a day", "The capital. After a day", "typographic"),
        ('He said " we will stay" and left.', 'He said "we will stay" and left.', "typographic"),
        ("The officer's car was stopped.", "The officer\u2019s car was stopped.", "typographic"),
        ("The officers car was stopped.", "The officers' car was stopped.", "text"),
        ("The officer's car was stopped.", "The officers' car was stopped.", "text"),
    ],
)  # fmt: skip
def test_a_comparison_calls_spacing_and_apostrophe_changes_what_they_are(
    old: str, new: str, category: str
) -> None:
    pair = compare([body([old]), body([new])]).pairs[0]
    assert [c.category.value for c in pair.changes] == [category]

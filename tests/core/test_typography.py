import pytest

from comparer.core.typography import fold, fold_many, is_typographic

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
DIFFERENT = [
    ("fighters", "soldiers"),
    ("40", "48"),
    ("cat", "Cat"),
    ("a.", "a,"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_typographic_variants_fold_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)
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

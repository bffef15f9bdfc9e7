"""Gender from the article's own evidence: honorifics and the pronouns of named sentences."""

from __future__ import annotations

import pytest

from comparer.core.names.gender import Gender, gender_of, honorific_gender, paragraph_pronouns
from comparer.core.names.registry import NameRegistry
from comparer.core.quotes.scans import ParagraphScans


def registry(text: str) -> NameRegistry:
    article = [(0, len(text))]
    return NameRegistry(text, article, ParagraphScans(text, article))


def test_pronouns_inside_quote_marks_speak_of_someone_else() -> None:
    text = 'He left early. "She is still here," he said. Then she arrived.'
    male, female = paragraph_pronouns(text, 0, len(text))
    assert [text[k : k + 2] for k in male] == ["He", "he"]
    assert [text[k : k + 3] for k in female] == ["she"]
    assert text.index("She") not in female


@pytest.mark.parametrize(
    ("titles", "gender"),
    [(("mr",), Gender.MALE), (("ms",), Gender.FEMALE), (("mrs.",), Gender.FEMALE), ((), None)],
)
def test_an_honorific_tells_the_gender(titles: tuple[str, ...], gender: Gender | None) -> None:
    assert honorific_gender(titles) is gender


@pytest.mark.parametrize(
    ("male", "female", "gender"),
    [(3, 0, Gender.MALE), (0, 1, Gender.FEMALE), (2, 1, None), (0, 0, None)],
)
def test_only_clear_evidence_gives_a_gender(male: int, female: int, gender: Gender | None) -> None:
    assert gender_of(male, female) is gender


def test_the_pronoun_after_a_name_tells_its_gender() -> None:
    # "Alex" seeds no gender: the pronoun of the sentence naming her does
    names = registry("Alex Morgan said she would stay at the shelter.")
    entity = names.entity("Alex Morgan")
    assert entity is not None and entity.gender is Gender.FEMALE


def test_a_given_name_seeds_the_gender() -> None:
    entity = registry("Robert Vance arrived late.").entity("Robert Vance")
    assert entity is not None and entity.gender is Gender.MALE

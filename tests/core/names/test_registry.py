"""The name registry: mentions joined into people and organisations, queried by position."""

from __future__ import annotations

from comparer.core.names.parsing import EntityKind
from comparer.core.names.registry import NameRegistry
from comparer.core.quotes.scans import ParagraphScans


def registry(text: str) -> NameRegistry:
    article = [(0, len(text))]
    return NameRegistry(text, article, ParagraphScans(text, article))


TEXT = (
    "Mayor Lena Ortiz visited the shelter on Monday. The Red Cross said it would help. "
    "Ortiz said the school would stay open."
)


def test_a_surname_is_the_fullest_name_ending_with_it() -> None:
    names = registry(TEXT)
    assert names.canonical("Ortiz") == "Lena Ortiz"
    entity = names.entity("Ortiz")
    assert entity is not None and entity.kind is EntityKind.PERSON and "mayor" in entity.titles


def test_an_organisation_is_told_by_its_words() -> None:
    entity = registry(TEXT).entity("Red Cross")
    assert entity is not None and entity.kind is EntityKind.ORG


def test_mentions_are_found_by_position() -> None:
    names = registry(TEXT)
    first_sentence = TEXT.index(".")
    assert [m.name for m in names.mentions_between(0, first_sentence)] == ["Lena Ortiz"]
    org = names.last_org_before(len(TEXT))
    assert org is not None and org.name == "Red Cross"


def test_a_name_that_says_something_speaks() -> None:
    names = registry(TEXT)
    assert names.speaks("Ortiz")
    assert not names.speaks("Lena Ortiz")


def test_titles_before_a_name_are_roles_not_part_of_it() -> None:
    text = (
        "UN Secretary-General Ban Ki-moon arrived in Geneva. PM Gordon Brown met him there. "
        "Engineer David Park spoke later."
    )
    names = registry(text)
    assert names.canonical("Ban") == "Ban Ki-moon"
    assert names.canonical("Brown") == "Gordon Brown"
    assert names.canonical("Park") == "David Park"
    entity = names.entity("Ban")
    assert entity is not None and "secretary-general" in entity.titles


def test_a_name_said_first_is_the_one_person_named_in_full_with_it() -> None:
    names = registry("Zeid Ra'ad al-Hussein spoke on Tuesday. Later Zeid left the hall.")
    assert names.canonical("Zeid") == "Zeid Ra'ad al-Hussein"

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


def test_a_name_opening_with_particles_written_apart_is_one_person() -> None:
    names = registry(
        "Mayor Bill de Blasio spoke on Monday. Later de Blasio left. De Blasio said so. "
        "The museum lent works by van Gogh. A van Smith rented was found near the museum."
    )
    assert [m.name for m in names.mentions if "Blasio" in m.name] == [
        "Bill de Blasio",
        "de Blasio",
        "de Blasio",  # at a sentence's start, as the article writes it elsewhere
    ]
    assert names.canonical("de Blasio") == names.canonical("De Blasio") == "Bill de Blasio"
    entity = names.entity("de Blasio")
    assert entity is not None and entity.kind is EntityKind.PERSON
    assert "van Gogh" in [m.name for m in names.mentions]
    assert "Smith" in [m.name for m in names.mentions]  # "a van": a noun


def test_a_name_with_particles_finds_the_full_name_spelt_otherwise() -> None:
    # "Mat dos Santos" run together in the article: "dos Santos" is still him
    names = registry("Matdos Santos, a lawyer, spoke. The case goes on, dos Santos says.")
    assert names.canonical("dos Santos") == "Matdos Santos"


def test_who_asks_is_no_evidence_of_gender() -> None:
    names = registry("Asked by Reuters whether the strike would last, he replied at once.")
    entity = names.entity("Reuters")
    assert entity is not None and entity.gender is None

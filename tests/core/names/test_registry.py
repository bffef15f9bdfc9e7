"""The name registry: mentions joined into people and organisations, queried by position."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.names.parsing import EntityKind
from comparer.core.names.registry import NameRegistry
from comparer.core.quotes.scans import ParagraphScans, ScanMemo
from tests.core.sentence_edits import sentence_edit


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


# Versions of a story read together keep each paragraph's names and take them from the
# other versions (``NameRegistry`` with shared scans). Paragraphs whose names read the
# whole text or their neighbours: a common word opening a sentence here and written
# lowercase elsewhere, particles in capitals and lowercase, lowercase titles that may
# stand at the end of the paragraph before, "the" and "in" before a name, pronouns.
_POOL = [
    "Employees of the Red Cross said 40 families were moved.",
    "The employees were told to stay home.",
    "Minutes later Lena Ortiz said the bridge would open.",
    "De Blasio said the city would pay. He did not say when.",
    "Mayor Bill de Blasio visited Millbrook on Monday.",
    "She said the plan was a fantasy, according to spokeswoman",
    "Raj Patel, a senator, said he would vote against it.",
    "presidential candidate Maria Gomez spoke in Riverside.",
    "In Kestrel Point the Transport Ministry closed the roads.",
    "Clinton said she would return. Mr. Clinton did not.",
    "Hillary Clinton and Bill Clinton arrived in Millbrook.",
    "Ban Ki-moon said he was worried.",
    "UN Secretary-General Ban Ki-moon visited the camp.",
    "It took minutes to clear the road.",
    "Ortiz said she would stay, and he said she would not.",
    "Asked by Reuters whether it would last, he said no.",
    "Police said 12 people were hurt. They said she was driving.",
    # sentences whose names read the sentence before: abbreviations that end a word with
    # a full stop, particles, lowercase titles, place words, a common word opening one
    "Crews worked through the night. Mrs. Clinton said the U.S. Army would stay.",
    "The vote was close. Sen. Maria Gomez said it passed. Gov. Bill Lee did not sign.",
    "He spoke to the spokeswoman. Lena Ortiz said the talks failed. de Blasio did not.",
    "Repairs went on inside. Riverside said the roads were open. In Millbrook they were not.",
    "It rained for hours. Minutes later Bill de Blasio arrived. She said he was late.",
    "The mayor met the candidate. presidential candidate Maria Gomez spoke first.",
]
_EDIT = st.tuples(
    st.sampled_from(
        ["add", "remove", "edit", "move", "rename", "pronoun", "sentence", "boundary", "join"]
        + ["initial", "quote"]
    ),
    st.integers(0, 99),
)


_SEPARATOR = st.sampled_from(["\n\n", "\n", " \n", "\n ", "  ", "x"])


def _names(names: NameRegistry) -> tuple[object, ...]:
    """Everything the registry answers, in the text's own offsets.

    Asked by position first: a version read with others places its mentions when first
    asked.
    """
    half = len(names.text) // 2
    return (
        names.last_org_before(half),
        names.speaks("Clinton"),
        names.last_titled_before(half, "mayor"),
        names.mentions_between(half, len(names.text)),
        [(m.start, m.end, m.name, m.kind, m.titles) for m in names.mentions],
        {
            n: (e.kind, e.keys, e.male, e.female, sorted(e.titles), e.votes)
            for n, e in names.entities.items()
        },
        [(m.name, names.speaks(m.name), names.named_mid_sentence(m.name)) for m in names.mentions],
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=8),
    st.lists(st.tuples(st.lists(_EDIT, min_size=1, max_size=3), _SEPARATOR), max_size=5),
    st.booleans(),
)
def test_names_kept_by_paragraph_are_each_versions_own(
    first: list[int], steps: list[tuple[list[tuple[str, int]], str]], words_kept: bool
) -> None:
    memo = ScanMemo()
    paragraphs = [_POOL[i] for i in first]
    separator = "\n\n"
    for edits, next_separator in [([], separator), *steps]:
        for what, k in edits:
            i = k % len(paragraphs)
            if what == "add":
                paragraphs.insert(i, _POOL[k % len(_POOL)])
            elif what == "remove" and len(paragraphs) > 1:
                del paragraphs[i]
            elif what == "edit":
                paragraphs[i] = paragraphs[i].replace(" said", " says", 1) + " Crews left."
            elif what == "rename":
                # a name changed in one paragraph: who the others' surnames are may change
                paragraphs[i] = (
                    paragraphs[i].replace("Ortiz", "Clinton", 1).replace("Bill", "Hillary", 1)
                )
            elif what == "pronoun":
                # a pronoun changed: the gender of whom the sentence names
                paragraphs[i] = re.sub(
                    r"\b(he|she)\b", lambda m: "she" if m.group() == "he" else "he", paragraphs[i]
                )
            elif what in ("sentence", "boundary", "join", "initial", "quote"):
                paragraphs[i] = sentence_edit(paragraphs[i], what, " Crews left.")
            else:
                paragraphs.insert(k % (len(paragraphs) + 1), paragraphs.pop(i))
        separator = next_separator
        text = separator.join(paragraphs)
        article, pos = [], 0
        for para in paragraphs:
            article.append((pos, pos + len(para)))
            pos += len(para) + len(separator)
        shared = NameRegistry(text, article, ParagraphScans(text, article, memo, words_kept))
        alone = NameRegistry(text, article, ParagraphScans(text, article))
        assert _names(shared) == _names(alone)


def test_a_title_ending_the_paragraph_before_is_read_as_it_stands() -> None:
    # "spokeswoman" ends one paragraph, a single line break before the next: the name
    # that opens it is titled by that word, so the same paragraph is registered anew
    # after it rather than taken from the version where it followed "It rained."
    memo = ScanMemo()
    found = []
    for before in ("It rained.", "It rained, said the spokeswoman"):
        text = before + "\nLena Ortiz left."
        article = [(0, len(before)), (len(before) + 1, len(text))]
        names = NameRegistry(text, article, ParagraphScans(text, article, memo))
        found.append(names.mentions_between(article[1][0], len(text))[0].titles)
    assert found == [(), ("spokesman",)]


def test_a_paragraph_kept_is_read_again_when_the_rest_of_the_text_decides() -> None:
    # "Minutes" opening a sentence is a name until the text writes "minutes" lowercase
    # somewhere, even in a paragraph after it: what the whole text says is asked anew
    memo = ScanMemo()
    found = []
    opening = "Minutes later Lena Ortiz left."
    for paragraphs in ([opening], [opening, "It took minutes."]):
        text = "\n\n".join(paragraphs)
        article = [(0, len(paragraphs[0]))]
        if len(paragraphs) > 1:
            article.append((len(paragraphs[0]) + 2, len(text)))
        names = NameRegistry(text, article, ParagraphScans(text, article, memo))
        found.append([m.name for m in names.mentions])
    assert found == [["Minutes", "Lena Ortiz"], ["Lena Ortiz"]]


def _versions(*texts: list[str]) -> list[tuple[NameRegistry, NameRegistry]]:
    """Each version's names read with the others (shared scans), and read alone."""
    memo = ScanMemo()
    out = []
    for paragraphs in texts:
        text = "\n\n".join(paragraphs)
        article, pos = [], 0
        for para in paragraphs:
            article.append((pos, pos + len(para)))
            pos += len(para) + 2
        out.append(
            (
                NameRegistry(text, article, ParagraphScans(text, article, memo, True)),
                NameRegistry(text, article, ParagraphScans(text, article)),
            )
        )
    return out


_FILLER = [f"Crews cleared {n} roads near the river on Monday." for n in range(12)]


def test_a_pronoun_changed_in_one_paragraph_changes_that_versions_gender_only() -> None:
    # the people are kept from the version before; what the changed paragraph's pronouns
    # add to them is counted again
    first = ["Ortiz arrived on Monday.", *_FILLER, "Ortiz said she would stay."]
    second = [*first[:-1], "Ortiz said he would stay."]
    genders = []
    for shared, alone in _versions(first, second, first):
        assert _names(shared) == _names(alone)
        entity = shared.entity("Ortiz")
        genders.append(entity.gender if entity is not None else None)
    assert genders == ["f", "m", "f"]


def test_a_name_added_far_away_changes_who_a_surname_is() -> None:
    # "Clinton" alone is the fullest name ending with it: once a paragraph far below
    # names Hillary Clinton, every "Clinton" is her, in that version only
    first = ["Clinton said the plan would work.", *_FILLER]
    second = [*first, "Hillary Clinton spoke later."]
    found = []
    for shared, alone in _versions(first, second, first):
        assert _names(shared) == _names(alone)
        found.append(shared.canonical("Clinton"))
    assert found == ["Clinton", "Hillary Clinton", "Clinton"]


def test_a_common_word_opening_a_kept_paragraph_is_asked_again() -> None:
    # "Minutes" opening a sentence is a name until some paragraph, however far, writes
    # "minutes" lowercase; the paragraph itself is kept, what the text answers is not
    first = ["Minutes later Ortiz left.", *_FILLER]
    second = [*first[:-1], "It took minutes."]
    found = []
    for shared, alone in _versions(first, second, first):
        assert _names(shared) == _names(alone)
        found.append("Minutes" in [m.name for m in shared.mentions])
    assert found == [True, False, True]


_QUERIES = {
    "between": lambda names, at: [m.name for m in names.mentions_between(0, at)],
    "org": lambda names, at: getattr(names.last_org_before(at), "name", None),
    "titled": lambda names, at: getattr(names.last_titled_before(at, "mayor"), "name", None),
    "speaks": lambda names, at: [names.speaks(n) for n in ("Ortiz", "Lena Ortiz", "Red Cross")],
}


@pytest.mark.parametrize("query", sorted(_QUERIES))
def test_a_version_read_with_others_answers_its_first_question_as_alone(query: str) -> None:
    # a version whose paragraphs were all read before places its mentions only when
    # first asked: whatever it is asked first
    first = [TEXT, *_FILLER[:3], "The Red Cross said Mayor Ortiz would help."]
    second = [*first[:2], "Crews cleared 99 roads near the river on Monday.", *first[3:]]
    ask = _QUERIES[query]
    for versions in ([first, second], [second, first, second]):
        for shared, alone in _versions(*versions):
            at = len(shared.text)
            assert ask(shared, at) == ask(alone, at)
            assert ask(shared, at // 2) == ask(alone, at // 2)

"""Versions of a story share their quotes' local work and still get their own quotes.

``extract_quotes_many`` takes each quote's attribution and each sentence's reported
speech from a version already done when what they read is the same; the quotes of every
version must be exactly what ``extract_quotes`` finds in it alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.model import Paragraph, Quote
from comparer.core.quotes import extract_quotes, extract_quotes_many
from comparer.formats import load_path
from tests.core.quotes.texts import make
from tests.core.sentence_edits import SENTENCE_EDITS, sentence_edit

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = sorted((ROOT / "src" / "comparer" / "resources" / "sample").glob("*.txt"))

Item = tuple[str, list[Paragraph]]

# news paragraphs whose quotes read their neighbours: a colon before a quote, a signature
# after one, a quote running over paragraphs, "According to" a name that runs on, pronouns
_POOL = [
    "Mayor Lena Ortiz described the plan this way:",
    '"We will rebuild the bridge, and we will do it in 18 months."',
    "- Lena Ortiz, Millbrook.",
    '"It will take two years," she said. "Maybe three.',
    '"And it will cost more than the 40 million dollars anyone expects."',
    "Council member Raj Patel disagreed: \u201cThe money is not there.\u201d",
    "According to the Transport Ministry, repairs began on Monday with 12 crews.",
    'He called the plan "a fantasy" and said he would vote against it.',
    '"Why now?" asked Patel, who chairs the Budget Committee.',
    "Mr. Patel later told reporters that he was not opposed to repairs.",
    "Sen. Maria Gomez, a Democrat from Riverside, said the state would pay 30 percent.",
    "The group said in a statement that 200 families had been moved.",
    "She said the city had asked the state for help twice this year.",
    # sentences that read the one before: abbreviations, particles, titles, places
    "Crews worked through the night. Mrs. Ortiz said the U.S. Army would stay. "
    '"We are not leaving," she said. The roads stay closed.',
    "He spoke to the spokeswoman. Lena Ortiz said the talks failed. de Blasio did not. "
    "Minutes later the mayor left.",
    'The vote was close. Sen. Maria Gomez said it passed. "We won," Gov. Bill Lee said.',
    'Repairs went on inside. Riverside said 12 crews were "working hard. Very hard." '
    "According to Patel, the work would end soon.",
]


def _paragraphs_of(path: Path) -> list[str]:
    text = load_path(str(path)).text
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


_BASES = [_POOL, *[_paragraphs_of(p) for p in SAMPLE[:2]]]


def _edit(paragraph: str, how: int) -> str:
    """A small edit as a breaking story makes them: a figure, a verb, a sentence."""
    if how == 0:
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 7), paragraph, count=1)
    if how == 1:
        return paragraph.replace(" said", " says", 1).replace("told", "told CNN", 1)
    if how == 2:
        return paragraph.replace("Ortiz", "Patel", 1).replace("she", "he", 1)
    if how == 3:
        return paragraph + " He did not elaborate."
    if how == 4:
        return paragraph.split(". ", 1)[-1]
    return sentence_edit(paragraph, SENTENCE_EDITS[how - 5], ' "We are ready."')


# an edit: (what, where, from where, how): edit a paragraph, add one from the pool,
# remove one, or move one
_STEP = st.tuples(
    st.sampled_from(["edit", "add", "remove", "move"]),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 9),
)


def _story(base: list[str], steps: list[list[tuple[str, int, int, int]]]) -> list[Item]:
    """Versions made from ``base``, each a few edits from the one before."""
    versions = [make(base)]
    current = list(base)
    for edits in steps:
        for what, at, source, how in edits:
            i = at % len(current)
            if what == "edit":
                current[i] = _edit(current[i], how) or current[i]
            elif what == "add":
                current.insert(i, _POOL[source % len(_POOL)])
            elif what == "remove" and len(current) > 1:
                del current[i]
            elif what == "move":
                current.insert(source % len(current), current.pop(i))
        versions.append(make(current))
    return versions


def _one_by_one(items: list[Item]) -> tuple[tuple[Quote, ...], ...]:
    return tuple(extract_quotes(text, paragraphs) for text, paragraphs in items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(range(len(_BASES))),
    st.lists(st.lists(_STEP, min_size=1, max_size=4), min_size=1, max_size=5),
)
def test_edited_versions_get_exactly_their_own_quotes(
    base: int, steps: list[list[tuple[str, int, int, int]]]
) -> None:
    items = _story(_BASES[base], steps)
    assert extract_quotes_many(items) == _one_by_one(items)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(range(len(_BASES))),
    st.lists(st.lists(_STEP, min_size=1, max_size=3), min_size=8, max_size=10),
)
def test_a_long_story_gets_exactly_each_versions_own_quotes(
    base: int, steps: list[list[tuple[str, int, int, int]]]
) -> None:
    # nine versions or more: each paragraph's lowercase words are kept as well
    items = _story(_BASES[base], steps)
    assert extract_quotes_many(items) == _one_by_one(items)


@pytest.mark.parametrize(
    ("before", "after", "speakers"),
    [
        # the paragraph before ends with a colon: it says who speaks
        (
            ["Lena Ortiz put it this way:", '"We will rebuild the bridge."'],
            ["Raj Patel put it this way:", '"We will rebuild the bridge."'],
            ("Lena Ortiz", "Raj Patel"),
        ),
        # a signature line after a quote that ends its paragraph
        (
            ['"We will rebuild the bridge."', "- Lena Ortiz, Millbrook."],
            ['"We will rebuild the bridge."', "- Raj Patel, Millbrook."],
            ("Lena Ortiz", "Raj Patel"),
        ),
    ],
    ids=["colon-before", "signature-after"],
)
def test_a_quote_follows_its_neighbour_when_only_the_neighbour_changed(
    before: list[str], after: list[str], speakers: tuple[str, str]
) -> None:
    items = [make(before), make(after)]
    many = extract_quotes_many(items)
    assert many == _one_by_one(items)
    assert tuple(q.speaker for quotes in many for q in quotes) == speakers


def test_an_update_saved_twice_gets_the_same_quotes_each_time() -> None:
    first = make(_POOL)
    second = make([*_POOL[:3], _edit(_POOL[3], 2), *_POOL[4:]])
    items = [first, second, make(_POOL), second]
    many = extract_quotes_many(items)
    assert many == _one_by_one(items)
    assert many[0] == many[2] != many[1] == many[3]


_FILLER = ["Roads were closed.", "Crews worked all night.", "Schools stayed shut."]


@pytest.mark.parametrize(
    ("versions", "speakers"),
    [
        # only a paragraph far before the quote changes who "Ortiz" is
        (
            [
                ["Lena Ortiz, the mayor, opened the meeting.", *_FILLER, '"We will," Ortiz said.'],
                ["Maria Ortiz, the mayor, opened the meeting.", *_FILLER, '"We will," Ortiz said.'],
            ],
            [["Lena Ortiz"], ["Maria Ortiz"]],
        ),
        # only the paragraph a pronoun walks back to changes
        (
            [
                ["Lena Ortiz visited the bridge.", '"It will take two years," she said.'],
                ["Maria Gomez visited the bridge.", '"It will take two years," she said.'],
                [
                    "Raj Patel visited the bridge.",
                    "Lena Ortiz followed him.",
                    '"It will take two years," she said.',
                ],
            ],
            [["Lena Ortiz"], ["Maria Gomez"], ["Lena Ortiz"]],
        ),
        # an organisation named before "the group" is added, then taken out again
        (
            [
                ["Roads were closed.", "The group said in a statement that 200 were moved."],
                [
                    "The Red Cross opened a shelter.",
                    "Roads were closed.",
                    "The group said in a statement that 200 were moved.",
                ],
                ["Roads were closed.", "The group said in a statement that 200 were moved."],
            ],
            [["The group"], ["Red Cross"], ["The group"]],
        ),
        # "the president" follows whoever the text last gave that title
        (
            [
                ["President Anna Berg opened the bridge.", '"It is done," the president said.'],
                ["President Tomas Lund opened the bridge.", '"It is done," the president said.'],
            ],
            [["Anna Berg"], ["Tomas Lund"]],
        ),
        # a quote with no attribution goes on with the speaker before it, whoever that is
        (
            [
                ['"We are ready," Lena Ortiz said.', '"The roads are clear."'],
                ['"We are ready," Raj Patel said.', '"The roads are clear."'],
                ["Roads were closed.", '"The roads are clear."'],
            ],
            [["Lena Ortiz", "Lena Ortiz"], ["Raj Patel", "Raj Patel"], []],
        ),
    ],
    ids=["far-name", "pronoun-antecedent", "org-added", "title", "speaker-goes-on"],
)
def test_a_speaker_follows_what_changed_before_the_quote(
    versions: list[list[str]], speakers: list[list[str]]
) -> None:
    items = [make(paragraphs) for paragraphs in versions]
    many = extract_quotes_many(items)
    assert many == _one_by_one(items)
    assert [[q.speaker for q in quotes if q.speaker] for quotes in many] == speakers

"""Several versions at once give exactly what one call per version gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.model import Paragraph, Role
from comparer.core.quotes import extract_quotes, extract_quotes_many
from comparer.core.quotes.scans import ParagraphScans, ScanMemo
from comparer.formats import load_path

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = [
    sorted((ROOT / "src" / "comparer" / "resources" / "sample").glob("*.txt")),
    sorted((ROOT / "tests" / "data" / "bridge").glob("*.txt")),
]

Item = tuple[str, list[Paragraph]]


def _one_by_one(items: list[Item]) -> tuple[tuple[object, ...], ...]:
    return tuple(extract_quotes(text, paragraphs) for text, paragraphs in items)


@pytest.mark.parametrize("paths", SAMPLES, ids=["sample-story", "bridge-story"])
def test_versions_of_a_story_give_their_own_quotes(paths: list[Path]) -> None:
    assert len(paths) >= 2
    items: list[Item] = []
    for path in paths:
        version = load_path(str(path))
        items.append((version.text, list(version.paragraphs)))
    many = extract_quotes_many(items)
    assert many == _one_by_one(items)
    assert any(many)  # the stories do quote people


def test_no_versions_and_versions_without_article_paragraphs() -> None:
    assert extract_quotes_many([]) == ()
    text = '"Fine," she said.'
    markup = [Paragraph(0, len(text), Role.MARKUP)]
    body = [Paragraph(0, len(text), Role.BODY)]
    assert extract_quotes_many([(text, markup), (text, body)]) == ((), extract_quotes(text, body))


def _join(paragraphs: list[str], roles: list[Role], glue: str) -> Item:
    spans: list[Paragraph] = []
    pos = 0
    for para, role in zip(paragraphs, roles, strict=True):
        spans.append(Paragraph(pos, pos + len(para), role))
        pos += len(para) + len(glue)
    return glue.join(paragraphs), spans


# paragraphs in news style: quotes that run on, attributions before and after, pronouns,
# reported speech, titles in quote marks, names that recur
_POOL = [
    '"We will rebuild the bridge," Mayor Lena Ortiz said.',
    '"It will take two years," she said. "Maybe three.',
    '"And it will cost more than anyone thinks."',
    "Ortiz said the city had asked the state for help.",
    'Council member Raj Patel disagreed: "The money is not there."',
    "According to the Transport Ministry, repairs began on Monday.",
    'He called the plan "a fantasy" and said he would vote against it.',
    "The river rose overnight. Residents of Millbrook were told to leave.",
    '"Why now?" asked Patel, who chairs the Budget Committee.',
    'The film "The Long Road Home" opened in Millbrook last week.',
    "Mr. Patel later told reporters that he was not opposed to repairs.",
    "Sen. Maria Gomez, a Democrat from Riverside, said the state would pay.",
]
_PARAGRAPHS = st.lists(
    st.tuples(st.sampled_from(_POOL), st.sampled_from([Role.BODY, Role.HEADING, Role.MARKUP])),
    min_size=1,
    max_size=10,
)
# what stands between paragraphs: a letter before a paragraph hides a name or a pronoun
# at its start (no word boundary there), so the same paragraph reads differently
_GLUE = st.sampled_from(["\n\n", "\n", " ", "\u201c", "x", "-"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PARAGRAPHS, _GLUE), min_size=1, max_size=4))
def test_shared_paragraphs_give_each_version_its_own_quotes(
    versions: list[tuple[list[tuple[str, Role]], str]],
) -> None:
    # the same paragraphs recur across versions at other places, after other characters
    items = [_join([p for p, _ in v], [r for _, r in v], glue) for v, glue in versions]
    assert extract_quotes_many(items) == _one_by_one(items)


def _scans(scans: ParagraphScans, pi: int) -> tuple[object, ...]:
    """Every scan of paragraph ``pi``, in the text's own offsets."""
    mid: set[str] = set()
    shift, runs = scans.runs(pi, mid)
    pshift, male, female = scans.pronouns(pi)
    marks = scans.marks(pi)
    return (
        [(at + shift, run) for at, run in runs],
        mid,
        [k + pshift for k in male],
        [k + pshift for k in female],
        marks,
        scans.ends(pi, marks),
        scans.reporting(pi),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PARAGRAPHS, _GLUE), min_size=1, max_size=4))
def test_shared_scans_are_each_texts_own(
    versions: list[tuple[list[tuple[str, Role]], str]],
) -> None:
    memo = ScanMemo()
    for v, glue in versions:
        text, paragraphs = _join([p for p, _ in v], [r for _, r in v], glue)
        article = [(p.start, p.end) for p in paragraphs]
        shared = ParagraphScans(text, article, memo)
        alone = ParagraphScans(text, article)
        for pi in range(len(article)):
            assert _scans(shared, pi) == _scans(alone, pi)


_ARTICLE = st.lists(
    st.tuples(
        st.sampled_from([*_POOL, "employees of the Red Cross", "Employees left.", "xEmployees"]),
        st.sampled_from([Role.BODY, Role.MARKUP]),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_ARTICLE, _GLUE), min_size=1, max_size=4))
def test_shared_lowercase_words_are_the_whole_texts(
    versions: list[tuple[list[tuple[str, Role]], str]],
) -> None:
    # the lowercase words of the whole text, read between and around the article
    # paragraphs too (markup is not article), and across glue that joins two words
    memo = ScanMemo()
    for v, glue in versions:
        text, paragraphs = _join([p for p, _ in v], [r for _, r in v], glue)
        article = [(p.start, p.end) for p in paragraphs if p.role is not Role.MARKUP]
        shared = ParagraphScans(text, article, memo, words_kept=True)
        assert shared.lower_words() == ParagraphScans(text, article).lower_words()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_ARTICLE, _GLUE), min_size=1, max_size=4), st.booleans())
def test_shared_word_tests_answer_as_the_whole_text(
    versions: list[tuple[list[tuple[str, Role]], str]], words_kept: bool
) -> None:
    # whether a word is written lowercase, or opens a run mid-sentence, somewhere in the
    # text: answered from the index of each paragraph's words, as the whole text answers
    memo = ScanMemo()
    for v, glue in versions:
        text, paragraphs = _join([p for p, _ in v], [r for _, r in v], glue)
        article = [(p.start, p.end) for p in paragraphs if p.role is not Role.MARKUP]
        shared = ParagraphScans(text, article, memo, words_kept)
        alone = ParagraphScans(text, article)
        lower, mid = alone.lower_words(), set()
        for pi in range(len(article)):
            alone.runs(pi, mid)
        lowercase, mid_words = shared.lowercase(), shared.mid_words()
        for word in {*text.split(), *text.lower().split(), *[w.strip(".,") for w in text.split()]}:
            assert (word in lowercase) is (word in lower)
            assert (word in mid_words) is (word in mid)


def test_a_word_joined_across_paragraphs_is_read_whole() -> None:
    memo = ScanMemo()
    for glue in ("\n\n", "x"):
        text, paragraphs = _join(["It rained", "employees left"], [Role.BODY] * 2, glue)
        scans = ParagraphScans(text, [(p.start, p.end) for p in paragraphs], memo, True)
        words = scans.lower_words()
        assert ("employees" in words) is (glue == "\n\n")
        assert ("rainedxemployees" in words) is (glue == "x")


def test_a_paragraph_after_a_letter_is_scanned_as_it_stands() -> None:
    # a letter before a paragraph hides the name and the pronoun at its start
    memo = ScanMemo()
    found = []
    for glue in ("\n\n", "x"):
        text, paragraphs = _join(
            ["Lena Ortiz arrived.", "Patel left.", "He left."], [Role.BODY] * 3, glue
        )
        scans = ParagraphScans(text, [(p.start, p.end) for p in paragraphs], memo)
        found.append((scans.runs(1, set())[1], scans.pronouns(2)[1]))
    assert found[0] == ([(21, "Patel")], [34])
    assert found[1] == ([], [])


def test_the_same_version_twice() -> None:
    item = _join(_POOL, [Role.BODY] * len(_POOL), "\n\n")
    once = extract_quotes(*item)
    assert extract_quotes_many([item, item]) == (once, once)

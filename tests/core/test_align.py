"""The bridge-collapse story (tests/data/bridge), compared with expectations written by hand."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from comparer.core.align import _Side
from comparer.core.compare import compare, compare_pair
from comparer.core.model import AlignKind, Category, Comparison, Role, Version
from comparer.core.typography import fold
from tests.core.factories import body, version_from_paragraphs

DATA = Path(__file__).parent.parent / "data" / "bridge"

E, C, M, A, D, S, G, IG = (
    AlignKind.EQUAL,
    AlignKind.CHANGED,
    AlignKind.MOVED,
    AlignKind.ADDED,
    AlignKind.DELETED,
    AlignKind.SPLIT,
    AlignKind.MERGED,
    AlignKind.IGNORED,
)


def load(name: str) -> Version:
    text = (DATA / name).read_text(encoding="utf-8")
    return version_from_paragraphs([p for p in re.split(r"\n\s*\n", text) if p.strip()], name)


@pytest.fixture(scope="module")
def story() -> Comparison:
    return compare([load("v1.txt"), load("v2.txt"), load("v3.txt")])


def rows(comparison: Comparison, pair: int) -> list[tuple[AlignKind, list[int], list[int]]]:
    return [(e.kind, list(e.from_), list(e.to)) for e in comparison.pairs[pair].alignment]


def test_roles_of_the_story(story: Comparison) -> None:
    v1 = story.versions[0]
    assert [p.role for p in v1.paragraphs][:3] == [Role.HEADING, Role.METADATA, Role.BODY]
    assert v1.paragraphs[-1].role is Role.METADATA  # "Source: …"


def test_first_edit_aligned_paragraph_by_paragraph(story: Comparison) -> None:
    assert rows(story, 0) == [
        (C, [0], [0]),  # headline: 12 dead -> 17 dead
        (IG, [1], []),  # "Last updated" lines are metadata, never a change
        (IG, [], [1]),
        (C, [2], [2]),  # toll 12 -> 17
        (C, [3], [3]),  # 0745 -> 07:45 (typographic)
        (C, [4], [4]),  # 1,200 -> 1200 and city's -> city’s (typographic)
        (C, [5], [5]),  # curly quotes and an ellipsis (typographic)
        (M, [10], [6]),  # the engineers' warning moved up
        (S, [6], [7, 8]),  # rescue paragraph split in two
        (C, [7], [9]),  # 3 -> three (typographic)
        (C, [8], [10]),  # witnesses reworded
        (C, [9], [11]),  # $4m -> $4.5m
        (D, [11], []),  # traffic paragraph removed
        (A, [], [12]),  # inquiry paragraph added, not paired with the removed one
        (IG, [12], [13]),  # "Source:" line unchanged
    ]


def test_second_edit_merges_and_changes_numbers(story: Comparison) -> None:
    assert rows(story, 1) == [
        (C, [0], [0]),
        (IG, [1], []),
        (IG, [], [1]),
        (C, [2], [2]),
        (E, [3], [3]),
        (C, [4], [4]),
        (E, [5], [5]),
        (E, [6], [6]),
        (G, [7, 8], [7]),
        (E, [9], [8]),
        (E, [10], [9]),
        (E, [11], [10]),
        (E, [12], [11]),
        (IG, [13], [12]),
    ]


def test_changed_numbers_are_listed_as_written(story: Comparison) -> None:
    first, second = story.pairs
    assert [(n.from_text, n.to_text) for n in first.numbers] == [
        ("12", "17"),
        ("12", "17"),
        ("$4m", "$4.5m"),
    ]
    assert [(n.from_text, n.to_text) for n in second.numbers] == [
        ("17", "23"),
        ("17", "twenty-three"),
        ("40%", "45%"),
    ]
    assert first.numbers[2].delta_label == "+$0.5m, +12%"


def test_same_values_written_differently_are_typographic(story: Comparison) -> None:
    pair = story.pairs[0]
    by_text = {(c.from_text, c.to_text): c.category for c in pair.changes}
    assert by_text[("0745", "07:45")] is Category.TYPOGRAPHIC
    assert by_text[("1,200", "1200")] is Category.TYPOGRAPHIC
    assert by_text[("3", "three")] is Category.TYPOGRAPHIC
    assert by_text[('"', "\u201c")] is Category.TYPOGRAPHIC
    assert by_text[('..."', "\u2026\u201d")] is Category.TYPOGRAPHIC


def test_word_changes_are_whole_words(story: Comparison) -> None:
    pair = story.pairs[0]
    reworded = [c for c in pair.changes if c.entry == 10]
    assert [(c.from_text, c.to_text) for c in reworded] == [
        ("Witnesses described", "Several witnesses said they heard"),
        ("", "just "),
    ]
    assert {c.category for c in reworded} == {Category.TEXT}


def test_summary_counts(story: Comparison) -> None:
    s = story.pairs[0].summary
    assert (
        s.paragraphs_added,
        s.paragraphs_deleted,
        s.paragraphs_changed,
        s.paragraphs_moved,
        s.numbers_changed,
        s.typographic_only,
    ) == (1, 1, 4, 1, 3, 5)
    s = story.pairs[1].summary
    assert (s.paragraphs_changed, s.numbers_changed, s.typographic_only) == (3, 3, 1)


def test_metadata_and_markup_never_appear_in_changes(story: Comparison) -> None:
    for pair in story.pairs:
        assert not any("Last updated" in c.from_text + c.to_text for c in pair.changes)


def test_a_rewritten_paragraph_is_deleted_and_added_not_word_salad() -> None:
    old = body(["Officials have not said when the bridge will reopen to traffic."])
    new = body(["A memorial service is planned for Friday at the cathedral."])
    assert [e.kind for e in compare_pair(old, new).alignment] == [A, D] or [
        e.kind for e in compare_pair(old, new).alignment
    ] == [D, A]


def test_moved_and_edited_paragraph() -> None:
    paras = [
        f"Paragraph number {w} talks about a different topic entirely, {w}."
        for w in ("alpha", "bravo", "charlie", "delta", "echo")
    ]
    moved = paras[1].replace("different", "separate")
    pair = compare_pair(body(paras), body([paras[0], paras[2], paras[3], moved, paras[4]]))
    kinds = {(e.kind, e.from_, e.to) for e in pair.alignment}
    assert (M, (1,), (3,)) in kinds
    assert [(c.from_text, c.to_text) for c in pair.changes] == [("different", "separate")]


def test_identical_versions_have_no_differences() -> None:
    v = load("v1.txt")
    pair = compare_pair(v, v)
    assert not pair.differs
    assert not pair.summary.has_differences


def test_a_reworded_attribution_keeps_the_figure_apart() -> None:
    old = body(['"We ran," said Joan Whitfield, 64, who lives nearby.'])
    new = body(['"We ran," said Samuel Okafor, 58, who lives nearby.'])
    pair = compare_pair(old, new)
    assert [(c.from_text, c.to_text, c.category) for c in pair.changes] == [
        ("Joan Whitfield", "Samuel Okafor", Category.TEXT),
        ("64", "58", Category.NUMERIC),
    ]
    assert [(n.from_text, n.to_text) for n in pair.numbers] == [("64", "58")]


def test_a_rewritten_headline_pairs_its_figures_not_its_words_with_figures() -> None:
    old = body(["Ferry fire off Kestrel Point: death toll rises to 11"])
    new = body(["Ferry fire off Kestrel Point: 12 dead, inquiry opened"])
    pair = compare_pair(old, new)
    assert [(c.from_text, c.to_text, c.category) for c in pair.changes] == [
        ("death toll rises to ", "", Category.TEXT),
        ("11", "12", Category.NUMERIC),
        ("", " dead, inquiry opened", Category.TEXT),
    ]
    assert [(n.from_text, n.to_text) for n in pair.numbers] == [("11", "12")]


def test_a_figure_that_gave_way_to_words_keeps_the_name_change_apart() -> None:
    old = body(['"We ran," said Joan Whitfield, 64, who lives nearby.'])
    new = body(['"We ran," said Samuel Okafor, a neighbour who lives nearby.'])
    changes = compare_pair(old, new).changes
    assert ("Joan Whitfield", "Samuel Okafor", Category.TEXT) in [
        (c.from_text, c.to_text, c.category) for c in changes
    ]


def test_words_before_a_changed_figure_are_a_change_of_their_own() -> None:
    old = body(["Officials said that about 300 residents had been moved."])
    new = body(["Officials said 450 residents had been moved."])
    changes = compare_pair(old, new).changes
    assert [(c.from_text, c.to_text, c.category) for c in changes] == [
        ("that about ", "", Category.TEXT),
        ("300", "450", Category.NUMERIC),
    ]


def test_words_of_ascii_and_other_paragraphs_are_the_runs_of_word_characters() -> None:
    texts = ["Hello, world_1 -- it's 3.5%!", "Caf\u00e9 na\u00efve: \u00fcber-cool", "a\tb\x1fc"]
    side = _Side(body(texts), False, {})
    vocab: dict[str, int] = {}
    side.bind_vocab(vocab)
    for pos, text in enumerate(texts):
        words = re.findall(r"\w+", fold(text).lower())
        assert side.words(pos) == [vocab[w] for w in words]


_REPEATED = "The council will meet again on Thursday to discuss the repairs."


def test_a_paragraph_repeated_thousands_of_times_is_still_aligned_in_place() -> None:
    # thousands of equal paragraphs on both sides: far more pairs than the standard
    # matcher weighs, yet every copy still pairs with one in place
    old = body([_REPEATED] * 3000)
    new = body([_REPEATED] * 2999 + [_REPEATED[:-1] + " and the budget."])
    kinds = Counter(e.kind for e in compare_pair(old, new).alignment)
    assert kinds == {AlignKind.EQUAL: 2999, AlignKind.CHANGED: 1}


def test_paragraphs_moved_unchanged_pair_with_their_twins() -> None:
    paragraphs = [f"Crews cleared road number {k} before noon, the agency said." for k in range(60)]
    moved = paragraphs[30:] + paragraphs[:30]
    pair = compare_pair(body(paragraphs), body(moved))
    assert pair.summary.paragraphs_moved == 30
    assert pair.summary.paragraphs_added == pair.summary.paragraphs_deleted == 0
    for entry in pair.alignment:
        assert paragraphs[entry.from_[0]] == moved[entry.to[0]]
        assert entry.similarity == 1.0

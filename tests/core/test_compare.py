"""Properties every comparison must have, over arbitrary texts (hypothesis)."""

from __future__ import annotations

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.compare import _whole_paragraph_category, compare, compare_pair
from comparer.core.figure_edits import figure_edits
from comparer.core.model import AlignKind, Category, ChangeKind, PairComparison, Version
from comparer.core.numbers import find_numbers, values_differ
from comparer.core.typography import fold
from comparer.core.word_diff import (
    DiffSpan,
    TokenCodec,
    _common_ends,
    _common_suffix_length,
    categorise,
    diff_spans,
)
from tests.core.factories import version_from_paragraphs

WORDS = [
    "the",
    "army",
    "said",
    "40",
    "48",
    "three",
    "\u201cwe",
    "we",
    "...",
    "\u2026",
    "Qusayr",
    "\u0642\u062a\u064a\u0644",
    "--",
    "\u2014",
    "1,200",
    "1200",
    "rebels",
    "$4m",
]

word_paragraph = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)
any_paragraph = st.one_of(word_paragraph, st.text(max_size=40))
article = st.lists(any_paragraph, min_size=0, max_size=8)


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """An article and a version of it with paragraphs edited, dropped, added and moved."""
    old = draw(article)
    new = list(old)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["edit", "drop", "add", "move"]))
        if op == "add" or not new:
            new.insert(draw(st.integers(0, len(new))), draw(any_paragraph))
            continue
        i = draw(st.integers(0, len(new) - 1))
        if op == "edit":
            words = new[i].split(" ")
            j = draw(st.integers(0, len(words) - 1))
            words[j] = draw(st.sampled_from(WORDS))
            new[i] = " ".join(words)
        elif op == "drop":
            del new[i]
        else:
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(i))
    return old, new


def check_pair(old: Version, new: Version, pair: PairComparison) -> None:
    # every paragraph of each side is in exactly one entry
    seen_old = [i for e in pair.alignment for i in e.from_]
    seen_new = [j for e in pair.alignment for j in e.to]
    assert sorted(seen_old) == list(range(len(old.paragraphs)))
    assert sorted(seen_new) == list(range(len(new.paragraphs)))

    for c in pair.changes:
        assert old.text[c.from_start : c.from_end] == c.from_text
        assert new.text[c.to_start : c.to_end] == c.to_text
        assert (c.kind is ChangeKind.INSERT) == (not c.from_text)
        assert (c.kind is ChangeKind.DELETE) == (not c.to_text)

    for index, entry in enumerate(pair.alignment):
        mine = [c for c in pair.changes if c.entry == index]
        if entry.kind is AlignKind.IGNORED:
            assert not mine
            continue
        if entry.kind is AlignKind.ADDED:
            assert [c.to_text for c in mine] == [new.paragraph_text(entry.to[0])]
            continue
        if entry.kind is AlignKind.DELETED:
            assert [c.from_text for c in mine] == [old.paragraph_text(entry.from_[0])]
            continue
        a0, a1 = old.paragraphs[entry.from_[0]].start, old.paragraphs[entry.from_[-1]].end
        b0, b1 = new.paragraphs[entry.to[0]].start, new.paragraphs[entry.to[-1]].end
        rebuilt, pos = [], a0
        for c in sorted(mine, key=lambda c: c.from_start):
            assert c.from_start >= pos
            rebuilt.append(old.text[pos : c.from_start])
            rebuilt.append(c.to_text)
            pos = c.from_end
        rebuilt.append(old.text[pos:a1])
        assert "".join(rebuilt) == new.text[b0:b1]
        if entry.kind is AlignKind.EQUAL:
            assert not mine and old.text[a0:a1] == new.text[b0:b1]

    for c in pair.changes:
        numbers_before, numbers_after = find_numbers(c.from_text), find_numbers(c.to_text)
        if c.category is Category.TYPOGRAPHIC:
            assert not values_differ(numbers_before, numbers_after) or fold(c.from_text) == fold(
                c.to_text
            )
        elif c.category is Category.TEXT:
            assert fold(c.from_text) != fold(c.to_text)
            assert (
                c.kind is not ChangeKind.REPLACE
                or not (numbers_before or numbers_after)
                or (not values_differ(numbers_before, numbers_after))
            )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_pair())
def test_changes_rebuild_the_newer_text(texts: tuple[list[str], list[str]]) -> None:
    old = version_from_paragraphs(texts[0], "old.txt")
    new = version_from_paragraphs(texts[1], "new.txt")
    check_pair(old, new, compare_pair(old, new))


@settings(max_examples=150, deadline=None)
@given(article, article)
def test_unrelated_texts_rebuild_too(a: list[str], b: list[str]) -> None:
    old, new = version_from_paragraphs(a), version_from_paragraphs(b)
    check_pair(old, new, compare_pair(old, new))


@settings(max_examples=100, deadline=None)
@given(article)
def test_a_version_does_not_differ_from_itself(paragraphs: list[str]) -> None:
    version = version_from_paragraphs(paragraphs)
    pair = compare_pair(version, version)
    assert not pair.changes and not pair.numbers and not pair.differs
    assert {e.kind for e in pair.alignment} <= {AlignKind.EQUAL, AlignKind.IGNORED}


def test_several_versions_compare_each_consecutive_pair() -> None:
    versions = [version_from_paragraphs([f"The toll rose to {n} on Monday."]) for n in (3, 5, 5, 9)]
    comparison = compare(versions)
    assert [(p.from_index, p.to_index) for p in comparison.pairs] == [(0, 1), (1, 2), (2, 3)]
    assert [[(n.from_text, n.to_text) for n in p.numbers] for p in comparison.pairs] == [
        [("3", "5")],
        [],
        [("5", "9")],
    ]
    assert [p.differs for p in comparison.pairs] == [True, False, True]


def _naive_common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[len(a) - 1 - n] == b[len(b) - 1 - n]:
        n += 1
    return n


@given(st.text(alphabet="ab ", max_size=12), st.text(alphabet="ab ", max_size=12))
def test_common_suffix_is_measured_exactly(a: str, b: str) -> None:
    assert _common_suffix_length(a, b) == _naive_common_suffix(a, b)


def _dmp_word_changes(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Word changes as diff-match-patch finds them on the tokens of the changed middle."""
    if old == new:
        return []
    if not old or not new:
        return [(0, len(old), 0, len(new))]
    head, tail = _common_ends(old, new)
    if head or tail:
        inner = _dmp_word_changes(old[head : len(old) - tail], new[head : len(new) - tail])
        return [(a0 + head, a1 + head, b0 + head, b1 + head) for a0, a1, b0, b1 in inner]
    codec = TokenCodec()
    enc_a, len_a = codec.encode(old)
    enc_b, len_b = codec.encode(new)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    diffs = dmp.diff_main(enc_a, enc_b, False)
    dmp.diff_cleanupSemantic(diffs)
    out: list[tuple[int, int, int, int]] = []
    ta = tb = ca = cb = 0
    group: list[tuple[int, int, int, int]] = []
    for op, chunk in [*diffs, (0, "")]:
        n = len(chunk)
        if op == 0:
            if group:
                out.append((group[0][0], group[-1][1], group[0][2], group[-1][3]))
                group = []
            ca, cb, ta, tb = (
                ca + sum(len_a[ta : ta + n]),
                cb + sum(len_b[tb : tb + n]),
                ta + n,
                tb + n,
            )
        elif op < 0:
            width = sum(len_a[ta : ta + n])
            group.append((ca, ca + width, cb, cb))
            ca, ta = ca + width, ta + n
        else:
            width = sum(len_b[tb : tb + n])
            group.append((ca, ca, cb, cb + width))
            cb, tb = cb + width, tb + n
    return out


@settings(max_examples=400, deadline=None)
@given(word_paragraph, word_paragraph)
def test_word_changes_are_those_diff_match_patch_finds(old: str, new: str) -> None:
    if old == new or not old or not new:
        return
    spans = diff_spans(old, new)
    found = [(s.from_start, s.from_end, s.to_start, s.to_end) for s in spans]
    assert found == _dmp_word_changes(old, new)


_MIXED = st.lists(
    st.sampled_from([*WORDS, "one", "no one", "a dozen", "\u0663", "May 19", "\u00ad", " "]),
    max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.booleans())
def test_a_whole_added_or_removed_paragraph_is_judged_as_any_change(
    text: str, decimal_comma: bool
) -> None:
    convention = (decimal_comma, decimal_comma)
    added = categorise("", text, DiffSpan(ChangeKind.INSERT, 0, 0, 0, len(text)), convention)[0]
    removed = categorise(text, "", DiffSpan(ChangeKind.DELETE, 0, len(text), 0, 0), convention)[0]
    assert _whole_paragraph_category("", text, decimal_comma) is added
    assert _whole_paragraph_category(text, "", decimal_comma) is removed


def _numeric_view(old: str, new: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, ...]]]:
    pair = compare([version_from_paragraphs([old]), version_from_paragraphs([new])]).pairs[0]
    changes = [(c.category.value, c.from_text, c.to_text) for c in pair.changes]
    numbers = [(n.from_text, n.to_text, n.delta_label) for n in pair.numbers]
    assert pair.summary.numbers_changed == len(pair.numbers)
    return changes, numbers


@pytest.mark.parametrize(
    ("old", "new", "listed"),
    [
        ("The vote is on March 12 in the city.", "The vote is on March 14 in the city.",
         ("March 12", "March 14", "+2 days")),
        ("The vote is on Nov. 28 in the city.", "The vote is on Nov. 29 in the city.",
         ("Nov. 28", "Nov. 29", "+1 day")),
        ("It began on Oct. 12, 2016, in the city.", "It began on Oct. 14, 2016, in the city.",
         ("Oct. 12, 2016", "Oct. 14, 2016", "+2 days")),
    ],
)  # fmt: skip
def test_month_first_dates_change_by_days(old: str, new: str, listed: tuple[str, ...]) -> None:
    changes, numbers = _numeric_view(old, new)
    assert [c[0] for c in changes] == ["numeric"]
    assert numbers == [listed]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Then the man came to the door.", "Then one man came to the door."),
        ("Some people came to the door.", "One person came to the door."),
        ("Some people came.", "One person came."),
    ],
)
def test_a_one_in_running_text_is_no_number_change(old: str, new: str) -> None:
    changes, numbers = _numeric_view(old, new)
    assert changes and all(c[0] == "text" for c in changes)
    assert numbers == []


def test_one_to_two_is_still_a_number_change() -> None:
    changes, numbers = _numeric_view("Then one man came.", "Then two men came.")
    assert ("numeric", "one", "two") in changes
    assert numbers == [("one", "two", "+1, +100%")]


@pytest.mark.parametrize(
    ("old", "new", "listed"),
    [
        ("Over 400 people were hurt.", "Hundreds of people were hurt.",
         ("Over 400", "Hundreds", "\u2248", "")),
        ("Dozens of people were hurt.", "More than 100 people were hurt.",
         ("Dozens", "More than 100", "\u2248, higher", "\u25b2")),
        ("A handful of people were hurt.", "At least 12 people were hurt.",
         ("A handful", "At least 12", "\u2248, higher", "\u25b2")),
        ("Over 400 people were hurt.", "Nearly 400 people were hurt.",
         ("Over 400", "Nearly 400", "\u2248, lower", "\u25bc")),
    ],
)  # fmt: skip
def test_vague_quantities_change_approximately(old: str, new: str, listed: tuple[str, ...]) -> None:
    pair = compare([version_from_paragraphs([old]), version_from_paragraphs([new])]).pairs[0]
    assert [c.category for c in pair.changes] == [Category.NUMERIC]
    assert [(n.from_text, n.to_text, n.delta_label, n.arrow) for n in pair.numbers] == [listed]
    assert pair.summary.numbers_changed == 1


_FIGURES = st.lists(
    st.sampled_from(
        ["the", "one", "some", "40", "48", "three", "over", "nearly", "hundreds", "dozens",
         "of", "people", "a", "handful", "more", "than", "100", "March", "12", "14", "%", "$4m",
         "several", "few", "couple", "number", "times"]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_FIGURES, _FIGURES)
def test_a_listed_number_change_is_numeric_and_counted(old: str, new: str) -> None:
    # The JSON format's rule: numeric is a number whose value changed (listed among the
    # numbers) or a number added or removed (a figure facing none, listed nowhere); the
    # count the status bar shows is the list's.
    pair = compare([version_from_paragraphs([old]), version_from_paragraphs([new])]).pairs[0]
    listed = {n.change for n in pair.numbers}
    for index, change in enumerate(pair.changes):
        if index in listed:
            assert change.category is Category.NUMERIC
    assert pair.summary.numbers_changed == len(pair.numbers)


# Figures changed inside sentences that moved (the storm report): "At least 40 people
# died …" left ¶2 and reads "At least 48 …" in ¶5; "Around 60 boats …" moved from the end
# of ¶3 to its start as "Around 75 boats …".


def _storm() -> tuple[Version, Version, PairComparison]:
    from tests.core import storm_story

    old, new = storm_story.versions()
    return old, new, compare_pair(old, new)


def test_a_figure_changed_as_its_sentence_moved_is_one_number_changed() -> None:
    old, new, pair = _storm()
    numbers = [(n.from_text, n.to_text, n.delta_label) for n in pair.numbers]
    # in the newer text's order: ¶3's sentence first, then ¶5's
    assert numbers == [("60", "75", "+15, +25%"), ("40", "48", "+8, +20%")]
    assert pair.summary.numbers_changed == 2
    for n in pair.numbers:
        move = pair.moves[n.move]
        # each offset indexes its own version's text, inside the moved sentence there
        assert old.text[n.from_start : n.from_start + len(n.from_text)] == n.from_text
        assert new.text[n.to_start : n.to_start + len(n.to_text)] == n.to_text
        assert move.from_start <= n.from_start < move.from_end
        assert move.to_start <= n.to_start < move.to_end
        # its change is the one that put the sentence in its new place
        change = pair.changes[n.change]
        assert change.to_start <= n.to_start < change.to_end
        assert change.category is Category.NUMERIC


def test_figures_moved_within_a_paragraph_and_across_paragraphs_are_both_found() -> None:
    old, new, pair = _storm()

    def paragraph(version: Version, offset: int) -> int:
        return next(i for i, p in enumerate(version.paragraphs) if p.start <= offset < p.end)

    places = {
        (n.from_text, paragraph(old, n.from_start), paragraph(new, n.to_start))
        for n in pair.numbers
    }
    assert places == {("60", 2, 2), ("40", 1, 4)}


def test_a_sentence_that_moved_unedited_lists_no_number() -> None:
    old = ["Rain fell all night.", "The river rose by 40 centimetres near the old mill bridge."]
    new = ["The river rose by 40 centimetres near the old mill bridge.", "Rain fell all night."]
    pair = compare_pair(version_from_paragraphs(old), version_from_paragraphs(new))
    assert pair.numbers == ()


def test_an_unrelated_sentence_with_another_figure_is_not_paired_with_one_that_went() -> None:
    # "About 300 people slept …" went from ¶4 and "Some 12 schools …" came in ¶5: not one
    # sentence moved, so no "300 → 12"
    _old, _new, pair = _storm()
    assert all(n.from_text != "300" and n.to_text != "12" for n in pair.numbers)
    assert all(n.move >= 0 for n in pair.numbers)


def test_only_sentences_linked_as_moved_pair_their_figures() -> None:
    # the same words around another figure, but too little alike to be one sentence moved
    old = [
        "The storm struck the coast overnight.",
        "At least 40 people died in the storm, the coastguard said.",
        "Insurers are counting the cost.",
    ]
    new = [
        "The storm struck the coast overnight.",
        "Insurers are counting the cost. Some 48 homes lost power in the storm, the company said.",
    ]
    pair = compare_pair(version_from_paragraphs(old), version_from_paragraphs(new))
    assert pair.moves == ()
    assert pair.numbers == ()


def test_a_figure_that_moved_is_not_paired_with_the_one_that_came_in_its_place() -> None:
    # the sentence with "30" left the end of the paragraph, where "About 3,000 homes …"
    # came, and reads "35" at its start: 30 → 35, not 30 → 3,000
    old = [
        "Flood waters rise.",
        "Forecasters expect more rain over the weekend, though lighter than before, and warn "
        "that the rivers will stay high for days. Another 30 millimetres of rain may fall "
        "tonight.",
    ]
    new = [
        "Flood waters rise.",
        "Another 35 millimetres of rain may fall tonight. Forecasters expect more rain over "
        "the weekend, though lighter than before, and warn that the rivers will stay high for "
        "days. About 3,000 homes are without power.",
    ]
    a, b = version_from_paragraphs(old), version_from_paragraphs(new)
    pair = compare_pair(a, b)
    assert [(n.from_text, n.to_text, n.move) for n in pair.numbers] == [("30", "35", 0)]
    edits = figure_edits(pair, a.text, b.text)
    assert [(e.added, e.text) for e in edits] == [(True, "3,000")]


@pytest.mark.parametrize(
    ("before", "after", "told"),
    [
        ("Over 400 people", "Hundreds of people", ("Over 400", "Hundreds", "≈")),
        ("Dozens of people", "Hundreds of people", ("Dozens", "Hundreds", "≈, higher")),
    ],
)
def test_a_vague_quantity_reworded_as_its_sentence_moved_is_an_approximate_change(
    before: str, after: str, told: tuple[str, str, str]
) -> None:
    sentence = " were rescued from the flooded villages by boat on Tuesday."
    old = [
        "The river rose fast overnight and broke its banks near the mill. " + before + sentence,
        "Officials met in the capital to plan the relief effort.",
    ]
    new = [
        "The river rose fast overnight and broke its banks near the mill.",
        "Officials met in the capital to plan the relief effort. " + after + sentence,
    ]
    a, b = version_from_paragraphs(old), version_from_paragraphs(new)
    pair = compare_pair(a, b)
    assert len(pair.moves) == 1
    assert [(n.from_text, n.to_text, n.delta_label, n.move) for n in pair.numbers] == [(*told, 0)]
    assert figure_edits(pair, a.text, b.text) == []

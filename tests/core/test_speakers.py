"""Tests for the speakers list: counts per version, badges and name merging."""

from __future__ import annotations

import pytest

from comparer.core.model import Quote, QuoteKind, Speaker
from comparer.core.speakers import fold_words, list_speakers


def q(
    text: str, speaker: str | None, continues: bool = False, kind: QuoteKind = QuoteKind.DIRECT
) -> Quote:
    """A quote whose offsets do not matter to the speakers list."""
    return Quote(0, len(text), text, kind, speaker, None, None, continues)


def by_name(speakers: tuple[Speaker, ...]) -> dict[str, Speaker]:
    return {s.name: s for s in speakers}


def test_counts_direct_and_indirect_and_pieces_once() -> None:
    version = [
        q('"The first wall held,"', "Maria Lopez"),
        q('"but the second did not."', "Maria Lopez", continues=True),
        q("the repairs would take a year", "Maria Lopez", kind=QuoteKind.INDIRECT),
        q('"We lost the harvest.', "Paul Green"),
        q('"Nobody expected it."', "Paul Green", continues=True),
        q('"A scare quote with nobody"', None),
    ]
    speakers = by_name(list_speakers([version]))
    assert speakers["Maria Lopez"].quotes_per_version == (2,)
    assert speakers["Paul Green"].quotes_per_version == (1,)
    assert speakers["Maria Lopez"].quotes == ((0, 0), (0, 1), (0, 2))
    assert set(speakers) == {"Maria Lopez", "Paul Green"}


@pytest.mark.parametrize(
    ("old", "new", "name", "badges"),
    [
        (
            [q('"We stay."', "Ana Ruiz")],
            [q('"We stay."', "Ana Ruiz"), q('"Go home now."', "Ben Cole")],
            "Ben Cole",
            ("new",),
        ),
        (
            [q('"We stay."', "Ana Ruiz")],
            [q('"Go home now."', "Ben Cole")],
            "Ana Ruiz",
            ("dropped",),
        ),
        (
            [q('"We will rebuild the bridge by June."', "Ana Ruiz")],
            [q('"We will rebuild the bridge by September."', "Ana Ruiz")],
            "Ana Ruiz",
            ("reworded",),
        ),
        (
            [q('"We will rebuild the bridge by June."', "Ana Ruiz")],
            [q("\u201cWe will rebuild the bridge by June.\u201d", "Ana Ruiz")],
            "Ana Ruiz",
            (),
        ),
        (
            [q('"The levee will hold ... for now."', "Ana Ruiz")],
            [q("\u201cThe levee will hold \u2026 for now.\u201d", "Ben Cole")],
            "Ben Cole",
            ("new", "re-attributed"),
        ),
    ],
    ids=["new", "dropped", "reworded", "typography-only-is-not-reworded", "re-attributed"],
)
def test_badges(old: list[Quote], new: list[Quote], name: str, badges: tuple[str, ...]) -> None:
    speakers = by_name(list_speakers([old, new]))
    assert speakers[name].badges == badges


def test_re_attributed_marks_both_speakers() -> None:
    old = [q('"The levee will hold for now."', "Ana Ruiz")]
    new = [q('"The levee will hold for now."', "Ben Cole")]
    speakers = by_name(list_speakers([old, new]))
    assert "re-attributed" in speakers["Ana Ruiz"].badges
    assert "re-attributed" in speakers["Ben Cole"].badges
    assert speakers["Ana Ruiz"].reattributed_with == ("Ben Cole",)
    assert speakers["Ben Cole"].reattributed_with == ("Ana Ruiz",)


def test_surname_joins_full_name_across_versions() -> None:
    old = [q('"Prices will rise."', "Ruth Adler")]
    new = [q('"Prices will rise."', "Adler"), q('"And fall again."', "Adler")]
    speakers = list_speakers([old, new])
    assert [(s.name, s.quotes_per_version) for s in speakers] == [("Ruth Adler", (1, 2))]


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        pytest.param(
            [
                [q('"A."', "Bill Ortiz"), q('"B."', "Hillary Ortiz"), q('"C."', "Hillary Ortiz")],
                [q('"D."', "Ortiz")],
            ],
            {"Bill Ortiz": (1, 0), "Hillary Ortiz": (2, 1)},
            id="shared-surname-goes-to-the-one-quoted-most",
        ),
        pytest.param(
            [[q('"A."', "Bill Ortiz"), q('"B."', "Hillary Ortiz")], [q('"C."', "Ortiz")]],
            {"Bill Ortiz": (1, 0), "Hillary Ortiz": (1, 0), "Ortiz": (0, 1)},
            id="shared-surname-quoted-as-often-stays-apart",
        ),
    ],
)
def test_surname_shared_by_two_people(
    versions: list[list[Quote]], expected: dict[str, tuple[int, ...]]
) -> None:
    speakers = list_speakers(versions)
    assert {s.name: s.quotes_per_version for s in speakers} == expected


def test_three_versions_and_order_of_first_quote() -> None:
    v1 = [q('"One."', "Ben Cole")]
    v2 = [q('"Two words."', "Ana Ruiz"), q('"One."', "Ben Cole")]
    v3 = [q('"Two words."', "Ana Ruiz")]
    speakers = list_speakers([v1, v2, v3])
    assert [(s.name, s.quotes_per_version, s.badges) for s in speakers] == [
        ("Ben Cole", (1, 1, 0), ("dropped",)),
        ("Ana Ruiz", (0, 1, 1), ("new",)),
    ]


def test_no_versions() -> None:
    assert list_speakers([]) == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('"It\'s over," she said', "\u201cIt\u2019s over,\u201d she said"),
        ("wait ... and see", "wait \u2026 and see"),
        ("a long\u2014long wait", "a long - long wait"),
    ],
)
def test_fold_words_ignores_typography(a: str, b: str) -> None:
    assert fold_words(a) == fold_words(b)


@pytest.mark.parametrize(
    ("full", "short"),
    [("Ban Ki-moon", "Ban"), ("Zeid Ra'ad al-Hussein", "Zeid"), ("Gordon Brown", "Brown")],
)
def test_a_name_said_first_or_last_joins_the_full_name(full: str, short: str) -> None:
    version = [q('"We need a ceasefire now,"', full), q('"The talks must go on,"', short)]
    assert [(s.name, s.quotes_per_version) for s in list_speakers([version])] == [(full, (2,))]


def test_unnamed_sources_are_a_group_of_their_own_after_the_people() -> None:
    version = [
        q("the army had left the town", "Reports", kind=QuoteKind.INDIRECT),
        q('"They left at night,"', "senior officials"),
        q('"We saw them go,"', "Maria Lopez"),
        q("the man was 40", "court documents", kind=QuoteKind.INDIRECT),
        q('"No comment,"', "a spokesman"),
    ]
    speakers = list_speakers([version])
    assert [(s.name, "unnamed source" in s.badges) for s in speakers] == [
        ("Maria Lopez", False),
        ("a spokesman", False),
        ("Reports", True),
        ("senior officials", True),
        ("court documents", True),
    ]

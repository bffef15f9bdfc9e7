"""Tests for the speakers list: counts per version, badges and name merging."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparer.core.model import Quote, QuoteKind, Speaker
from comparer.core.speakers import fold_words, list_speakers, unnamed_source

from ..hostile_inputs import speaker_name


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
        ("Reports", True),
        ("senior officials", True),
        ("court documents", True),
        ("a spokesman", True),
    ]


@pytest.mark.parametrize(
    ("name", "unnamed"),
    [
        ("Reports", True),
        ("officials", True),
        ("senior US officials", True),
        ("court documents", True),
        ("a spokesman", True),
        ("a spokesman for the ministry", True),
        ("A government spokeswoman", True),
        ("a senior official", True),
        ("one source", True),
        ("people familiar with the talks", True),
        ("Smith\u2019s spokesman", True),
        ("the spokesman", True),
        ("one of two witnesses", True),
        ("Two-thirds of Democratic insiders", True),
        ("Maria Lopez", False),
        ("RNC spokesman Sean Spicer", False),  # the role and the name: named
        ("Port spokeswoman Ana Ruiz", False),
        ("the ministry", False),
        ("the president", False),
        ("Officer Reports", False),  # a name in capitals throughout
        ("Human Rights Watch", False),
        ("a reports desk", False),
        ("", False),
    ],
)
def test_which_sources_have_no_name(name: str, unnamed: bool) -> None:
    assert unnamed_source(name) is unnamed


def test_a_name_with_a_particle_in_its_three_forms_is_one_entry() -> None:
    version = [
        q('"We will not cut schools,"', "Bill de Blasio"),
        q('"Not one teacher,"', "de Blasio"),
    ]
    later = [q('"The budget is fair,"', "de Blasio")]
    assert [(s.name, s.quotes_per_version) for s in list_speakers([version, later])] == [
        ("Bill de Blasio", (2, 1))
    ]


def _pairwise_names(names: list[str], quoted: dict[str, int]) -> dict[str, str]:
    """The merging rule stated plainly: each name against every fuller name chosen before."""
    out: dict[str, str] = {}
    chosen: list[tuple[tuple[str, ...], str]] = []
    for name in sorted(names, key=lambda s: (-len(fold_words(s)), s)):
        key = fold_words(name)
        fits = [
            full
            for full_key, full in chosen
            if key == full_key
            or (key and len(key) < len(full_key) and key[-1] == full_key[-1])
            and set(key) <= set(full_key)
        ]
        if not fits and len(key) == 1:  # a name said first: "Ban" of "Ban Ki-moon"
            fits = [full for full_key, full in chosen if full_key[1:] and full_key[0] == key[0]]
        target = name
        if len(fits) == 1:
            target = fits[0]
        elif fits:
            fits.sort(key=lambda full: -quoted[full])
            if quoted[fits[0]] > quoted[fits[1]]:
                target = fits[0]
        if not fits or target == name:
            chosen.append((key, name))
        out[name] = target
    return out


_NAME_WORDS = st.sampled_from(["Ana", "Ruiz", "ana", "Cole", "de", "Ben", "RUIZ", "Lee"])


@given(
    st.lists(
        st.tuples(st.lists(_NAME_WORDS, min_size=1, max_size=4).map(" ".join), st.booleans()),
        max_size=25,
    )
)
def test_names_merge_as_the_pairwise_rule_says(pieces: list[tuple[str, bool]]) -> None:
    quotes = [q(f'"Quote {i}."', name) for i, (name, _) in enumerate(pieces)]
    split = [flag for _, flag in pieces]
    old = [x for x, second in zip(quotes, split, strict=True) if not second]
    new = [x for x, second in zip(quotes, split, strict=True) if second]
    quoted: dict[str, int] = {}
    for name, _ in pieces:
        quoted[name] = quoted.get(name, 0) + 1
    merged = _pairwise_names(list(quoted), quoted)
    expected: dict[str, list[int]] = {}
    for name, second in pieces:
        expected.setdefault(merged[name], [0, 0])[int(second)] += 1
    speakers = list_speakers([old, new])
    assert {s.name: s.quotes_per_version for s in speakers} == {
        k: tuple(v) for k, v in expected.items()
    }


def test_thirty_thousand_speakers_each_joined_by_their_surname() -> None:
    names = [speaker_name(i) for i in range(30_000)]
    old = [q(f'"We said {i}."', name) for i, name in enumerate(names)]
    new = [q(f'"We said {i} again."', name.split()[-1]) for i, name in enumerate(names)]
    speakers = list_speakers([old, new])
    assert len(speakers) == 30_000
    assert all(s.quotes_per_version == (1, 1) for s in speakers)
    assert speakers[123].name == names[123]


def _badges_by_plain_rule(old: list[Quote], new: list[Quote]) -> dict[str, set[str]]:
    """Reworded and re-attributed, stated plainly: every quote against every other."""
    said = [(v, q.speaker, fold_words(q.text)) for v, qs in enumerate((old, new)) for q in qs]
    out: dict[str, set[str]] = {}
    for v, who, words in said:
        badges = out.setdefault(who or "", set())
        if len(words) >= 3 and any(
            v2 != v and who2 != who and words2 == words for v2, who2, words2 in said
        ):
            badges.add("re-attributed")
        before = {w for v2, who2, w in said if who2 == who and v2 == 0}
        after = {w for v2, who2, w in said if who2 == who and v2 == 1}
        if (
            v == 0
            and words not in after
            and any(
                SequenceMatcher(None, words, other, autojunk=False).ratio() >= 0.5
                for other in after - before
            )
        ):
            badges.add("reworded")
    return out


_WORDS = st.lists(
    st.sampled_from(["we", "stay", "go", "home", "now", "the", "bridge"]), min_size=1, max_size=5
).map(" ".join)
_SPEAKERS = st.sampled_from(["Ana Ruiz", "Ben Cole", "Ida Lund"])


@given(st.lists(st.tuples(_WORDS, _SPEAKERS, st.booleans()), max_size=14))
def test_reworded_and_reattributed_as_the_plain_rule_says(
    pieces: list[tuple[str, str, bool]],
) -> None:
    old = [q(f'"{words}."', who) for words, who, second in pieces if not second]
    new = [q(f'"{words}."', who) for words, who, second in pieces if second]
    expected = _badges_by_plain_rule(old, new)
    for speaker in list_speakers([old, new]):
        got = set(speaker.badges) & {"reworded", "re-attributed"}
        assert got == expected[speaker.name]


def test_a_speaker_quoted_thousands_of_times() -> None:
    old = [q(f'"We will rebuild bridge number {i} again."', "Ana Ruiz") for i in range(3000)]
    new = [q(f'"Entirely other words, {i * 7} of them."', "Ana Ruiz") for i in range(3000)]
    (speaker,) = list_speakers([old, new])
    assert speaker.quotes_per_version == (3000, 3000) and "reworded" not in speaker.badges
    new[0] = q('"We will rebuild bridge number 0 later."', "Ana Ruiz")
    (speaker,) = list_speakers([old, new])
    assert "reworded" in speaker.badges


def test_thirty_thousand_people_saying_the_same_words() -> None:
    same = [q('"We will all rebuild it together."', speaker_name(i)) for i in range(30_000)]
    speakers = list_speakers([same, []])
    assert len(speakers) == 30_000
    assert all(s.badges == ("dropped",) for s in speakers)
    speakers = list_speakers([same[:1], same[1:2]])
    assert [s.badges for s in speakers] == [("dropped", "re-attributed"), ("new", "re-attributed")]

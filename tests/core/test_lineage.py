"""Paragraph lineages agree with the consecutive comparisons they are built from."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.align import MATCH_MIN, MOVE_MIN, paragraph_words, word_similarity
from comparer.core.compare import compare_pair
from comparer.core.lineage import RESTORED, build_lineages, lineage_of
from comparer.core.model import AlignKind, Version
from comparer.core.story import Story
from tests.core.factories import body
from tests.core.story_maker import story_versions

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(story_versions())
def test_every_paragraph_of_every_version_is_in_exactly_one_lineage(versions) -> None:
    story = Story(versions)
    lineages = build_lineages(story.versions, story.consecutive())
    for v, version in enumerate(versions):
        seen = [p for lineage in lineages for p in lineage.cells[v]]
        assert sorted(seen) == list(range(len(version.paragraphs)))


@SETTINGS
@given(story_versions())
def test_each_step_of_a_lineage_is_what_compare_pair_says_of_that_pair(versions) -> None:
    lineages = build_lineages(versions, Story(versions).consecutive())
    for k in range(len(versions) - 1):
        pair = compare_pair(versions[k], versions[k + 1], k, k + 1)
        for lineage in lineages:
            entries = [pair.alignment[e] for e in lineage.entries[k]]
            assert {p for e in entries for p in e.from_} == set(lineage.cells[k])
            assert {p for e in entries for p in e.to} == set(lineage.cells[k + 1])
            if lineage.steps[k] == RESTORED:
                # the pair says "added"; the story knows it was there before
                assert {e.kind.value for e in entries} == {"added"}
                assert not lineage.cells[k] and any(lineage.cells[:k])
            elif entries:
                assert lineage.steps[k] in {e.kind.value for e in entries}
            else:
                assert lineage.steps[k] == ""


@SETTINGS
@given(story_versions(min_versions=4, max_versions=6))
def test_a_return_is_what_compare_pair_says_of_its_last_appearance_and_its_return(
    versions,
) -> None:
    for lineage in build_lineages(versions, Story(versions).consecutive()):
        for back in lineage.returns:
            assert lineage.steps[back.step] == RESTORED
            assert back.since < back.step and lineage.cells[back.since]
            assert not any(lineage.cells[back.since + 1 : back.version])
            old, new = versions[back.since], versions[back.version]
            was = tuple(old.paragraphs[p] for p in lineage.cells[back.since])
            now = tuple(new.paragraphs[p] for p in lineage.cells[back.version])
            alone = compare_pair(replace(old, paragraphs=was), replace(new, paragraphs=now))
            assert {e.kind for e in alone.alignment} <= JOINED
            assert [(c.from_text, c.to_text) for c in alone.changes] == [
                (c.from_text, c.to_text) for c in back.comparison.changes
            ]


@SETTINGS
@given(story_versions(min_versions=3), st.randoms(use_true_random=False))
def test_reordering_and_reordering_back_gives_the_same_lineages(versions, random) -> None:
    story = Story(versions)
    before = build_lineages(story.versions, story.consecutive())
    order = list(range(len(versions)))
    random.shuffle(order)
    shuffled = story.reordered(order)
    build_lineages(shuffled.versions, shuffled.consecutive())
    again = shuffled.reordered([order.index(k) for k in range(len(versions))])
    assert build_lineages(again.versions, again.consecutive()) == before


def _story() -> list[Version]:
    a = "The ferry carried 214 passengers from Port Ellery to the islands on Monday."
    b = "Lifeboats from three stations were sent to the scene of the fire."
    c = "The operator said it was working with the authorities on the cause."
    d = "Coastguard officers said the crew had done everything they could."
    return [
        body([a, b, c], "v1.txt"),
        body([a, b.replace("three", "four"), d], "v2.txt"),  # changed, removed, added
        body([b.replace("three", "four"), d, a], "v3.txt"),  # moved
    ]


def test_a_paragraph_is_followed_through_rewording_and_moves() -> None:
    versions = _story()
    lineages = build_lineages(versions, Story(versions).consecutive())
    ferry = lineages[lineage_of(lineages, 0, 0)]
    assert ferry.cells == ((0,), (0,), (2,))
    lifeboats = lineages[lineage_of(lineages, 0, 1)]
    assert lifeboats.cells == ((1,), (1,), (0,))
    assert lifeboats.steps[0] == "changed"
    operator = lineages[lineage_of(lineages, 0, 2)]
    assert operator.cells == ((2,), (), ())
    assert operator.steps == ("deleted", "")
    coastguard = lineages[lineage_of(lineages, 1, 2)]
    assert coastguard.cells == ((), (2,), (1,))
    assert coastguard.steps[0] == "added"
    assert "moved" in (ferry.steps[1], lifeboats.steps[1], coastguard.steps[1])


JOINED = {AlignKind.EQUAL, AlignKind.CHANGED, AlignKind.MOVED, AlignKind.SPLIT, AlignKind.MERGED}
FERRY = "The ferry carried 214 passengers from Port Ellery to the islands on Monday."
LIFEBOATS = "Lifeboats from three stations were sent to the scene of the fire."
OPERATOR = "The operator said it was working with the authorities on the cause of the fire."
COASTGUARD = "Coastguard officers said the crew had done everything they could."
WEATHER = "Heavy rain and strong winds are forecast for the islands until Thursday evening."


def _lineages(*texts: list[str]):
    versions = [body(paragraphs, f"v{k + 1}.txt") for k, paragraphs in enumerate(texts)]
    return versions, build_lineages(versions, Story(versions).consecutive())


def test_a_paragraph_removed_and_restored_unchanged_is_one_lineage_with_a_gap() -> None:
    versions, lineages = _lineages(
        [FERRY, OPERATOR, LIFEBOATS], [FERRY, LIFEBOATS], [FERRY, OPERATOR, LIFEBOATS]
    )
    operator = lineages[lineage_of(lineages, 0, 1)]
    assert operator.cells == ((1,), (), (1,))
    assert operator.steps == ("deleted", "restored")
    assert operator.present() == [0, 2]
    assert lineage_of(lineages, 2, 1) == lineage_of(lineages, 0, 1)
    [back] = operator.returns
    assert (back.since, back.version, back.similarity, back.edited) == (0, 2, 1.0, False)
    assert operator.return_at(2) is back and operator.return_at(1) is None
    assert len(lineages) == 3


def test_a_paragraph_restored_with_an_edit_shows_its_words_changed_since_it_was_last_seen() -> None:
    edited = OPERATOR.replace("on the cause of the fire", "to find the cause of the fire")
    versions, lineages = _lineages([FERRY, OPERATOR], [FERRY], [FERRY, COASTGUARD, edited])
    operator = lineages[lineage_of(lineages, 0, 1)]
    assert operator.cells == ((1,), (), (2,))
    assert operator.steps == ("deleted", "restored")
    [back] = operator.returns
    assert back.edited and back.similarity < 1
    changes = [(c.from_text, c.to_text) for c in back.comparison.changes]
    assert changes == [("on", "to find")]
    change = back.comparison.changes[0]
    # offsets are the two versions' own, so the change can be shown in place
    assert versions[0].text[change.from_start : change.from_end] == "on"
    assert versions[2].text[change.to_start : change.to_end] == "to find"
    coastguard = lineages[lineage_of(lineages, 2, 1)]
    assert coastguard.steps == ("", "added")


def test_a_paragraph_restored_after_two_versions_without_it_spans_the_gap() -> None:
    versions, lineages = _lineages(
        [FERRY, LIFEBOATS, OPERATOR],
        [FERRY, LIFEBOATS],
        [LIFEBOATS, FERRY],
        [FERRY, LIFEBOATS, OPERATOR.replace("Ferry", "ferry")],
    )
    operator = lineages[lineage_of(lineages, 0, 2)]
    assert operator.cells == ((2,), (), (), (2,))
    assert operator.steps == ("deleted", "", "restored")
    assert operator.returns[0].since == 0 and operator.returns[0].step == 2


def test_a_paragraph_can_go_and_come_back_twice() -> None:
    _, lineages = _lineages(
        [FERRY, OPERATOR], [FERRY], [FERRY, OPERATOR], [FERRY], [FERRY, OPERATOR]
    )
    operator = lineages[lineage_of(lineages, 0, 1)]
    assert operator.cells == ((1,), (), (1,), (), (1,))
    assert operator.steps == ("deleted", "restored", "deleted", "restored")
    assert [(r.since, r.version) for r in operator.returns] == [(0, 2), (2, 4)]


def test_an_unrelated_paragraph_added_where_one_was_removed_earlier_is_not_joined() -> None:
    _, lineages = _lineages([FERRY, OPERATOR], [FERRY], [FERRY, WEATHER])
    operator = lineages[lineage_of(lineages, 0, 1)]
    weather = lineages[lineage_of(lineages, 2, 1)]
    assert operator is not weather
    assert operator.cells == ((1,), (), ()) and operator.steps == ("deleted", "")
    assert weather.cells == ((), (), (1,)) and weather.steps == ("", "added")
    assert not operator.returns and not weather.returns


def test_two_returns_at_one_step_each_find_their_own_paragraph() -> None:
    _, lineages = _lineages(
        [FERRY, OPERATOR, COASTGUARD], [FERRY], [FERRY, COASTGUARD, OPERATOR]
    )
    operator = lineages[lineage_of(lineages, 0, 1)]
    coastguard = lineages[lineage_of(lineages, 0, 2)]
    assert operator.cells == ((1,), (), (2,))
    assert coastguard.cells == ((2,), (), (1,))


SEARCH = "Rescue crews searched the harbour through the night for two missing fishermen."
# about half its words kept, in order: an edit in place, too little for a move
SEARCH_REWRITTEN = (
    "Rescue crews searched the harbour through the evening, but police fear both men drowned."
)


def test_a_return_is_judged_as_the_aligner_judges_an_edit_in_place_or_a_move() -> None:
    assert MATCH_MIN <= word_similarity(
        paragraph_words(SEARCH), paragraph_words(SEARCH_REWRITTEN)
    ) < MOVE_MIN
    _, in_place = _lineages(
        [FERRY, SEARCH, LIFEBOATS], [FERRY, LIFEBOATS], [FERRY, SEARCH_REWRITTEN, LIFEBOATS]
    )
    assert in_place[lineage_of(in_place, 0, 1)].cells == ((1,), (), (1,))
    _, elsewhere = _lineages(
        [FERRY, SEARCH, LIFEBOATS, OPERATOR],
        [FERRY, LIFEBOATS, OPERATOR],
        [FERRY, LIFEBOATS, OPERATOR, SEARCH_REWRITTEN],
    )
    assert elsewhere[lineage_of(elsewhere, 0, 1)].cells == ((1,), (), ())
    assert elsewhere[lineage_of(elsewhere, 2, 3)].steps == ("", "added")


def test_a_return_merged_with_its_neighbour_next_is_compared_with_all_its_lineage_holds() -> None:
    # the operator's paragraph comes back in v3 beside the forecast, and v4 joins the two:
    # from v3 on they are one lineage, and a return must answer for both paragraphs
    versions, lineages = _lineages(
        [FERRY, OPERATOR, LIFEBOATS],
        [FERRY, LIFEBOATS],
        [FERRY, OPERATOR, WEATHER, LIFEBOATS],
        [FERRY, OPERATOR + " " + WEATHER, LIFEBOATS],
    )
    back_again = lineages[lineage_of(lineages, 2, 1)]
    assert back_again.cells[2] == (1, 2)
    assert back_again.cells[3] == (1,)
    for back in back_again.returns:
        old, new = versions[back.since], versions[back.version]
        was = tuple(old.paragraphs[p] for p in back_again.cells[back.since])
        now = tuple(new.paragraphs[p] for p in back_again.cells[back.version])
        alone = compare_pair(replace(old, paragraphs=was), replace(new, paragraphs=now))
        assert {e.kind for e in alone.alignment} <= JOINED
    # the forecast was never in v1, so v3's pair is not the operator's paragraph restored
    assert back_again.returns == ()
    assert back_again.steps[1] == "added"

"""Paragraph lineages agree with the consecutive comparisons they are built from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from comparer.core.compare import compare_pair
from comparer.core.lineage import build_lineages, lineage_of
from comparer.core.model import Version
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
            if entries:
                assert lineage.steps[k] in {e.kind.value for e in entries}
            else:
                assert lineage.steps[k] == ""


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

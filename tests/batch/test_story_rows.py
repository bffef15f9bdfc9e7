from __future__ import annotations

from pathlib import Path

import pytest

from comparer.batch.archive import open_archive
from comparer.batch.story import ArchiveVersion, Story
from comparer.batch.story_rows import story_rows
from comparer.batch.text_version import text_version
from comparer.core.compare import compare
from tests.batch.archives import STORIES


def _all_rows(path: Path) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    archive = open_archive(path)
    stories, pairs = {}, {}
    for partition in archive.partitions(2):
        for story in archive.stories(partition):
            stories[story.story_id], pairs[story.story_id] = story_rows(story)
    return stories, pairs


def test_every_story_is_read_once_keyed_by_the_archives_own_id(any_archive: Path) -> None:
    stories, pairs = _all_rows(any_archive)
    assert sorted(stories) == sorted(STORIES)
    assert {k: s["versions"] for k, s in stories.items()} == {k: len(v) for k, v in STORIES.items()}
    assert all(s["error"] is None for s in stories.values())
    assert pairs["104"] == []  # one version: nothing to compare


def test_rows_match_the_single_story_comparison_of_the_same_versions(any_archive: Path) -> None:
    archive = open_archive(any_archive)
    _, pairs = _all_rows(any_archive)
    for story_id in STORIES:
        versions = [v.version for v in archive.story(story_id).versions]
        if len(versions) < 2:
            continue
        comparison = compare(versions)
        assert len(pairs[story_id]) == len(comparison.pairs)
        for row, pair in zip(pairs[story_id], comparison.pairs, strict=True):
            assert [(n["from"], n["to"], n["delta_label"]) for n in row["numbers"]] == [
                (n.from_text, n.to_text, n.delta_label) for n in pair.numbers
            ]
            assert row["paragraphs_added"] == pair.summary.paragraphs_added
            assert row["paragraphs_removed"] == pair.summary.paragraphs_deleted
            assert row["paragraphs_changed"] == pair.summary.paragraphs_changed
            assert row["paragraphs_moved"] == pair.summary.paragraphs_moved
            assert row["differs"] == pair.differs


def test_death_toll_source_and_headline_as_a_reader_would_ask(newsedits: Path) -> None:
    stories, pairs = _all_rows(newsedits)
    first, second = pairs["101"]
    assert (first["from_version"], first["to_version"]) == (1, 2)
    assert [(n["from"], n["to"], n["delta"], n["delta_label"]) for n in first["numbers"]] == [
        ("40", "48", 8.0, "+8, +20%")
    ]
    assert first["minutes_since_first"] == 45.0
    assert first["headline_changed"] is True
    assert [(n["from"], n["to"]) for n in first["headline_numbers"]] == [("40", "48")]
    assert first["paragraphs_added"] == 1
    assert second["speakers_dropped"] == ["Ana Ruiz"]
    assert second["paragraphs_removed"] == 1
    assert second["minutes_since_first"] == 150.0
    assert second["minutes_since_previous"] == 105.0
    assert second["headline_changed"] is False
    assert stories["101"]["speakers_dropped"] == ["Ana Ruiz"]
    assert stories["101"]["numbers_changed"] == 2
    assert stories["101"]["minutes_first_to_last"] == 150.0


def test_a_new_speaker_a_moved_paragraph_and_a_quote_given_to_someone_else(
    newsedits: Path,
) -> None:
    _, pairs = _all_rows(newsedits)
    (vote,) = pairs["102"]
    assert vote["speakers_new"] == ["Tomas Berg"]
    assert vote["paragraphs_moved"] == 1
    assert [n["delta_label"] for n in vote["headline_numbers"]] == ["+3 points"]
    (bridge,) = pairs["103"]
    assert sorted(bridge["speakers_reattributed"]) == ["Maria Lind", "Peter Holm"]
    assert bridge["typographic_only"] == 1
    assert bridge["numbers"] == []


def test_a_bad_story_gives_a_row_with_its_error_and_no_pairs() -> None:
    story = Story("77", error="v2.pdf: is damaged")
    row, pairs = story_rows(story)
    assert row["story_id"] == "77"
    assert row["error"] == "v2.pdf: is damaged"
    assert pairs == []


@pytest.mark.parametrize(
    ("numbers", "dates", "expected"),
    [
        ((3, 1, 2), (None, None, None), ["b", "c", "a"]),
        ((None, None, None), ("2020-01-03", "2020-01-01", "2020-01-02"), ["b", "c", "a"]),
        ((2, None, 1), ("2020-01-01", "2020-01-03", "2020-01-02"), ["a", "c", "b"]),
        ((None, None, None), (None, "2020-01-01", None), ["a", "b", "c"]),
    ],
)
def test_versions_go_by_number_else_date_else_archive_order(
    numbers: tuple[int | None, ...], dates: tuple[str | None, ...], expected: list[str]
) -> None:
    from comparer.batch.story import order_versions

    versions = [
        ArchiveVersion(text_version(f"Text {name}.", name), number, date, name)
        for name, number, date in zip("abc", numbers, dates, strict=True)
    ]
    assert [v.name for v in order_versions(versions)] == expected

from __future__ import annotations

import pytest

from comparer.batch.where import STORY_FIELDS, WhereError, parse_where

QUAKE_PAIR = {
    "story_id": "101",
    "numbers_changed": 1,
    "numbers": [{"from": "40", "to": "48", "delta": 8.0, "delta_label": "+8, +20%"}],
    "minutes_since_first": 45.0,
    "headline_changed": True,
    "headline_numbers": [{"from": "40", "to": "48"}],
    "speakers_dropped": [],
    "speakers_new": ["Ana Ruiz"],
    "to_headline": "Earthquake kills at least 48",
}
LATE_PAIR = {
    **QUAKE_PAIR,
    "minutes_since_first": 150.0,
    "speakers_dropped": ["Ana Ruiz"],
    "headline_changed": False,
    "headline_numbers": [],
}
UNDATED = {**QUAKE_PAIR, "minutes_since_first": None, "numbers_changed": 0, "numbers": []}


@pytest.mark.parametrize(
    ("where", "matches"),
    [
        ("number_changed", [True, True, False]),
        ("not number_changed", [False, False, True]),
        ("speaker_dropped", [False, True, False]),
        ("headline_number_changed and minutes > 60", [False, False, False]),
        ("headline_number_changed and minutes > 30", [True, False, False]),
        ("minutes >= 150 or story = 101", [True, True, True]),
        ("minutes < 100", [True, False, False]),  # no date: no comparison holds
        ("(speaker_dropped or headline_changed) and numbers_changed = 1", [True, True, False]),
        ("speakers_dropped contains 'ruiz'", [False, True, False]),
        ('to_headline contains "AT LEAST"', [True, True, True]),
        ("numbers contains '+20%'", [True, True, False]),
        ("headline_changed = false", [False, True, False]),
        ("numbers > 0", [True, True, False]),
    ],
)
def test_filters_pick_the_pairs_a_reader_asks_for(where: str, matches: list[bool]) -> None:
    test = parse_where(where)
    assert [test(row) for row in (QUAKE_PAIR, LATE_PAIR, UNDATED)] == matches


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("", "empty"),
        ("death_toll", "no field called 'death_toll'"),
        ("minutes >", "needs a value"),
        ("(number_changed", "not closed"),
        ("number_changed number_changed", "unexpected"),
        ("__import__('os')", "no field called"),
        ("and", "no field called 'and'"),
    ],
)
def test_a_filter_that_cannot_be_read_says_why(where: str, message: str) -> None:
    with pytest.raises(WhereError, match=message):
        parse_where(where)


def test_story_rows_are_filtered_by_the_story_columns() -> None:
    story = {
        "story_id": "101",
        "versions": 3,
        "minutes_first_to_last": 150.0,
        "speakers_dropped": ["Ana Ruiz"],
        "headline_changes": 2,
    }
    assert parse_where("versions >= 3 and speaker_dropped", STORY_FIELDS)(story)
    assert parse_where("minutes > 120 and headline_changed > 1", STORY_FIELDS)(story)
    assert not parse_where("story = 102", STORY_FIELDS)(story)
    with pytest.raises(WhereError, match="no field called 'from_version'"):
        parse_where("from_version > 1", STORY_FIELDS)

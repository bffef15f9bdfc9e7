"""A story's history as ``comparer-history/1`` JSON and as text for a terminal."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path

import pytest

from comparer.core.history import StoryHistory, build_history
from comparer.core.model import Version
from comparer.core.story import Story, choose_order
from comparer.export.history_json import (
    FORMAT,
    figure_line,
    history_dict,
    history_dumps,
    history_text,
    order_words,
    short_dates,
    speaker_marks,
)
from comparer.formats import load_bytes, load_path

STORY = Path(__file__).resolve().parents[1] / "data" / "story"


@pytest.fixture(scope="module")
def history() -> StoryHistory:
    return build_history(Story([load_path(str(STORY / f"v{k}.txt")) for k in range(1, 7)]))


def _dated(*dates: str | None) -> list[Version]:
    return [
        dataclasses.replace(load_bytes(f"Version {k}.".encode(), f"v{k}.txt"), date=date)
        for k, date in enumerate(dates, start=1)
    ]


def test_the_json_is_the_dict_as_utf8_text(history: StoryHistory) -> None:
    given = list(range(6))
    dumped = history_dumps(history, "date", given)
    assert json.loads(dumped) == history_dict(history, "date", given)
    assert dumped.endswith("}\n") and "\\u" not in dumped  # non-ASCII kept as it is
    assert json.loads(dumped)["format"] == FORMAT == "comparer-history/1"


def test_speakers_steps_go_from_one_version_to_the_next(history: StoryHistory) -> None:
    data = history_dict(history, "date", list(range(6)))
    harker = next(s for s in data["speakers"] if s["name"] == "Tom Harker")
    assert (harker["first"], harker["last"]) == (3, 5)
    assert {"from": 2, "to": 3, "kind": "added"} in harker["steps"]
    assert all(step["to"] == step["from"] + 1 for s in data["speakers"] for step in s["steps"])


def test_an_undated_file_says_when_it_was_saved_not_when_the_story_was_written() -> None:
    texts = [b"The toll rose to 3.", b"The toll rose to 5."]
    versions = [load_bytes(t, f"v{k}.txt", mtime=1_749_450_600.0 + k) for k, t in enumerate(texts)]
    story = Story(versions).reordered(choose_order(versions))
    data = history_dict(build_history(story), "given", [0, 1])
    first = data["versions"][0]
    assert (first["date_source"], first["file_saved"]) == ("file", "2025-06-09T06:30:00Z")
    assert first["date_label"].startswith("file saved ")
    assert data["figures"][0]["steps"][0]["delta"] == "+2, +67%"


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (("2025-06-09T06:10:00", "2025-06-09T17:20:00"), ["06:10", "17:20"]),
        (("2025-06-09T06:10:00", "2025-06-10T07:45:00"), ["9 Jun 06:10", "10 Jun 07:45"]),
        (("2024-12-31T23:00:00", "2025-01-01T01:00:00"), ["31 Dec 2024 23:00", "1 Jan 2025 01:00"]),
        (("2025-06-09", "2025-06-09"), ["9 Jun 2025", "9 Jun 2025"]),  # no time: whole dates
        (("2025-06-09T06:10:00", None), ["9 Jun 2025 06:10", ""]),
    ],
)
def test_dates_are_as_short_as_the_story_allows(
    dates: tuple[str | None, ...], expected: list[str]
) -> None:
    assert short_dates(_dated(*dates)) == expected


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        (("2026-12-04 20:22", "2026-12-04 21:05"), ["file saved 20:22", "file saved 21:05"]),
        (
            ("2026-12-03 09:15", "2026-12-04 21:05"),
            ["file saved 3 Dec 09:15", "file saved 4 Dec 21:05"],
        ),
        (
            ("2025-12-31 23:00", "2026-01-01 01:00"),
            ["file saved 31 Dec 2025 23:00", "file saved 1 Jan 2026 01:00"],
        ),
    ],
)
def test_file_times_are_shortened_alike_and_still_called_file_times(
    saved: tuple[str, ...], expected: list[str]
) -> None:
    versions = [
        dataclasses.replace(v, mtime=datetime.fromisoformat(when).timestamp())
        for v, when in zip(_dated(*(None for _ in saved)), saved, strict=True)
    ]
    assert short_dates(versions) == expected


def test_a_figure_line_leaves_out_values_that_did_not_change(history: StoryHistory) -> None:
    assert figure_line(history, 0) == (
        "people were killed: 3 (v1, 06:10) → 5 (v2, 07:45, +2, +67%) → 7 (v3, 09:30, +2, +40%)"
        " → 6 (v5, 14:00, -1, -14%) → 8 (v6, 17:20, +2, +33%)"
    )


def test_the_text_marks_each_version_a_speaker_is_quoted_in(history: StoryHistory) -> None:
    assert speaker_marks((0, 2, 1, 0)) == "·●●·"
    text = history_text(history, "date")
    assert text.startswith("6 versions, in date order\n")
    harker = next(line for line in text.splitlines() if "Tom Harker" in line)
    assert "···●●●  v4–v6  (added in v4" in harker


def test_a_story_where_no_number_changed_says_so() -> None:
    versions = [
        load_bytes(b"Schools are shut.\n\nThe river is high.", "a.txt"),
        load_bytes(b"Schools are shut.\n\nThe river is still high.", "b.txt"),
    ]
    text = history_text(build_history(Story(versions)), "given")
    assert "2 versions, in given order" in text
    assert "Figures\n  no number changed\n" in text
    assert "Speakers over time" not in text
    assert "The river is high." in text.split("Paragraphs (changed at least once)")[1]


RESTORED_STORY = [
    "The ferry carried 214 passengers on Monday.\n\n"
    "The operator said it was working with the authorities on the cause of the fire.\n\n"
    "Lifeboats from three stations were sent.",
    "The ferry carried 214 passengers on Monday.\n\nLifeboats from three stations were sent.",
    "The ferry carried 214 passengers on Monday.\n\nLifeboats from three stations were sent.\n\n"
    "The operator said it was working with the authorities to find the cause of the fire.",
]


@pytest.fixture(scope="module")
def restored() -> StoryHistory:
    versions = [load_bytes(text.encode(), f"v{k}.txt") for k, text in enumerate(RESTORED_STORY, 1)]
    return build_history(Story(versions), with_quotes=False)


def test_a_restored_paragraph_is_one_lineage_whose_steps_stay_as_each_pair_reports(
    restored: StoryHistory,
) -> None:
    data = history_dict(restored, "given", [0, 1, 2])
    [operator] = [lin for lin in data["lineages"] if lin["returns"]]
    assert operator["paragraphs"] == [[1], [], [2]]
    # comparer-history/1 readers see the kinds of comparer/1: the pair says "added"
    assert operator["steps"] == ["deleted", "added"]
    assert all(lin["returns"] == [] for lin in data["lineages"] if lin is not operator)
    [back] = operator["returns"]
    assert (back["step"], back["kind"], back["from"], back["to"]) == (1, "restored", 0, 2)
    assert [(c["from_text"], c["to_text"]) for c in back["changes"]] == [("on", "to find")]
    change = back["changes"][0]
    texts = [v["text"] for v in data["versions"]]
    assert texts[0][change["from_start"] : change["from_end"]] == "on"
    assert texts[2][change["to_start"] : change["to_end"]] == "to find"
    assert back["alignment"][change["entry"]]["to"] == [2]


def test_the_text_says_where_a_paragraph_was_restored_and_what_changed_meanwhile(
    restored: StoryHistory,
) -> None:
    text = history_text(restored, "given")
    assert "[deleted restored]  The operator said" in text
    assert "restored in v3 (last in v1), reworded: on → to find" in text


def test_an_unchanged_return_says_so() -> None:
    texts = [RESTORED_STORY[0], RESTORED_STORY[1], RESTORED_STORY[0]]
    versions = [load_bytes(t.encode(), f"v{k}.txt") for k, t in enumerate(texts, 1)]
    text = history_text(build_history(Story(versions), with_quotes=False), "given")
    assert "restored in v3 (last in v1), unchanged" in text


def test_date_order_words_say_which_versions_kept_their_places() -> None:
    one = _dated("2025-06-09T06:10:00", None, "2025-06-09T08:00:00")
    assert order_words(one, "date") == "in date order; 1 undated version kept its place"
    two = _dated("2025-06-09T06:10:00", None, None, "2025-06-09T08:00:00")
    assert order_words(two, "date") == "in date order; 2 undated versions kept their places"
    assert order_words(_dated("2025-06-09", "2025-06-10"), "date") == "in date order"
    assert order_words(_dated(None, None), "date") == "in given order (none has a date)"
    assert order_words(one, "given") == "in given order"
    saved = [
        dataclasses.replace(v, saved="2025-03-01T09:00:00" if k else None)
        for k, v in enumerate(_dated(None, None, None))
    ]
    assert order_words(saved, "date") == (
        "in the order they were saved in; 1 undated version kept its place"
    )

"""The hand-written ferry story's history matches what a reader checked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comparer.core.history import build_history
from comparer.core.story import Story, choose_order
from comparer.formats import load_path

STORY = Path(__file__).resolve().parents[1] / "data" / "story"
EXPECTED = json.loads((STORY / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def history():
    given = [load_path(str(STORY / f"v{k}.txt")) for k in (4, 1, 6, 2, 5, 3)]  # shuffled
    story = Story(given).reordered(choose_order(given))
    return build_history(story)


def test_the_versions_are_put_in_the_order_of_their_own_dates(history) -> None:
    assert [v.name for v in history.versions] == EXPECTED["order"]


def test_every_figure_that_changed_is_a_series_with_its_steps(history) -> None:
    assert len(history.figures) == len(EXPECTED["figures"])
    for figure, expected in zip(history.figures, EXPECTED["figures"], strict=True):
        assert figure.label == expected["label"]
        values = [p.text if (p := figure.point_in(v)) else None for v in range(6)]
        assert values == expected["values"]
        steps = [[s.from_version, s.number.delta_label] for s in figure.steps]
        assert steps == expected["steps"]


def test_paragraphs_are_followed_through_moves_removals_splits_and_merges(history) -> None:
    for expected in EXPECTED["paragraphs"]:
        found = [
            lin
            for lin in history.lineages
            if history.versions[lin.first]
            .paragraph_text(lin.cells[lin.first][0])
            .startswith(expected["starts"])
        ]
        assert len(found) == 1, expected["starts"]
        assert [list(c) for c in found[0].cells] == expected["cells"]
        assert list(found[0].steps) == expected["steps"]
    merged = EXPECTED["merged"]
    lineage = next(
        lin for lin in history.lineages if merged["paragraph"] in lin.cells[merged["version"]]
    )
    assert list(lineage.cells[merged["version"] - 1]) == merged["from_paragraphs"]
    assert lineage.steps[merged["version"] - 1] == "merged"


def test_no_paragraph_is_joined_to_an_unrelated_one_removed_earlier(history) -> None:
    restored = [
        [lin.first, back.since, back.version] for lin in history.lineages for back in lin.returns
    ]
    assert restored == EXPECTED["restored"]
    assert all("restored" not in lin.steps for lin in history.lineages)


def test_speakers_over_time(history) -> None:
    timelines = {t.name: t for t in history.speaker_timelines}
    for name, expected in EXPECTED["speakers"].items():
        t = timelines[name]
        assert [int(bool(n)) for n in t.quotes_per_version] == expected["present"]
        assert [[s.from_version, s.kind] for s in t.steps] == expected["steps"]


def test_the_timeline_counts_what_changed_at_each_step(history) -> None:
    entries = history.timeline
    assert entries[0].summary is None
    assert [e.summary.numbers_changed for e in entries[1:]] == [2, 2, 0, 1, 1]
    assert entries[2].summary.paragraphs_moved == 1
    assert entries[2].summary.paragraphs_deleted == 1
    assert entries[3].speakers_new == 1 and entries[3].speakers_dropped == 1  # Harker, Fenwick

"""Figure series agree with the numbers each consecutive pair reports."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from comparer.core.figures import follow_figures
from comparer.core.story import Story
from tests.core.factories import body
from tests.core.story_maker import story_versions

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(story_versions())
def test_figure_series_agree_with_each_pairs_numbers(versions) -> None:
    pairs = Story(versions).consecutive()
    figures = follow_figures(versions, pairs)
    steps = [(s.from_version, s.number) for f in figures for s in f.steps]
    reported = [(k, n) for k, pair in enumerate(pairs) for n in pair.numbers]
    assert sorted(steps, key=repr) == sorted(reported, key=repr)  # each exactly once
    for figure in figures:
        versions_held = [p.version for p in figure.points]
        assert versions_held == sorted(set(versions_held))  # one value per version, in order
        for point in figure.points:
            text = versions[point.version].text
            assert text[point.start : point.start + len(point.text)] == point.text
        for step in figure.steps:
            before, after = figure.point_in(step.from_version), figure.point_in(step.to_version)
            assert before is not None and before.text == step.number.from_text
            assert after is not None and after.text == step.number.to_text


def test_a_figure_is_followed_through_a_reworded_and_moved_paragraph() -> None:
    other = "Roads into the valley were closed by the police for the whole day."
    v1 = body(["At least 12 people died in the landslide, officials said.", other])
    v2 = body([other, "At least 17 people died in the landslide on Thursday, officials said."])
    v3 = body([other, "Officials said that at least 17 people died in the landslide."])
    v4 = body([other, "Officials said that at least 23 people died in the landslide."])
    figures = follow_figures([v1, v2, v3, v4], Story([v1, v2, v3, v4]).consecutive())
    assert len(figures) == 1
    figure = figures[0]
    assert [p.text for p in figure.points] == ["12", "17", "17", "23"]
    assert [s.number.delta_label for s in figure.steps] == ["+5, +42%", "+6, +35%"]
    assert figure.label == "people died"


def test_a_figures_label_keeps_to_its_clause() -> None:
    v1 = body(["At least 40 people were killed, officials said."])
    v2 = body(["At least 48 people were killed, officials said."])
    figures = follow_figures([v1, v2], Story([v1, v2]).consecutive())
    assert [f.label for f in figures] == ["people were killed"]


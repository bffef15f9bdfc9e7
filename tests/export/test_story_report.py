"""A story's report opens with its timeline, figures and speakers, then the chosen pair."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from comparer.cli import main
from comparer.core.history import build_history
from comparer.core.story import Story
from comparer.export.html_report import render_html
from comparer.export.story_report import StoryContext
from comparer.formats import load_path

STORY = Path(__file__).resolve().parents[1] / "data" / "story"
FILES = [str(STORY / f"v{k}.txt") for k in range(1, 7)]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_report_of_a_pair_of_a_story_gives_the_story_first() -> None:
    story = Story([load_path(f) for f in FILES])
    history = build_history(story)
    html = render_html(
        story.comparison((4, 5), with_quotes=True),
        story=StoryContext(history, (4, 5)),
        exported_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    text = _text(html)
    assert text.index("The story in 6 versions") < text.index("Summary")
    assert "v3 9 Jun 2025 09:30 v3.txt 2 numbers changed, 1 added, 1 removed" in text
    assert "v5 ◆" in text and "compared in this report: v5, v6" in text
    assert "people were killed: 3 (v1, 06:10) → 5 (v2, 07:45, +2, +67%)" in text
    assert "Speakers over time" in text and "Tom Harker · · · ● ● ● added in v4" in text
    assert "v5 · v5.txt → v6 · v6.txt" in text  # the pair keeps the story's numbers


def test_compare_html_of_a_story_includes_its_history(tmp_path, capsys) -> None:
    out = tmp_path / "report.html"
    assert main(["compare", *FILES[:3], "--format", "html", "-o", str(out)]) == 1
    text = _text(out.read_text(encoding="utf-8"))
    assert "The story in 3 versions" in text
    assert "v1 · v1.txt → v2 · v2.txt" in text and "v2 · v2.txt → v3 · v3.txt" in text


def test_unnamed_sources_are_a_group_of_their_own_in_the_story_s_speakers() -> None:
    from comparer.export.history_json import history_text
    from tests.core.factories import body

    versions = [
        ['"We will not go back," said Maria Lopez.', "Officials said the port would close."],
        ['"We will not go back," said Maria Lopez.', '"Nothing moves," a spokesman said.'],
        ['"We will not go back," said Maria Lopez.', '"The talks must resume," said Tom Webb.'],
    ]
    story = Story([body(paras, f"v{k + 1}.txt") for k, paras in enumerate(versions)])
    history = build_history(story)
    assert [(t.name, t.unnamed) for t in history.speaker_timelines] == [
        ("Maria Lopez", False),
        ("Tom Webb", False),
        ("Officials", True),
        ("a spokesman", True),
    ]
    html = render_html(
        story.comparison((1, 2), with_quotes=True),
        story=StoryContext(history, (1, 2)),
        exported_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    over_time = _text(html[html.index("Speakers over time") :])
    assert over_time.index("Tom Webb") < over_time.index("Unnamed sources")
    assert over_time.index("Unnamed sources") < over_time.index("Officials ● · ·")
    lines = history_text(history, "given").splitlines()
    start = lines.index("Speakers over time")
    assert [line.split("  ")[1].strip() for line in lines[start + 1 : start + 6]] == [
        "Maria Lopez",
        "Tom Webb",
        "Unnamed sources:",
        "Officials",
        "a spokesman",
    ]

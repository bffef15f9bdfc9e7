from __future__ import annotations

from comparer.batch.progress import ProgressBar


def test_the_progress_line_counts_stories_and_time_left() -> None:
    bar = ProgressBar(total_stories=200, total_partitions=4, live=False)
    bar.skipped(50)
    bar.advance(50)
    line = bar.line()
    assert line.startswith("100/200 stories [############............]  50%")
    assert "stories/s" in line and " left" in line
    bar.advance(100, errors=2)
    assert "200/200 stories" in bar.line() and "left" not in bar.line()
    assert bar.line().endswith("2 bad")

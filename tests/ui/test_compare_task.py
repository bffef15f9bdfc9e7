"""Loading and comparing off the GUI thread: what each task hands back to the window.

The tasks are run here on the test's thread (``run()``), their signals heard directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from comparer.core.model import CompareOptions
from comparer.core.story import ORDER_DATE, Story
from comparer.formats import load_path
from comparer.ui.compare_task import CompareTask, PairTask, Source, StoryTask, TaskResult

STORY = Path(__file__).resolve().parents[1] / "data" / "story"


def _file(k: int) -> str:
    return str(STORY / f"v{k}.txt")


def _finish(task: CompareTask) -> TaskResult:
    results: list[TaskResult] = []
    task.signals.finished.connect(results.append)
    task.run()
    assert len(results) == 1
    return results[0]


def test_versions_are_put_in_date_order_and_the_newest_pair_compared_first(qapp) -> None:
    progress: list[str] = []
    task = CompareTask(7, [Source(_file(3)), Source(_file(1)), Source(_file(2))], CompareOptions())
    task.signals.progress.connect(progress.append)
    result = _finish(task)
    assert result.generation == 7 and result.errors == []
    assert [v.name for v in result.versions] == ["v1.txt", "v2.txt", "v3.txt"]
    assert result.by_date and result.clash is None
    assert result.pair == (1, 2)
    assert result.model is not None and [v.name for v in result.model.versions] == [
        "v2.txt",
        "v3.txt",
    ]
    assert progress[0] == f"Reading {_file(3)}…" and progress[-1] == "Comparing…"
    assert result.story is not None and not result.story.has_pair(0, 1)  # left for later


def test_the_pair_asked_for_is_compared_when_it_exists(qapp) -> None:
    sources = [Source(_file(k)) for k in (1, 2, 3)]
    assert _finish(CompareTask(1, sources, CompareOptions(), pair=(0, 2))).pair == (0, 2)
    assert _finish(CompareTask(1, sources, CompareOptions(), pair=(0, 5))).pair == (1, 2)


def test_a_file_that_cannot_be_read_is_named_and_the_rest_compared(qapp, tmp_path: Path) -> None:
    broken = tmp_path / "v9.pdf"
    broken.write_bytes(b"%PDF-1.7\n cut short")
    result = _finish(
        CompareTask(1, [Source(_file(1)), Source(str(broken)), Source(_file(2))], CompareOptions())
    )
    assert len(result.errors) == 1 and result.errors[0].startswith(f"{broken}: ")
    assert [v.name for v in result.versions] == ["v1.txt", "v2.txt"]
    assert result.model is not None


def test_pasted_text_and_loaded_versions_need_no_file(qapp) -> None:
    loaded = load_path(_file(1))
    pasted = Source(data=b"At least 3 people were killed.", label="clipboard")
    result = _finish(CompareTask(1, [Source(version=loaded), pasted], CompareOptions(), "given"))
    assert [v.name for v in result.versions] == ["v1.txt", "clipboard"]
    assert not result.by_date and result.pair == (0, 1)
    assert Source(version=loaded).display == "v1.txt" and pasted.display == "clipboard"


def test_one_version_is_shown_alone(qapp) -> None:
    result = _finish(CompareTask(1, [Source(_file(1))], CompareOptions(), ORDER_DATE))
    assert result.pair is None and result.model is not None
    assert len(result.model.versions) == 1


@pytest.fixture
def story() -> Story:
    return Story([load_path(_file(k)) for k in (1, 2, 3, 4)])


def test_the_story_is_worked_through_newest_pair_first_then_its_history_twice(
    qapp, story: Story
) -> None:
    task = StoryTask(3, story)
    pairs: list[list[bool]] = []
    histories: list[object] = []
    task.signals.pair_done.connect(
        lambda payload: pairs.append([payload[1].has_pair(k, k + 1) for k in range(3)])
    )
    task.signals.history_done.connect(lambda payload: histories.append(payload[2]))
    task.run()
    assert pairs == [[False, False, True], [False, True, True], [True, True, True]]
    assert len(histories) == 2
    assert histories[0].speakers == () and histories[1].speakers != ()  # speakers come last


def test_a_cancelled_story_task_says_nothing(qapp, story: Story) -> None:
    task = StoryTask(3, story)
    heard: list[object] = []
    task.signals.pair_done.connect(heard.append)
    task.signals.history_done.connect(heard.append)
    task.cancelled = True
    task.run()
    assert heard == []


def test_a_pair_the_reader_asks_for_is_compared(qapp, story: Story) -> None:
    task = PairTask(5, story, (0, 3))
    done: list[tuple] = []
    task.signals.finished.connect(done.append)
    task.run()
    ((generation, same_story, shown, model),) = done
    assert (generation, same_story, shown) == (5, story, (0, 3))
    assert [v.name for v in model.versions] == ["v1.txt", "v4.txt"]

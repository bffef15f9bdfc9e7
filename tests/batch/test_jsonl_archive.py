from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from comparer.batch.archive import open_archive
from comparer.batch.jsonl_archive import bucket_of
from tests.batch.archives import STORIES, write_jsonl


def test_each_story_falls_in_one_partition_whatever_the_order_of_lines(tmp_path: Path) -> None:
    archive = open_archive(write_jsonl(tmp_path / "a.jsonl"))
    partitions = list(archive.partitions(50))
    found = [s.story_id for p in partitions for s in archive.stories(p)]
    assert sorted(found) == sorted(STORIES)
    assert [v.number for v in archive.story("101").versions] == [1, 2, 3]


def test_the_bucket_of_an_id_is_the_same_in_every_process() -> None:
    # workers are separate processes: Python's hash() of a string differs between them
    code = (
        "from comparer.batch.jsonl_archive import bucket_of as b; "
        "print([b(str(n), 7) for n in range(40)])"
    )
    here = str([bucket_of(str(n), 7) for n in range(40)])
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert out.stdout.strip() == here


def test_a_line_that_is_not_json_is_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"story": "x", "version": 1, "text": "One."})
    path.write_text(good + "\n{not json\n" + json.dumps({"story": "x", "text": 5}) + "\n")
    archive = open_archive(path)
    stories = [s for p in archive.partitions(50) for s in archive.stories(p)]
    errors = sorted((s.story_id, s.error) for s in stories)
    assert errors == [("(line 2)", "line 2 is not valid JSON"), ("x", "line 3: has no 'text'")]

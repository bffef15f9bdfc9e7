"""Partitions as every archive form makes them: what the results folder and workers rely on."""

from __future__ import annotations

import pickle
from pathlib import Path

from comparer.batch.archive import open_archive
from tests.batch.archives import STORIES


def test_partitions_are_numbered_from_0_with_distinct_keys(any_archive: Path) -> None:
    # the index names the part files and the key decides whether a rerun skips one
    partitions = list(open_archive(any_archive).partitions(2))
    assert [p.index for p in partitions] == list(range(len(partitions)))
    assert len({p.key for p in partitions}) == len(partitions)
    assert list(open_archive(any_archive).partitions(2)) == partitions  # stable


def test_a_partition_reaches_a_worker_intact_and_gives_its_stories(any_archive: Path) -> None:
    archive = open_archive(any_archive)
    seen = []
    for partition in archive.partitions(3):
        copy = pickle.loads(pickle.dumps(partition))
        assert copy == partition and hash(copy) == hash(partition)
        stories = [s.story_id for s in pickle.loads(pickle.dumps(archive)).stories(copy)]
        assert partition.stories in (None, len(stories))
        seen += stories
    assert sorted(seen) == sorted(STORIES)

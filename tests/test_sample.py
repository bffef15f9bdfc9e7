"""The bundled sample: three versions of one story, oldest first."""

from __future__ import annotations

from comparer.formats import load_path
from comparer.sample import sample_paths


def test_the_sample_is_three_versions_in_time_order() -> None:
    paths = sample_paths()
    assert len(paths) == 3
    dates = [load_path(str(p)).date for p in paths]
    assert all(dates) and dates == sorted(dates)

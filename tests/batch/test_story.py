"""A story's versions as an archive holds them: their dates read, their order decided."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from comparer.batch.story import ArchiveVersion, iso_date, order_versions, parse_date
from comparer.batch.text_version import text_version


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-01T06:45:00Z", datetime(2021, 3, 1, 6, 45, tzinfo=UTC)),
        ("2021-03-01T06:45:00+02:00", datetime(2021, 3, 1, 4, 45, tzinfo=UTC)),
        ("2021-03-01 06:45:00", datetime(2021, 3, 1, 6, 45, tzinfo=UTC)),  # naive: UTC
        ("2021-03-01", datetime(2021, 3, 1, tzinfo=UTC)),
        (" 1614581100 ", datetime(2021, 3, 1, 6, 45, tzinfo=UTC)),  # seconds since the epoch
        ("1614581100.5", datetime(2021, 3, 1, 6, 45, 0, 500_000, tzinfo=UTC)),
        ("yesterday", None),
        ("1e400", None),
        ("", None),
        (None, None),
    ],
)
def test_archive_dates_are_read_as_utc(text: str | None, expected: datetime | None) -> None:
    when = parse_date(text)
    assert when == expected
    if when is not None:
        assert when.utcoffset() == timedelta(0) and when.tzinfo is not None


def test_a_date_is_written_as_iso_when_it_can_be_read_else_as_the_archive_wrote_it() -> None:
    assert iso_date("2021-03-01T08:45:00+02:00") == "2021-03-01T06:45:00+00:00"
    assert iso_date(" early March ") == "early March"
    assert iso_date("   ") is None and iso_date(None) is None


@pytest.mark.parametrize(
    ("numbers", "dates", "expected"),
    [
        ((3, 1, 2), (None, None, None), ["b", "c", "a"]),
        ((None, None, None), ("2020-01-03", "2020-01-01", "2020-01-02"), ["b", "c", "a"]),
        ((2, None, 1), ("2020-01-01", "2020-01-03", "2020-01-02"), ["a", "c", "b"]),
        ((None, None, None), (None, "2020-01-01", None), ["a", "b", "c"]),
        # dates in other zones are compared as moments, not as text
        ((None, None), ("2020-01-01T10:00:00+05:00", "2020-01-01T09:00:00Z"), ["a", "b"]),
        # equal numbers keep the archive's order
        ((1, 1, 0), (None, None, None), ["c", "a", "b"]),
    ],
)
def test_versions_go_by_number_else_date_else_archive_order(
    numbers: tuple[int | None, ...], dates: tuple[str | None, ...], expected: list[str]
) -> None:
    versions = [
        ArchiveVersion(text_version(f"Text {name}.", name), number, date, name)
        for name, number, date in zip("abc", numbers, dates, strict=False)
    ]
    assert [v.name for v in order_versions(versions)] == expected


def test_no_versions_is_no_versions() -> None:
    assert order_versions([]) == ()

"""A story as read from an archive: its id and its versions, in version order.

Ordering rule (the same for every archive form): by the archive's own version number
when every version has one; else by date when every version has a date that can be read;
else in the order the archive lists them (file names in natural order for a folder).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from comparer.core.model import Version


@dataclass(frozen=True)
class ArchiveVersion:
    """One version of a story as the archive holds it.

    Attributes:
        version: the loaded text.
        number: the archive's version number, if it has one.
        date: when the version was seen, as the archive writes it (ISO 8601 if it can be read).
        name: the file name (folder archives), else "".
    """

    version: Version
    number: int | None = None
    date: str | None = None
    name: str = ""


@dataclass(frozen=True)
class Story:
    """A story's versions in order, or the reason they could not be read."""

    story_id: str
    versions: tuple[ArchiveVersion, ...] = ()
    error: str | None = None


def parse_date(text: str | None) -> datetime | None:
    """``text`` read as an ISO 8601 date and time (naive times are taken as UTC), or None."""
    if not text:
        return None
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            when = datetime.fromtimestamp(float(value), UTC)  # seconds since the epoch
        except (ValueError, OverflowError, OSError):
            return None
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def iso_date(text: str | None) -> str | None:
    """The archive's date as ISO 8601 when it can be read, else as written (None if empty)."""
    if text is None or not str(text).strip():
        return None
    when = parse_date(str(text))
    return when.isoformat() if when else str(text).strip()


def order_versions(versions: list[ArchiveVersion]) -> tuple[ArchiveVersion, ...]:
    """``versions`` in version order (see the module docstring); ties keep archive order."""
    if versions and all(v.number is not None for v in versions):
        return tuple(sorted(versions, key=lambda v: v.number or 0))
    dates = [parse_date(v.date) for v in versions]
    if versions and all(d is not None for d in dates):
        order = sorted(range(len(versions)), key=lambda k: dates[k] or datetime.min)
        return tuple(versions[k] for k in order)
    return tuple(versions)

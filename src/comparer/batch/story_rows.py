"""One story compared: a row for the story and one for each consecutive pair of versions.

The comparison is the window's own (``comparer.core.compare.compare``: alignment, word
changes, numbers, quotes and speakers), run once per story; the headline, which the
engine does not compare, is compared here as a one-paragraph text with the same pair
comparison, so a figure changed in a headline is listed with its movement too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from comparer.batch.story import Story, parse_date
from comparer.core.compare import compare, compare_pair
from comparer.core.model import NumberChange, Paragraph, Speaker, Version
from comparer.core.speakers import DROPPED, NEW, REATTRIBUTED, list_speakers

Row = dict[str, Any]


def story_rows(story: Story, with_quotes: bool = True) -> tuple[Row, list[Row]]:
    """The story's row and its pairs' rows (none when the story could not be read).

    Args:
        story: the story, versions in order.
        with_quotes: find quotes and speakers (the speaker columns stay empty without).
    """
    versions = [v.version for v in story.versions]
    if story.error is not None or not versions:
        return _story_row(story, [], (), error=story.error or "has no versions"), []
    comparison = compare(versions, with_quotes=with_quotes, parallel=False)
    quotes = comparison.quotes if with_quotes else tuple(() for _ in versions)
    dates = [parse_date(v.date) for v in story.versions]
    first = dates[0]
    pairs: list[Row] = []
    for k, pair in enumerate(comparison.pairs):
        old, new = story.versions[k], story.versions[k + 1]
        summary = pair.summary
        speakers = list_speakers([quotes[k], quotes[k + 1]]) if with_quotes else ()
        old_title, new_title = old.version.title, new.version.title
        headline_numbers = _headline_numbers(old_title, new_title)
        pairs.append(
            {
                "story_id": story.story_id,
                "pair": k,
                "from_version": _number(story, k),
                "to_version": _number(story, k + 1),
                "from_name": old.name or None,
                "to_name": new.name or None,
                "from_date": old.date,
                "to_date": new.date,
                "minutes_since_first": _minutes(first, dates[k + 1]),
                "minutes_since_previous": _minutes(dates[k], dates[k + 1]),
                "differs": pair.differs,
                "paragraphs_added": summary.paragraphs_added,
                "paragraphs_removed": summary.paragraphs_deleted,
                "paragraphs_changed": summary.paragraphs_changed,
                "paragraphs_moved": summary.paragraphs_moved,
                "typographic_only": summary.typographic_only,
                "numbers_changed": len(pair.numbers),
                "numbers": [_number_row(n) for n in pair.numbers],
                "speakers_new": _badged(speakers, NEW),
                "speakers_dropped": _badged(speakers, DROPPED),
                "speakers_reattributed": _badged(speakers, REATTRIBUTED),
                "from_headline": old_title,
                "to_headline": new_title,
                "headline_changed": _headline(old_title) != _headline(new_title),
                "headline_numbers": headline_numbers,
            }
        )
    speakers = comparison.speakers if with_quotes else ()
    return _story_row(story, pairs, speakers), pairs


def _story_row(
    story: Story, pairs: Sequence[Row], speakers: Sequence[Speaker], error: str | None = None
) -> Row:
    dates = [parse_date(v.date) for v in story.versions]
    total = {
        name: sum(int(p[name]) for p in pairs)
        for name in (
            "paragraphs_added",
            "paragraphs_removed",
            "paragraphs_changed",
            "paragraphs_moved",
            "numbers_changed",
        )
    }
    count = len(story.versions)
    return {
        "story_id": story.story_id,
        "versions": count,
        "pairs": len(pairs),
        "first_version": _number(story, 0) if count else None,
        "last_version": _number(story, count - 1) if count else None,
        "first_date": story.versions[0].date if count else None,
        "last_date": story.versions[-1].date if count else None,
        "minutes_first_to_last": _minutes(dates[0], dates[-1]) if count else None,
        "pairs_differing": sum(1 for p in pairs if p["differs"]),
        **total,
        "headline_changes": sum(1 for p in pairs if p["headline_changed"]),
        "speakers_new": _badged(speakers, NEW),
        "speakers_dropped": _badged(speakers, DROPPED),
        "speakers_reattributed": _badged(speakers, REATTRIBUTED),
        "first_headline": story.versions[0].version.title if count else None,
        "last_headline": story.versions[-1].version.title if count else None,
        "error": error,
    }


def _number(story: Story, k: int) -> int:
    """The archive's version number, or the version's place in order (1-based)."""
    number = story.versions[k].number
    return number if number is not None else k + 1


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60.0, 3)


def _badged(speakers: Sequence[Speaker], badge: str) -> list[str]:
    return [s.name for s in speakers if badge in s.badges]


def _number_row(change: NumberChange) -> Row:
    delta = (
        change.to_value - change.from_value
        if change.from_value is not None and change.to_value is not None
        else None
    )
    return {
        "from": change.from_text,
        "to": change.to_text,
        "from_value": change.from_value,
        "to_value": change.to_value,
        "delta": delta,
        "delta_label": change.delta_label,
        "unit": change.unit,
    }


def _headline(title: str | None) -> str:
    return " ".join((title or "").split())


def _headline_numbers(old: str | None, new: str | None) -> list[Row]:
    a, b = _headline(old), _headline(new)
    if not a or not b or a == b:
        return []
    pair = compare_pair(_line_version(a), _line_version(b))
    return [_number_row(n) for n in pair.numbers]


def _line_version(text: str) -> Version:
    return Version(text=text, paragraphs=(Paragraph(0, len(text)),), path="headline")

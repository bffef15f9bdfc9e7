"""The result of comparing N versions: what the window, the command line and exports read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from enum import StrEnum

from comparer.core.numbers import SUFFIX_SCALES
from comparer.core.quotes import Quote
from comparer.core.speakers import Speaker
from comparer.core.version import Version


class AlignKind(StrEnum):
    """How paragraphs of the older version correspond to those of the newer."""

    EQUAL = "equal"
    CHANGED = "changed"
    MOVED = "moved"
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"
    IGNORED = "ignored"

    @property
    def label(self) -> str:
        """What a reader calls this kind of row ("removed", "not article text", …)."""
        return _ALIGN_LABELS[self]


_ALIGN_LABELS = {
    AlignKind.EQUAL: "unchanged",
    AlignKind.CHANGED: "changed",
    AlignKind.MOVED: "moved",
    AlignKind.ADDED: "added",
    AlignKind.DELETED: "removed",
    AlignKind.SPLIT: "split",
    AlignKind.MERGED: "merged",
    AlignKind.IGNORED: "not article text",
}


class ChangeKind(StrEnum):
    """What a word-level change does."""

    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


class Category(StrEnum):
    """Why a change matters (see docs/json-format in shared design)."""

    TEXT = "text"
    NUMERIC = "numeric"
    TYPOGRAPHIC = "typographic"


@dataclass(frozen=True, slots=True)
class AlignmentEntry:
    """One row of the alignment: paragraph indices on each side."""

    kind: AlignKind
    from_: tuple[int, ...]
    to: tuple[int, ...]
    similarity: float


@dataclass(frozen=True, slots=True)
class Change:
    """A word-level change; offsets index the two versions' texts.

    ``entry`` is the index of the alignment entry the change belongs to.
    """

    kind: ChangeKind
    category: Category
    from_start: int
    from_end: int
    to_start: int
    to_end: int
    from_text: str
    to_text: str
    entry: int


@dataclass(frozen=True, slots=True)
class NumberChange:
    """A number replaced by one of another value, as written on each side."""

    from_text: str
    to_text: str
    from_start: int
    to_start: int
    from_value: float | None = None
    to_value: float | None = None
    change: int = -1  # index of the Change it is part of
    unit: str = ""  # the kind of quantity, as ``numbers.Number.unit``: "", "%", "date", …

    @property
    def delta_label(self) -> str:
        """How the value moved, as a reader would say it, or "" when it cannot be said.

        ``+8, +20%`` for counts and sums (the share left out when it rounds to 0%: a year
        moving on reads ``+1``), in the sum's own currency and scale: ``$4m → $4.5m`` moved
        ``+$0.5m, +12%``; ``+0.5 points`` for percentages (the relative
        change of a rate misleads); ``+2 days`` for dates; ``+1 h 30 min`` for times of day;
        ``+1`` for ordinals.
        """
        if self.from_value is None or self.to_value is None:
            return ""
        delta = self.to_value - self.from_value
        if self.unit == "%":
            return f"{delta:+,.10g} points"
        if self.unit == "date":
            return _days(round(delta))
        if self.unit == "monthday":
            return _days(_month_day(self.to_value) - _month_day(self.from_value))
        if self.unit == "time":
            return _minutes(round(delta))
        if self.unit == "ordinal":
            return f"{delta:+,.10g}"
        if self.unit == "fraction":
            text = f"{delta:+.2f}"
        else:
            text = _in_own_terms(delta, self.from_text, self.to_text, self.unit)
        if self.from_value:
            share = f"{delta / abs(self.from_value):+.0%}"
            if share not in ("+0%", "-0%"):  # a year (2023 → 2024) did not grow "+0%"
                text += f", {share}"
        return text


# a figure as written: what stands before its digits (a currency sign), and the scale
# word after them ("$4.5m", "€3 billion", "40m")
_WRITTEN = re.compile(
    r"(?P<before>[^\d]*)[\d.,\u00a0 ]*\d(?P<scale>[ \u00a0]?(?:"
    + "|".join(sorted(SUFFIX_SCALES, key=len, reverse=True))
    + r"))?\.?",
    re.IGNORECASE,
)


def _in_own_terms(delta: float, from_text: str, to_text: str, unit: str) -> str:
    """``delta`` written as the figures are: with their currency sign and scale word.

    ``$4m → $4.5m`` moved ``+$0.5m`` (not ``+500,000``); ``£900m → £1.2bn`` moved
    ``+£0.3bn``, in the newer figure's scale; ``40m → 45m`` moved ``+5m``, whether the
    "m" means millions or metres. A plain count stays as it is: ``+8``.
    """
    new, old = _WRITTEN.fullmatch(to_text.strip()), _WRITTEN.fullmatch(from_text.strip())
    scale_word = (new and new.group("scale")) or (old and old.group("scale")) or ""
    scale = SUFFIX_SCALES[scale_word.strip(" \u00a0").lower()] if scale_word else 1.0
    before = ""
    if unit not in ("", "%") and new is not None and unit in new.group("before"):
        before = new.group("before").strip(" \u00a0")  # "$", "US$", "£", "USD"
        if before[-1:].isalpha():
            before += " "  # "+USD 0.5m"
    sign = "-" if delta < 0 else "+"
    return f"{sign}{before}{abs(delta) / scale:,.10g}{scale_word}"


def _days(days: int) -> str:
    return f"{days:+,} day" + ("" if abs(days) == 1 else "s")


def _month_day(value: float) -> int:
    """Day of a leap year for a month-and-day value written as ``month * 100 + day``."""
    month, day = divmod(int(value), 100)
    return _date(2000, month, day).toordinal()


def _minutes(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        return f"{sign}{hours} h {rest} min"
    return f"{sign}{hours} h" if hours else f"{sign}{rest} min"


@dataclass(frozen=True, slots=True)
class SentenceMove:
    """A sentence removed at ``[from_start, from_end)`` and added at ``[to_start, to_end)``.

    Offsets index the two versions' texts; ``similarity`` is 1.0 for a sentence moved as
    it was, less for one moved and edited.
    """

    from_start: int
    from_end: int
    to_start: int
    to_end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts a reader sees first."""

    paragraphs_added: int = 0
    paragraphs_deleted: int = 0
    paragraphs_changed: int = 0
    paragraphs_moved: int = 0
    numbers_changed: int = 0
    typographic_only: int = 0

    @property
    def has_differences(self) -> bool:
        """Whether anything at all differs."""
        return any(
            (
                self.paragraphs_added,
                self.paragraphs_deleted,
                self.paragraphs_changed,
                self.paragraphs_moved,
                self.numbers_changed,
                self.typographic_only,
            )
        )


@dataclass(frozen=True)
class PairComparison:
    """The comparison of two consecutive versions, ``from_index`` → ``to_index``."""

    from_index: int
    to_index: int
    alignment: tuple[AlignmentEntry, ...]
    changes: tuple[Change, ...]
    numbers: tuple[NumberChange, ...]
    summary: Summary
    moves: tuple[SentenceMove, ...] = ()  # sentences taken out in one place, put in another

    @property
    def differs(self) -> bool:
        """Whether the two versions differ in any way the comparison reports."""
        return bool(self.changes) or any(e.kind is AlignKind.MOVED for e in self.alignment)


@dataclass(frozen=True)
class CompareOptions:
    """Choices that change what counts as a change."""

    ignore_case: bool = False
    ignore_whitespace: bool = False  # whitespace-only changes are dropped, not just marked


@dataclass(frozen=True)
class Comparison:
    """N versions, the comparison of each consecutive pair, and who is quoted."""

    versions: tuple[Version, ...]
    pairs: tuple[PairComparison, ...]
    quotes: tuple[tuple[Quote, ...], ...] = ()
    speakers: tuple[Speaker, ...] = ()
    options: CompareOptions = field(default_factory=CompareOptions)

    @property
    def differs(self) -> bool:
        """Whether any pair differs."""
        return any(pair.differs for pair in self.pairs)

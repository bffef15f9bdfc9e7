"""Split each alignment entry of a pair into marked pieces of text, for reports to draw."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from comparer.core.model import (
    AlignKind,
    AlignmentEntry,
    Category,
    Change,
    NumberChange,
    PairComparison,
    Version,
)


class Mark(StrEnum):
    """How a piece of text is drawn; the values double as CSS class names."""

    PLAIN = "plain"
    DELETED = "del"
    INSERTED = "ins"
    NUMBER_OLD = "num-old"
    NUMBER_NEW = "num-new"
    TYPO_OLD = "typo-old"
    TYPO_NEW = "typo-new"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with one mark.

    Attributes:
        text: the text as it stands in the version.
        mark: how to draw it.
        note: for a changed number, its delta ("▲ +8, +20%"); for a typographic change
            drawn on the newer side only, the older form ("was: ...").
    """

    text: str
    mark: Mark = Mark.PLAIN
    note: str = ""


@dataclass(frozen=True, slots=True)
class EntryView:
    """One alignment entry ready to draw: both sides and the merged (inline) text.

    Attributes:
        index: the entry's index in the pair's alignment.
        entry: the entry itself.
        old: pieces of the older version's paragraphs (empty when it has none).
        new: pieces of the newer version's paragraphs (empty when it has none).
        inline: the entry as one text, deletions before insertions.
        label: a short description such as "changed", "moved from ¶11", "removed".
        typographic_only: every change in the entry is typographic.
    """

    index: int
    entry: AlignmentEntry
    old: tuple[Piece, ...]
    new: tuple[Piece, ...]
    inline: tuple[Piece, ...]
    label: str
    typographic_only: bool


def paragraph_numbers(indices: Sequence[int]) -> str:
    """``¶3`` or ``¶3+4`` for paragraph indices (counted from 1), "" for none."""
    return "¶" + "+".join(str(i + 1) for i in indices) if indices else ""


def delta_note(number: NumberChange) -> str:
    """A changed number's delta with an arrow: ``▲ +8, +20%``; "" when not numeric."""
    label = number.delta_label
    if not label:
        return ""
    return f"{number.arrow} {label}" if number.arrow else label


def entry_views(old: Version, new: Version, pair: PairComparison) -> list[EntryView]:
    """Every alignment entry of ``pair`` as pieces, in the newer version's reading order."""
    by_entry: dict[int, list[tuple[int, Change]]] = defaultdict(list)
    for index, change in enumerate(pair.changes):
        by_entry[change.entry].append((index, change))
    numbers = {n.change: n for n in pair.numbers if n.change >= 0}
    return [
        _entry_view(old, new, index, entry, by_entry.get(index, []), numbers)
        for index, entry in enumerate(pair.alignment)
    ]


def _entry_view(
    old: Version,
    new: Version,
    index: int,
    entry: AlignmentEntry,
    changes: list[tuple[int, Change]],
    numbers: dict[int, NumberChange],
) -> EntryView:
    old_ranges = _ranges(old, entry.from_)
    new_ranges = _ranges(new, entry.to)
    kind = entry.kind
    typographic_only = bool(changes) and all(c.category is Category.TYPOGRAPHIC for _, c in changes)
    if kind in (AlignKind.EQUAL, AlignKind.IGNORED):
        old_pieces = _plain(old, old_ranges)
        new_pieces = _plain(new, new_ranges)
        inline = new_pieces or old_pieces
    elif kind is AlignKind.DELETED:
        old_pieces = _whole(old, old_ranges, Mark.DELETED)
        new_pieces = ()
        inline = old_pieces
    elif kind is AlignKind.ADDED:
        old_pieces = ()
        new_pieces = _whole(new, new_ranges, Mark.INSERTED)
        inline = new_pieces
    else:
        old_pieces = _side(old, old_ranges, changes, numbers, newer=False)
        new_pieces = _side(new, new_ranges, changes, numbers, newer=True)
        inline = _inline(new, new_ranges, changes, numbers) if new_ranges else old_pieces
    label = kind.label
    if kind is AlignKind.MOVED and entry.from_:
        label = f"moved from {paragraph_numbers(entry.from_)}"
    if typographic_only and kind is not AlignKind.EQUAL:
        label += " (typography only)"
    return EntryView(index, entry, old_pieces, new_pieces, inline, label, typographic_only)


def _ranges(version: Version, indices: Sequence[int]) -> list[tuple[int, int]]:
    """Spans of the paragraphs, joined where only whitespace separates them."""
    spans = sorted(
        (version.paragraphs[i].start, version.paragraphs[i].end)
        for i in indices
        if 0 <= i < len(version.paragraphs)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not version.text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _joined(pieces: Iterable[list[Piece]]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for group in pieces:
        if out and group:
            out.append(Piece("\n\n"))
        out.extend(group)
    return tuple(_coalesce(out))


def _coalesce(pieces: Iterable[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].mark is piece.mark and not out[-1].note and not piece.note:
            out[-1] = Piece(out[-1].text + piece.text, piece.mark)
        else:
            out.append(piece)
    return out


def _plain(version: Version, ranges: list[tuple[int, int]]) -> tuple[Piece, ...]:
    return _joined([Piece(version.text[s:e])] for s, e in ranges)


def _whole(version: Version, ranges: list[tuple[int, int]], mark: Mark) -> tuple[Piece, ...]:
    return _joined([Piece(version.text[s:e], mark)] for s, e in ranges)


def _marks(change: Change, newer: bool) -> Mark:
    if change.category is Category.NUMERIC:
        return Mark.NUMBER_NEW if newer else Mark.NUMBER_OLD
    if change.category is Category.TYPOGRAPHIC:
        return Mark.TYPO_NEW if newer else Mark.TYPO_OLD
    return Mark.INSERTED if newer else Mark.DELETED


def _note(index: int, change: Change, numbers: dict[int, NumberChange], newer: bool) -> str:
    if newer and change.category is Category.NUMERIC and index in numbers:
        return delta_note(numbers[index])
    return ""


def _side(
    version: Version,
    ranges: list[tuple[int, int]],
    changes: list[tuple[int, Change]],
    numbers: dict[int, NumberChange],
    newer: bool,
) -> tuple[Piece, ...]:
    def span(change: Change) -> tuple[int, int]:
        return (change.to_start, change.to_end) if newer else (change.from_start, change.from_end)

    ordered = sorted(changes, key=lambda item: span(item[1]))
    groups: list[list[Piece]] = []
    for start, end in ranges:
        pieces: list[Piece] = []
        pos = start
        for index, change in ordered:
            c_start, c_end = span(change)
            c_start, c_end = max(c_start, pos), min(c_end, end)
            if c_start >= c_end:
                continue
            pieces.append(Piece(version.text[pos:c_start]))
            pieces.append(
                Piece(
                    version.text[c_start:c_end],
                    _marks(change, newer),
                    _note(index, change, numbers, newer),
                )
            )
            pos = c_end
        pieces.append(Piece(version.text[pos:end]))
        groups.append(pieces)
    return _joined(groups)


def _inline(
    version: Version,
    ranges: list[tuple[int, int]],
    changes: list[tuple[int, Change]],
    numbers: dict[int, NumberChange],
) -> tuple[Piece, ...]:
    ordered = sorted(changes, key=lambda item: (item[1].to_start, item[1].from_start))
    pending = list(ordered)
    groups: list[list[Piece]] = []
    for number, (start, end) in enumerate(ranges):
        last = number == len(ranges) - 1
        pieces: list[Piece] = []
        pos = start
        while pending and (pending[0][1].to_start <= end or last):
            index, change = pending.pop(0)
            at = min(max(change.to_start, pos), end)
            pieces.append(Piece(version.text[pos:at]))
            if change.category is Category.TYPOGRAPHIC:
                stop = min(max(change.to_end, at), end)
                pieces.append(
                    Piece(version.text[at:stop], Mark.TYPO_NEW, f"was: {change.from_text}")
                )
                pos = stop
                continue
            if change.from_text:
                pieces.append(Piece(change.from_text, _marks(change, newer=False)))
            stop = min(max(change.to_end, at), end)
            if stop > at:
                pieces.append(
                    Piece(
                        version.text[at:stop],
                        _marks(change, newer=True),
                        _note(index, change, numbers, newer=True),
                    )
                )
            pos = stop
        pieces.append(Piece(version.text[pos:end]))
        groups.append(pieces)
    return _joined(groups)


# A sentence ends at . ! ? or … (with closing quotes or brackets) followed by space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_WORD = re.compile(r"\S+")


def context(text: str, start: int, end: int, bounds: tuple[int, int], max_words: int = 20) -> str:
    """The sentence around ``text[start:end]``, cut to ``max_words`` words on each side.

    Args:
        text: the version's text.
        start: where the change begins.
        end: where it ends (``start`` for a point).
        bounds: the paragraph's span; the context never leaves it.
        max_words: words kept before and after the change; "…" marks a cut.

    Returns:
        The excerpt on one line, "…" where it was cut inside a sentence.
    """
    lo, hi = bounds
    start, end = max(lo, min(start, hi)), max(lo, min(max(end, start), hi))
    sentence_start = lo
    for match in _SENTENCE_END.finditer(text, lo, start):
        sentence_start = match.end()
    tail = _SENTENCE_END.search(text, end, hi)
    # The sentence keeps its full stop and any closing quote, not the space after them.
    sentence_end = tail.start() + len(tail.group().rstrip()) if tail else hi
    before_words = list(_WORD.finditer(text, sentence_start, start))
    after_words = list(_WORD.finditer(text, end, sentence_end))
    lead = ""
    if len(before_words) > max_words:
        sentence_start = before_words[-max_words].start()
        lead = "…"
    trail = ""
    if len(after_words) > max_words:
        sentence_end = after_words[max_words - 1].end()
        trail = "…"
    excerpt = " ".join(text[sentence_start:sentence_end].split())
    return f"{lead}{excerpt}{trail}"

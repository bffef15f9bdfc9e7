"""Figures added or removed by a pair's changes: the numeric changes that replace no number.

The JSON format's ``numeric`` category covers a number whose value changed (listed in
``numbers``) and a number added or removed (listed nowhere). A reader needs the two told
apart: "40 → 48" is a figure corrected, "and 200 were injured" a figure that is new. This
module names the figures of the second kind, once, so that the window's marks, its list of
changes, the status bar and the text output count the same ones.

A figure inside a sentence that moved, with the same value at both places, moved with it:
it is neither added nor removed; one whose value changed as it moved is listed in
``numbers`` (a number changed, with the moved sentence's index), and is not either. Nor
are the figures of a paragraph added or removed whole: the paragraph is reported as added
or removed, and listing each of its figures ("two countries", "in 1985") as a number of
its own would bury the figures that changed inside paragraphs both versions hold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from comparer.core.model import AlignKind, Category, PairComparison, SentenceMove
from comparer.core.numbers.reading import Number, uses_decimal_comma
from comparer.core.word_diff import numbers_near


@dataclass(frozen=True, slots=True)
class FigureEdit:
    """A figure added in the newer version or removed from the older one.

    Attributes:
        added: True for a figure added (offsets index the newer version's text), False
            for one removed (offsets index the older version's text).
        text: the figure as written ("200", "$4.5m", "three").
        start: where it starts, clipped to its change.
        end: where it ends, clipped to its change.
        change: the index of the change it is part of, in the pair's changes.
        move: the index of the moved sentence it lies in, in the pair's moves, or -1.
    """

    added: bool
    text: str
    start: int
    end: int
    change: int
    move: int = -1


def figure_edits(pair: PairComparison, old_text: str, new_text: str) -> list[FigureEdit]:
    """The figures the pair's numeric changes add or remove, in the order of the changes.

    A numeric change's figures are those it overlaps, read in context as the engine reads
    them. Those listed in ``pair.numbers`` (a value replaced, an approximate quantity
    reworded) are not added or removed; nor is a figure that faces one of the same value
    on the other side of the change or of another change in the same paragraph, nor one
    that moved with its sentence unchanged. A bare "one" with no figure facing it reads as
    a determiner, as the engine reads it.

    Args:
        pair: the compared pair.
        old_text: the older version's text.
        new_text: the newer version's text.
    """
    if not any(c.category is Category.NUMERIC for c in pair.changes):
        return []
    comma_old, comma_new = uses_decimal_comma(old_text), uses_decimal_comma(new_text)
    # a number listed is known by where it starts: one changed as its sentence moved
    # starts in one change on the older side and in another on the newer
    listed_old = {n.from_start for n in pair.numbers}
    listed_new = {n.to_start for n in pair.numbers}
    approximate = {n.change for n in pair.numbers if n.unit == "approximate" and n.move < 0}
    # an approximate quantity reworded in a moved sentence covers its figures ("Over 400")
    vague_old = [
        (n.from_start, n.from_start + len(n.from_text))
        for n in pair.numbers
        if n.unit == "approximate" and n.move >= 0
    ]
    vague_new = [
        (n.to_start, n.to_start + len(n.to_text))
        for n in pair.numbers
        if n.unit == "approximate" and n.move >= 0
    ]
    for a, b in vague_old:
        listed_old.update(range(a, b))
    for a, b in vague_new:
        listed_new.update(range(a, b))
    moved_figures = _moved_figures(pair.moves, old_text, new_text, comma_old, comma_new)
    found: list[tuple[int, list[Number], list[Number]]] = []  # change, gone, come
    whole = {AlignKind.ADDED, AlignKind.DELETED}
    for index, change in enumerate(pair.changes):
        if change.category is not Category.NUMERIC or index in approximate:
            continue
        if pair.alignment[change.entry].kind in whole:
            continue  # a paragraph added or removed whole is reported as such
        gone = [
            n
            for n in numbers_near(old_text, change.from_start, change.from_end, comma_old)
            if n.start not in listed_old and (False, n.start) not in moved_figures
        ]
        come = [
            n
            for n in numbers_near(new_text, change.to_start, change.to_end, comma_new)
            if n.start not in listed_new and (True, n.start) not in moved_figures
        ]
        gone, come = _unmatched(gone, come)
        if not (gone and come) and _only_ones(gone + come):
            continue
        found.append((index, gone, come))
    _cancel_within_paragraphs(pair, found)
    out: list[FigureEdit] = []
    for index, gone, come in found:
        change = pair.changes[index]
        for x in gone:
            start, end = max(x.start, change.from_start), min(x.end, change.from_end)
            out.append(FigureEdit(False, x.text, start, end, index, _move_at(pair, False, start)))
        for y in come:
            start, end = max(y.start, change.to_start), min(y.end, change.to_end)
            out.append(FigureEdit(True, y.text, start, end, index, _move_at(pair, True, start)))
    return out


def _cancel_within_paragraphs(
    pair: PairComparison, found: list[tuple[int, list[Number], list[Number]]]
) -> None:
    """Drop a figure removed by one change and put back by another in the same paragraph.

    "Owen Pryce said 203 people had been taken off" removed, ", and 203 people had been
    taken off" added: the paragraph still says 203, only elsewhere in it.
    """
    by_entry: dict[int, list[tuple[int, list[Number], list[Number]]]] = defaultdict(list)
    for item in found:
        by_entry[pair.changes[item[0]].entry].append(item)
    for items in by_entry.values():
        if len(items) < 2:
            continue
        for _i, gone, _c in items:
            for x in list(gone):
                for _j, _g, come in items:
                    twin = next((y for y in come if y.same_as(x)), None)
                    if twin is not None:
                        gone.remove(x)
                        come.remove(twin)
                        break


def _unmatched(gone: list[Number], come: list[Number]) -> tuple[list[Number], list[Number]]:
    """The figures of each side with no figure of the same value on the other side."""
    left = list(come)
    kept: list[Number] = []
    for n in gone:
        twin = next((m for m in left if m.same_as(n)), None)
        if twin is None:
            kept.append(n)
        else:
            left.remove(twin)
    return kept, left


def _only_ones(numbers: list[Number]) -> bool:
    return bool(numbers) and all(n.text.lower() == "one" for n in numbers)


def _moved_figures(
    moves: tuple[SentenceMove, ...], old_text: str, new_text: str, comma_old: bool, comma_new: bool
) -> set[tuple[bool, int]]:
    """(added side, start) of every figure that moved with its sentence, value unchanged."""
    out: set[tuple[bool, int]] = set()
    for m in moves:
        gone = numbers_near(old_text, m.from_start, m.from_end, comma_old)
        come = numbers_near(new_text, m.to_start, m.to_end, comma_new)
        left = list(come)
        for n in gone:
            twin = next((x for x in left if x.same_as(n)), None)
            if twin is not None:
                left.remove(twin)
                out.add((False, n.start))
                out.add((True, twin.start))
    return out


def _move_at(pair: PairComparison, newer: bool, offset: int) -> int:
    for i, m in enumerate(pair.moves):
        start, end = (m.to_start, m.to_end) if newer else (m.from_start, m.from_end)
        if start <= offset < end:
            return i
    return -1

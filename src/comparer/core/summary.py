"""One line that sums up a pair of versions, for the window, the text output and the reports.

``3 changed · 1 added · 0 removed · 1 moved · 2 numbers changed · 0 typographic only``,
or "no differences". The window passes its translation function and asks for the first
changed numbers to be named: ``2 numbers changed (40 → 48, $4m → $4.5m)``. Sentences moved
and figures added or removed (``figure_edits``) are counted when there are any:
``… · 1 moved · 2 sentences moved · 1 number changed, 2 added, 1 removed · …``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from comparer.core.figure_edits import FigureEdit
from comparer.core.model import PairComparison


def _as_is(text: str) -> str:
    return text


def summary_line(
    pair: PairComparison,
    translate: Callable[[str], str] = _as_is,
    numbers_shown: int = 0,
    figures: Sequence[FigureEdit] = (),
) -> str:
    """The counts a reader sees first, as one line.

    Args:
        pair: the compared pair.
        translate: turns each English phrase into the reader's language (the window's
            ``tr``); phrases hold ``{0}`` where their count goes.
        numbers_shown: name this many changed numbers after their count ("no numbers
            changed" when there are none); 0 gives the count alone.
        figures: the pair's figures added and removed (``figure_edits``), counted after
            the numbers changed when there are any.

    Returns:
        The line; "no differences" when the pair does not differ.
    """
    if not pair.differs:
        return translate("no differences")
    s = pair.summary
    bits = [
        translate("{0} changed").format(s.paragraphs_changed),
        translate("{0} added").format(s.paragraphs_added),
        translate("{0} removed").format(s.paragraphs_deleted),
        translate("{0} moved").format(s.paragraphs_moved),
    ]
    if pair.moves:
        phrase = "{0} sentence moved" if len(pair.moves) == 1 else "{0} sentences moved"
        bits.append(translate(phrase).format(len(pair.moves)))
    count = s.numbers_changed
    if not numbers_shown:
        phrase = "{0} number changed" if count == 1 else "{0} numbers changed"
        bits.append(translate(phrase).format(count))
    elif count:
        shown = ", ".join(f"{n.from_text} → {n.to_text}" for n in pair.numbers[:numbers_shown])
        more = ", …" if len(pair.numbers) > numbers_shown else ""
        word = translate("number changed") if count == 1 else translate("numbers changed")
        bits.append(f"{count} {word} ({shown}{more})")
    else:
        bits.append(translate("no numbers changed"))
    added = sum(1 for f in figures if f.added)
    removed = len(figures) - added
    # numbers added or removed go with the numbers changed: "1 number changed, 2 added"
    if added:
        bits[-1] += ", " + translate("{0} added").format(added)
    if removed:
        bits[-1] += ", " + translate("{0} removed").format(removed)
    bits.append(translate("{0} typographic only").format(s.typographic_only))
    return " · ".join(bits)

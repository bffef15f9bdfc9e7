"""One line that sums up a pair of versions, for the window, the text output and the reports.

``3 changed · 1 added · 0 removed · 1 moved · 2 numbers changed · 0 typographic only``,
or "no differences". The window passes its translation function and asks for the first
changed numbers to be named: ``2 numbers changed (40 → 48, $4m → $4.5m)``.
"""

from __future__ import annotations

from collections.abc import Callable

from comparer.core.model import PairComparison


def _as_is(text: str) -> str:
    return text


def summary_line(
    pair: PairComparison, translate: Callable[[str], str] = _as_is, numbers_shown: int = 0
) -> str:
    """The counts a reader sees first, as one line.

    Args:
        pair: the compared pair.
        translate: turns each English phrase into the reader's language (the window's
            ``tr``); phrases hold ``{0}`` where their count goes.
        numbers_shown: name this many changed numbers after their count ("no numbers
            changed" when there are none); 0 gives the count alone.

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
    bits.append(translate("{0} typographic only").format(s.typographic_only))
    return " · ".join(bits)

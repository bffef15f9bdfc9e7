"""What a changed number did: its kind of quantity, how far it moved and which way.

Worked out once, when a pair is compared, and carried by each ``NumberChange``; the
window, the text output and the reports only read ``delta_label``, ``direction`` and
``describe()``.
"""

from __future__ import annotations

import re
from datetime import date as _date

from comparer.core.model import NumberChange
from comparer.core.numbers.lexicon import SUFFIX_SCALES
from comparer.core.numbers.reading import Number, Quantity


def number_changes(
    replaced: list[tuple[Number, Number]], a0: int, b0: int, change_index: int
) -> list[NumberChange]:
    """The changed numbers of one word change, each with its delta and direction.

    Args:
        replaced: pairs of numbers, older and newer, whose values differ (as
            ``word_diff.split_numeric`` pairs them).
        a0: where the change starts in the older version's text.
        b0: where it starts in the newer version's text.
        change_index: the index of the change in its pair's list of changes.

    Returns:
        One ``NumberChange`` per pair whose kinds of quantity agree (a count and a time are
        not one number changed); a fraction against a percentage is told in points.
    """
    out = []
    for x, y in replaced:
        from_value, to_value = x.value, y.value
        if x.unit == y.unit:
            unit = x.unit
        elif {x.unit, y.unit} <= {Quantity.COUNT, Quantity.ORDINAL}:
            unit = Quantity.COUNT
        elif x.is_share_of(y):
            # "half" → "60%": one share, told in percentage points
            unit = Quantity.PERCENT
            from_value, to_value = x.as_percent(), y.as_percent()
        else:
            continue
        out.append(
            NumberChange(
                x.text,
                y.text,
                a0 + x.start,
                b0 + y.start,
                from_value,
                to_value,
                change_index,
                unit,
                delta_label(x.text, y.text, from_value, to_value, unit),
                _direction(from_value, to_value),
            )
        )
    return out


def _direction(from_value: float | None, to_value: float | None) -> int:
    if from_value is None or to_value is None:
        return 0
    return (to_value > from_value) - (to_value < from_value)


def delta_label(
    from_text: str, to_text: str, from_value: float | None, to_value: float | None, unit: str
) -> str:
    """How the value moved, as a reader would say it, or "" when it cannot be said.

    ``+8, +20%`` for counts and sums (the share left out when it rounds to 0%: a year
    moving on reads ``+1``), in the sum's own currency and scale: ``$4m → $4.5m`` moved
    ``+$0.5m, +12%``; ``+0.5 points`` for percentages (the relative
    change of a rate misleads); ``+2 days`` for dates; ``+1 h 30 min`` for times of day;
    ``+1`` for ordinals.
    """
    if from_value is None or to_value is None:
        return ""
    delta = to_value - from_value
    if unit == Quantity.PERCENT:
        return f"{delta:+,.10g} points"
    if unit == Quantity.DATE:
        return _days(round(delta))
    if unit == Quantity.MONTHDAY:
        return _days(_month_day(to_value) - _month_day(from_value))
    if unit == Quantity.TIME:
        return _minutes(round(delta))
    if unit == Quantity.ORDINAL:
        return f"{delta:+,.10g}"
    if unit == Quantity.FRACTION:
        text = f"{delta:+.2f}"
    else:
        text = _in_own_terms(delta, from_text, to_text, unit)
    if from_value:
        share = f"{delta / abs(from_value):+.0%}"
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
    if (
        unit not in (Quantity.COUNT, Quantity.PERCENT)
        and new is not None
        and unit in new.group("before")
    ):
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

"""Approximate quantities: "hundreds", "dozens", "several", "over 400", "at least 12".

A reporter who writes "Over 400 people" in one version and "Hundreds of people" in the
next has changed a figure, but neither side has a value to subtract. Each such phrase is
read as a range of values ("hundreds": 200 to 999; "over 400": above 400), and a change
between two of them is told by how the ranges lie: ``≈`` when they overlap (no delta can
honestly be given), and a direction only ("higher", "lower") when they do not.

The phrases are a short hand-written table: no library reads vague English quantities.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from comparer.core.model import NumberChange
from comparer.core.numbers.reading import Quantity, find_numbers

INFINITY = math.inf

# words that stand for a range of counts; "tens of thousands" before "thousands". Only
# words that count in news prose: "a few", "a couple of", never "few" or "a couple" alone
# ("few survived" says there were not many; "a couple" may be two people). "several times"
# counts too, but text left alone is no change: only a change between such a word and a
# figure or another such word is a number change.
_VAGUE = {
    "a couple of": (2.0, 3.0),
    "a few": (2.0, 6.0),
    "several": (3.0, 9.0),
    "a handful": (3.0, 7.0),
    "handful": (3.0, 7.0),
    "a number of": (2.0, INFINITY),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "thousands": (2_000.0, 9_999.0),
    "millions": (2_000_000.0, 999_999_999.0),
}
_VAGUE_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_VAGUE, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# a figure with a word that bounds it, as factors of the figure: "over 400" is above
# 400, "nearly 50" a little under 50, "about 50" near it either way
_NOT_COUNTS = frozenset(
    {
        Quantity.DATE,
        Quantity.MONTHDAY,
        Quantity.TIME,
        Quantity.ORDINAL,
        Quantity.PERCENT,
        Quantity.FRACTION,
    }
)
_BOUNDS = {
    "over": (1.0, INFINITY),
    "more than": (1.0, INFINITY),
    "upwards of": (1.0, INFINITY),
    "at least": (1.0, INFINITY),
    "no fewer than": (1.0, INFINITY),
    "no less than": (1.0, INFINITY),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "some": (0.9, 1.1),
    "up to": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "at most": (0.0, 1.0),
}
_ABOVE = frozenset({"over", "more than", "upwards of"})
_BELOW = frozenset({"nearly", "almost", "fewer than", "less than", "under"})
_BOUND_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_BOUNDS, key=len, reverse=True)) + r")\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A quantity as written, and the range of values it stands for.

    ``exact`` quantities ("40") have ``low == high``; vague ones ("hundreds") and bounded
    ones ("over 400") a range, open where ``high`` is infinite.
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str = ""  # as ``Number.unit``: a ``Quantity`` or a currency sign

    @property
    def exact(self) -> bool:
        """Whether the quantity is one value."""
        return self.low == self.high


def find_estimates(text: str) -> list[Estimate]:
    """Vague and bounded quantities in ``text``, and the plain counts beside them, in order."""
    found: list[Estimate] = []
    for match in _VAGUE_WORDS.finditer(text):
        low, high = _VAGUE[match.group().lower()]
        start = match.start()
        found.append(Estimate(start, match.end(), match.group(), low, high))
    taken = [(q.start, q.end) for q in found]
    for number in find_numbers(text):
        if number.unit in _NOT_COUNTS:
            continue
        if any(a < number.end and number.start < b for a, b in taken):
            continue
        value = number.value
        bound = None
        for match in _BOUND_WORDS.finditer(text, max(0, number.start - 24), number.start):
            if match.end() == number.start:
                bound = match
        if bound is None:
            found.append(
                Estimate(number.start, number.end, number.text, value, value, number.unit)
            )
            continue
        word = " ".join(bound.group().lower().split())
        low_f, high_f = _BOUNDS[word]
        low = value * low_f
        high = value * high_f if high_f != INFINITY else INFINITY
        # "over 400" leaves 400 out, as "nearly 400" does: the ranges then do not meet
        if word in _ABOVE:
            low = math.nextafter(low, INFINITY)
        elif word in _BELOW:
            high = math.nextafter(high, -INFINITY)
        written = text[bound.start() : number.end]
        found.append(Estimate(bound.start(), number.end, written, low, high, number.unit))
    return sorted(found, key=lambda q: q.start)


def compare_estimates(a: Estimate, b: Estimate) -> tuple[str, int]:
    """How ``a`` became ``b``: a label and a direction (1 up, -1 down, 0 unknown).

    ``("≈", 0)`` when the ranges overlap; ``("≈, higher", 1)`` or ``("≈, lower", -1)``
    when they do not; never a made-up difference.
    """
    if a.high < b.low:
        return "\u2248, higher", 1
    if b.high < a.low:
        return "\u2248, lower", -1
    return "\u2248", 0


def approximate_change(old: str, new: str) -> tuple[Estimate, Estimate] | None:
    """The vague quantity that one side of a change has in place of a quantity on the other.

    Returns the two quantities when exactly one stands on each side and one of them is a
    vague word ("hundreds"), or both are bounded ("over 400" → "nearly 400"); figures
    otherwise change by their difference, as plain "40" → "48" or "about 300" → "450".
    """
    before, after = find_estimates(old), find_estimates(new)
    if len(before) != 1 or len(after) != 1:
        return None
    a, b = before[0], after[0]
    if (a.exact and b.exact) or a.unit != b.unit or (a.low, a.high) == (b.low, b.high):
        return None
    if not (_worded(a) or _worded(b) or (not a.exact and not b.exact)):
        # "about 300" → "450": a figure on both sides, moved by a figure's difference
        return None
    return a, b


def _worded(quantity: Estimate) -> bool:
    """Whether a quantity is a vague word ("hundreds"), with no figure in it."""
    return not quantity.exact and not any(c.isdigit() for c in quantity.text)


# a figure right after a change, the same on both sides: "over" → "nearly" before " 400"
_FOLLOWING = re.compile(r"[ \u00a0]+\d[\d,.]*")
# an article kept before a change, and what completes a vague phrase after it
_ARTICLE_BEFORE = re.compile(r"\b[Aa][ \u00a0]+\Z")
_PHRASE_REST = re.compile(r"(?:few|couple of|handful|number of)\b", re.IGNORECASE)


def approximate_in(
    old_text: str, new_text: str, old_span: tuple[int, int], new_span: tuple[int, int]
) -> tuple[Estimate, Estimate] | None:
    """The approximate quantities a change replaces, as offsets into the two texts.

    The change is read with the figure that follows it when that figure is the same on
    both sides ("over 400" → "nearly 400" changes only the first word).
    """
    (fs, fe), (ts, te) = old_span, new_span
    # "a few" → "a dozen" changes "few" alone: the article both keep belongs to the phrase
    before_old = _ARTICLE_BEFORE.search(old_text, max(0, fs - 4), fs)
    before_new = _ARTICLE_BEFORE.search(new_text, max(0, ts - 4), ts)
    if (
        before_old
        and before_new
        and before_old.group().lower() == before_new.group().lower()
        and (_PHRASE_REST.match(old_text, fs) or _PHRASE_REST.match(new_text, ts))
    ):
        fs, ts = before_old.start(), before_new.start()
    old_part, new_part = old_text[fs:fe], new_text[ts:te]
    if not (
        _VAGUE_WORDS.search(old_part)
        or _VAGUE_WORDS.search(new_part)
        or _BOUND_WORDS.search(old_part + " ")
        or _BOUND_WORDS.search(new_part + " ")
    ):
        return None
    after_old, after_new = _FOLLOWING.match(old_text, fe), _FOLLOWING.match(new_text, te)
    if after_old and after_new and after_old.group() == after_new.group():
        fe, te = after_old.end(), after_new.end()
    pair = approximate_change(old_text[fs:fe], new_text[ts:te])
    if pair is None:
        return None
    a, b = pair
    return (
        Estimate(a.start + fs, a.end + fs, a.text, a.low, a.high, a.unit),
        Estimate(b.start + ts, b.end + ts, b.text, b.low, b.high, b.unit),
    )


def approximate_number_change(
    a: Estimate, b: Estimate, change: int, a0: int = 0, b0: int = 0
) -> NumberChange:
    """The ``NumberChange`` of an approximate quantity: ``≈`` and a direction at most.

    ``a0`` and ``b0`` are where the texts the quantities index start in their versions.
    """
    label, direction = compare_estimates(a, b)
    return NumberChange(
        a.text,
        b.text,
        a0 + a.start,
        b0 + b.start,
        a.low if a.exact else None,
        b.low if b.exact else None,
        change,
        "approximate",
        label,
        direction,
    )

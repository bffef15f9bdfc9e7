"""Numbers in article text: reading them, the words they are written with, how they changed.

- ``lexicon``: number words, scales, months, currency signs (tables only);
- ``reading``: ``Number`` and ``find_numbers``, values and kinds of quantity as a reader
  sees them (``3`` and ``three`` are one number, ``40`` and ``48`` are not);
- ``changes``: a changed number's delta label and direction, worked out once per pair.

The reading functions are re-exported here, as the rest of the engine uses them.
"""

from comparer.core.numbers.reading import (
    Number,
    find_numbers,
    holds_number,
    may_hold_number,
    separator_evidence,
    uses_decimal_comma,
    values_differ,
)

__all__ = [
    "Number",
    "find_numbers",
    "holds_number",
    "may_hold_number",
    "separator_evidence",
    "uses_decimal_comma",
    "values_differ",
]

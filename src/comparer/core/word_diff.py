"""Word-level changes between two aligned stretches of text, each with its category.

diff-match-patch diffs characters; here each word, run of spaces or punctuation mark is
encoded as one character first (the same trick its line mode uses), so the diff and its
semantic clean-up work on whole words: "January → March" rather than "Janu|M|ar|y".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from comparer.core.comparison import Category, ChangeKind
from comparer.core.numbers import Number, find_numbers, values_differ
from comparer.core.typography import fold

TOKEN = re.compile(r"\w+(?:[.,:'\u2019]\w+)*|\s+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Span:
    """A change as local offsets into the two compared strings."""

    kind: ChangeKind
    from_start: int
    from_end: int
    to_start: int
    to_end: int


class TokenCodec:
    """Encodes token sequences as strings of one character per distinct token."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._tokens: list[str] = []

    def encode(self, text: str) -> tuple[str, list[int]]:
        """The encoded string and the length of each token, in order."""
        chars: list[str] = []
        lengths: list[int] = []
        codes = self._codes
        for token in TOKEN.findall(text):
            ch = codes.get(token)
            if ch is None:
                n = len(self._tokens) + 0x100
                if n >= 0xD800:
                    n += 0x800
                ch = codes[token] = chr(n)
                self._tokens.append(token)
            chars.append(ch)
            lengths.append(len(token))
        return "".join(chars), lengths


def diff_spans(old: str, new: str, codec: TokenCodec | None = None) -> list[Span]:
    """The word-level changes that turn ``old`` into ``new``, as local spans."""
    if old == new:
        return []
    if not old or not new:
        kind = ChangeKind.INSERT if new else ChangeKind.DELETE
        return [Span(kind, 0, len(old), 0, len(new))]
    head, tail = _common_ends(old, new)
    if head or tail:
        inner = diff_spans(old[head : len(old) - tail], new[head : len(new) - tail], codec)
        return [
            Span(s.kind, s.from_start + head, s.from_end + head, s.to_start + head, s.to_end + head)
            for s in inner
        ]
    codec = codec or TokenCodec()
    enc_a, len_a = codec.encode(old)
    enc_b, len_b = codec.encode(new)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    diffs = dmp.diff_main(enc_a, enc_b, False)
    dmp.diff_cleanupSemantic(diffs)
    spans: list[Span] = []
    ta = tb = 0  # token positions
    ca = cb = 0  # character positions
    pending: list[tuple[int, int, int, int]] = []  # (ca0, ca1, cb0, cb1) of one group

    def flush() -> None:
        if not pending:
            return
        fa0, fa1 = pending[0][0], pending[-1][1]
        fb0, fb1 = pending[0][2], pending[-1][3]
        if fa0 == fa1:
            kind = ChangeKind.INSERT
        elif fb0 == fb1:
            kind = ChangeKind.DELETE
        else:
            kind = ChangeKind.REPLACE
        spans.append(Span(kind, fa0, fa1, fb0, fb1))
        pending.clear()

    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            flush()
            ca += sum(len_a[ta : ta + n])
            cb += sum(len_b[tb : tb + n])
            ta += n
            tb += n
        elif op < 0:
            width = sum(len_a[ta : ta + n])
            pending.append((ca, ca + width, cb, cb))
            ca += width
            ta += n
        else:
            width = sum(len_b[tb : tb + n])
            pending.append((ca, ca, cb, cb + width))
            cb += width
            tb += n
    flush()
    return spans


def _common_prefix_length(a: str, b: str) -> int:
    """Length of the common prefix, by bisection on slices (fast: comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[low:mid] == b[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of an identical head and tail of both texts that end on token boundaries.

    Each boundary is put at the edge of a run of spaces wholly inside the common part, so
    tokenising the middle alone gives the same tokens as tokenising everything: the diff
    is the same, and long paragraphs with one small edit are cheap.
    """
    prefix = _common_prefix_length(old, new)
    head = old.rfind(" ", 0, prefix)
    while head > 0 and old[head - 1] == " ":
        head -= 1
    head = max(head, 0)
    room = min(len(old), len(new)) - head
    suffix = min(_common_prefix_length(old[::-1], new[::-1]), room)
    tail_start = old.find(" ", len(old) - suffix)
    if tail_start < 0:
        return head, 0
    while tail_start < len(old) and old[tail_start] == " ":
        tail_start += 1
    return head, len(old) - tail_start


def numbers_within(numbers: list[Number], start: int, end: int) -> list[Number]:
    """The numbers that overlap ``[start, end)`` (or contain ``start`` when it is empty)."""
    if start == end:
        return []
    return [n for n in numbers if n.start < end and n.end > start]


def categorise(
    old_text: str,
    new_text: str,
    span: Span,
    old_numbers: list[Number],
    new_numbers: list[Number],
) -> tuple[Category, list[tuple[Number, Number]]]:
    """The category of one change, and the number replacements it makes.

    ``old_numbers``/``new_numbers`` are the numbers of the whole texts being compared, so
    that a change inside a larger figure ("4" of "4 million") is judged by the whole figure.
    """
    before = numbers_within(old_numbers, span.from_start, span.from_end)
    after = numbers_within(new_numbers, span.to_start, span.to_end)
    if values_differ(before, after):
        replaced = [(x, y) for x, y in zip(before, after, strict=False) if not x.same_as(y)]
        return Category.NUMERIC, replaced
    rest_old = _without(old_text, span.from_start, span.from_end, before)
    rest_new = _without(new_text, span.to_start, span.to_end, after)
    if fold(rest_old) == fold(rest_new):
        return Category.TYPOGRAPHIC, []
    return Category.TEXT, []


def _without(text: str, start: int, end: int, numbers: list[Number]) -> str:
    """The text of ``[start, end)`` with the given numbers cut out."""
    parts: list[str] = []
    pos = start
    for n in numbers:
        if n.start > pos:
            parts.append(text[pos : min(n.start, end)])
        pos = max(pos, n.end)
    if pos < end:
        parts.append(text[pos:end])
    return " ".join(parts)


def iter_tokens(text: str) -> Iterator[str]:
    """The tokens diffs are made of (for tests and renderers)."""
    return iter(TOKEN.findall(text))


__all__ = ["TOKEN", "Span", "TokenCodec", "categorise", "diff_spans", "find_numbers", "iter_tokens"]

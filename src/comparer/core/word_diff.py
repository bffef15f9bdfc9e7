"""Word-level changes between two aligned stretches of text, each with its category.

diff-match-patch diffs characters; here each word, run of spaces or punctuation mark is
encoded as one character first (the same trick its line mode uses), so the diff and its
semantic clean-up work on whole words: "January → March" rather than "Janu|M|ar|y".
When exactly one token differs (a word, a quote mark: most edits), the answer the library
would give is known and given directly, without its general steps.

The diff runs in diff-match-patch's C++ implementation (``fast_diff_match_patch``) where
that package is installed, and in its reference Python implementation otherwise: both
are the same algorithm with the same clean-up, and a test holds them to the same answers;
the C++ one is several times faster on a long article's changed paragraphs.
"""

from __future__ import annotations

import functools
import re
import zlib
from dataclasses import dataclass
from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch

try:
    import fast_diff_match_patch as _fast
except ImportError:  # no build of it for this platform: the reference implementation
    _fast = None

from comparer.core.model import Category, ChangeKind
from comparer.core.numbers import Number, find_numbers, may_hold_number, values_differ
from comparer.core.typography import fold_spacing

TOKEN = re.compile(r"\w+(?:[.,:'\u2019]\w+)*|\s+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class DiffSpan:
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
        """The encoded string and the length of each token, in order.

        New tokens are given codes in the order they first appear, so that the same texts
        are always coded alike: the diff's clean-up weighs the codes' character classes
        when it places a change's boundary, and an order that varied from run to run (a
        set's, which follows the process's string hashing) moved it now and then.
        """
        tokens = TOKEN.findall(text)
        codes = self._codes
        for token in [t for t in dict.fromkeys(tokens) if t not in codes]:
            n = len(self._tokens) + 0x100
            if n >= 0xD800:
                n += 0x800  # skip the surrogate range
            codes[token] = chr(n)
            self._tokens.append(token)
        return "".join(map(codes.__getitem__, tokens)), list(map(len, tokens))


def diff_spans(old: str, new: str, codec: TokenCodec | None = None) -> list[DiffSpan]:
    """The word-level changes that turn ``old`` into ``new``, as local spans."""
    if old == new:
        return []
    if not old or not new:
        kind = ChangeKind.INSERT if new else ChangeKind.DELETE
        return [DiffSpan(kind, 0, len(old), 0, len(new))]
    head, tail = _common_ends(old, new)
    if head or tail:
        inner = diff_spans(old[head : len(old) - tail], new[head : len(new) - tail], codec)
        return [
            DiffSpan(
                s.kind, s.from_start + head, s.from_end + head, s.to_start + head, s.to_end + head
            )
            for s in inner
        ]
    codec = codec or TokenCodec()
    if len(old) + len(new) > CHUNKED_ABOVE:
        return _diff_chunked(old, new, codec)
    return _token_diff(old, new, codec, semantic=True)


def _token_diff(old: str, new: str, codec: TokenCodec, semantic: bool) -> list[DiffSpan]:
    """Diff two strings token by token; ``semantic`` merges edits split by small equalities."""
    enc_a, len_a = codec.encode(old)
    enc_b, len_b = codec.encode(new)
    if len(enc_a) == len(enc_b):
        # One token replaced by another (a word, a quote mark): diff-match-patch would
        # answer "equal, delete it, insert the other, equal", which no clean-up
        # changes (the edit has no equality on both sides to grow over, and two
        # different tokens have no overlap), so the answer is given without it.
        at = _common_prefix_length(enc_a, enc_b)
        if at < len(enc_a) and enc_a[at + 1 :] == enc_b[at + 1 :]:
            ca, cb = sum(len_a[:at]), sum(len_b[:at])
            return [DiffSpan(ChangeKind.REPLACE, ca, ca + len_a[at], cb, cb + len_b[at])]
    diffs = token_ops(enc_a, enc_b, semantic)
    spans: list[DiffSpan] = []
    ta = tb = 0  # token positions
    ca = cb = 0  # character positions
    pending: list[tuple[int, int, int, int]] = []  # (ca0, ca1, cb0, cb1) of one group

    def flush() -> None:
        if not pending:
            return
        fa0, fa1 = pending[0][0], pending[-1][1]
        fb0, fb1 = pending[0][2], pending[-1][3]
        spans.append(DiffSpan(_kind(fa0, fa1, fb0, fb1), fa0, fa1, fb0, fb1))
        pending.clear()

    for op, n in diffs:
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


DIFF_TIMEOUT = 2.0  # seconds diff-match-patch may spend on one stretch before it coarsens
_FAST_OPS = {"=": 0, "-": -1, "+": 1}


def token_ops(a: str, b: str, semantic: bool, fast: bool = True) -> list[tuple[int, int]]:
    """diff-match-patch's diff of two encoded strings, as (operation, length) pairs.

    Operations are 0 (equal), -1 (delete) and 1 (insert), as the library numbers them;
    ``semantic`` applies its semantic clean-up. ``fast`` uses the C++ implementation when
    it is installed; the answer is the same either way.
    """
    if fast and _fast is not None:
        ops = _fast.diff(
            a, b, timelimit=DIFF_TIMEOUT, checklines=False, cleanup="Semantic" if semantic else "No"
        )
        return [(_FAST_OPS[op], n) for op, n in ops]
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, len(chunk)) for op, chunk in diffs]


def _kind(from_start: int, from_end: int, to_start: int, to_end: int) -> ChangeKind:
    if from_start == from_end:
        return ChangeKind.INSERT
    if to_start == to_end:
        return ChangeKind.DELETE
    return ChangeKind.REPLACE


# A change's category and the number replacements it makes, as ``categorise`` gives them.
Judged = tuple[Category, list[tuple[Number, Number]]]


def split_numeric(
    old_text: str,
    new_text: str,
    span: DiffSpan,
    codec: TokenCodec,
    decimal_comma: tuple[bool, bool] = (False, False),
    judged: Judged | None = None,
) -> list[tuple[DiffSpan, Category, list[tuple[Number, Number]]]]:
    """Split a numeric change that also rewords text, so that the figure stands alone.

    "Joan Whitfield, 64," → "Samuel Okafor, 58," reads as a name change and an age
    change, not as one numeric blur. The change is diffed again without the semantic
    clean-up, and the pieces that touch no number are joined back together.

    ``judged`` is what ``categorise`` already gave for ``span``: a piece that is the
    whole change (a figure replaced by another, the common case) is not judged again.
    """
    a0, b0 = span.from_start, span.to_start
    pieces = _token_diff(old_text[a0 : span.from_end], new_text[b0 : span.to_end], codec, False)
    judged_whole = judged
    pieces_judged: list[tuple[DiffSpan, Category, list[tuple[Number, Number]]]] = []
    for piece in pieces:
        shifted = DiffSpan(
            piece.kind,
            piece.from_start + a0,
            piece.from_end + a0,
            piece.to_start + b0,
            piece.to_end + b0,
        )
        known = judged_whole if shifted == span else None
        pieces_judged.extend(_cut_at_numbers(old_text, new_text, shifted, decimal_comma, known))
    merged: list[tuple[DiffSpan, Category, list[tuple[Number, Number]]]] = []
    for piece, category, replaced in pieces_judged:
        if merged and category is not Category.NUMERIC and merged[-1][1] is not Category.NUMERIC:
            last = merged[-1][0]
            joined = DiffSpan(
                _kind(last.from_start, piece.from_end, last.to_start, piece.to_end),
                last.from_start,
                piece.from_end,
                last.to_start,
                piece.to_end,
            )
            merged[-1] = (joined, *categorise(old_text, new_text, joined, decimal_comma))
        else:
            merged.append((piece, category, replaced))
    def whole() -> list[tuple[DiffSpan, Category, list[tuple[Number, Number]]]]:
        return [(span, *(judged or categorise(old_text, new_text, span, decimal_comma)))]

    if not any(category is Category.NUMERIC for _, category, _ in merged):
        return whole()
    if len(merged) > 1 and any(
        _figure_for_words(old_text, new_text, piece, decimal_comma)
        for piece, category, _ in merged
        if category is Category.NUMERIC
    ):
        # A piece pairs a figure with words. When the whole change holds as many figures
        # on each side, the pieces are word salad cut at spaces ("death toll rises to 11"
        # → "12 dead, inquiry opened" as "death" → "12" and "to 11" → "opened"): the
        # figures are paired with each other and cut out of the whole change instead.
        cut = _cut_at_numbers(old_text, new_text, span, decimal_comma, judged)
        if len(cut) > 1:
            return cut
        # With figures on one side only, pieces apart by nothing but spaces are word salad
        # too (". Rescue teams … reach villages cut off" → ", and 200 were injured" as
        # "villages" → "200" between the rest): a sentence that went and a clause that
        # came, one change. Pieces apart by words or marks are a figure that really gave
        # way to words ("Joan Whitfield, 64," → "Samuel Okafor, a neighbour"): they stand.
        if all(
            not old_text[x.from_end : y.from_start].strip()
            for (x, _c, _r), (y, _d, _s) in zip(merged, merged[1:], strict=False)
        ):
            return whole()
    return merged


def _figure_for_words(
    old_text: str, new_text: str, piece: DiffSpan, decimal_comma: tuple[bool, bool]
) -> bool:
    """Whether ``piece`` replaces words by a figure, or a figure by words."""
    if piece.kind is not ChangeKind.REPLACE:
        return False
    before = numbers_near(old_text, piece.from_start, piece.from_end, decimal_comma[0])
    after = numbers_near(new_text, piece.to_start, piece.to_end, decimal_comma[1])
    return bool(before) != bool(after)


def _cut_at_numbers(
    old_text: str,
    new_text: str,
    span: DiffSpan,
    decimal_comma: tuple[bool, bool],
    judged: Judged | None = None,
) -> list[tuple[DiffSpan, Category, list[tuple[Number, Number]]]]:
    """Cut a replacement holding as many numbers on each side at those numbers.

    "that about 300" → "450" becomes a deletion of "that about " and "300" → "450".
    ``judged``: the span's category and replacements, when already known.
    """
    whole = (span, *(judged or categorise(old_text, new_text, span, decimal_comma)))
    if whole[1] is not Category.NUMERIC or span.kind is not ChangeKind.REPLACE:
        return [whole]
    before = numbers_near(old_text, span.from_start, span.from_end, decimal_comma[0])
    after = numbers_near(new_text, span.to_start, span.to_end, decimal_comma[1])
    if not before or len(before) != len(after):
        return [whole]
    cuts_a = [span.from_start]
    cuts_b = [span.to_start]
    for x, y in zip(before, after, strict=True):
        cuts_a += [max(x.start, cuts_a[-1]), min(x.end, span.from_end)]
        cuts_b += [max(y.start, cuts_b[-1]), min(y.end, span.to_end)]
    cuts_a.append(span.from_end)
    cuts_b.append(span.to_end)
    out = []
    for i in range(len(cuts_a) - 1):
        a0, a1, b0, b1 = cuts_a[i], cuts_a[i + 1], cuts_b[i], cuts_b[i + 1]
        if a0 >= a1 and b0 >= b1:
            continue
        a1, b1 = max(a0, a1), max(b0, b1)
        piece = DiffSpan(_kind(a0, a1, b0, b1), a0, a1, b0, b1)
        if old_text[a0:a1] == new_text[b0:b1]:
            continue  # the same text between two figures: not a change
        if piece == span:
            out.append(whole)  # one figure for another: judged already
            continue
        out.append((piece, *categorise(old_text, new_text, piece, decimal_comma)))
    return out or [whole]


CHUNKED_ABOVE = 60_000  # characters in a pair of stretches: beyond this, diff in chunks
_CHUNK_WORD = re.compile(r"\S+\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?]\s)")  # split after the space that ends a sentence
LONG_SENTENCE = 600  # characters


def _chunks(text: str) -> list[str]:
    """Cut ``text`` into sentences, and long sentences into runs of words.

    A long sentence is cut after each word whose checksum happens to be a multiple of 24,
    so an insertion early on does not shift every later cut (content-defined chunking):
    the chunks of two versions line up wherever their text does.
    """
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) <= LONG_SENTENCE:
            out.append(sentence)
            continue
        start = 0
        for m in _CHUNK_WORD.finditer(sentence):
            if zlib.crc32(m.group().rstrip().encode("utf-8", "surrogatepass")) % 24 == 0:
                out.append(sentence[start : m.end()])
                start = m.end()
        if start < len(sentence):
            out.append(sentence[start:])
    return [chunk for chunk in out if chunk]


def _diff_chunked(old: str, new: str, codec: TokenCodec) -> list[DiffSpan]:
    """Word diff of two long stretches: chunks are matched first, words within what differs.

    A Myers diff over millions of words would run out of time and return one coarse
    change; matching chunks first keeps both the time and the changes small.
    """
    chunks_a, chunks_b = _chunks(old), _chunks(new)
    offsets_a = [0]
    for chunk in chunks_a:
        offsets_a.append(offsets_a[-1] + len(chunk))
    offsets_b = [0]
    for chunk in chunks_b:
        offsets_b.append(offsets_b[-1] + len(chunk))
    matcher = SequenceMatcher(None, chunks_a, chunks_b, autojunk=False)
    spans: list[DiffSpan] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a0, a1, b0, b1 = offsets_a[i1], offsets_a[i2], offsets_b[j1], offsets_b[j2]
        part_a, part_b = old[a0:a1], new[b0:b1]
        if len(part_a) + len(part_b) > CHUNKED_ABOVE:
            kind = (
                ChangeKind.REPLACE
                if part_a and part_b
                else (ChangeKind.INSERT if part_b else ChangeKind.DELETE)
            )
            inner = [DiffSpan(kind, 0, len(part_a), 0, len(part_b))]
        else:
            inner = diff_spans(part_a, part_b, codec)
        spans.extend(
            DiffSpan(s.kind, s.from_start + a0, s.from_end + a0, s.to_start + b0, s.to_end + b0)
            for s in inner
        )
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


def _common_suffix_length(a: str, b: str) -> int:
    """Length of the common suffix, by bisection on slices from the ends (no reversed copy)."""
    la, lb = len(a), len(b)
    low, high = 0, min(la, lb)
    while low < high:
        mid = (low + high + 1) // 2
        if a[la - mid : la - low] == b[lb - mid : lb - low]:
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
    suffix = min(_common_suffix_length(old, new), room)
    tail_start = old.find(" ", len(old) - suffix)
    if tail_start < 0:
        return head, 0
    while tail_start < len(old) and old[tail_start] == " ":
        tail_start += 1
    return head, len(old) - tail_start


NUMBER_CONTEXT = 80  # characters either side of a change in which its numbers are read


def numbers_near(text: str, start: int, end: int, decimal_comma: bool) -> list[Number]:
    """The numbers that overlap ``[start, end)`` of ``text``, with offsets into ``text``.

    Only a window around the change is read, cut at spaces so that no figure is halved:
    reading a whole long paragraph for each change would cost far more.
    """
    if start == end:
        return []
    lo = max(0, start - NUMBER_CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), end + NUMBER_CONTEXT)
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return [
        Number(n.start + lo, n.end + lo, n.text, n.value, n.unit)
        for n in _numbers_in(text[lo:hi], decimal_comma)
        if n.start + lo < end and n.end + lo > start
    ]


@functools.lru_cache(maxsize=4096)
def _numbers_in(window: str, decimal_comma: bool) -> tuple[Number, ...]:
    """``find_numbers`` of one window, remembered for the next call on the same window.

    A change is judged several times over (whole, then cut at its figures, then its
    pieces joined again), each time reading the same window.
    """
    return tuple(find_numbers(window, decimal_comma))


def categorise(
    old_text: str,
    new_text: str,
    span: DiffSpan,
    decimal_comma: tuple[bool, bool] = (False, False),
) -> tuple[Category, list[tuple[Number, Number]]]:
    """The category of one change, and the number replacements it makes.

    Numbers are read in the change's context, so that a change inside a larger figure
    ("4" of "4 million") is judged by the whole figure.
    """
    numeric = may_hold_number(
        old_text[max(0, span.from_start - 1) : span.from_end + 1]
    ) or may_hold_number(new_text[max(0, span.to_start - 1) : span.to_end + 1])
    if not numeric:
        # No numbers on either side (most changes): what is left is the changed text.
        old_part = old_text[span.from_start : span.from_end]
        new_part = new_text[span.to_start : span.to_end]
        if fold_spacing(old_part) == fold_spacing(new_part):
            return Category.TYPOGRAPHIC, []
        return Category.TEXT, []
    before = numbers_near(old_text, span.from_start, span.from_end, decimal_comma[0])
    after = numbers_near(new_text, span.to_start, span.to_end, decimal_comma[1])
    if values_differ(before, after):
        replaced = [(x, y) for x, y in zip(before, after, strict=False) if not x.same_as(y)]
        if replaced or not only_determiner_ones(before + after):
            return Category.NUMERIC, replaced
        before = after = []  # the "one" is a word like any other here
    rest_old = _without(old_text, span.from_start, span.from_end, before)
    rest_new = _without(new_text, span.to_start, span.to_end, after)
    if fold_spacing(rest_old) == fold_spacing(rest_new):
        return Category.TYPOGRAPHIC, []
    return Category.TEXT, []


def only_determiner_ones(numbers: list[Number]) -> bool:
    """Whether ``numbers`` are all a bare "one" with no number facing it on the other side.

    "the man" → "one man", "Some people" → "One person": a "one" that comes or goes without
    a number in its place reads as a determiner, not a count; "one" → "two" stays numeric.
    """
    return bool(numbers) and all(n.text.lower() == "one" for n in numbers)


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


__all__ = ["TOKEN", "DiffSpan", "TokenCodec", "categorise", "diff_spans", "find_numbers"]

"""Compare N versions: align each consecutive pair, find word changes, numbers and quotes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from comparer.core.align import align
from comparer.core.forked import ForkedCall, can_fork, usable_cores
from comparer.core.furniture import set_apart_furniture
from comparer.core.model import (
    AlignKind,
    AlignmentEntry,
    Category,
    Change,
    ChangeKind,
    CompareOptions,
    Comparison,
    NumberChange,
    PairComparison,
    Quote,
    SentenceMove,
    Summary,
    Version,
)
from comparer.core.numbers import (
    Number,
    find_numbers,
    holds_number,
    may_hold_number,
    uses_decimal_comma,
)
from comparer.core.numbers.approximate import (
    Estimate,
    approximate_in,
    approximate_number_change,
)
from comparer.core.numbers.changes import number_changes
from comparer.core.sentences import (
    link_by_sentences,
    moved_sentence_edits,
    moved_sentences,
    sentence_spans,
)
from comparer.core.typography import fold, only_whitespace_differs
from comparer.core.word_diff import (
    DiffSpan,
    TokenCodec,
    categorise,
    only_determiner_ones,
    split_numeric,
)

_ALIGNED = (AlignKind.CHANGED, AlignKind.MOVED, AlignKind.SPLIT, AlignKind.MERGED, AlignKind.EQUAL)


def compare(
    versions: Sequence[Version],
    options: CompareOptions | None = None,
    with_quotes: bool = True,
    parallel: bool = False,
) -> Comparison:
    """Compare every consecutive pair of ``versions`` (v1→v2, v2→v3, …).

    Args:
        versions: two or more versions, oldest first.
        options: what to ignore.
        with_quotes: also find the quotes in each version and who is quoted.
        parallel: find the quotes in child processes while the pairs are compared, where
            that is safe (see :mod:`comparer.core.forked`); the result is the same.
            Only for single-threaded callers such as the command line.

    A web page's menus and footer, printed in another version, are set apart there first
    (see :mod:`comparer.core.furniture`); the comparison holds the versions so read.
    """
    options = options or CompareOptions()
    versions = set_apart_furniture(versions)
    quote_jobs = _start_quotes(versions, parallel) if with_quotes else []
    pairs = tuple(
        compare_pair(versions[k], versions[k + 1], k, k + 1, options)
        for k in range(len(versions) - 1)
    )
    if with_quotes:
        from comparer.core.speakers import list_speakers

        found = tuple(quotes for job in quote_jobs for quotes in job.result())
        return Comparison(versions, pairs, found, list_speakers(found), options)
    return Comparison(versions, pairs, (), (), options)


def _start_quotes(
    versions: tuple[Version, ...], parallel: bool
) -> list[ForkedCall[list[tuple[Quote, ...]]]]:
    """Jobs that find the quotes of consecutive runs of versions, in version order.

    The quote finder is imported here, before any child is forked, and only when quotes
    are sought: the window compares without them, and starts sooner for not loading it.
    """
    from comparer.core.quotes import extract_quotes_many

    groups = min(len(versions), usable_cores()) if parallel and can_fork() else 1
    size = -(-len(versions) // max(groups, 1))
    runs = [versions[k : k + size] for k in range(0, len(versions), size)]

    def job(run: tuple[Version, ...]) -> Callable[[], list[tuple[Quote, ...]]]:
        return lambda: list(extract_quotes_many([(v.text, v.paragraphs) for v in run]))

    return [ForkedCall(job(run), fork=parallel) for run in runs]


def compare_pair(
    old: Version,
    new: Version,
    from_index: int = 0,
    to_index: int = 1,
    options: CompareOptions | None = None,
) -> PairComparison:
    """Compare two versions."""
    options = options or CompareOptions()
    raw_entries = link_by_sentences(
        old.paragraph_text, new.paragraph_text, align(old, new, options.ignore_case)
    )
    decimal_comma_old = uses_decimal_comma(old.text)
    decimal_comma_new = uses_decimal_comma(new.text)
    codec = TokenCodec()
    entries: list[AlignmentEntry] = []
    changes: list[Change] = []
    numbers: list[NumberChange] = []
    last_old_end = 0  # where an added paragraph sits in the older text
    last_new_end = 0  # where a removed paragraph sits in the newer text

    old_paragraphs, new_paragraphs = old.paragraphs, new.paragraphs
    old_all, new_all = old.text, new.text
    equal = AlignKind.EQUAL
    for entry in raw_entries:
        if entry.kind is equal and len(entry.from_) == 1 and len(entry.to) == 1:
            # Most paragraphs are unchanged: when the two texts are the same, the entry
            # stands as it is, with no diff to run.
            p, q = old_paragraphs[entry.from_[0]], new_paragraphs[entry.to[0]]
            last_old_end, last_new_end = p.end, q.end
            if old_all[p.start : p.end] == new_all[q.start : q.end]:
                entries.append(entry)
                continue
        index = len(entries)
        if entry.from_ and entry.kind is not AlignKind.MOVED:
            last_old_end = old.paragraphs[entry.from_[-1]].end
        if entry.to:
            last_new_end = new.paragraphs[entry.to[-1]].end
        if entry.kind is AlignKind.IGNORED:
            entries.append(entry)
            continue
        if entry.kind is AlignKind.ADDED:
            p = new.paragraphs[entry.to[0]]
            text = new.text[p.start : p.end]
            category = _whole_paragraph_category("", text, decimal_comma_new)
            changes.append(
                Change(
                    ChangeKind.INSERT,
                    category,
                    last_old_end,
                    last_old_end,
                    p.start,
                    p.end,
                    "",
                    text,
                    index,
                )
            )
            entries.append(entry)
            continue
        if entry.kind is AlignKind.DELETED:
            p = old.paragraphs[entry.from_[0]]
            text = old.text[p.start : p.end]
            category = _whole_paragraph_category(text, "", decimal_comma_old)
            changes.append(
                Change(
                    ChangeKind.DELETE,
                    category,
                    p.start,
                    p.end,
                    last_new_end,
                    last_new_end,
                    text,
                    "",
                    index,
                )
            )
            entries.append(entry)
            continue

        a0, a1 = old.paragraphs[entry.from_[0]].start, old.paragraphs[entry.from_[-1]].end
        b0, b1 = new.paragraphs[entry.to[0]].start, new.paragraphs[entry.to[-1]].end
        old_text, new_text = old.text[a0:a1], new.text[b0:b1]
        spans = sentence_spans(old_text, new_text, codec)
        if options.ignore_whitespace or options.ignore_case:
            spans = [s for s in spans if not _ignored(old_text, new_text, s, options)]
        entry_changes: list[Change] = []
        if spans:
            convention = (decimal_comma_old, decimal_comma_new)
            judged: list[tuple[DiffSpan, Category, list[tuple[Number, Number]]]] = []
            approximate: dict[int, tuple[Estimate, Estimate]] = {}  # by position in judged
            for span in spans:
                vague = (
                    approximate_in(
                        old_text,
                        new_text,
                        (span.from_start, span.from_end),
                        (span.to_start, span.to_end),
                    )
                    if span.kind is ChangeKind.REPLACE
                    else None
                )
                if vague is not None:
                    approximate[len(judged)] = vague
                    judged.append((span, Category.NUMERIC, []))
                    continue
                category, replaced = categorise(old_text, new_text, span, convention)
                if (
                    category is Category.NUMERIC
                    and span.kind is ChangeKind.REPLACE
                    and not _sentences_replaced(old_text, new_text, span)
                ):
                    judged.extend(
                        split_numeric(
                            old_text, new_text, span, codec, convention, (category, replaced)
                        )
                    )
                else:
                    judged.append((span, category, replaced))
            for position, (span, category, replaced) in enumerate(judged):
                change_index = len(changes) + len(entry_changes)
                found = number_changes(replaced, a0, b0, change_index)
                if position in approximate:
                    # "Over 400" → "Hundreds": a change of size told as ≈, never a delta
                    x, y = approximate[position]
                    found = [approximate_number_change(x, y, change_index, a0, b0)]
                entry_changes.append(
                    Change(
                        span.kind,
                        category,
                        a0 + span.from_start,
                        a0 + span.from_end,
                        b0 + span.to_start,
                        b0 + span.to_end,
                        old_text[span.from_start : span.from_end],
                        new_text[span.to_start : span.to_end],
                        index,
                    )
                )
                numbers.extend(found)
        kind = entry.kind
        if kind is AlignKind.EQUAL and entry_changes:
            kind = AlignKind.CHANGED
        elif kind is AlignKind.CHANGED and not entry_changes:
            kind = AlignKind.EQUAL
        if kind is not entry.kind:
            entry = replace(entry, kind=kind)
        entries.append(entry)
        changes.extend(entry_changes)

    moves = moved_sentences(
        old.text,
        new.text,
        [(c.from_start, c.from_end) for c in changes if c.from_end > c.from_start],
        [(c.to_start, c.to_end) for c in changes if c.to_end > c.to_start],
    )
    if moves:
        convention = (decimal_comma_old, decimal_comma_new)
        if numbers:
            numbers = _without_moved_figures(numbers, moves)
        numbers = _with_moved_numbers(
            numbers,
            _moved_numbers(moves, old.text, new.text, changes, codec, convention),
        )
    return PairComparison(
        from_index,
        to_index,
        tuple(entries),
        tuple(changes),
        tuple(numbers),
        _summarise(entries, changes, numbers),
        tuple(moves),
    )


_ENDS = ".!?\u2026"
_FAR = 1 << 62  # past any offset: a bisection key that sorts after every span at an offset
_CLOSERS = "\"'\u201d\u2019)]"


def _sentences_replaced(old_text: str, new_text: str, span: DiffSpan) -> bool:
    """Whether a change replaces whole sentences by whole sentences.

    The sentence alignment found them unrelated and removed and added them whole: their
    figures are not cut out and paired ("Another 30 millimetres …" → "About 3,000 homes
    …" is no 30 → 3,000 between word changes), as unrelated text is never interleaved.
    """

    def whole(text: str, start: int, end: int) -> bool:
        i = start  # before it: the text's start, or a sentence's end mark and spaces
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and text[i - 1] in _CLOSERS:
            i -= 1
        if i > 0 and text[i - 1] not in _ENDS:
            return False
        j = end  # after it: its own end mark (and closing marks), then a space or the end
        while j < len(text) and text[j] in _ENDS:
            j += 1
        while j < len(text) and text[j] in _CLOSERS:
            j += 1
        return j == len(text) or text[j].isspace()

    return whole(old_text, span.from_start, span.from_end) and whole(
        new_text, span.to_start, span.to_end
    )


def _without_moved_figures(
    numbers: list[NumberChange], moves: list[SentenceMove]
) -> list[NumberChange]:
    """``numbers`` without the pairs whose figure moved away with its sentence.

    A sentence taken out from where a new one with a figure went in ("Another 30
    millimetres …" out, "About 3,000 homes …" in) has its figure paired with the new one
    by the word diff; but the figure went with its sentence: when the sentence reappears
    elsewhere with the same figure, that figure did not change, it moved; when it
    reappears with another figure in its place ("40" → "48"), that figure is the one it
    became (``_moved_numbers`` pairs them); and when the moved sentence lost it on the
    way, it was removed. In none of these is it the figure that came in its old place.
    A pair is kept when neither of its figures lies in a moved sentence.
    """
    olds = sorted((m.from_start, m.from_end) for m in moves)
    news = sorted((m.to_start, m.to_end) for m in moves)

    def inside(spans: list[tuple[int, int]], offset: int) -> bool:
        k = bisect_right(spans, (offset, _FAR)) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    return [
        n
        for n in numbers
        if n.move >= 0 or not (inside(olds, n.from_start) or inside(news, n.to_start))
    ]


def _moved_numbers(
    moves: list[SentenceMove],
    old_text: str,
    new_text: str,
    changes: list[Change],
    codec: TokenCodec,
    decimal_comma: tuple[bool, bool],
) -> list[NumberChange]:
    """The figures whose value changed inside a sentence that moved and was edited.

    "At least 40 people died." in one place and "At least 48 people died." in another is
    one figure changed as its sentence moved, not a figure removed and one added. The two
    sentences are diffed word by word as a sentence that stayed is, and each figure
    replaced by one of another value is listed; its ``change`` is the change that holds
    the sentence's new place, its ``move`` the moved sentence.
    """
    out: list[NumberChange] = []
    new_starts = sorted(
        (c.to_start, c.to_end, i) for i, c in enumerate(changes) if c.to_end > c.to_start
    )
    for mi, m in enumerate(moves):
        before = old_text[m.from_start : m.from_end]
        after = new_text[m.to_start : m.to_end]
        if before == after:
            continue  # moved as it was: no figure in it changed
        k = bisect_right(new_starts, (m.to_start, _FAR, _FAR)) - 1
        holder = new_starts[k][2] if k >= 0 and m.to_start < new_starts[k][1] else -1
        for span, typographic in moved_sentence_edits(old_text, new_text, m, codec):
            if typographic or span.kind is not ChangeKind.REPLACE:
                continue  # a figure added or removed as it moved is no value changed
            vague = approximate_in(
                old_text, new_text, (span.from_start, span.from_end), (span.to_start, span.to_end)
            )
            if vague is not None:
                # "Over 400" → "Hundreds" as the sentence moved: a change of size, told as ≈
                x, y = vague
                if m.from_start <= x.start < m.from_end and m.to_start <= y.start < m.to_end:
                    out.append(replace(approximate_number_change(x, y, holder), move=mi))
                continue
            category, replaced = categorise(old_text, new_text, span, decimal_comma)
            if category is not Category.NUMERIC:
                continue
            for _piece, piece_category, piece_replaced in split_numeric(
                old_text, new_text, span, codec, decimal_comma, (category, replaced)
            ):
                if piece_category is not Category.NUMERIC or not piece_replaced:
                    continue
                # the figures must lie in the sentences: context read around the edit
                # may reach a figure next to a sentence, which did not move with it
                inside = [
                    (x, y)
                    for x, y in piece_replaced
                    if m.from_start <= x.start < m.from_end and m.to_start <= y.start < m.to_end
                ]
                out.extend(replace(n, move=mi) for n in number_changes(inside, 0, 0, holder))
    return out


def _with_moved_numbers(
    numbers: list[NumberChange], moved: list[NumberChange]
) -> list[NumberChange]:
    """``numbers`` with the figures changed in moved sentences, in the newer text's order.

    The numbers replaced in place keep their order (that of the alignment); each moved
    one goes before the first that comes after it in the newer version.
    """
    if not moved:
        return numbers
    out = list(numbers)
    taken = {(n.from_start, n.to_start) for n in numbers}
    for n in moved:
        if (n.from_start, n.to_start) in taken:
            continue
        taken.add((n.from_start, n.to_start))
        at = next((i for i, x in enumerate(out) if x.to_start > n.to_start), len(out))
        out.insert(at, n)
    return out


def _whole_paragraph_category(old_text: str, new_text: str, decimal_comma: bool) -> Category:
    """The category of a paragraph added or removed whole (one side is empty).

    What ``categorise`` finds for the whole paragraph against nothing, without reading
    every number in it: any number makes it numeric (a number added or removed, as the
    JSON format defines ``numeric``), and otherwise only a paragraph that folds to
    nothing is typographic.
    """
    text = old_text or new_text
    if (
        may_hold_number(text)
        and holds_number(text, decimal_comma)
        and not only_determiner_ones(find_numbers(text, decimal_comma))
    ):
        return Category.NUMERIC
    return Category.TEXT if fold(text) else Category.TYPOGRAPHIC


def _ignored(old_text: str, new_text: str, span: DiffSpan, options: CompareOptions) -> bool:
    a = old_text[span.from_start : span.from_end]
    b = new_text[span.to_start : span.to_end]
    if options.ignore_whitespace and only_whitespace_differs(a, b):
        return True
    return options.ignore_case and fold(a, True) == fold(b, True) and fold(a) != fold(b)


def _summarise(
    entries: list[AlignmentEntry], changes: list[Change], numbers: list[NumberChange]
) -> Summary:
    by_entry: dict[int, set[Category]] = {}
    for change in changes:
        by_entry.setdefault(change.entry, set()).add(change.category)
    changed = typographic = 0
    for index, entry in enumerate(entries):
        cats = by_entry.get(index)
        if entry.kind not in _ALIGNED or not cats:
            continue
        if cats == {Category.TYPOGRAPHIC}:
            typographic += 1
        elif entry.kind is not AlignKind.MOVED:
            changed += 1
    return Summary(
        paragraphs_added=sum(len(e.to) for e in entries if e.kind is AlignKind.ADDED),
        paragraphs_deleted=sum(len(e.from_) for e in entries if e.kind is AlignKind.DELETED),
        paragraphs_changed=changed,
        paragraphs_moved=sum(1 for e in entries if e.kind is AlignKind.MOVED),
        numbers_changed=len(numbers),
        typographic_only=typographic,
    )

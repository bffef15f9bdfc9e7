"""What the reader window shows: rows of aligned paragraphs, marks and stops, without Qt.

``DocumentModel`` turns a ``Comparison`` (or a single ``Version``) into what the views
paint: one row per group of corresponding paragraphs across all versions, the marked
spans of each version, and the list of changes a reader can step through. It is built
off the GUI thread and never changes afterwards; views only read it.

A sentence that moved (``PairComparison.moves``) lies inside the word changes that took it
out and put it in; its text is marked as moved at both places, the words edited on the
way as word changes, and what is left of those changes once the sentence is taken out is
the change a reader steps to (nothing, when the change was the sentence alone). A figure
added or removed (``figure_edits``) is marked apart from a figure whose value changed; a
figure whose value changed as its sentence moved is marked as a number change at both of
the sentence's places.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from comparer.core.figure_edits import FigureEdit, figure_edits
from comparer.core.model import (
    AlignKind,
    Category,
    Change,
    Comparison,
    NumberChange,
    PairComparison,
    Role,
    SentenceMove,
    Version,
)
from comparer.core.sentences import moved_sentence_edits

# Mark styles a span can carry; views map them to colours and text decorations.
DEL, INS, NUM_OLD, NUM_NEW, TYPO = "del", "ins", "num_old", "num_new", "typo"
FIG_DEL, FIG_INS = "fig_del", "fig_ins"  # a figure removed, a figure added
MOVED_OLD, MOVED_NEW = "moved_old", "moved_new"  # a sentence's old place, its new place
MOVED = "moved"


@dataclass
class Row:
    """A group of corresponding paragraphs, one cell per version.

    Attributes:
        cells: paragraph indices of each version (empty where a version has none).
        pair_kinds: for each consecutive pair, how this row's paragraphs correspond
            ("equal", "changed", "added", "deleted", "split", "merged", "ignored",
            "moved_to" at the moved paragraph's new place, "moved_from" at its old one),
            or "" when the pair has no paragraph here.
        pair_entries: for each pair, the alignment entry indices that make up the row.
    """

    cells: list[tuple[int, ...]]
    pair_kinds: list[str]
    pair_entries: list[list[int]]

    def is_ignored(self) -> bool:
        """Whether the row holds only markup or metadata paragraphs."""
        kinds = [k for k in self.pair_kinds if k]
        return bool(kinds) and all(k == AlignKind.IGNORED.value for k in kinds)


@dataclass(frozen=True, slots=True)
class Span:
    """A marked stretch of one version's text."""

    start: int
    end: int
    style: str
    pair: int
    change: int  # index into the pair's changes, or -1
    move: int = -1  # index into the pair's moved sentences, or -1


@dataclass(frozen=True, slots=True)
class Stop:
    """A place the reader can step to with next / previous change."""

    row: int
    version: int
    start: int
    end: int
    category: str  # "text", "numeric", "typographic" or "moved"
    pair: int
    change: int  # index into the pair's changes, or -1 for a move
    order: int = 0  # position in the newer version, to sort stops within a row
    move: int = -1  # for a moved sentence, its index in the pair's moves


@dataclass(frozen=True, slots=True)
class MovedLink:
    """Where a moved paragraph went or came from, shown in the facing cell."""

    target_row: int
    paragraph: int  # paragraph index in the version on the other side
    to_newer: bool  # True: "moved to ¶N" (old place); False: "moved from ¶N" (new place)


@dataclass
class DocumentModel:
    """Everything the window paints for a set of versions."""

    versions: tuple[Version, ...]
    comparison: Comparison | None
    rows: list[Row]
    paragraph_rows: list[list[int]]
    spans: list[dict[int, list[Span]]]  # per version: paragraph index → spans in it
    stops: list[Stop]
    links: dict[tuple[int, int], MovedLink] = field(default_factory=dict)  # (row, col)
    numbers: tuple[int, ...] = ()  # each pane's version number in the story (0-based)
    figures: list[list[FigureEdit]] = field(default_factory=list)  # per pair
    # per pair: change index -> (older pieces, newer pieces) left once moved sentences are
    # taken out, for the changes a moved sentence lies in
    remainders: list[dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]]] = field(
        default_factory=list
    )
    _starts: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def number(self, column: int) -> int:
        """The story's number (0-based) of the version in pane ``column``."""
        return self.numbers[column] if column < len(self.numbers) else column

    @property
    def pairs(self) -> tuple[PairComparison, ...]:
        """The consecutive pair comparisons (empty for a single version)."""
        return self.comparison.pairs if self.comparison else ()

    def paragraph_at(self, version: int, offset: int) -> int:
        """Index of the paragraph of ``version`` that holds (or precedes) ``offset``."""
        starts = self._starts.get(version)
        if starts is None:
            # read once: the view asks on every paint (the links of moved sentences)
            starts = self._starts[version] = [p.start for p in self.versions[version].paragraphs]
        return max(0, bisect_right(starts, offset) - 1)

    def row_of(self, version: int, offset: int) -> int:
        """The row showing character ``offset`` of ``version``."""
        if not self.versions[version].paragraphs:
            return 0
        return self.paragraph_rows[version][self.paragraph_at(version, offset)]

    def spans_in(self, version: int, paragraph: int) -> list[Span]:
        """Marked spans of one paragraph, clipped to it."""
        return self.spans[version].get(paragraph, [])

    def role(self, version: int, paragraph: int) -> Role:
        """The paragraph's role (body, heading, markup, metadata)."""
        return self.versions[version].paragraphs[paragraph].role

    def figures_of(self, pair: PairComparison) -> list[FigureEdit]:
        """Every figure one of the model's pairs adds or removes (the status bar counts them)."""
        for k, candidate in enumerate(self.pairs):
            if candidate is pair and k < len(self.figures):
                return self.figures[k]
        return []

    def figures_in(self, pair: int, change: int) -> list[FigureEdit]:
        """The figures a change adds or removes (none for a figure replaced by another)."""
        if pair >= len(self.figures):
            return []
        return [f for f in self.figures[pair] if f.change == change and f.move < 0]

    def figures_moved_with(self, pair: int, move: int) -> list[FigureEdit]:
        """The figures added or removed inside a moved sentence as it moved."""
        if pair >= len(self.figures):
            return []
        return [f for f in self.figures[pair] if f.move == move]

    def numbers_moved_with(self, pair: int, move: int) -> list[NumberChange]:
        """The figures whose value changed inside a moved sentence as it moved."""
        if pair >= len(self.pairs):
            return []
        return [n for n in self.pairs[pair].numbers if n.move == move]

    def tells_numbers(self, stop: Stop) -> bool:
        """Whether a stop tells of a number changed (what "Next Number Change" steps to).

        A numeric change does, and so does a moved sentence whose figure changed on the way.
        """
        if stop.category == MOVED:
            return stop.move >= 0 and bool(self.numbers_moved_with(stop.pair, stop.move))
        return stop.category == Category.NUMERIC.value

    def number_at(self, span: Span, older: bool) -> list[NumberChange]:
        """The numbers a number-change mark tells of.

        Those of its change, or, for a mark in a moved sentence, the one changed at its
        place as the sentence moved.
        """
        numbers = self.pairs[span.pair].numbers
        if span.move >= 0:
            return [
                n
                for n in numbers
                if n.move == span.move and (n.from_start if older else n.to_start) == span.start
            ]
        return [n for n in numbers if n.change == span.change and n.move < 0]

    def change_texts(self, pair: int, change: int) -> tuple[str, str]:
        """A change's text before and after, without the moved sentences inside it."""
        ch = self.pairs[pair].changes[change]
        left = self.remainders[pair].get(change) if pair < len(self.remainders) else None
        if left is None:
            return ch.from_text, ch.to_text
        p = self.pairs[pair]
        old, new = self.versions[p.from_index].text, self.versions[p.to_index].text
        before = " … ".join(old[a:b].strip() for a, b in left[0] if old[a:b].strip())
        after = " … ".join(new[a:b].strip() for a, b in left[1] if new[a:b].strip())
        return before, after

    def move_places(self, pair: int, move: int) -> tuple[int, int]:
        """The paragraphs (0-based) a moved sentence left and came to, in its two versions."""
        p = self.pairs[pair]
        m = p.moves[move]
        return self.paragraph_at(p.from_index, m.from_start), self.paragraph_at(
            p.to_index, m.to_start
        )

    def move_texts(self, pair: int, move: int) -> tuple[str, str]:
        """A moved sentence as it read at its old place and as it reads at its new one."""
        p = self.pairs[pair]
        m = p.moves[move]
        return (
            self.versions[p.from_index].text[m.from_start : m.from_end],
            self.versions[p.to_index].text[m.to_start : m.to_end],
        )


def build_single(version: Version, number: int = 0) -> DocumentModel:
    """A model showing one version on its own, with nothing marked."""
    rows = [Row([(i,)], [], []) for i in range(len(version.paragraphs))]
    return DocumentModel(
        versions=(version,),
        comparison=None,
        rows=rows,
        paragraph_rows=[list(range(len(version.paragraphs)))],
        spans=[{}],
        stops=[],
        numbers=(number,),
    )


def build_model(comparison: Comparison, numbers: Sequence[int] | None = None) -> DocumentModel:
    """Build rows, spans and stops for a comparison of two or more versions.

    Args:
        comparison: the versions shown and their consecutive comparisons.
        numbers: each version's number in the story it comes from (0-based), when the
            panes show some versions of a longer story; by default 0, 1, 2, …
    """
    versions = comparison.versions
    n = len(versions)
    shown = tuple(numbers) if numbers is not None else tuple(range(n))
    if n < 2 or not comparison.pairs:
        return build_single(versions[0], shown[0])
    rows = _pair_rows(comparison.pairs[0], 0, n)
    for k in range(1, n - 1):
        rows = _chain(rows, _pair_rows(comparison.pairs[k], k, n), k)
    paragraph_rows = [[0] * len(v.paragraphs) for v in versions]
    for r, row in enumerate(rows):
        for v, cell in enumerate(row.cells):
            for p in cell:
                paragraph_rows[v][p] = r
    links = _moved_links(rows, comparison)
    figures = [
        figure_edits(p, versions[p.from_index].text, versions[p.to_index].text)
        for p in comparison.pairs
    ]
    remainders = [_remainders(p) for p in comparison.pairs]
    spans = [_version_spans(comparison, v, figures) for v in range(n)]
    stops = _stops(comparison, paragraph_rows, figures, remainders)
    return DocumentModel(
        versions,
        comparison,
        rows,
        paragraph_rows,
        spans,
        stops,
        links,
        shown,
        figures,
        remainders,
    )


def _pair_rows(pair: PairComparison, k: int, n: int) -> list[Row]:
    """Rows for one pair; a moved paragraph gets a row at each of its two places."""

    def new_row(from_: tuple[int, ...], to: tuple[int, ...], kind: str, entry: int) -> Row:
        cells: list[tuple[int, ...]] = [() for _ in range(n)]
        cells[k], cells[k + 1] = from_, to
        kinds = [""] * (n - 1)
        kinds[k] = kind
        entries: list[list[int]] = [[] for _ in range(n - 1)]
        entries[k] = [entry]
        return Row(cells, kinds, entries)

    rows: list[Row] = []
    moved: list[Row] = []
    entries = pair.alignment
    i = 0
    while i < len(entries):
        e = entries[i]
        if e.kind is AlignKind.MOVED:
            rows.append(new_row((), e.to, "moved_to", i))
            moved.append(new_row(e.from_, (), "moved_from", i))
        elif (
            e.kind is AlignKind.IGNORED
            and e.from_
            and not e.to
            and i + 1 < len(entries)
            and entries[i + 1].kind is AlignKind.IGNORED
            and entries[i + 1].to
            and not entries[i + 1].from_
        ):
            # Metadata lines that differ ("Last updated: …") face each other on one row.
            row = new_row(e.from_, entries[i + 1].to, e.kind.value, i)
            row.pair_entries[k].append(i + 1)
            rows.append(row)
            i += 1
        else:
            rows.append(new_row(e.from_, e.to, e.kind.value, i))
        i += 1
    if moved:
        holder: dict[int, Row] = {}
        for row in rows:
            for p in row.cells[k]:
                holder[p] = row
        for row in sorted(moved, key=lambda r: min(r.cells[k])):
            first = min(row.cells[k])
            before = next((holder[p] for p in range(first - 1, -1, -1) if p in holder), None)
            index = 0 if before is None else _index_of(rows, before) + 1
            rows.insert(index, row)
            for p in row.cells[k]:
                holder[p] = row
    return rows


def _index_of(rows: list[Row], row: Row) -> int:
    for i, candidate in enumerate(rows):
        if candidate is row:
            return i
    return len(rows) - 1


def _chain(old: list[Row], new: list[Row], k: int) -> list[Row]:
    """Join rows covering versions ..k with rows of pair k (k → k+1) on version k."""
    out: list[Row] = []
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and not old[i].cells[k]:
            out.append(old[i])
            i += 1
            continue
        if j < len(new) and not new[j].cells[k]:
            out.append(new[j])
            j += 1
            continue
        if i >= len(old):
            out.append(new[j])
            j += 1
            continue
        if j >= len(new):
            out.append(old[i])
            i += 1
            continue
        group_old, group_new = [old[i]], [new[j]]
        have_old, have_new = set(old[i].cells[k]), set(new[j].cells[k])
        i += 1
        j += 1
        # Paragraphs of version k may be grouped differently by the two pairs (a split
        # in one, a merge in the other): widen the row until both cover the same ones.
        while have_old != have_new:
            if max(have_old, default=-1) < max(have_new, default=-1):
                if i >= len(old):
                    break
                group_old.append(old[i])
                have_old |= set(old[i].cells[k])
                i += 1
            else:
                if j >= len(new):
                    break
                group_new.append(new[j])
                have_new |= set(new[j].cells[k])
                j += 1
        out.append(_merge_rows(group_old, group_new, k))
    return out


def _merge_rows(group_old: list[Row], group_new: list[Row], k: int) -> Row:
    n = len(group_old[0].cells)
    cells: list[tuple[int, ...]] = []
    for c in range(n):
        source = group_old if c <= k else group_new
        merged: list[int] = []
        for row in source:
            merged.extend(row.cells[c])
        cells.append(tuple(sorted(set(merged))))
    kinds: list[str] = []
    entries: list[list[int]] = []
    for p in range(n - 1):
        source = group_old if p < k else group_new
        found = [row.pair_kinds[p] for row in source if row.pair_kinds[p]]
        distinct = list(dict.fromkeys(found))
        if not distinct:
            kinds.append("")
        elif len(distinct) == 1:
            kinds.append(distinct[0])
        else:
            kinds.append(next((x for x in distinct if x not in ("equal", "ignored")), "changed"))
        entries.append([e for row in source for e in row.pair_entries[p]])
    return Row(cells, kinds, entries)


def _moved_links(rows: list[Row], comparison: Comparison) -> dict[tuple[int, int], MovedLink]:
    places: dict[tuple[int, int, str], int] = {}
    for r, row in enumerate(rows):
        for p, kind in enumerate(row.pair_kinds):
            if kind in ("moved_to", "moved_from"):
                for e in row.pair_entries[p]:
                    places[(p, e, kind)] = r
    links: dict[tuple[int, int], MovedLink] = {}
    for (p, e, kind), r in places.items():
        entry = comparison.pairs[p].alignment[e]
        if kind == "moved_to":
            other = places.get((p, e, "moved_from"))
            if other is not None and entry.from_:
                links[(r, p)] = MovedLink(other, entry.from_[0], to_newer=False)
        else:
            other = places.get((p, e, "moved_to"))
            if other is not None and entry.to:
                links[(r, p + 1)] = MovedLink(other, entry.to[0], to_newer=True)
    return links


Piece = tuple[int, int, str, int, int]  # start, end, style, change, move


def _base_style(change: Change, listed: bool, older: bool) -> str:
    """A change's mark: a figure replaced by another is a number change.

    A figure added or removed marks only the figure (``FIG_DEL``/``FIG_INS``, laid over),
    and the words around it as words.
    """
    if change.category is Category.TYPOGRAPHIC:
        return TYPO
    if change.category is Category.NUMERIC and listed:
        return NUM_OLD if older else NUM_NEW
    return DEL if older else INS


def _side_pieces(
    comparison: Comparison, p: int, older: bool, figures: list[FigureEdit]
) -> list[Piece]:
    """The marks one side of pair ``p`` puts on its version, moved sentences laid over."""
    pair = comparison.pairs[p]
    listed = {n.change for n in pair.numbers if n.move < 0}
    # marks laid over a change, by the change they lie in: moved sentences, the words
    # edited in them, figures added or removed or changed as they moved (each layer over
    # the one before)
    over: dict[int, list[list[Piece]]] = {}

    def lay(layer: int, piece: Piece) -> None:
        over.setdefault(piece[3], [[], [], []])[layer].append(piece)

    if pair.moves:
        old = comparison.versions[pair.from_index].text
        new = comparison.versions[pair.to_index].text
        holding = _holder(pair.changes, older)
        for mi, m in enumerate(pair.moves):
            s, e = (m.from_start, m.from_end) if older else (m.to_start, m.to_end)
            ci = holding(s)
            lay(0, (s, e, MOVED_OLD if older else MOVED_NEW, ci, mi))
            for span, typographic in moved_sentence_edits(old, new, m):
                a, b = (span.from_start, span.from_end) if older else (span.to_start, span.to_end)
                lay(1, (a, b, TYPO if typographic else DEL if older else INS, ci, mi))
        for number in pair.numbers:
            if number.move < 0:
                continue
            # a figure changed as its sentence moved: a number change at both places
            s = number.from_start if older else number.to_start
            e = s + len(number.from_text if older else number.to_text)
            lay(2, (s, e, NUM_OLD if older else NUM_NEW, holding(s), number.move))
    for f in figures:
        if f.added is not older:
            lay(2, (f.start, f.end, FIG_INS if f.added else FIG_DEL, f.change, f.move))
    text = comparison.versions[pair.from_index if older else pair.to_index].text
    out: list[Piece] = []
    for ci, ch in enumerate(pair.changes):
        s, e = (ch.from_start, ch.from_end) if older else (ch.to_start, ch.to_end)
        if e <= s:
            continue
        base = (s, e, _base_style(ch, ci in listed, older), ci, -1)
        layers = over.get(ci)
        if layers is None:
            out.append(base)
            continue
        moved = bool(layers[0])
        out.extend(
            # what a moved sentence leaves of its change may be a space alone: no change
            piece
            for piece in _flatten([[base], *layers])
            if piece[4] >= 0 or not moved or text[piece[0] : piece[1]].strip()
        )
    return out


def _holder(changes: tuple[Change, ...], older: bool) -> Callable[[int], int]:
    """A function giving the change whose older (or newer) side holds an offset, or -1."""
    ranges = sorted(
        (ch.from_start, ch.from_end, ci) if older else (ch.to_start, ch.to_end, ci)
        for ci, ch in enumerate(changes)
    )
    ranges = [r for r in ranges if r[1] > r[0]]
    starts = [r[0] for r in ranges]

    def holding(offset: int) -> int:
        k = bisect_right(starts, offset) - 1
        return ranges[k][2] if k >= 0 and offset < ranges[k][1] else -1

    return holding


def _flatten(layers: list[list[Piece]]) -> list[Piece]:
    """Pieces that do not overlap, each stretch taking the mark of the last layer over it."""
    ranked = sorted(
        (
            (s, e, rank, style, ch, mv)
            for rank, layer in enumerate(layers)
            for s, e, style, ch, mv in layer
            if e > s
        ),
    )
    points = sorted({x for s, e, *_ in ranked for x in (s, e)})
    out: list[Piece] = []
    active: list[tuple[int, int, int, str, int, int]] = []
    j = 0
    for a, b in zip(points, points[1:], strict=False):
        while j < len(ranked) and ranked[j][0] <= a:
            active.append(ranked[j])
            j += 1
        active = [x for x in active if x[1] > a]
        if not active:
            continue
        _s, _e, _rank, style, ch, mv = max(active, key=lambda x: x[2])
        if out and out[-1][1] == a and out[-1][2:] == (style, ch, mv):
            out[-1] = (out[-1][0], b, style, ch, mv)
        else:
            out.append((a, b, style, ch, mv))
    return out


def _version_spans(
    comparison: Comparison, v: int, figures: list[list[FigureEdit]]
) -> dict[int, list[Span]]:
    """Spans of version ``v``: deletions toward the next version, additions from the last."""
    version = comparison.versions[v]
    starts = [p.start for p in version.paragraphs]
    out: dict[int, list[Span]] = {}

    def add(piece: Piece, pair: int) -> None:
        start, end, style, change, move = piece
        if end <= start or not starts:
            return
        first = max(0, bisect_right(starts, start) - 1)
        for p in range(first, len(starts)):
            para = version.paragraphs[p]
            if para.start >= end:
                break
            s, e = max(start, para.start), min(end, para.end)
            if e > s:
                out.setdefault(p, []).append(Span(s, e, style, pair, change, move))

    if v > 0:
        for piece in _side_pieces(comparison, v - 1, False, figures[v - 1]):
            add(piece, v - 1)
    if v < len(comparison.pairs):
        for piece in _side_pieces(comparison, v, True, figures[v]):
            add(piece, v)
    for spans in out.values():
        spans.sort(key=lambda s: (s.start, s.end))
    return out


def _remainders(
    pair: PairComparison,
) -> dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """For each change a moved sentence lies in: what is left of it on each side."""
    out: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    if not pair.moves:
        return out
    holes_old: dict[int, list[SentenceMove]] = {}
    holes_new: dict[int, list[SentenceMove]] = {}
    old_holder, new_holder = _holder(pair.changes, True), _holder(pair.changes, False)
    for m in pair.moves:
        holes_old.setdefault(old_holder(m.from_start), []).append(m)
        holes_new.setdefault(new_holder(m.to_start), []).append(m)
    for ci in (set(holes_old) | set(holes_new)) - {-1}:
        ch = pair.changes[ci]
        before = _cut(
            ch.from_start, ch.from_end, [(m.from_start, m.from_end) for m in holes_old.get(ci, [])]
        )
        after = _cut(
            ch.to_start, ch.to_end, [(m.to_start, m.to_end) for m in holes_new.get(ci, [])]
        )
        out[ci] = (before, after)
    return out


def _cut(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` without the holes."""
    pieces = []
    pos = start
    for a, b in sorted(holes):
        if a > pos:
            pieces.append((pos, min(a, end)))
        pos = max(pos, b)
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _stops(
    comparison: Comparison,
    paragraph_rows: list[list[int]],
    figures: list[list[FigureEdit]],
    remainders: list[dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]]],
) -> list[Stop]:
    stops: list[Stop] = []
    for p, pair in enumerate(comparison.pairs):
        new_v, old_v = comparison.versions[pair.to_index], comparison.versions[pair.from_index]
        new_starts = [q.start for q in new_v.paragraphs]
        old_starts = [q.start for q in old_v.paragraphs]
        left = remainders[p]
        listed = {n.change for n in pair.numbers if n.move < 0}
        figured = {f.change for f in figures[p] if f.move < 0}
        for ci, ch in enumerate(pair.changes):
            category = ch.category.value
            if category == Category.NUMERIC.value and ci not in listed and ci not in figured:
                # its figures moved with their sentence, or elsewhere in the paragraph:
                # what is left is a change of words
                category = Category.TEXT.value
            if ci in left:
                # A moved sentence lay in this change: what is left of it is the change,
                # or nothing is when only spaces are left.
                before, after = left[ci]
                before = [(a, b) for a, b in before if old_v.text[a:b].strip()]
                after = [(a, b) for a, b in after if new_v.text[a:b].strip()]
                if not before and not after:
                    continue
                ranges_new, ranges_old = after, before
            else:
                ranges_new = [(ch.to_start, ch.to_end)] if ch.to_end > ch.to_start else []
                ranges_old = [(ch.from_start, ch.from_end)]
            if ranges_new and new_starts:
                v, starts = pair.to_index, new_starts
                s, e = ranges_new[0][0], ranges_new[-1][1]
            elif old_starts:
                v, starts = pair.from_index, old_starts
                s, e = ranges_old[0][0], ranges_old[-1][1]
            else:
                continue
            para = max(0, bisect_right(starts, s) - 1)
            stops.append(Stop(paragraph_rows[v][para], v, s, e, category, p, ci, ch.to_start))
        for mi, m in enumerate(pair.moves):
            if not new_starts:
                continue
            para = max(0, bisect_right(new_starts, m.to_start) - 1)
            row = paragraph_rows[pair.to_index][para]
            stops.append(
                Stop(row, pair.to_index, m.to_start, m.to_end, MOVED, p, -1, m.to_start, mi)
            )
        changed_entries = {ch.entry for ch in pair.changes}
        for ei, entry in enumerate(pair.alignment):
            if entry.kind is AlignKind.MOVED and ei not in changed_entries and entry.to:
                start = new_v.paragraphs[entry.to[0]].start
                row = paragraph_rows[pair.to_index][entry.to[0]]
                stops.append(Stop(row, pair.to_index, start, start, MOVED, p, -1, start))
    stops.sort(key=lambda s: (s.row, s.pair, s.order, s.version))
    return stops

"""What the reader window shows: rows of aligned paragraphs, marks and stops, without Qt.

``DocumentModel`` turns a ``Comparison`` (or a single ``Version``) into what the views
paint: one row per group of corresponding paragraphs across all versions, the marked
spans of each version, and the list of changes a reader can step through. It is built
off the GUI thread and never changes afterwards; views only read it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from comparer.core.model import AlignKind, Category, Comparison, PairComparison, Role, Version

# Mark styles a span can carry; views map them to colours and text decorations.
DEL, INS, NUM_OLD, NUM_NEW, TYPO = "del", "ins", "num_old", "num_new", "typo"
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

    def number(self, column: int) -> int:
        """The story's number (0-based) of the version in pane ``column``."""
        return self.numbers[column] if column < len(self.numbers) else column

    @property
    def pairs(self) -> tuple[PairComparison, ...]:
        """The consecutive pair comparisons (empty for a single version)."""
        return self.comparison.pairs if self.comparison else ()

    def paragraph_at(self, version: int, offset: int) -> int:
        """Index of the paragraph of ``version`` that holds (or precedes) ``offset``."""
        paragraphs = self.versions[version].paragraphs
        starts = [p.start for p in paragraphs]
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
    spans = [_version_spans(comparison, v) for v in range(n)]
    stops = _stops(comparison, paragraph_rows)
    return DocumentModel(versions, comparison, rows, paragraph_rows, spans, stops, links, shown)


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


def _style(category: Category, older: bool) -> str:
    if category is Category.TYPOGRAPHIC:
        return TYPO
    if category is Category.NUMERIC:
        return NUM_OLD if older else NUM_NEW
    return DEL if older else INS


def _version_spans(comparison: Comparison, v: int) -> dict[int, list[Span]]:
    """Spans of version ``v``: deletions toward the next version, additions from the last."""
    version = comparison.versions[v]
    starts = [p.start for p in version.paragraphs]
    out: dict[int, list[Span]] = {}

    def add(start: int, end: int, style: str, pair: int, change: int) -> None:
        if end <= start or not starts:
            return
        first = max(0, bisect_right(starts, start) - 1)
        for p in range(first, len(starts)):
            para = version.paragraphs[p]
            if para.start >= end:
                break
            s, e = max(start, para.start), min(end, para.end)
            if e > s:
                out.setdefault(p, []).append(Span(s, e, style, pair, change))

    if v > 0:
        pair = comparison.pairs[v - 1]
        for ci, ch in enumerate(pair.changes):
            add(ch.to_start, ch.to_end, _style(ch.category, older=False), v - 1, ci)
    if v < len(comparison.pairs):
        pair = comparison.pairs[v]
        for ci, ch in enumerate(pair.changes):
            add(ch.from_start, ch.from_end, _style(ch.category, older=True), v, ci)
    for spans in out.values():
        spans.sort(key=lambda s: (s.start, s.end))
    return out


def _stops(comparison: Comparison, paragraph_rows: list[list[int]]) -> list[Stop]:
    stops: list[Stop] = []
    for p, pair in enumerate(comparison.pairs):
        new_v, old_v = comparison.versions[pair.to_index], comparison.versions[pair.from_index]
        new_starts = [q.start for q in new_v.paragraphs]
        old_starts = [q.start for q in old_v.paragraphs]
        for ci, ch in enumerate(pair.changes):
            if ch.to_end > ch.to_start and new_starts:
                v, s, e, starts = pair.to_index, ch.to_start, ch.to_end, new_starts
            elif old_starts:
                v, s, e, starts = pair.from_index, ch.from_start, ch.from_end, old_starts
            else:
                continue
            para = max(0, bisect_right(starts, s) - 1)
            stops.append(
                Stop(paragraph_rows[v][para], v, s, e, ch.category.value, p, ci, ch.to_start)
            )
        changed_entries = {ch.entry for ch in pair.changes}
        for ei, entry in enumerate(pair.alignment):
            if entry.kind is AlignKind.MOVED and ei not in changed_entries and entry.to:
                start = new_v.paragraphs[entry.to[0]].start
                row = paragraph_rows[pair.to_index][entry.to[0]]
                stops.append(Stop(row, pair.to_index, start, start, MOVED, p, -1, start))
    stops.sort(key=lambda s: (s.row, s.pair, s.order, s.version))
    return stops

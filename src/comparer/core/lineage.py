"""Paragraph lineages: one paragraph followed through every version of a story.

A lineage is built from the consecutive alignments alone (v1 → v2, v2 → v3, …), never
by comparing every version with every other: paragraphs joined by an alignment entry
belong to the same lineage. A paragraph split in two is one lineage with two paragraphs
in the newer version; two merged into one, likewise. So every paragraph of every
version is in exactly one lineage, and a lineage's step between two versions is exactly
what that pair's comparison says of those paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparer.core.model import AlignKind, PairComparison, Version

ABSENT = ""  # a step where the lineage has no paragraph on either side

# when several entries join one lineage's paragraphs across a step, the step is told
# by the weightiest of their kinds
_WEIGHT = {
    AlignKind.SPLIT: 7,
    AlignKind.MERGED: 7,
    AlignKind.MOVED: 6,
    AlignKind.CHANGED: 5,
    AlignKind.ADDED: 4,
    AlignKind.DELETED: 4,
    AlignKind.EQUAL: 2,
    AlignKind.IGNORED: 1,
}


@dataclass(frozen=True, slots=True)
class Lineage:
    """One paragraph's life across the versions.

    Attributes:
        cells: per version, the indices of its paragraphs there (``()`` where it is absent;
            two or more after a split or before a merge).
        steps: per consecutive pair, how it changed: an ``AlignKind`` value ("equal",
            "changed", "moved", "split", "merged", "added", "deleted", "ignored"), or ""
            where it is absent on both sides.
        entries: per consecutive pair, the indices of the alignment entries that make the
            step (their word changes are the lineage's changes at that step).
    """

    cells: tuple[tuple[int, ...], ...]
    steps: tuple[str, ...]
    entries: tuple[tuple[int, ...], ...]

    @property
    def first(self) -> int:
        """The first version it appears in."""
        return next(v for v, cell in enumerate(self.cells) if cell)

    @property
    def last(self) -> int:
        """The last version it appears in."""
        return max(v for v, cell in enumerate(self.cells) if cell)

    def present(self) -> list[int]:
        """The versions it appears in."""
        return [v for v, cell in enumerate(self.cells) if cell]


class _Joiner:
    """Union-find over (version, paragraph) nodes, numbered consecutively."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        parent = self.parent
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the older root wins, so a lineage is named by its first paragraph
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def build_lineages(
    versions: Sequence[Version], pairs: Sequence[PairComparison]
) -> tuple[Lineage, ...]:
    """Every lineage of a story, in order of first appearance.

    Args:
        versions: the versions in reading order.
        pairs: the consecutive comparisons, ``pairs[k]`` of versions k → k+1.

    Returns:
        The lineages, ordered by the version they first appear in and their place in it.
    """
    n = len(versions)
    base = [0]
    for version in versions:
        base.append(base[-1] + len(version.paragraphs))
    joiner = _Joiner(base[-1])
    for k, pair in enumerate(pairs):
        for entry in pair.alignment:
            nodes = [base[k] + p for p in entry.from_] + [base[k + 1] + p for p in entry.to]
            for node in nodes[1:]:
                joiner.join(nodes[0], node)
    groups: dict[int, list[list[int]]] = {}
    for v in range(n):
        for p in range(len(versions[v].paragraphs)):
            root = joiner.find(base[v] + p)
            cells = groups.get(root)
            if cells is None:
                cells = groups[root] = [[] for _ in range(n)]
            cells[v].append(p)
    # which lineage each paragraph is in, to read each pair's entries once
    owner: list[int] = [0] * base[-1]
    roots = list(groups)
    index_of = {root: i for i, root in enumerate(roots)}
    for root, cells in groups.items():
        for v, cell in enumerate(cells):
            for p in cell:
                owner[base[v] + p] = index_of[root]
    step_entries: list[list[list[int]]] = [[[] for _ in pairs] for _ in roots]
    for k, pair in enumerate(pairs):
        for e, entry in enumerate(pair.alignment):
            node = base[k] + entry.from_[0] if entry.from_ else base[k + 1] + entry.to[0]
            step_entries[owner[node]][k].append(e)
    out: list[Lineage] = []
    for i, root in enumerate(roots):
        cells = groups[root]
        steps: list[str] = []
        for k, pair in enumerate(pairs):
            found = step_entries[i][k]
            if not found:
                steps.append(ABSENT)
                continue
            kind = max((pair.alignment[e].kind for e in found), key=_WEIGHT.__getitem__)
            steps.append(kind.value)
        out.append(
            Lineage(
                tuple(tuple(c) for c in cells),
                tuple(steps),
                tuple(tuple(e) for e in step_entries[i]),
            )
        )
    return tuple(out)


def lineage_of(lineages: Sequence[Lineage], version: int, paragraph: int) -> int:
    """Index of the lineage holding ``paragraph`` of ``version`` (-1 if none does)."""
    for i, lineage in enumerate(lineages):
        if paragraph in lineage.cells[version]:
            return i
    return -1

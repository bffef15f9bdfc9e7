"""Paragraph lineages: one paragraph followed through every version of a story.

A lineage is built from the consecutive alignments (v1 → v2, v2 → v3, …), never by
comparing every version with every other: paragraphs joined by an alignment entry belong
to the same lineage. A paragraph split in two is one lineage with two paragraphs in the
newer version; two merged into one, likewise. So every paragraph of every version is in
exactly one lineage, and a lineage's step between two versions is what that pair's
comparison says of those paragraphs.

One step looks further back: a paragraph removed in one version and written again in a
later one. A paragraph added at a step is compared with the last appearance of each
paragraph that was removed earlier and has been absent since (at least one version
without it), by ``compare_pair`` itself, so the aligner's own rule for "edited" against
"unrelated" decides: the two join only where that comparison pairs them. The step where
it came back is then ``restored`` instead of ``added``, and its word changes are told
against its last appearance (``Return``). Candidates are narrowed by the words they share
before any comparison is run, so the work grows with what was removed and added, not
with the number of versions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from comparer.core.align import MATCH_MIN, MOVE_MIN, paragraph_words, word_similarity
from comparer.core.compare import compare_pair
from comparer.core.model import (
    AlignKind,
    CompareOptions,
    PairComparison,
    Version,
)

ABSENT = ""  # a step where the lineage has no paragraph on either side
RESTORED = "restored"  # a step where a paragraph absent from the version before came back

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
_JOINED = (AlignKind.EQUAL, AlignKind.CHANGED, AlignKind.MOVED, AlignKind.SPLIT, AlignKind.MERGED)
CANDIDATES = 8  # earlier paragraphs compared with each added one, the likeliest first


@dataclass(frozen=True, slots=True)
class Return:
    """A paragraph written again after one or more versions without it.

    Attributes:
        step: the consecutive pair (``step`` → ``step + 1``) where it came back.
        since: the version it was last in before.
        comparison: its last appearance (version ``since``) compared with its return
            (version ``step + 1``), as ``compare_pair`` compares two versions holding only
            those paragraphs; paragraph indices and offsets are those of the two versions.
    """

    step: int
    since: int
    comparison: PairComparison

    @property
    def version(self) -> int:
        """The version it came back in."""
        return self.step + 1

    @property
    def similarity(self) -> float:
        """How close the returned paragraph is to its last appearance (1 when unchanged)."""
        return min(e.similarity for e in self.comparison.alignment)

    @property
    def edited(self) -> bool:
        """Whether its words changed while it was away."""
        return bool(self.comparison.changes)


@dataclass(frozen=True, slots=True)
class Lineage:
    """One paragraph's life across the versions.

    Attributes:
        cells: per version, the indices of its paragraphs there (``()`` where it is absent;
            two or more after a split or before a merge).
        steps: per consecutive pair, how it changed: an ``AlignKind`` value ("equal",
            "changed", "moved", "split", "merged", "added", "deleted", "ignored"),
            "restored" where it came back after one or more versions without it (the pair
            itself reports it "added"), or "" where it is absent on both sides.
        entries: per consecutive pair, the indices of the alignment entries that make the
            step (their word changes are the lineage's changes at that step; at a
            "restored" step, the entries that add it).
        returns: where it came back, oldest first, with its word changes since it was
            last seen.
    """

    cells: tuple[tuple[int, ...], ...]
    steps: tuple[str, ...]
    entries: tuple[tuple[int, ...], ...]
    returns: tuple[Return, ...] = ()

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

    def return_at(self, version: int) -> Return | None:
        """The return that brought it back in ``version``, if it came back there."""
        return next((r for r in self.returns if r.version == version), None)


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
    versions: Sequence[Version],
    pairs: Sequence[PairComparison],
    options: CompareOptions | None = None,
) -> tuple[Lineage, ...]:
    """Every lineage of a story, in order of first appearance.

    Args:
        versions: the versions in reading order.
        pairs: the consecutive comparisons, ``pairs[k]`` of versions k → k+1.
        options: what the comparisons ignored; a paragraph's return is judged alike.

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
    returns = _Returns(versions, pairs, base, joiner, options or CompareOptions()).find()
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
    came_back: dict[int, list[Return]] = defaultdict(list)
    for node, back_at in returns:
        came_back[owner[node]].append(back_at)
    out: list[Lineage] = []
    for i, root in enumerate(roots):
        cells = groups[root]
        back = {r.step: r for r in came_back.get(i, ())}
        steps: list[str] = []
        for k, pair in enumerate(pairs):
            found = step_entries[i][k]
            if not found:
                steps.append(ABSENT)
                continue
            if k in back:
                steps.append(RESTORED)
                continue
            kind = max((pair.alignment[e].kind for e in found), key=_WEIGHT.__getitem__)
            steps.append(kind.value)
        out.append(
            Lineage(
                tuple(tuple(c) for c in cells),
                tuple(steps),
                tuple(tuple(e) for e in step_entries[i]),
                tuple(sorted(back.values(), key=lambda r: r.step)),
            )
        )
    return tuple(out)


@dataclass
class _Gone:
    """A lineage that was removed: where it was last seen, and its words there."""

    version: int
    cell: tuple[int, ...]
    words: list[str]
    counts: Counter[str]


class _Returns:
    """Finds the paragraphs added at a step that are earlier paragraphs come back.

    Works on the union-find of the consecutive alignments and joins each returned
    paragraph's lineage to the one it continues, step by step, oldest first (a paragraph
    may go and come back more than once).
    """

    def __init__(
        self,
        versions: Sequence[Version],
        pairs: Sequence[PairComparison],
        base: list[int],
        joiner: _Joiner,
        options: CompareOptions,
    ) -> None:
        self.versions, self.pairs, self.base = versions, pairs, base
        self.joiner, self.options = joiner, options

    def _words(self, version: int, cell: Sequence[int]) -> list[str]:
        text = " ".join(self.versions[version].paragraph_text(p) for p in cell)
        return paragraph_words(text, self.options.ignore_case)

    def find(self) -> list[tuple[int, Return]]:
        """Join every returned paragraph to its lineage; the returns, by a node of theirs."""
        versions, pairs, base, joiner = self.versions, self.pairs, self.base, self.joiner
        n = len(versions)
        # per lineage root: the first and last version it is in, and its cell in the last
        first: dict[int, int] = {}
        last: dict[int, tuple[int, list[int]]] = {}
        for v in range(n):
            for p in range(len(versions[v].paragraphs)):
                root = joiner.find(base[v] + p)
                first.setdefault(root, v)
                seen = last.get(root)
                if seen is None or seen[0] != v:
                    last[root] = (v, [p])
                else:
                    seen[1].append(p)
        # lineages that end before the last version, by the step after which they are
        # candidates (removed at step v, absent from v + 1: a return at step v + 1 or later)
        ending: dict[int, list[int]] = defaultdict(list)
        for root, (v, cell) in last.items():
            if v < n - 2 and all(versions[v].paragraphs[p].role.is_article for p in cell):
                ending[v + 1].append(root)
        gone: dict[int, _Gone] = {}  # by root: removed and absent since
        index: dict[str, set[int]] = defaultdict(set)  # word -> roots of gone lineages
        out: list[tuple[int, Return]] = []
        for k, pair in enumerate(pairs):
            for root in ending.get(k, ()):
                v, cell = last[root]
                words = self._words(v, cell)
                gone[root] = _Gone(v, tuple(cell), words, Counter(words))
                for w in set(words):
                    index[w].add(root)
            if not gone:
                continue
            scored: list[tuple[float, int, int, int]] = []
            for entry in pair.alignment:
                if entry.kind is not AlignKind.ADDED:
                    continue
                p = entry.to[0]
                new_root = joiner.find(base[k + 1] + p)
                if first[new_root] == k + 1:
                    scored.extend(
                        (sim, old_root, new_root, p)
                        for sim, old_root in self._candidates(k, p, gone, index)
                    )
            scored.sort(key=lambda t: (-t[0], t[1], t[3]))
            used_old: set[int] = set()
            used_new: set[int] = set()
            # each new lineage's paragraphs in version k + 1: more than the one scored when
            # a later step merges it with another paragraph of that version
            cells: dict[int, list[int]] = defaultdict(list)
            if scored:
                for q in range(len(versions[k + 1].paragraphs)):
                    cells[joiner.find(base[k + 1] + q)].append(q)
            for _sim, old_root, new_root, _p in scored:
                if old_root in used_old or new_root in used_new:
                    continue
                back = self._compared(k, tuple(cells[new_root]), gone[old_root])
                if back is None:
                    continue  # the comparison keeps them apart after all
                used_old.add(old_root)
                used_new.add(new_root)
                for w in gone.pop(old_root).counts:
                    index[w].discard(old_root)
                joiner.join(old_root, new_root)
                merged = joiner.find(old_root)
                out.append((merged, back))
                # the joined lineage ends where the returned paragraph's lineage ends
                end = last[new_root]
                last[merged] = end
                first[merged] = first[old_root]
                if end[0] < n - 2:
                    ending[end[0] + 1].append(merged)
        return out

    def _candidates(
        self, k: int, paragraph: int, gone: dict[int, _Gone], index: dict[str, set[int]]
    ) -> list[tuple[float, int]]:
        """The gone lineages close enough to paragraph ``paragraph`` of version ``k + 1``.

        Close enough is the aligner's rule: ``MATCH_MIN`` back in its old place (beside a
        paragraph it was beside when last seen), ``MOVE_MIN`` elsewhere.
        """
        words = self._words(k + 1, (paragraph,))
        counts = Counter(words)
        hits: set[int] = set()
        for w in counts:
            hits |= index.get(w, set())
        bounds = []
        for root in hits:
            had = gone[root]
            # twice the words in common over all words: never below the exact figure
            common = sum((had.counts & counts).values())
            bound = 2 * common / ((len(had.words) + len(words)) or 1)
            if bound >= MATCH_MIN:
                bounds.append((bound, root))
        bounds.sort(key=lambda t: (-t[0], t[1]))
        out = []
        for _bound, root in bounds[:CANDIDATES]:
            had = gone[root]
            sim = word_similarity(had.words, words)
            if sim >= (MATCH_MIN if self._in_place(k, paragraph, had) else MOVE_MIN):
                out.append((sim, root))
        return out

    def _in_place(self, k: int, paragraph: int, had: _Gone) -> bool:
        """Whether the paragraph is back beside a paragraph it was beside when last seen."""
        find, base = self.joiner.find, self.base
        now = self.versions[k + 1].paragraphs
        then = self.versions[had.version].paragraphs
        before_now = find(base[k + 1] + paragraph - 1) if paragraph > 0 else -1
        before_then = find(base[had.version] + had.cell[0] - 1) if had.cell[0] > 0 else -1
        if before_now == before_then:
            return True
        after_now = find(base[k + 1] + paragraph + 1) if paragraph + 1 < len(now) else -2
        after_then = (
            find(base[had.version] + had.cell[-1] + 1) if had.cell[-1] + 1 < len(then) else -2
        )
        return after_now == after_then

    def _compared(self, k: int, cell: tuple[int, ...], had: _Gone) -> Return | None:
        """Its last appearance compared with paragraphs ``cell`` of version ``k + 1``.

        ``cell`` is the whole of the returning lineage in that version, so that the
        return's comparison is of all it holds there.
        """
        new = self.versions[k + 1]
        old = self.versions[had.version]
        pair = compare_pair(
            replace(old, paragraphs=tuple(old.paragraphs[p] for p in had.cell)),
            replace(new, paragraphs=tuple(new.paragraphs[p] for p in cell)),
            had.version,
            k + 1,
            self.options,
        )
        if not pair.alignment or any(e.kind not in _JOINED for e in pair.alignment):
            return None
        # paragraph indices of the two versions, not of the paragraphs compared
        alignment = tuple(
            replace(e, from_=tuple(had.cell[i] for i in e.from_), to=tuple(cell[i] for i in e.to))
            for e in pair.alignment
        )
        return Return(k, had.version, replace(pair, alignment=alignment))


def lineage_of(lineages: Sequence[Lineage], version: int, paragraph: int) -> int:
    """Index of the lineage holding ``paragraph`` of ``version`` (-1 if none does)."""
    for i, lineage in enumerate(lineages):
        if paragraph in lineage.cells[version]:
            return i
    return -1

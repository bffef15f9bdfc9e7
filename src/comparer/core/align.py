"""Paragraph alignment between two versions: what stayed, changed, moved, split or merged.

The method, in three passes:

1. *Anchors.* Paragraphs equal after typographic folding are matched in order with a
   longest-common-subsequence diff over whole paragraphs (the standard library's
   ``SequenceMatcher`` on the folded paragraphs: hashing whole paragraphs, it is much
   faster here than a character-level Myers diff).
2. *Similar paragraphs.* What is left on each side is matched by word similarity
   (rapidfuzz's Indel similarity on word sequences). Candidates come from an inverted index
   of the less common words, so the work grows with the number of unmatched paragraphs,
   not with its square. Pairs outside one longest in-order chain of all pairs (anchors
   included) are ``moved`` (and need more similarity to count); the rest are ``equal`` or
   ``changed``.
   Paragraphs below the threshold stay ``deleted`` and ``added``: a removed paragraph is
   never paired with an unrelated new one.
3. *Splits and merges.* A matched pair whose neighbour on one side is unmatched becomes a
   ``split`` or ``merged`` entry when joining the neighbour makes the match much closer.

The matching is hand-written because diff tools align lines in order only (no moves) and
fuzzy-matching libraries compare strings, not documents; the parts that need care (the
diff and the similarity) come from diff-match-patch and rapidfuzz.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from comparer.core.comparison import AlignKind, AlignmentEntry
from comparer.core.typography import fold_cached
from comparer.core.version import Version

MATCH_MIN = 0.5  # word similarity for a reworded paragraph in place
MOVE_MIN = 0.6  # a paragraph found elsewhere must be closer to count as moved
SPLIT_GAIN = 0.08  # how much closer a join must make the match to count as a split/merge
CANDIDATES = 8  # similar paragraphs scored per unmatched paragraph
EXACT_SIMILARITY_CELLS = 4_000_000  # word pairs: beyond this, similarity is estimated
GAP_PAIRS = 16  # stretches between anchors up to this many pairs are matched directly

_WORD = re.compile(r"\w+")


@dataclass
class _Pair:
    old: list[int]  # positions in the article-paragraph lists, not paragraph indices
    new: list[int]
    similarity: float
    anchor: bool = False
    moved: bool = False


class _Side:
    """The article paragraphs of one version, with their folded text and words."""

    def __init__(self, version: Version, ignore_case: bool, folded: dict[str, str]) -> None:
        text = version.text
        paragraphs = version.paragraphs
        self.index = [i for i, p in enumerate(paragraphs) if p.role.is_article]
        raw = [text[paragraphs[i].start : paragraphs[i].end] for i in self.index]
        self.keys = fold_cached(raw, folded, ignore_case)
        self._words: dict[int, list[int]] = {}
        self._vocab: dict[str, int] = {}

    def bind_vocab(self, vocab: dict[str, int]) -> None:
        self._vocab = vocab

    def words(self, pos: int) -> list[int]:
        cached = self._words.get(pos)
        if cached is None:
            vocab = self._vocab
            cached = [
                vocab.setdefault(w, len(vocab)) for w in _WORD.findall(self.keys[pos].lower())
            ]
            self._words[pos] = cached
        return cached

    def joined_words(self, positions: Sequence[int]) -> list[int]:
        out: list[int] = []
        for pos in positions:
            out.extend(self.words(pos))
        return out


def align(old: Version, new: Version, ignore_case: bool = False) -> list[AlignmentEntry]:
    """Align the paragraphs of ``old`` and ``new``.

    Returns:
        Entries in reading order of the newer version; every paragraph of each side is in
        exactly one entry. Markup and metadata paragraphs get ``ignored`` entries (paired
        with an identical one on the other side when there is one).
    """
    folded: dict[str, str] = {}  # shared: most paragraphs are the same in both versions
    a = _Side(old, ignore_case, folded)
    b = _Side(new, ignore_case, folded)
    vocab: dict[str, int] = {}
    a.bind_vocab(vocab)
    b.bind_vocab(vocab)

    pairs = _anchor(a.keys, b.keys)
    pairs.extend(_match_in_gaps(a, b, pairs))
    old_free = sorted(set(range(len(a.keys))) - {p.old[0] for p in pairs})
    new_free = sorted(set(range(len(b.keys))) - {p.new[0] for p in pairs})
    pairs.extend(_match_similar(a, b, old_free, new_free))
    _place(pairs)
    pairs = [p for p in pairs if not (p.moved and p.similarity < MOVE_MIN)]
    _join_neighbours(a, b, pairs)

    entries = _entries(old, new, a, b, pairs)
    return entries


def _similarity(a: list[int], b: list[int]) -> float:
    """Word similarity of two paragraphs, from 0 to 1.

    Indel similarity (twice the longest common word subsequence over the total length);
    for huge paragraphs, whose exact figure costs seconds, the share of words they have in
    common stands in (an upper bound of the exact figure, equal to it when no word moved).
    """
    if len(a) * len(b) <= EXACT_SIMILARITY_CELLS:
        return float(Indel.normalized_similarity(a, b))
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def _anchor(old_keys: list[str], new_keys: list[str]) -> list[_Pair]:
    """Pairs of paragraphs equal after folding, in order (a longest common subsequence)."""
    # Each distinct key becomes a small integer: the matcher only compares keys for
    # equality, and integers hash and compare faster than long strings.
    ids: dict[str, int] = {}
    old_ids = [ids.setdefault(k, len(ids)) for k in old_keys]
    new_ids = [ids.setdefault(k, len(ids)) for k in new_keys]
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    return [
        _Pair([block.a + k], [block.b + k], 1.0, anchor=True)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]


def _match_in_gaps(a: _Side, b: _Side, anchors: list[_Pair]) -> list[_Pair]:
    """Match paragraphs within small stretches between anchors, where edits mostly are.

    Most edits reword a paragraph in place, leaving one or two unmatched paragraphs on
    each side between the same anchors; scoring those directly is cheaper than the index.
    """
    out: list[_Pair] = []
    bounds = [(-1, -1)] + [(p.old[0], p.new[0]) for p in anchors] + [(len(a.keys), len(b.keys))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        olds, news = range(i0 + 1, i1), range(j0 + 1, j1)
        if not olds or not news or len(olds) * len(news) > GAP_PAIRS:
            continue
        scored = sorted(
            ((_similarity(a.words(o), b.words(n)), o, n) for o in olds for n in news),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_old: set[int] = set()
        used_new: set[int] = set()
        for sim, o, n in scored:
            if sim < MATCH_MIN or o in used_old or n in used_new:
                continue
            used_old.add(o)
            used_new.add(n)
            out.append(_Pair([o], [n], sim))
    return out


def _match_similar(a: _Side, b: _Side, old_free: list[int], new_free: list[int]) -> list[_Pair]:
    if not old_free or not new_free:
        return []
    postings: dict[int, list[int]] = defaultdict(list)
    df: Counter[int] = Counter()
    for pos in new_free:
        for w in set(b.words(pos)):
            postings[w].append(pos)
    for pos in old_free:
        df.update(set(a.words(pos)))
    for w, plist in postings.items():
        df[w] += len(plist)
    common = max(24, (len(old_free) + len(new_free)) // 10)

    scored: list[tuple[float, int, int]] = []
    for o in old_free:
        words = a.words(o)
        if not words:
            continue
        hits: Counter[int] = Counter()
        for w in set(words):
            if df[w] <= common:
                hits.update(postings.get(w, ()))
        if not hits:
            # only common words: fall back to the nearest free paragraphs by position
            continue
        for n, _count in hits.most_common(CANDIDATES):
            sim = _similarity(words, b.words(n))
            if sim >= MATCH_MIN:
                scored.append((sim, o, n))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[_Pair] = []
    for sim, o, n in scored:
        if o in used_old or n in used_new:
            continue
        used_old.add(o)
        used_new.add(n)
        out.append(_Pair([o], [n], sim))
    return out


def _place(pairs: list[_Pair]) -> None:
    """Mark as moved the pairs outside one longest in-order chain of all the pairs.

    Exact anchors and similar pairs are weighed alike, so that one paragraph moved up past
    three reworded ones counts as one move, not three.
    """
    pairs.sort(key=lambda p: p.old[0])
    keep = _longest_increasing([p.new[0] for p in pairs])
    for idx, pair in enumerate(pairs):
        pair.moved = idx not in keep


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_idx.append(i)
        else:
            tails[k] = v
            tail_idx[k] = i
        prev[i] = tail_idx[k - 1] if k > 0 else -1
    out: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


def _join_neighbours(a: _Side, b: _Side, pairs: list[_Pair]) -> None:
    """Turn pairs into splits or merges where an unmatched neighbour belongs with them."""
    old_used = {o for p in pairs for o in p.old}
    new_used = {n for p in pairs for n in p.new}
    for pair in pairs:
        if pair.similarity >= 0.999 and pair.anchor:
            continue
        for side_new in (True, False):
            side, other = (b, a) if side_new else (a, b)
            mine = pair.new if side_new else pair.old
            theirs = pair.old if side_new else pair.new
            used = new_used if side_new else old_used
            target = other.joined_words(theirs)
            best = pair.similarity
            while True:
                grown = None
                for cand in (mine[0] - 1, mine[-1] + 1):
                    if 0 <= cand < len(side.keys) and cand not in used:
                        trial = sorted([*mine, cand])
                        sim = _similarity(target, side.joined_words(trial))
                        if sim >= best + SPLIT_GAIN:
                            grown = (sim, cand)
                            best = sim
                if grown is None:
                    break
                mine.append(grown[1])
                mine.sort()
                used.add(grown[1])
            pair.similarity = best
            if len(pair.new) > 1 or len(pair.old) > 1:
                break


def _entries(
    old: Version, new: Version, a: _Side, b: _Side, pairs: list[_Pair]
) -> list[AlignmentEntry]:
    # Sort keys: entries with paragraphs in the new version sit at their first one; entries
    # with old paragraphs only sit after the entry of the nearest earlier old paragraph
    # that stayed in place.
    keyed: list[tuple[tuple[float, int, int], AlignmentEntry]] = []
    new_pos_of_old: dict[int, int] = {}
    old_used: set[int] = set()
    new_used: set[int] = set()
    for pair in pairs:
        old_idx = tuple(a.index[o] for o in pair.old)
        new_idx = tuple(b.index[n] for n in pair.new)
        old_used.update(old_idx)
        new_used.update(new_idx)
        if len(old_idx) > 1 and len(new_idx) == 1:
            kind = AlignKind.MERGED
        elif len(new_idx) > 1:
            kind = AlignKind.SPLIT
        elif pair.moved:
            kind = AlignKind.MOVED
        elif pair.anchor:
            kind = AlignKind.EQUAL
        else:
            kind = AlignKind.CHANGED
        if not pair.moved:
            for o in old_idx:
                new_pos_of_old[o] = new_idx[0]
        entry = AlignmentEntry(kind, old_idx, new_idx, round(pair.similarity, 4))
        keyed.append(((new_idx[0], 0, old_idx[0]), entry))

    ignored_new = [j for j, p in enumerate(new.paragraphs) if not p.role.is_article]
    ignored_old = [i for i, p in enumerate(old.paragraphs) if not p.role.is_article]
    free_new_ignored: dict[str, list[int]] = defaultdict(list)
    for j in ignored_new:
        free_new_ignored[new.paragraph_text(j)].append(j)
    for i in ignored_old:
        same = free_new_ignored.get(old.paragraph_text(i))
        if same:
            j = same.pop(0)
            new_pos_of_old[i] = j
            new_used.add(j)
            keyed.append(((j, 0, i), AlignmentEntry(AlignKind.IGNORED, (i,), (j,), 1.0)))
            old_used.add(i)
    for j in ignored_new:
        if j not in new_used:
            keyed.append(((j, 0, -1), AlignmentEntry(AlignKind.IGNORED, (), (j,), 0.0)))
            new_used.add(j)
    for j in range(len(new.paragraphs)):
        if j not in new_used:
            keyed.append(((j, 0, -1), AlignmentEntry(AlignKind.ADDED, (), (j,), 0.0)))

    last_new = -1.0
    for i in range(len(old.paragraphs)):
        if i in new_pos_of_old:
            last_new = new_pos_of_old[i]
            continue
        if i in old_used:
            continue  # moved: it sits where it is now
        kind = AlignKind.DELETED if old.paragraphs[i].role.is_article else AlignKind.IGNORED
        keyed.append(((last_new, 1, i), AlignmentEntry(kind, (i,), (), 0.0)))
    keyed.sort(key=lambda t: t[0])
    return [entry for _key, entry in keyed]

"""Paragraph alignment between two versions: what stayed, changed, moved, split or merged.

The method, in three passes:

1. *Anchors.* Paragraphs equal after typographic folding are matched in order with a
   longest-common-subsequence diff over whole paragraphs: the pairs the standard
   library's ``SequenceMatcher`` matches on the folded paragraphs (hashing whole
   paragraphs, it is much faster here than a character-level Myers diff). They are
   found by ``matching_pairs``, hand-written because the matcher rescans its whole range
   at every step, which for two long versions costs more than everything else in this
   pass; it gives the same pairs from the runs of equal paragraphs, found once.
2. *Similar paragraphs.* What is left with a twin on the other side (a paragraph moved
   unchanged) is paired with it; the rest is matched by word similarity
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

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from comparer.core.model import AlignKind, AlignmentEntry, Role, Version
from comparer.core.sequence_matcher import longest_increasing, matching_pairs
from comparer.core.typography import fold, fold_cached

MATCH_MIN = 0.5  # word similarity for a reworded paragraph in place
MOVE_MIN = 0.6  # a paragraph found elsewhere must be closer to count as moved
SPLIT_GAIN = 0.08  # how much closer a join must make the match to count as a split/merge
CANDIDATES = 8  # similar paragraphs scored per unmatched paragraph
EXACT_SIMILARITY_CELLS = 4_000_000  # word pairs: beyond this, similarity is estimated
GAP_PAIRS = 16  # stretches between anchors up to this many pairs are matched directly

_WORD = re.compile(r"\w+")
_ASCII_NON_WORD = str.maketrans({c: " " for c in range(128) if not _WORD.match(chr(c))})
_ARTICLE_ROLES = frozenset(role for role in Role if role.is_article)


@dataclass(slots=True)
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
        self.index = [i for i, p in enumerate(paragraphs) if p.role in _ARTICLE_ROLES]
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
            key = self.keys[pos].lower()
            # In ASCII text the words are the runs of [A-Za-z0-9_]: making every other
            # character a space and splitting finds them faster than the pattern does.
            found = key.translate(_ASCII_NON_WORD).split() if key.isascii() else _WORD.findall(key)
            # New words are numbered in order of first appearance (the numbering decides
            # ties between equally good candidates later), then every word is looked up
            # at once.
            for w in dict.fromkeys(found):
                if w not in vocab:
                    vocab[w] = len(vocab)
            cached = list(map(vocab.__getitem__, found))
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
    twins = _match_twins(a, b, old_free, new_free)
    if twins:
        pairs.extend(twins)
        old_free = sorted(set(old_free) - {p.old[0] for p in twins})
        new_free = sorted(set(new_free) - {p.new[0] for p in twins})
    pairs.extend(_match_similar(a, b, old_free, new_free))
    _place(pairs)
    pairs = [p for p in pairs if not (p.moved and p.similarity < MOVE_MIN)]
    _join_neighbours(a, b, pairs)

    entries = _entries(old, new, a, b, pairs)
    return entries


def paragraph_words(text: str, ignore_case: bool = False) -> list[str]:
    """The words the alignment weighs a paragraph by: folded, in lower case."""
    return _WORD.findall(fold(text, ignore_case).lower())


def word_similarity(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """The similarity the alignment pairs two paragraphs' words by, from 0 to 1.

    Used beyond one pair to tell an edited paragraph from an unrelated one by the same
    rule: at least ``MATCH_MIN`` in place, ``MOVE_MIN`` found elsewhere.
    """
    return _similarity(a, b)


def _similarity(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
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
    # Each distinct key becomes a small integer: matching only compares keys for
    # equality, and integers hash and compare faster than long strings.
    ids: dict[str, int] = {}
    old_ids = [ids.setdefault(k, len(ids)) for k in old_keys]
    new_ids = [ids.setdefault(k, len(ids)) for k in new_keys]
    return [_Pair([i], [j], 1.0, anchor=True) for i, j in matching_pairs(old_ids, new_ids)]


def _match_in_gaps(a: _Side, b: _Side, anchors: list[_Pair]) -> list[_Pair]:
    """Match paragraphs within small stretches between anchors, where edits mostly are.

    Most edits reword a paragraph in place, leaving one or two unmatched paragraphs on
    each side between the same anchors; scoring those directly is cheaper than the index.
    """
    out: list[_Pair] = []
    i0 = j0 = -1
    ends_old = [p.old[0] for p in anchors]
    ends_old.append(len(a.keys))
    ends_new = [p.new[0] for p in anchors]
    ends_new.append(len(b.keys))
    for i1, j1 in zip(ends_old, ends_new, strict=True):
        gap_old, gap_new = i1 - i0 - 1, j1 - j0 - 1
        if gap_old <= 0 or gap_new <= 0 or gap_old * gap_new > GAP_PAIRS:
            i0, j0 = i1, j1
            continue
        olds, news = range(i0 + 1, i1), range(j0 + 1, j1)
        i0, j0 = i1, j1
        scored = [(_similarity(a.words(o), b.words(n)), o, n) for o in olds for n in news]
        out += _best_first([t for t in scored if t[0] >= MATCH_MIN])
    return out


def _match_twins(a: _Side, b: _Side, old_free: list[int], new_free: list[int]) -> list[_Pair]:
    """Pair free paragraphs with an identical free one on the other side, in order.

    A paragraph moved without an edit has a twin that the anchors, taken in order, left
    over; pairing twins by their key is what the similarity pass would do for them, without
    scoring every paragraph that shares a word with them (thousands, when an article holds
    thousands of short paragraphs).
    """
    waiting: dict[str, list[int]] = defaultdict(list)
    for n in reversed(new_free):
        waiting[b.keys[n]].append(n)
    out: list[_Pair] = []
    for o in old_free:
        twins = waiting.get(a.keys[o])
        if twins:
            out.append(_Pair([o], [twins.pop()], 1.0))
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
            continue  # only common words: no candidate worth scoring
        for n, _count in hits.most_common(CANDIDATES):
            sim = _similarity(words, b.words(n))
            if sim >= MATCH_MIN:
                scored.append((sim, o, n))
    return _best_first(scored)


def _best_first(scored: list[tuple[float, int, int]]) -> list[_Pair]:
    """Pairs from scored candidates (similarity, old, new), most similar first.

    Each paragraph takes part in one pair at most; ties go to the earlier paragraphs.
    """
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
    keep = longest_increasing([p.new[0] for p in pairs])
    for idx, pair in enumerate(pairs):
        pair.moved = idx not in keep


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
    """The alignment entries in reading order of the newer version.

    An entry with paragraphs in the newer version sits at its first one; an entry with
    older paragraphs only sits after the entry of the nearest earlier older paragraph that
    stayed in place (after the start when there is none), in the older order. Every newer
    paragraph starts at most one entry, so entries are placed in slots rather than sorted.
    """
    n_old, n_new = len(old.paragraphs), len(new.paragraphs)
    at_new: list[AlignmentEntry | None] = [None] * n_new
    new_pos_of_old = [-1] * n_old  # where an older paragraph that stayed in place is now
    old_used = bytearray(n_old)
    new_used = bytearray(n_new)
    old_index, new_index = a.index, b.index
    equal, moved, changed = AlignKind.EQUAL, AlignKind.MOVED, AlignKind.CHANGED
    for pair in pairs:
        if len(pair.old) == 1 and len(pair.new) == 1:
            o, n = old_index[pair.old[0]], new_index[pair.new[0]]
            old_used[o] = new_used[n] = 1
            if pair.moved:
                kind = moved
            else:
                kind = equal if pair.anchor else changed
                new_pos_of_old[o] = n
            at_new[n] = AlignmentEntry(kind, (o,), (n,), round(pair.similarity, 4))
            continue
        old_idx = tuple(old_index[o] for o in pair.old)
        new_idx = tuple(new_index[n] for n in pair.new)
        for o in old_idx:
            old_used[o] = 1
        for n in new_idx:
            new_used[n] = 1
        kind = AlignKind.MERGED if len(new_idx) == 1 else AlignKind.SPLIT
        if not pair.moved:
            for o in old_idx:
                new_pos_of_old[o] = new_idx[0]
        at_new[new_idx[0]] = AlignmentEntry(kind, old_idx, new_idx, round(pair.similarity, 4))

    old_article = bytearray(n_old)
    for i in old_index:
        old_article[i] = 1
    new_article = bytearray(n_new)
    for j in new_index:
        new_article[j] = 1
    ignored_new = [j for j in range(n_new) if not new_article[j]]
    free_new_ignored: dict[str, list[int]] = defaultdict(list)
    for j in ignored_new:
        free_new_ignored[new.paragraph_text(j)].append(j)
    for i in range(n_old):
        if old_article[i]:
            continue
        same = free_new_ignored.get(old.paragraph_text(i))
        if same:
            j = same.pop(0)
            new_pos_of_old[i] = j
            new_used[j] = old_used[i] = 1
            at_new[j] = AlignmentEntry(AlignKind.IGNORED, (i,), (j,), 1.0)
    for j in ignored_new:
        if not new_used[j]:
            at_new[j] = AlignmentEntry(AlignKind.IGNORED, (), (j,), 0.0)
            new_used[j] = 1
    for j in range(n_new):
        if not new_used[j]:
            at_new[j] = AlignmentEntry(AlignKind.ADDED, (), (j,), 0.0)

    after: dict[int, list[AlignmentEntry]] = defaultdict(list)  # by newer position, -1 first
    last_new = -1
    for i in range(n_old):
        if new_pos_of_old[i] >= 0:
            last_new = new_pos_of_old[i]
            continue
        if old_used[i]:
            continue  # moved: it sits where it is now
        kind = AlignKind.DELETED if old_article[i] else AlignKind.IGNORED
        after[last_new].append(AlignmentEntry(kind, (i,), (), 0.0))
    out = after.get(-1, [])
    for j in range(n_new):
        entry = at_new[j]
        if entry is not None:
            out.append(entry)
        if j in after:
            out.extend(after[j])
    return out

"""Matching two sequences of integers: equal runs, matched pairs, longest increasing chain.

The generic part of paragraph alignment (``align``), the job Meld's ``matchers/myers.py``
does there: ``matching_pairs`` gives the pairs the standard library's ``SequenceMatcher``
matches, found from the runs of equal elements at once instead of by rescanning (see its
docstring), and ``longest_increasing`` the longest in-order chain that tells moved
paragraphs from those that stayed. Plain integers in, index pairs out: nothing here knows
about paragraphs.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

# equal-paragraph pairs the standard matcher may weigh, each look taking a pass over all of a
# repeated paragraph's places; beyond, its commonest paragraphs only extend matches
MATCHER_PAIRS = 4_000_000
RUN_SHARE = 10  # one run of equal paragraphs per this many paragraphs: beyond, the plain matcher


def matching_pairs(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, int]]:
    """The element pairs ``SequenceMatcher(None, a, b, autojunk=False)`` matches, by ``a``.

    The standard library's matcher finds the longest run of equal elements in the whole
    range, then recurses left and right of it; each step scans its whole range, so
    two long versions with scattered edits cost many passes over every paragraph. Here
    the runs of equal elements (the diagonals of the match table) are found once, and each
    step only looks at the runs that reach into its range, clipped to it: the longest,
    ties going to the one starting first in ``a`` and then in ``b``, is the very run the
    matcher picks, so the result is the same, pair for pair.

    That pays while runs are few next to elements, as between versions of one article;
    when they are not (most paragraphs edited, or repeated many times), the standard
    matcher does the work, as it is then the faster.
    """
    runs = equal_runs(a, b, (len(a) + len(b)) // RUN_SHARE + 16)
    if runs is None:
        return sequence_matcher_pairs(a, b)
    return pairs_from_runs(a, b, runs)


def equal_runs(a: Sequence[int], b: Sequence[int], limit: int | None) -> list[list[int]] | None:
    """The maximal runs of equal elements, as [start in a, start in b, length], by start.

    Returns None as soon as there are more than ``limit`` of them (``None``: no limit).
    """
    where: dict[int, list[int]] = {}
    for j, x in enumerate(b):
        where.setdefault(x, []).append(j)
    runs: list[list[int]] = []
    open_runs: dict[int, list[int]] = {}  # diagonal (j - i) -> the run that ended at i - 1
    nothing: list[int] = []
    for i, x in enumerate(a):
        for j in where.get(x, nothing):
            run = open_runs.get(j - i)
            if run is not None and run[0] + run[2] == i:
                run[2] += 1
            else:
                run = [i, j, 1]
                runs.append(run)
                open_runs[j - i] = run
                if limit is not None and len(runs) > limit:
                    return None
    return runs


def pairs_from_runs(
    a: Sequence[int], b: Sequence[int], runs: list[list[int]]
) -> list[tuple[int, int]]:
    """The matched pairs, by ``a``, from the ``equal_runs`` of ``a`` and ``b``."""
    blocks: list[tuple[int, int, int]] = []
    stack: list[tuple[int, int, int, int, list[list[int]]]] = [(0, len(a), 0, len(b), runs)]
    while stack:
        alo, ahi, blo, bhi, candidates = stack.pop()
        inside: list[list[int]] = []
        best_i = best_j = best_k = 0
        for run in candidates:
            i0, j0, size = run
            lo = max(0, alo - i0, blo - j0)
            hi = min(size, ahi - i0, bhi - j0)
            if hi <= lo:
                continue
            inside.append(run)
            k = hi - lo
            if k > best_k or (k == best_k and (i0 + lo, j0 + lo) < (best_i, best_j)):
                best_i, best_j, best_k = i0 + lo, j0 + lo, k
        if not best_k:
            continue
        blocks.append((best_i, best_j, best_k))
        if alo < best_i and blo < best_j:
            stack.append((alo, best_i, blo, best_j, inside))
        if best_i + best_k < ahi and best_j + best_k < bhi:
            stack.append((best_i + best_k, ahi, best_j + best_k, bhi, inside))
    blocks.sort()
    return [(i + k, j + k) for i, j, size in blocks for k in range(size)]


def sequence_matcher_pairs(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, int]]:
    """The standard matcher's pairs; for heavily repeated paragraphs, a bounded variant.

    Each of the matcher's looks weighs every pair of equal elements in its range, so a
    paragraph repeated thousands of times on both sides (a boilerplate line, a pasted
    block) would cost millions of steps per look. Past ``MATCHER_PAIRS`` such pairs, the
    matcher's own ``autojunk`` leaves its commonest elements out of the looks (they still
    extend the matches found next to them); what it leaves unmatched is paired later.
    """
    in_b = Counter(b)
    weighed = sum(in_b.get(x, 0) for x in a)
    matcher = SequenceMatcher(None, a, b, autojunk=weighed > MATCHER_PAIRS)
    return [
        (block.a + k, block.b + k)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]


def longest_increasing(values: list[int]) -> set[int]:
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

"""Sentences inside paragraphs: split, aligned across two versions, diffed one by one.

Some archives keep a whole article as one paragraph, and real paragraphs are often long,
so a paragraph pair can hold sentences that stayed, sentences reworded, sentences moved and
sentences that are new. Diffing the pair word by word as one text interleaves unrelated
sentences into a word salad. Here the sentences of the two sides are aligned first (in
order, one to one, or one to two where a sentence was split or two were joined), each
aligned pair is diffed word by word, and sentences with no counterpart are removed or
added whole. ``sentence_links`` pairs paragraphs that the paragraph alignment left
unmatched when sentences in them match, and ``moved_sentences`` finds sentences removed
in one place and added in another.

The sentence splitter and the alignment (a small dynamic programme in the manner of
Gale and Church's sentence alignment) are written here: the sentence splitters of the
NLP libraries bring models and dependencies far larger than this need, and no diff
library aligns sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from comparer.core.model import AlignKind, AlignmentEntry, ChangeKind, SentenceMove
from comparer.core.typography import fold, fold_spacing
from comparer.core.word_diff import DiffSpan, TokenCodec, diff_spans

SENTENCE_MIN = 0.5  # word similarity for two sentences to be one sentence reworded
MOVED_MIN = 0.8  # a sentence found elsewhere must be this close to count as moved
MOVED_WORDS = 5  # and this long: short sentences ("He declined.") recur by chance
LINK_SHARE = 0.3  # share of a paragraph's words in matched sentences for a paragraph link
_MAX_CANDIDATES = 200  # sentences weighed against one moved sentence, at most
_MAX_CELLS = 40_000  # sentence pairs weighed per paragraph pair, beyond which words decide

# a sentence ends at . ! ? or … (with closing quotes or brackets), then space, then a
# capital, a digit or an opening quote
# (a run of marks is read from its start only, and never given back: a line of a hundred
# thousand dots is one pass, not a pass from each dot)
_END = re.compile(
    r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019)\]]*+\s++(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "gov", "sen", "rep", "rev", "prof", "jr", "sr", "no", "nos", "vs", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp",
        "co", "ltd", "mt", "ft", "ave", "blvd", "pp", "approx", "est", "dept", "univ",
        "fig", "vol", "op", "cf", "al",
    }
)  # fmt: skip
_WORD = re.compile(r"\w+")
_STOPS = (".", "!", "?", "\u2026")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as spans that cover it, each with its trailing space.

    A full stop after an abbreviation ("Mr.", "Nov.", "U.S."), or after a single letter
    (an initial), does not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        mark = match.start()
        if text[mark] == "." and match.group().startswith(".") and _abbreviation(text, mark):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    begin = dot
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] not in "(\"'\u201c":
        begin -= 1
    word = text[begin:dot]
    if not word:
        return False
    if "." in word:  # "U.S", "a.m"
        return True
    return (len(word) == 1 and word.isalpha()) or word.lower() in _ABBREVIATIONS


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text, ignore_case=True))


def similarity(a: str, b: str) -> float:
    """Word similarity of two sentences, 0 to 1 (typography and case ignored)."""
    return _similarity(_words(a), _words(b))


def _similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


@dataclass(frozen=True, slots=True)
class _Group:
    """Aligned sentences: old ``[o0, o1)`` with new ``[n0, n1)`` (indices of sentences)."""

    o0: int
    o1: int
    n0: int
    n1: int


def align_sentences(old: Sequence[str], new: Sequence[str]) -> list[_Group] | None:
    """Pairs of sentence runs that are one sentence (1-1, 1-2 or 2-1), in order.

    The alignment keeps as many words as it can in pairs at least ``SENTENCE_MIN`` alike.
    None when the paragraphs hold too many sentences to weigh every pair.
    """
    n, m = len(old), len(new)
    if n * m > _MAX_CELLS:
        return None
    ow = [_words(s) for s in old]
    nw = [_words(s) for s in new]
    neg = -1.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, step = neg, None
            if i and score[i - 1][j] > best:
                best, step = score[i - 1][j], (1, 0)
            if j and score[i][j - 1] > best:
                best, step = score[i][j - 1], (0, 1)
            for di, dj in ((1, 1), (2, 1), (1, 2)):
                if i < di or j < dj:
                    continue
                a = [w for k in range(i - di, i) for w in ow[k]]
                b = [w for k in range(j - dj, j) for w in nw[k]]
                sim = _similarity(a, b)
                if sim < SENTENCE_MIN:
                    continue
                # words kept count for the pair, words changed half against it: a
                # sentence joined to a pair must bring its words along, not chance ones
                kept = sim * (len(a) + len(b))
                gain = kept - 0.5 * (len(a) + len(b) - kept)
                if score[i - di][j - dj] + gain > best:
                    best, step = score[i - di][j - dj] + gain, (di, dj)
            score[i][j], back[i][j] = best, step
    groups: list[_Group] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj = step
        if di and dj:
            groups.append(_Group(i - di, i, j - dj, j))
        i, j = i - di, j - dj
    groups.reverse()
    return groups


def sentence_spans(old: str, new: str, codec: TokenCodec | None = None) -> list[DiffSpan]:
    """The changes that turn ``old`` into ``new``, found sentence by sentence.

    Aligned sentences are diffed word by word; sentences without a counterpart are
    removed or added whole, so unrelated sentences never mix. A paragraph of one
    sentence on both sides, or too many sentences to align, is diffed as one text.
    """
    if old == new:
        return []
    plain = diff_spans(old, new, codec)
    if len(plain) < 2:
        return plain
    old_spans, new_spans = split_sentences(old), split_sentences(new)
    if len(old_spans) < 2 and len(new_spans) < 2:
        return plain
    if not (
        _mixes(plain, old_spans, lambda s: (s.from_start, s.from_end))
        or _mixes(plain, new_spans, lambda s: (s.to_start, s.to_end))
        or _spans_sentences(plain, old_spans, new_spans)
    ):
        return plain
    groups = align_sentences([old[a:b] for a, b in old_spans], [new[a:b] for a, b in new_spans])
    if groups is None:
        return plain
    codec = codec or TokenCodec()
    spans: list[DiffSpan] = []
    o = n = 0  # sentence indices reached
    for group in [*groups, _Group(len(old_spans), len(old_spans), len(new_spans), len(new_spans))]:
        # sentences between the groups: removed and added whole
        a0 = old_spans[o][0] if o < len(old_spans) else len(old)
        a1 = old_spans[group.o0][0] if group.o0 < len(old_spans) else len(old)
        b0 = new_spans[n][0] if n < len(new_spans) else len(new)
        b1 = new_spans[group.n0][0] if group.n0 < len(new_spans) else len(new)
        spans.extend(_whole(a0, a1, b0, b1))
        if group.o1 > group.o0:
            a0, a1 = old_spans[group.o0][0], old_spans[group.o1 - 1][1]
            b0, b1 = new_spans[group.n0][0], new_spans[group.n1 - 1][1]
            for s in diff_spans(old[a0:a1], new[b0:b1], codec):
                spans.append(
                    DiffSpan(
                        s.kind, s.from_start + a0, s.from_end + a0, s.to_start + b0, s.to_end + b0
                    )
                )
        o, n = group.o1, group.n1
    return _merge_touching(spans)


def _mixes(
    spans: list[DiffSpan],
    sentences: list[tuple[int, int]],
    side: Callable[[DiffSpan], tuple[int, int]],
) -> bool:
    """Whether a word-by-word diff rewrote some sentence in pieces (a word salad's mark).

    A sentence with two or more changes in it that together cover most of it has been
    interleaved with another; light edits (a word here, a sentence added there) have not.
    """
    k = 0
    for start, end in sentences:
        pieces = changed = 0
        while k < len(spans) and side(spans[k])[1] <= start:
            k += 1
        j = k
        while j < len(spans) and side(spans[j])[0] < end:
            a, b = side(spans[j])
            overlap = min(b, end) - max(a, start)
            if overlap > 0:
                pieces += 1
                changed += overlap
            j += 1
        if pieces >= 2 and changed > 0.4 * (end - start):
            return True
    return False


def _spans_sentences(
    spans: list[DiffSpan],
    old_sentences: list[tuple[int, int]],
    new_sentences: list[tuple[int, int]],
) -> bool:
    """Whether a replacement runs over a sentence break on both sides.

    Such a change may hide a sentence that stayed inside text that went, as diffs do
    when they join nearby edits into one.
    """
    old_starts = [a for a, _b in old_sentences[1:]]
    new_starts = [a for a, _b in new_sentences[1:]]
    for span in spans:
        if span.kind is not ChangeKind.REPLACE:
            continue
        i = bisect.bisect_right(old_starts, span.from_start)
        j = bisect.bisect_right(new_starts, span.to_start)
        if (
            i < len(old_starts)
            and old_starts[i] < span.from_end
            and j < len(new_starts)
            and new_starts[j] < span.to_end
        ):
            return True
    return False


def _whole(a0: int, a1: int, b0: int, b1: int) -> list[DiffSpan]:
    """Sentences removed (``[a0, a1)``) and added (``[b0, b1)``) whole, as one change."""
    if a0 == a1 and b0 == b1:
        return []
    if a0 == a1:
        return [DiffSpan(ChangeKind.INSERT, a0, a0, b0, b1)]
    if b0 == b1:
        return [DiffSpan(ChangeKind.DELETE, a0, a1, b0, b0)]
    return [DiffSpan(ChangeKind.REPLACE, a0, a1, b0, b1)]


def _merge_touching(spans: list[DiffSpan]) -> list[DiffSpan]:
    """Spans that touch on both sides joined into one change."""
    out: list[DiffSpan] = []
    for span in spans:
        if out and out[-1].from_end == span.from_start and out[-1].to_end == span.to_start:
            last = out[-1]
            fs, fe, ts, te = last.from_start, span.from_end, last.to_start, span.to_end
            kind = (
                ChangeKind.INSERT
                if fs == fe
                else ChangeKind.DELETE
                if ts == te
                else ChangeKind.REPLACE
            )
            out[-1] = DiffSpan(kind, fs, fe, ts, te)
        else:
            out.append(span)
    return out


def paragraph_link(old: str, new: str) -> float:
    """The share of the two paragraphs' words in sentences that match, 0 to 1.

    Two paragraphs too different to pair as wholes may still share sentences (a long
    paragraph heavily edited); this measures how much of them does.
    """
    old_spans, new_spans = split_sentences(old), split_sentences(new)
    groups = align_sentences([old[a:b] for a, b in old_spans], [new[a:b] for a, b in new_spans])
    if not groups:
        return 0.0
    total = len(_words(old)) + len(_words(new))
    matched = 0
    for g in groups:
        matched += sum(len(_words(old[a:b])) for a, b in old_spans[g.o0 : g.o1])
        matched += sum(len(_words(new[a:b])) for a, b in new_spans[g.n0 : g.n1])
    return matched / total if total else 0.0


_MAX_LINK_PAIRS = 400  # removed × added paragraphs weighed in one gap of the alignment
_LINK_OVERLAP = 0.2  # share of the longer words two paragraphs must have in common
_LINK_BUDGET = 200_000  # sentence pairs weighed to link the paragraphs of one gap


def link_by_sentences(
    old_paragraph: Callable[[int], str],
    new_paragraph: Callable[[int], str],
    entries: list[AlignmentEntry],
) -> list[AlignmentEntry]:
    """``entries`` with removed and added paragraphs that share sentences paired as changed.

    Only a removed and an added paragraph in the same gap between aligned paragraphs are
    paired, in order, and only when at least ``LINK_SHARE`` of their words are in
    sentences that match: a heavily edited paragraph then shows its sentences changed
    word by word instead of vanishing whole and coming back whole.
    """
    out: list[AlignmentEntry] = []
    run: list[AlignmentEntry] = []
    for entry in [*entries, None]:
        if entry is not None and entry.kind in (AlignKind.DELETED, AlignKind.ADDED):
            run.append(entry)
            continue
        out.extend(_link_run(old_paragraph, new_paragraph, run) if run else [])
        run = []
        if entry is not None:
            out.append(entry)
    return out


def _link_run(
    old_paragraph: Callable[[int], str],
    new_paragraph: Callable[[int], str],
    run: list[AlignmentEntry],
) -> list[AlignmentEntry]:
    removed = [e.from_[0] for e in run if e.kind is AlignKind.DELETED]
    added = [e.to[0] for e in run if e.kind is AlignKind.ADDED]
    if not removed or not added or len(removed) * len(added) > _MAX_LINK_PAIRS:
        return run
    links: dict[int, tuple[int, float]] = {}  # added paragraph -> (removed paragraph, share)
    # sentence alignments are weighed only for pairs that share enough of their longer
    # words, and only up to a budget of sentence pairs for the whole gap
    new_words = {j: _long_words(new_paragraph(j)) for j in added}
    budget = _LINK_BUDGET
    next_added = 0
    for o in removed:
        text = old_paragraph(o)
        words = _long_words(text)
        for k in range(next_added, len(added)):
            other = new_words[added[k]]
            if not words or not other:
                continue
            if len(words & other) < _LINK_OVERLAP * min(len(words), len(other)):
                continue
            cost = (text.count(". ") + 1) * (new_paragraph(added[k]).count(". ") + 1)
            if cost > budget:
                return _relink(run, links)
            budget -= cost
            share = paragraph_link(text, new_paragraph(added[k]))
            if share >= LINK_SHARE:
                links[added[k]] = (o, share)
                next_added = k + 1
                break
    return _relink(run, links)


def _long_words(text: str) -> set[str]:
    """The distinct words of four letters or more: what two related paragraphs share."""
    return {w for w in _words(text) if len(w) >= 4}


def _relink(run: list[AlignmentEntry], links: dict[int, tuple[int, float]]) -> list[AlignmentEntry]:
    """The gap's entries with each linked pair of paragraphs as one changed entry."""
    if not links:
        return run
    linked_old = {o for o, _share in links.values()}
    out = []
    for entry in run:
        if entry.kind is AlignKind.DELETED and entry.from_[0] in linked_old:
            continue
        if entry.kind is AlignKind.ADDED and entry.to[0] in links:
            o, share = links[entry.to[0]]
            out.append(AlignmentEntry(AlignKind.CHANGED, (o,), entry.to, round(share, 4)))
            continue
        out.append(entry)
    return out


def moved_sentences(
    old: str,
    new: str,
    removed: Sequence[tuple[int, int]],
    added: Sequence[tuple[int, int]],
) -> list[SentenceMove]:
    """Sentences taken out of ``removed`` regions of ``old`` and put in ``added`` ones of ``new``.

    Each sentence is linked at most once, to the closest one at least ``MOVED_MIN``
    alike and ``MOVED_WORDS`` long.
    """
    gone = _sentences_in(old, removed)
    come = _sentences_in(new, added)
    if not gone or not come:
        return []
    # the same sentence on both sides pairs at once; the others are weighed against
    # candidates that share one of their rarest words (sentences 80% alike share most
    # words), a word found in too many sentences telling nothing
    same: dict[tuple[str, ...], list[int]] = {}
    for ci, (_c0, _c1, cw) in enumerate(come):
        same.setdefault(tuple(cw), []).append(ci)
    where: dict[str, list[int]] = {}
    for ci, (_c0, _c1, cw) in enumerate(come):
        for word in set(cw):
            where.setdefault(word, []).append(ci)
    candidates = []
    taken = dict.fromkeys(same, 0)  # how many of each group of twins are paired
    for gi, (_g0, _g1, gw) in enumerate(gone):
        key = tuple(gw)
        twins = same.get(key)
        if twins is not None:
            if taken[key] < len(twins):
                candidates.append((1.0, gi, twins[taken[key]]))
                taken[key] += 1
            continue
        rare = sorted({w for w in gw if w in where}, key=lambda w: (len(where[w]), w))[:3]
        near = sorted({ci for w in rare if len(where[w]) <= _MAX_CANDIDATES for ci in where[w]})
        for ci in near:
            sim = _similarity(gw, come[ci][2])
            if sim >= MOVED_MIN:
                candidates.append((sim, gi, ci))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gone: set[int] = set()
    used_come: set[int] = set()
    moves = []
    for sim, gi, ci in candidates:
        if gi in used_gone or ci in used_come:
            continue
        used_gone.add(gi)
        used_come.add(ci)
        g0, g1, _ = gone[gi]
        c0, c1, _ = come[ci]
        moves.append(SentenceMove(g0, g1, c0, c1, round(sim, 3)))
    return sorted(moves, key=lambda m: (m.to_start, m.from_start))


def _sentences_in(
    text: str, regions: Sequence[tuple[int, int]]
) -> list[tuple[int, int, list[str]]]:
    """Whole sentences inside the regions: (start, end without trailing space, words)."""
    out = []
    for start, end in regions:
        piece = text[start:end]
        for a, b in split_sentences(piece):
            sentence = piece[a:b].rstrip()
            words = _words(sentence)
            if len(words) < MOVED_WORDS:
                continue
            lead = len(piece[a:b]) - len(piece[a:b].lstrip())
            out.append((start + a + lead, start + a + len(sentence), words))
    return out


def moved_sentence_edits(
    old: str, new: str, move: SentenceMove, codec: TokenCodec | None = None
) -> list[tuple[DiffSpan, bool]]:
    """The word changes inside a sentence that moved, offsets into ``old`` and ``new``.

    Each change comes with whether it is typographic only, so a reader sees what was
    edited on the way, as in a sentence that stayed in place.
    """
    a0, b0 = move.from_start, move.to_start
    a, b = old[a0 : move.from_end], new[b0 : move.to_end]
    # A sentence taken from the end of a change may leave its full stop behind, the
    # one put in may bring one: that is where it sits, not an edit of it.
    if a.endswith(_STOPS) != b.endswith(_STOPS):
        a, b = a.rstrip(".!?\u2026"), b.rstrip(".!?\u2026")
    out: list[tuple[DiffSpan, bool]] = []
    for s in diff_spans(a, b, codec):
        typographic = fold_spacing(a[s.from_start : s.from_end]) == fold_spacing(
            b[s.to_start : s.to_end]
        )
        out.append(
            (
                DiffSpan(
                    s.kind, s.from_start + a0, s.from_end + a0, s.to_start + b0, s.to_end + b0
                ),
                typographic,
            )
        )
    return out

"""Figures of a story: every number that changed at least once, as a series over the versions.

A figure is followed from the consecutive comparisons alone. Where a pair reports the
number replaced (``PairComparison.numbers``), the figure takes a step; where the pair
leaves it alone, its place is carried into the next version through the alignment and
the word changes around it, so a figure is followed when its paragraph is reworded or
moved. A series therefore lists, for every version that holds the figure, its value
there, and each step's movement as ``NumberChange.delta_label`` tells it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from comparer.core.model import AlignKind, Change, NumberChange, PairComparison, Version

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# a label keeps to the figure's clause: "people were killed", not "… killed, officials"
_SENTENCE_END = re.compile(r"[.!?;:,]\s|\s[—–]\s|[\"“”\n()]")
LABEL_WORDS = 4
# a label stops before these, once it has a word: "people were killed" (when …)
_LABEL_STOPS = frozenset(
    ("when", "after", "and", "or", "but", "from", "by", "to", "the", "a", "an", "of", "in")
    + ("on", "at", "for", "with", "who", "which", "that", "as")
)


@dataclass(frozen=True, slots=True)
class FigurePoint:
    """The figure as written in one version."""

    version: int
    text: str
    value: float | None
    start: int


@dataclass(frozen=True, slots=True)
class FigureStep:
    """A change of the figure's value between two consecutive versions."""

    from_version: int
    number: NumberChange  # as the pair ``from_version`` → ``from_version + 1`` reports it

    @property
    def to_version(self) -> int:
        """The newer version of the step."""
        return self.from_version + 1


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that changed at least once, through every version that holds it.

    Attributes:
        label: a few words that say what it counts ("people have died"), from the
            latest version that holds it.
        unit: the kind of quantity, as ``NumberChange.unit``.
        points: its value in each version that holds it, oldest first.
        steps: the changes of value, oldest first.
    """

    label: str
    unit: str
    points: tuple[FigurePoint, ...]
    steps: tuple[FigureStep, ...]

    def point_in(self, version: int) -> FigurePoint | None:
        """The figure in ``version``, or None where it is absent."""
        return next((p for p in self.points if p.version == version), None)


@dataclass
class _Open:
    points: list[FigurePoint]
    steps: list[FigureStep] = field(default_factory=list)
    unit: str = ""


class OffsetMap:
    """Carries character offsets across one consecutive pair, in either direction."""

    def __init__(self, old: Version, new: Version, pair: PairComparison) -> None:
        """Index the alignment and changes of ``pair`` (``old`` → ``new``)."""
        self._old, self._new, self._pair = old, new, pair
        self._old_starts = [p.start for p in old.paragraphs]
        self._new_starts = [p.start for p in new.paragraphs]
        self._old_entry: dict[int, int] = {}
        self._new_entry: dict[int, int] = {}
        for e, entry in enumerate(pair.alignment):
            for p in entry.from_:
                self._old_entry[p] = e
            for p in entry.to:
                self._new_entry[p] = e
        self._changes: dict[int, list[Change]] = {}
        for change in pair.changes:
            self._changes.setdefault(change.entry, []).append(change)

    def forward(self, offset: int, length: int) -> int | None:
        """Where ``length`` characters at ``offset`` of the older text are in the newer.

        None when they were changed, or their paragraph removed or set aside as page debris.
        """
        return self._carry(offset, length, older=True)

    def backward(self, offset: int, length: int) -> int | None:
        """Where ``length`` characters at ``offset`` of the newer text were in the older."""
        return self._carry(offset, length, older=False)

    def _carry(self, offset: int, length: int, older: bool) -> int | None:
        starts = self._old_starts if older else self._new_starts
        if not starts:
            return None
        paragraph = max(0, bisect_right(starts, offset) - 1)
        e = (self._old_entry if older else self._new_entry).get(paragraph)
        if e is None:
            return None
        entry = self._pair.alignment[e]
        if entry.kind in (AlignKind.ADDED, AlignKind.DELETED, AlignKind.IGNORED):
            return None
        if not entry.from_ or not entry.to:
            return None
        a0 = self._old.paragraphs[entry.from_[0]].start
        b0 = self._new.paragraphs[entry.to[0]].start
        here, there = (a0, b0) if older else (b0, a0)
        end = offset + length
        for change in self._changes.get(e, ()):
            s, t = (
                (change.from_start, change.from_end) if older else (change.to_start, change.to_end)
            )
            s2, t2 = (
                (change.to_start, change.to_end) if older else (change.from_start, change.from_end)
            )
            if t <= offset:  # before the figure (an insertion at it goes before it)
                here, there = t, t2
            elif s >= end:
                break
            else:
                return None  # the change touches the figure
        return offset - here + there


def follow_figures(
    versions: Sequence[Version], pairs: Sequence[PairComparison]
) -> tuple[Figure, ...]:
    """Every figure whose value changed in at least one consecutive pair.

    Args:
        versions: the versions in reading order.
        pairs: their consecutive comparisons.

    Returns:
        The figures, in order of their first change, then of their place in the text.
    """
    maps = [OffsetMap(versions[k], versions[k + 1], p) for k, p in enumerate(pairs)]
    done: list[_Open] = []
    open_at: dict[int, _Open] = {}  # offset in the latest version reached → figure
    for k, pair in enumerate(pairs):
        newer = versions[k + 1]
        by_start = {n.from_start: n for n in pair.numbers}
        reached: dict[int, _Open] = {}
        for start, figure in open_at.items():
            number = by_start.pop(start, None)
            last = figure.points[-1]
            if number is not None:
                _step(figure, k, number)
                reached[number.to_start] = figure
                continue
            moved = maps[k].forward(start, len(last.text))
            if moved is not None and newer.text[moved : moved + len(last.text)] == last.text:
                figure.points.append(FigurePoint(k + 1, last.text, last.value, moved))
                reached[moved] = figure
            else:
                done.append(figure)
        for number in sorted(by_start.values(), key=lambda n: n.from_start):
            figure = _Open([FigurePoint(k, number.from_text, number.from_value, number.from_start)])
            _reach_back(figure, versions, maps, k)
            _step(figure, k, number)
            reached[number.to_start] = figure
        open_at = reached
    done.extend(open_at.values())
    out = [
        Figure(
            _label(versions[f.points[-1].version].text, f.points[-1].start, len(f.points[-1].text)),
            f.unit,
            tuple(f.points),
            tuple(f.steps),
        )
        for f in done
        if f.steps
    ]
    out.sort(key=lambda f: (f.steps[0].from_version, f.steps[0].number.to_start))
    return tuple(out)


def _step(figure: _Open, k: int, number: NumberChange) -> None:
    figure.steps.append(FigureStep(k, number))
    figure.points.append(FigurePoint(k + 1, number.to_text, number.to_value, number.to_start))
    figure.unit = number.unit


def _reach_back(figure: _Open, versions: Sequence[Version], maps: list[OffsetMap], k: int) -> None:
    """Prepend the versions before ``k`` that held the figure unchanged."""
    first = figure.points[0]
    start = first.start
    for j in range(k - 1, -1, -1):
        moved = maps[j].backward(start, len(first.text))
        if moved is None or versions[j].text[moved : moved + len(first.text)] != first.text:
            return
        figure.points.insert(0, FigurePoint(j, first.text, first.value, moved))
        start = moved


def _label(text: str, start: int, length: int) -> str:
    """A few words after the figure in its sentence ("people have died"), or before it."""
    after = text[start + length : start + length + 120]
    cut = _SENTENCE_END.search(after)
    words: list[str] = []
    for word in _WORD.findall(after[: cut.start()] if cut else after)[:LABEL_WORDS]:
        stop = word.lower() in _LABEL_STOPS
        if stop and any(w.lower() not in _LABEL_STOPS for w in words):
            break  # "people were killed" | when …; but "of the injured" keeps its "of"
        words.append(word)
    if not words:
        before = text[max(0, start - 120) : start]
        cuts = list(_SENTENCE_END.finditer(before))
        if cuts:
            before = before[cuts[-1].end() :]
        words = _WORD.findall(before)[-LABEL_WORDS:]
    return " ".join(words)

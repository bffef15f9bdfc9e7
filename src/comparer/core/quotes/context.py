"""What the quote finder's jobs share: the state of one extraction, and each job's methods.

``QuoteExtractor`` (``extractor``) is made of one mixin per job (``units``, ``attribution``,
``phrases``, ``resolution``, ``reported``, ``reuse``); each job's methods read the text,
the scans and the speaker history through ``self`` and call on the other jobs.
``Extraction`` is that ``self`` as each job module sees it, so every job is type-checked
against the whole without importing the others. ``PassMemo`` holds what several versions
share (``reuse``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from comparer.core.model import Quote
from comparer.core.names.registry import NameRegistry
from comparer.core.quotes.lexicon import Referent, SpeakerKind
from comparer.core.quotes.marks import MarkedSpan
from comparer.core.quotes.scans import ParagraphScans


@dataclass(slots=True)
class QuoteUnit:
    """A direct quote being built: its pieces, and the mention it was attributed from."""

    pieces: list[MarkedSpan]
    mention: tuple[int, int] | None = None
    attributed: bool = False
    speaker: str | None = None


# (paragraph relative to the unit's first, start and end within it), or None
Placed = tuple[int, int, int] | None
# (start, end, mention start, mention end), each relative to the sentence or paragraph start
Reported = tuple[int, int, int, int]


@dataclass(slots=True)
class PassMemo:
    """Results of the paragraph-local steps, kept for the versions of one call (``reuse``).

    Each quote's attribution and verdict, and each sentence's reported speech; a whole
    paragraph's reported speech is kept with its scans (``ParagraphScans.kept``).
    """

    units: dict[tuple[object, ...], tuple[Placed, bool, bool]] = field(default_factory=dict)
    sentences: dict[tuple[str, str | None], Reported | None] = field(default_factory=dict)


class Extraction(Protocol):
    """One extraction over one text, as the jobs see it (``QuoteExtractor`` is one)."""

    text: str
    article: list[tuple[int, int]]
    scans: ParagraphScans
    names: NameRegistry
    spans: list[list[MarkedSpan]]
    history: list[tuple[int, str, str]]
    _para_starts: list[int]
    _span_starts: list[list[int]]
    _ends: list[list[int] | None]
    _history_pos: list[int]
    _first_spoken: dict[str, int]
    _named: dict[str, tuple[str, SpeakerKind, bool] | None]
    memo: PassMemo | None
    _idents: list[int]

    def ends(self, pi: int) -> list[int]:
        """Offsets just after each sentence end in paragraph ``pi`` (``sentence_ends``)."""

    def run(self) -> tuple[Quote, ...]:
        """The text's quotes: units attributed, scare quotes dropped, speakers resolved."""

    def _para_of(self, pos: int) -> int: ...

    def _units(self) -> list[QuoteUnit]: ...

    def _interrupted(self, first: MarkedSpan, second: MarkedSpan) -> bool: ...

    def _speech_end(self, piece: MarkedSpan) -> bool: ...

    def _title(self, piece: MarkedSpan, most: int = ...) -> bool: ...

    def _scare(self, piece: MarkedSpan) -> bool: ...

    def _sentence_bounds(self, span_start: int, span_end: int, para: int) -> tuple[int, int]: ...

    def _attribute(self, unit: QuoteUnit) -> None: ...

    def _after(self, piece: MarkedSpan) -> tuple[int, int] | None: ...

    def _before(self, piece: MarkedSpan) -> tuple[int, int] | None: ...

    def _names_someone(self, span: tuple[int, int]) -> bool: ...

    def _np_after(self, start: int, end: int) -> tuple[int, int] | None: ...

    def _subject_before(self, clause_start: int, verb_start: int) -> tuple[int, int] | None: ...

    def _chunk(self, clause_start: int, seg: str, ps: int, pe: int) -> tuple[int, int] | None: ...

    def _sentence_subject(
        self, s_start: int, limit: int, intro: bool = ...
    ) -> tuple[int, int] | None: ...

    def _np_tail(self, start: int, end: int) -> tuple[int, int] | None: ...

    def _name_ending_at(self, words: list[re.Match[str]], i: int) -> int | None: ...

    def _np_span(self, start: int, end: int, forward: bool) -> tuple[int, int] | None: ...

    def _resolve(self, mention: tuple[int, int], pos: int) -> str | None: ...

    def _name_of(self, phrase: str) -> tuple[str, SpeakerKind, bool] | None: ...

    def _resolve_other(self, mention: tuple[int, int], pos: int, phrase: str) -> str | None: ...

    def _speaker_before(self, name: str, pos: int) -> bool: ...

    def _remember(self, pos: int, name: str, kind: SpeakerKind) -> None: ...

    def _resolve_pronoun(self, pronoun: str, pos: int) -> str | None: ...

    def _askers_before(self, pos: int) -> frozenset[str]: ...

    def _gender(self, name: str) -> str | None: ...

    def _last_speaker(
        self, want: Referent, pos: int, exclude: frozenset[str] = ...
    ) -> tuple[int, str] | None: ...

    def _referent(self, want: Referent, pos: int, exclude: frozenset[str] = ...) -> str | None: ...

    def _sentence_referent(
        self, want: Referent, pi: int, s0: int, s1: int, exclude: frozenset[str] = ...
    ) -> str | None: ...

    def _quoted(self, pi: int, pos: int) -> bool: ...

    def _known_person(self, name: str) -> bool: ...

    def _compatible_speaker(self, want: Referent, name: str, kind: str) -> bool: ...

    def _is_org(self, name: str) -> bool: ...

    def _is_person(self, name: str) -> bool: ...

    def _indirect(self, units: list[QuoteUnit]) -> list[tuple[int, int, tuple[int, int]]]: ...

    def _indirect_all(self) -> list[tuple[int, int, tuple[int, int]]]: ...

    def _indirect_here(self, pi: int) -> list[tuple[int, int, tuple[int, int]]]: ...

    def _reporting_sentences(self, pi: int) -> list[tuple[int, int]]: ...

    def _indirect_sentences(
        self, pi: int
    ) -> tuple[list[tuple[int, int, tuple[int, int]]], bool]: ...

    def _attribute_all(self, units: list[QuoteUnit]) -> list[QuoteUnit]: ...

    def _kept(self, unit: QuoteUnit) -> bool: ...

    def _unit_key(self, unit: QuoteUnit, idents: list[int]) -> tuple[object, ...]: ...

    def _placed(
        self, mention: tuple[int, int] | None, p0: int, key: tuple[object, ...]
    ) -> Placed: ...

    def _indirect_in(self, s0: int, s1: int) -> tuple[int, int, tuple[int, int]] | None: ...

    def _good_subject(self, mention: tuple[int, int], strict: bool = ...) -> bool: ...

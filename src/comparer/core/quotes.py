"""Quotes in an article: who said what, directly or indirectly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from comparer.core.version import Paragraph


class QuoteKind(StrEnum):
    """Direct quotes have quote marks; indirect ones are reported speech."""

    DIRECT = "direct"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote as a span of its version's text, and who said it."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None


def extract_quotes(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Quote, ...]:
    """The quotes in ``text``, in order. (Extraction is not written yet.)"""
    return ()

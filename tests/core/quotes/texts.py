"""Short articles for the quote tests, written for them: paragraphs in, quotes out."""

from __future__ import annotations

from comparer.core.model import Paragraph, Quote, QuoteKind, Role
from comparer.core.quotes import extract_quotes


def make(paragraphs: list[str], roles: list[Role] | None = None) -> tuple[str, list[Paragraph]]:
    """A text of blank-line separated paragraphs, with their spans."""
    roles = roles or [Role.BODY] * len(paragraphs)
    spans: list[Paragraph] = []
    pos = 0
    for para, role in zip(paragraphs, roles, strict=True):
        spans.append(Paragraph(pos, pos + len(para), role))
        pos += len(para) + 2
    return "\n\n".join(paragraphs), spans


def direct(paragraphs: list[str]) -> list[Quote]:
    text, paras = make(paragraphs)
    return [q for q in extract_quotes(text, paras) if q.kind is QuoteKind.DIRECT]


def said(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """(first words of each direct quote, its speaker)."""
    return [(q.text.strip('"\u201c\u201d')[:20], q.speaker) for q in direct(paragraphs)]

"""Building a version's text and paragraphs from the blocks a loader reads."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from comparer.core.model import Paragraph, Role
from comparer.core.roles import METADATA_MAX, classify


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a loader produces it, before it is placed in a text."""

    text: str
    role: Role | None = None  # None: let the classifier decide


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` as lowercase hex."""
    return hashlib.sha256(data).hexdigest()


def join_blocks(
    blocks: Iterable[Block], separator: str = "\n\n"
) -> tuple[str, list[tuple[int, int, Role | None]]]:
    """Join loader blocks into one text, returning it and each block's span and role.

    Blocks that are empty after stripping are dropped; each kept block is stripped.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, Role | None]] = []
    pos = 0
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if parts:
            parts.append(separator)
            pos += len(separator)
        parts.append(text)
        spans.append((pos, pos + len(text), block.role))
        pos += len(text)
    return "".join(parts), spans


def make_paragraphs(
    text: str, spans: Sequence[tuple[int, int, Role | None]]
) -> tuple[Paragraph, ...]:
    """Paragraphs for ``spans``, classifying those a loader left without a role."""
    body = Role.BODY
    find = text.find
    out: list[Paragraph] = []
    for start, end, role in spans:
        if role is None:
            # The test ``classify`` starts with, done here on the span without copying
            # it: a long stripped paragraph with no "<" and no leading "#" is prose.
            if (
                end - start > METADATA_MAX
                and not text[start].isspace()
                and not text[end - 1].isspace()
                and text[start] != "#"
                and find("<", start, end) < 0
            ):
                role = body
            else:
                role = classify(text[start:end])
        out.append(Paragraph(start, end, role))
    return tuple(out)

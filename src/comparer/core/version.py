"""A version of an article: its text, its paragraphs and where it came from."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a paragraph is, as far as the comparison cares."""

    BODY = "body"
    HEADING = "heading"
    MARKUP = "markup"  # page debris such as <embed> lines: shown dimmed, never a change
    METADATA = "metadata"  # "Last Modified: …", "Source: …": shown dimmed, never a change

    @property
    def is_article(self) -> bool:
        """Whether paragraphs of this role take part in the comparison."""
        return self in (Role.BODY, Role.HEADING)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph as a span of its version's text."""

    start: int
    end: int
    role: Role = Role.BODY


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a loader produces it, before it is placed in a text."""

    text: str
    role: Role | None = None  # None: let the classifier decide


@dataclass(frozen=True, slots=True)
class WebOrigin:
    """Where a version read from a web address came from: the evidence a report records.

    Attributes:
        url: the page's address, as the user gave it.
        captured: when the archive captured the page, or when the live page was
            fetched (ISO 8601 in UTC, "2024-03-01T10:00:00Z").
        received_from: the address the bytes came from, after any redirects: the
            archive's raw capture (its ``id_`` form) or the page itself.
        archive_url: the capture's address in the archive; None for the live page.
        fetched: when Comparer received the bytes (ISO 8601 in UTC); for a capture
            read from the cache, when it was first received.
    """

    url: str
    captured: str
    received_from: str
    archive_url: str | None = None
    fetched: str = ""

    @property
    def live(self) -> bool:
        """Whether this is the page as fetched from its site rather than an archived capture."""
        return self.archive_url is None

    @property
    def label(self) -> str:
        """A short label: the capture time, "2024-03-01 10:00 UTC", or "live page, …"."""
        when = self.captured.replace("T", " ")[:16] + " UTC"
        return f"live page, {when}" if self.live else when


@dataclass(frozen=True)
class Version:
    """One version of an article, as loaded.

    Attributes:
        text: the article text; paragraph offsets index into it.
        paragraphs: the paragraphs in reading order.
        path: the file it was read from, or a label such as "clipboard".
        title: the article's title, if one was found.
        date: the version's date in ISO form ("2013-05-19T13:50"), if one was found.
        sha256: SHA-256 of the file's bytes (hex).
        encoding: the encoding the bytes were decoded with.
        size: the file's size in bytes.
        mtime: the file's modification time (seconds since the epoch), if known.
        source_format: which loader read it ("text", "html", "docx", …).
        web: for a version read from a web address, where and when it was captured.
    """

    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str = ""
    title: str | None = None
    date: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    size: int = 0
    mtime: float | None = None
    source_format: str = "text"
    byline: str | None = None
    notes: tuple[str, ...] = field(default=())
    web: WebOrigin | None = None

    def paragraph_text(self, index: int) -> str:
        """The text of paragraph ``index``."""
        p = self.paragraphs[index]
        return self.text[p.start : p.end]

    @property
    def name(self) -> str:
        """A short label for the version: the file name, the path as given, or the capture time."""
        if self.web is not None:
            return self.web.label
        return self.path.replace("\\", "/").rsplit("/", 1)[-1] or "untitled"


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
    from comparer.core.roles import METADATA_MAX, classify

    body = Role.BODY
    find = text.find
    out: list[Paragraph] = []
    for index, (start, end, role) in enumerate(spans):
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
                role = classify(text[start:end], index)
        out.append(Paragraph(start, end, role))
    return tuple(out)

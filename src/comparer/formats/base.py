"""What every loader provides, and how its output becomes a ``Version``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from comparer.core.blocks import Block, join_blocks, make_paragraphs, sha256_hex
from comparer.core.model import Paragraph, Role, Version
from comparer.core.roles import classify, metadata_date


@dataclass(frozen=True)
class LoadOptions:
    """Choices the user can make about loading."""

    full_page: bool = False  # web pages: keep all the page's text, not just the article


@dataclass
class Extracted:
    """What a loader found in a file, before it becomes a ``Version``.

    Either ``blocks`` (paragraphs to be joined with blank lines) or ``text`` with
    ``spans`` (paragraph spans into text the loader keeps as is, as the text loader does).
    """

    blocks: Sequence[Block] = ()
    text: str | None = None
    spans: Sequence[tuple[int, int, Role | None]] = ()
    encoding: str = "utf-8"
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    notes: list[str] = field(default_factory=list)
    utc_offset: int | None = None  # ``date``'s offset from UTC in minutes, when it says
    furniture: tuple[str, ...] = ()  # a web page's menus, side lists, footer: their lines
    saved: str | None = None  # when the document says it was last saved (ISO), if it does


class Loader(Protocol):
    """A reader for one file format."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, data: bytes) -> bool:
        """Whether ``data`` looks like this format, judged by content alone."""
        ...

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Read ``data``; raise ``LoadError`` with a clear message when it cannot."""
        ...


def body_role(text: str) -> Role:
    """The role of a paragraph a loader knows is not a heading: body, unless it is debris.

    Loaders that know the document's structure use this so that a short body paragraph
    (a list item, a one-line quote) is not guessed to be a heading, while "Updated: …"
    lines and left-over tags are still set apart as metadata and markup.
    """
    role = classify(text)
    return Role.BODY if role is Role.HEADING else role


def leading_title(text: str, paragraphs: Sequence[Paragraph]) -> str | None:
    """The heading that opens the article, if it reads as a title.

    A heading after the first body paragraph is a crosshead ("WEALTH AND ECONOMIC
    INEQUALITY"), never the title; nor is a fragment: a single word, a line starting in
    lowercase or ending as if the sentence ran on (a comma, a dash, "…").
    """
    for p in paragraphs:
        if p.role in (Role.METADATA, Role.MARKUP):
            continue
        if p.role is not Role.HEADING:
            return None
        candidate = text[p.start : p.end].lstrip("#").strip()
        if not candidate:
            continue  # a heading of marks alone ("#", "* * *") names nothing
        words = [w for w in candidate.split() if any(c.isalpha() for c in w)]
        first, last = candidate[0], candidate[-1]
        fragment = (
            len(words) < 2
            or not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018")
            or last in ",;:-\u2013\u2014\u2026"
            or candidate.endswith("...")
        )
        return None if fragment else candidate
    return None


_SAVED = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(Z|[+-]\d\d:\d\d)?")


def saved_time(text: str | None) -> str | None:
    """A document's own record of when it was saved, as ISO ("2025-03-01T15:30:00+00:00").

    Word processors write it as an XML date and time (W3CDTF): UTC ("…Z"), with an offset,
    or (LibreOffice's ``dc:date``) local time without a zone, kept as it is. Anything else,
    or a date that does not exist, gives None.
    """
    match = _SAVED.fullmatch((text or "").strip())
    if match is None:
        return None
    zone = match.group(2) or ""
    try:
        moment = datetime.fromisoformat(match.group(1) + ("+00:00" if zone == "Z" else zone))
    except ValueError:
        return None
    return moment.isoformat()


def build_version(
    extracted: Extracted,
    data: bytes,
    path: str,
    source_format: str,
    mtime: float | None = None,
) -> Version:
    """Turn a loader's findings into a ``Version``, filling title and date where missing."""
    if extracted.text is not None:
        text, spans = extracted.text, list(extracted.spans)
    else:
        text, spans = join_blocks(extracted.blocks)
    paragraphs = make_paragraphs(text, spans)
    title = extracted.title
    date = extracted.date
    for p in paragraphs:
        if date is None and p.role is Role.METADATA:
            date = metadata_date(text[p.start : p.end])
    if title is None:
        title = leading_title(text, paragraphs)
    return Version(
        text=text,
        paragraphs=paragraphs,
        path=path,
        title=title,
        date=date,
        sha256=sha256_hex(data),
        encoding=extracted.encoding,
        size=len(data),
        mtime=mtime,
        source_format=source_format,
        byline=extracted.byline,
        notes=tuple(extracted.notes),
        utc_offset=extracted.utc_offset if extracted.date is not None else None,
        saved=extracted.saved,
        furniture=extracted.furniture,
    )

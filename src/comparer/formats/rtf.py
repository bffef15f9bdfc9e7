r"""Rich Text Format loader (striprtf), keeping heading styles as headings.

striprtf turns RTF into plain text but forgets styles, so before it runs, paragraphs that
use a heading style (``\sN`` where the style sheet names style N "heading …" or "Title",
or ``\outlinelevelN``) get a private marker character, found again afterwards. This is
done by hand because no RTF library in use keeps paragraph styles.
"""

from __future__ import annotations

import codecs
import re

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.formats.base import Extracted, LoadOptions
from comparer.formats.errors import LoadError

_MARK = "\ue000"
_MARK_RTF = r"\u57344?"
_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_STYLE_DEF = re.compile(r"\{[^{}]*?\\s(\d+)\b[^{}]*?\s([^;{}\\]+);\}")
_HEADING_USE = re.compile(r"(\\s(\d+)(?![\d])|\\outlinelevel[0-8](?![\d]))")
_TITLE = re.compile(r"\{\\title\s+([^{}]*)\}")
_SPACES = re.compile(r"[ \t\u00a0]+")


class RtfLoader:
    """Reads ``.rtf`` files."""

    name: str = "rtf"
    extensions: tuple[str, ...] = (".rtf",)

    def sniff(self, data: bytes) -> bool:
        """RTF starts with an opening brace and the ``rtf`` control word."""
        return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Convert the RTF to text, one block per paragraph."""
        from striprtf.striprtf import rtf_to_text

        encoding = _codepage(data)
        source = data.decode(encoding, errors="replace")
        source = _mark_headings(source)
        try:
            text: str = rtf_to_text(  # type: ignore[no-untyped-call]
                source, encoding=encoding, errors="replace"
            )
        except (ValueError, LookupError, IndexError, RecursionError) as exc:
            raise LoadError(path, f"is a damaged RTF document ({exc.__class__.__name__})") from None
        blocks: list[Block] = []
        for line in text.split("\n"):
            role: Role | None = None
            if _MARK in line:
                role = Role.HEADING
                line = line.replace(_MARK, "")
            if "|" in line:
                line = " | ".join(c.strip() for c in line.split("|") if c.strip())
                role = role or Role.BODY
            line = _SPACES.sub(" ", line).strip()
            if line:
                blocks.append(Block(line, role))
        title_match = _TITLE.search(source[:65536])
        title = None
        if title_match:
            title = rtf_to_text(  # type: ignore[no-untyped-call]
                "{\\rtf1 " + title_match.group(1) + "}", encoding=encoding, errors="replace"
            )
            title = _SPACES.sub(" ", str(title).replace(_MARK, "")).strip()
        return Extracted(blocks=blocks, encoding=encoding, title=title or None)


def _codepage(data: bytes) -> str:
    match = _CODEPAGE.search(data[:4096])
    if match:
        name = f"cp{int(match.group(1))}"
        try:
            codecs.lookup(name)
            return name
        except LookupError:
            pass
    if b"\\mac" in data[:64]:
        return "mac_roman"
    return "cp1252"


def _mark_headings(source: str) -> str:
    """Insert a marker into paragraphs that use a heading style."""
    sheet_start = source.find("{\\stylesheet")
    sheet_end = _group_end(source, sheet_start) if sheet_start >= 0 else -1
    heading_styles: set[str] = set()
    if sheet_end > 0:
        for match in _STYLE_DEF.finditer(source, sheet_start, sheet_end):
            name = match.group(2).strip().lower()
            if name.startswith(("heading", "title", "subtitle")):
                heading_styles.add(match.group(1))
    body_start = max(sheet_end, 0)

    def mark(match: re.Match[str]) -> str:
        number = match.group(2)
        if number is None or number in heading_styles:
            return match.group(1) + " " + _MARK_RTF + " "
        return match.group(1)

    return source[:body_start] + _HEADING_USE.sub(mark, source[body_start:])


def _group_end(source: str, start: int) -> int:
    """Index just past the ``}`` closing the group opened at ``start``."""
    depth = 0
    index = start
    length = len(source)
    while index < length:
        ch = source[index]
        if ch == "\\":
            index += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1

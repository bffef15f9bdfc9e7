r"""Rich Text Format loader (striprtf), keeping heading styles as headings.

striprtf turns RTF into plain text but forgets styles, so before it runs, paragraphs that
use a heading style (``\sN`` where the style sheet names style N "heading …" or "Title",
or ``\outlinelevelN``) get a private marker character, found again afterwards. This is
done by hand because no RTF library in use keeps paragraph styles.

Also by hand, before striprtf sees the text, what would make it refuse a whole document
or take time growing with the square of its size:

- a ``\uN`` escape naming no character (``\u99999999999?``) becomes U+FFFD, the mark of
  an unreadable character, and a bare ``\uc`` gets its default count, 1: a word
  processor reads past both, and so does Comparer;
- a font whose character set Python has no codec for is read as Windows-1252;
- the font table is rewritten to the fonts' numbers and character sets only (all that
  striprtf takes from it), because striprtf's font pattern scans a long table once for
  every font in it.

Characters outside the Basic Multilingual Plane come out of striprtf as pairs of
UTF-16 surrogates; they are joined into the characters they stand for, and a lone
surrogate becomes U+FFFD.
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
_INNER_GROUP = re.compile(r"\{([^{}]*)\}")
_STYLE_NUMBER = re.compile(r"\\s(\d+)\b")
_UNICODE_ESCAPE = re.compile(r"\\\\|\\(uc|u)(?![a-z])(-?\d*) ?", re.IGNORECASE)
_FONT_TABLE = re.compile(r"\{[^{}]*\\fonttbl")
_FONT_TOKEN = re.compile(r"\\f(\d+)|\\fcharset(\d+)")
_REPLACEMENT = "\ufffd"
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
        source = _plain_font_table(_UNICODE_ESCAPE.sub(_repair_escape, source))
        source = _mark_headings(source)
        try:
            text: str = rtf_to_text(  # type: ignore[no-untyped-call]
                source, encoding=encoding, errors="replace"
            )
        except (ValueError, LookupError, IndexError, RecursionError) as exc:
            raise LoadError(path, f"is a damaged RTF document ({exc.__class__.__name__})") from None
        text = _join_surrogates(text)
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
            title = _SPACES.sub(" ", _join_surrogates(str(title)).replace(_MARK, "")).strip()
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


def _repair_escape(match: re.Match[str]) -> str:
    r"""A ``\uN`` or ``\ucN`` escape as striprtf can read it (see the module docstring)."""
    word, digits = match.group(1), match.group(2)
    if word is None:
        return match.group()  # an escaped backslash: what follows it is text
    if word.lower() == "uc":
        number = digits.lstrip("-")
        return match.group() if number and len(number) <= 10 else r"\uc1 "
    if not digits.lstrip("-"):
        return match.group()
    value = int(digits)
    if len(digits.lstrip("-")) <= 10 and 0 <= (value + 0x10000 if value < 0 else value) < 0x110000:
        return match.group()
    return f"\\u{ord(_REPLACEMENT)} "


def _plain_font_table(source: str) -> str:
    """``source`` with its font table cut down to each font's number and character set.

    A character set Python cannot decode is replaced by 0 (Windows-1252).
    """
    from striprtf.striprtf import charset_map

    start = _FONT_TABLE.search(source)
    if start is None:
        return source
    end = _group_end(source, start.start())
    table = source[start.start() : end if end > 0 else len(source)]
    fonts: dict[str, str] = {}
    font: str | None = None
    for token in _FONT_TOKEN.finditer(table):
        if token.group(1) is not None:
            font = font or token.group(1)
        elif font is not None:
            charset = token.group(2)
            try:
                codecs.lookup(charset_map.get(int(charset), "cp1252"))
            except LookupError:
                charset = "0"
            fonts[font] = charset
            font = None
    plain = "".join(f"{{\\f{n}\\fcharset{c} font;}}" for n, c in fonts.items())
    rest = source[end:] if end > 0 else ""
    return f"{source[: start.start()]}{{\\fonttbl{plain}}}{rest}"


def _join_surrogates(text: str) -> str:
    """Pairs of UTF-16 surrogates joined into their characters; a lone one becomes U+FFFD."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _heading_styles(sheet: str) -> set[str]:
    r"""The numbers of the styles the style sheet names "heading …", "title" or "subtitle".

    Each style is a group ``{\sN … name;}``; its name is the text after the last
    control word, past the first space. Read group by group in one pass: a pattern
    spanning a whole group took time growing with the cube of a long group's length.
    """
    found: set[str] = set()
    for group in _INNER_GROUP.finditer(sheet):
        body = group.group(1)
        number = _STYLE_NUMBER.search(body) if body.endswith(";") else None
        if number is None:
            continue
        rest = body[number.end() : -1]
        cut = max(rest.rfind(";"), rest.rfind("\\"))
        space = next(
            (i for i in range(cut + 1, len(rest) - 1) if rest[i].isspace()), None
        )
        if space is None:
            continue
        name = rest[space + 1 :].strip().lower()
        if name.startswith(("heading", "title", "subtitle")):
            found.add(number.group(1))
    return found


def _mark_headings(source: str) -> str:
    """Insert a marker into paragraphs that use a heading style."""
    sheet_start = source.find("{\\stylesheet")
    sheet_end = _group_end(source, sheet_start) if sheet_start >= 0 else -1
    heading_styles: set[str] = set()
    if sheet_end > 0:
        heading_styles = _heading_styles(source[sheet_start:sheet_end])
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

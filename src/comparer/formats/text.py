"""Plain-text loader: UTF-8 (with or without BOM) and legacy encodings, any line ends.

Paragraphs are blank-line separated blocks; where a text has no blank lines between its
paragraphs (one paragraph per line, as copied from many sites), each line is one.
"""

from __future__ import annotations

import re

from comparer.core.model import Role
from comparer.core.roles import is_plain_prose
from comparer.formats.base import Extracted, LoadOptions
from comparer.formats.errors import LoadError

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# A blank line holding spaces: texts without one (and without spaces after a last
# newline, which the end of the text makes a blank line) split at "\n\n" alone.
_SPACED_BLANK_LINE = re.compile(r"\n[ \t\u00a0]+\n")
# Control characters other than newline, tab, form feed and vertical tab.
_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")


class TextLoader:
    """Reads ``.txt`` files and anything else that decodes as text."""

    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".text", "")

    def sniff(self, data: bytes) -> bool:
        """Text is the fallback: anything without NUL bytes may be text, or UTF-16/32."""
        head = data[:8192]
        return (
            b"\x00" not in head
            or data[:2] in (b"\xff\xfe", b"\xfe\xff")
            or _unmarked_utf16_32(head) is not None
        )

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Decode ``data`` and split it into paragraphs."""
        text, encoding = decode_text(data, path)
        spans = split_paragraphs(text)
        return Extracted(text=text, spans=spans, encoding=encoding)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes of a text file, returning the text (with newline line ends) and encoding.

    UTF-8 is tried first (it is what nearly every file is, and a byte-order mark settles
    it); anything else is detected with charset-normalizer.
    """
    encoding: str
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(path, "is not valid UTF-8 although it says it is") from exc
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_utf16_32(data, path)
    elif b"\x00" in data[:8192] and (unmarked := _unmarked_utf16_32(data[:8192])):
        try:
            text, encoding = data.decode(unmarked), unmarked
        except UnicodeDecodeError:
            raise LoadError(path, f"is binary data, not {unmarked} text") from None
    else:
        if b"\x00" in data:
            raise LoadError(path, "is binary data, not text (it contains NUL bytes)")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect(data, path)
    if "\r" in text:  # one scan settles the usual case of newline-only line ends
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise LoadError(path, "is binary data, not text")
    return text, encoding


def _unmarked_utf16_32(head: bytes) -> str | None:
    """The UTF-16/32 byte order of text without a byte-order mark, judged by its NUL bytes.

    Text in a Latin, Arabic or Hebrew script has a zero byte in the same position of
    nearly every code unit; binary data does not.
    """
    size = len(head) - len(head) % 4
    if size < 8:
        return None
    head = head[:size]
    units32 = [head[i : i + 4] for i in range(0, size, 4)]
    if all(u[2:] == b"\x00\x00" and u[:2] != b"\x00\x00" for u in units32):
        return "utf-32-le"
    if all(u[:2] == b"\x00\x00" and u[2:] != b"\x00\x00" for u in units32):
        return "utf-32-be"
    odd_zero = sum(1 for i in range(1, size, 2) if head[i] == 0)
    even_zero = sum(1 for i in range(0, size, 2) if head[i] == 0)
    half = size // 2
    if odd_zero > 0.6 * half and even_zero < 0.02 * half:
        return "utf-16-le"
    if even_zero > 0.6 * half and odd_zero < 0.02 * half:
        return "utf-16-be"
    return None


def _decode_utf16_32(data: bytes, path: str) -> tuple[str, str]:
    for encoding, bom in (
        ("utf-32", b"\xff\xfe\x00\x00"),
        ("utf-32", b"\x00\x00\xfe\xff"),
        ("utf-16", b"\xff\xfe"),
        ("utf-16", b"\xfe\xff"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    raise LoadError(path, "cannot be decoded as UTF-16 or UTF-32 text")


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 1 << 20])
    best = matches.best()
    if best is None:
        raise LoadError(path, "is binary data or in an unknown encoding, not text")
    encoding = best.encoding
    # Western European text fits several single-byte code pages equally well; the one
    # nearly every such file is in is Windows-1252 (a superset of Latin-1's letters).
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + 0.005
            and match.coherence >= best.coherence - 0.02
        ):
            encoding = "cp1252"
            break
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise LoadError(path, f"cannot be decoded as {encoding} text") from exc


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    # Counting with a compiled pattern rather than a loop over characters: same count.
    control = len(_CONTROL.findall(sample))
    return control > max(8, len(sample) // 100)


def split_paragraphs(text: str) -> list[tuple[int, int, Role | None]]:
    """Paragraph spans of ``text``: blank-line blocks, or single lines if there are none.

    A text mixes both styles when some blocks are a heading line followed by a body; the
    rule used is simple: if any blank line separates paragraphs, blocks are paragraphs,
    unless a block holds several lines each of which ends a sentence (then each line is).
    """
    if _BLANK_LINE.search(text):
        trimmed = text.rstrip(" \t\u00a0")
        spaced_end = len(trimmed) < len(text) and trimmed.endswith("\n")
        if not spaced_end and not _SPACED_BLANK_LINE.search(text):
            return _split_at_empty_lines(text)
        spans: list[tuple[int, int, Role | None]] = []
        pos = 0
        size = len(text)
        find = text.find
        for match in _BLANK_LINE.finditer(text + "\n\n"):
            end = min(match.start(), size)
            # A block of one line with no space at either end (nearly every paragraph) is
            # a paragraph as it is; only other blocks need the line rules.
            if (
                pos < end
                and find("\n", pos, end) < 0
                and not text[pos].isspace()
                and not text[end - 1].isspace()
            ):
                spans.append((pos, end, None))
            else:
                _add_block(text, pos, end, spans)
            pos = match.end()
        if pos < len(text):
            _add_block(text, pos, len(text), spans)
        return spans
    out: list[tuple[int, int, Role | None]] = []
    _add_lines(text, 0, len(text), out)
    return out


def _split_at_empty_lines(text: str) -> list[tuple[int, int, Role | None]]:
    """``split_paragraphs`` of a text whose blank lines are all empty lines.

    Its blank lines are then exactly the pairs of newlines ``str.split`` cuts at, from
    left to right as the pattern finds them, and the split runs in C.
    """
    spans: list[tuple[int, int, Role | None]] = []
    pos = 0
    body = Role.BODY
    for block in text.split("\n\n"):
        end = pos + len(block)
        # A block of one line with no space at either end (nearly every paragraph) is
        # a paragraph as it is; only other blocks need the line rules. Plain prose is
        # known to be body text here, where the block is at hand.
        if block and "\n" not in block and not block[0].isspace() and not block[-1].isspace():
            spans.append((pos, end, body if is_plain_prose(block) else None))
        else:
            _add_block(text, pos, end, spans)
        pos = end + 2
    return spans


def _add_block(text: str, start: int, end: int, spans: list[tuple[int, int, Role | None]]) -> None:
    block = text[start:end]
    lines = [ln for ln in block.split("\n") if ln.strip()]
    if len(lines) > 1 and all(_ends_sentence(ln) for ln in lines[:-1]) and len(lines) > 2:
        _add_lines(text, start, end, spans)
        return
    first_nl = text.find("\n", start, end)
    if len(lines) > 1 and lines[0].lstrip().startswith("#") and first_nl >= 0:
        # a Markdown heading directly above its first paragraph
        _add_span(text, start, first_nl, spans)
        _add_span(text, first_nl + 1, end, spans)
        return
    _add_span(text, start, end, spans)


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in '.!?"\u201d\u2019:'


def _add_lines(text: str, start: int, end: int, spans: list[tuple[int, int, Role | None]]) -> None:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        _add_span(text, pos, line_end, spans)
        if nl < 0:
            break
        pos = nl + 1


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int, Role | None]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end, None))

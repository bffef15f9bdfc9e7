"""A tiny PDF writer for test fixtures: pages of positioned Helvetica text, nothing else.

Written by hand because no PDF-writing library is a dependency of the project and the
tests need exact control over layout (columns, running headers, hyphenated line ends).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PAGE_WIDTH = 612
PAGE_HEIGHT = 792


@dataclass(frozen=True)
class Line:
    """One line of text placed at ``x``, ``y`` (points from the bottom left)."""

    x: float
    y: float
    text: str
    size: float = 11


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(
    pages: Sequence[Sequence[Line]],
    title: str | None = None,
    encrypted: bool = False,
    producer: str | None = None,
) -> bytes:
    """A PDF whose pages hold ``pages``' lines; ``encrypted`` adds a password lock.

    ``producer`` names the program that wrote it, in the document information.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids: list[int] = []
    for lines in pages:
        ops = []
        for line in lines:
            ops.append(
                b"BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET"
                % (line.size, line.x, line.y, _escape(line.text))
            )
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page = add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_obj, PAGE_WIDTH, PAGE_HEIGHT, font, content)
        )
        kids.append(page)
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info = None
    if title is not None or producer is not None:
        entries = b""
        if title is not None:
            entries += b"/Title (%s) " % _escape(title)
        if producer is not None:
            entries += b"/Producer (%s) " % _escape(producer)
        info = add(b"<< %s>>" % entries)
    encrypt = None
    if encrypted:
        # A standard-security dictionary whose user key matches no password we know of:
        # readers must ask for a password.
        encrypt = add(
            b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32)
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    if encrypt is not None:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"ab" * 16, b"ab" * 16)
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def wrap(text: str, width: int) -> list[str]:
    """Split ``text`` into lines of at most ``width`` characters at spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines

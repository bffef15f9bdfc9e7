"""What the fuzzer runs: each loader, and the comparison, on bytes it makes up.

Each target takes one input (bytes) and must end in one of two ways: a result, or a
``LoadError`` whose message is one line. Anything else it raises is a finding. Word and
OpenDocument files are zip packages, whose checksums a byte mutation would break at
once, so their targets take the XML parts and package them: the fuzzer then explores
the XML the loaders read, not the zip library's checksum test.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

PART_BREAK = b"\x00\x00"  # between the XML parts of a packaged target's input
# what a message in the reader's words never holds
_INTERNALS = re.compile(r"\b\w+(Error|Exception)\b|object has no attribute|Traceback|lxml")

_DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b'<Override PartName="/word/styles.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'
)
_DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/styles" Target="styles.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)
_ODT_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    b'<manifest:file-entry manifest:full-path="/" '
    b'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)


def parts(data: bytes, count: int) -> list[bytes]:
    """``data`` cut at ``PART_BREAK`` into ``count`` parts (missing ones empty)."""
    found = data.split(PART_BREAK, count - 1)
    return found + [b""] * (count - len(found))


def docx_package(data: bytes) -> bytes:
    """A Word package whose document, styles and footnotes are the parts of ``data``."""
    document, styles, notes = parts(data, 3)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        if styles:
            archive.writestr("word/styles.xml", styles)
        if notes:
            archive.writestr("word/footnotes.xml", notes)
    return out.getvalue()


def odt_package(data: bytes) -> bytes:
    """An OpenDocument package whose content, styles and metadata are the parts of ``data``."""
    content, styles, meta = parts(data, 3)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text"
        )
        archive.writestr("META-INF/manifest.xml", _ODT_MANIFEST)
        archive.writestr("content.xml", content)
        if styles:
            archive.writestr("styles.xml", styles)
        if meta:
            archive.writestr("meta.xml", meta)
    return out.getvalue()


class Finding(AssertionError):
    """A result that is neither a comparison nor a clear one-line error."""


def _load(data: bytes, name: str) -> object:
    from comparer.formats import LoadError, load_bytes

    try:
        return load_bytes(data, name)
    except LoadError as exc:
        message = str(exc)
        if "\n" in message or "\r" in message:
            raise Finding(f"a message of more than one line: {message!r}") from None
        if _INTERNALS.search(message):
            raise Finding(f"a message with a library's internals: {message!r}") from None
        return None


def _loader(
    suffix: str, package: Callable[[bytes], bytes] | None = None
) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        _load(package(data) if package else data, f"fuzz{suffix}")

    return run


def compare_target(data: bytes) -> None:
    """Two texts cut at the first NUL, compared with quotes, rendered as text and JSON."""
    from comparer.core.compare import compare
    from comparer.core.model import Version
    from comparer.export.json_export import dumps
    from comparer.export.text_report import render

    old, _, new = data.partition(b"\x00")
    versions = [_load(old, "old.txt"), _load(new, "new.txt")]
    if not all(isinstance(v, Version) for v in versions):
        return
    comparison = compare(versions, with_quotes=True, parallel=False)  # type: ignore[arg-type]
    dumps(comparison)
    render(comparison, colour=True, show_equal=True)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": _loader(".txt"),
    "markdown": _loader(".md"),
    "html": _loader(".html"),
    "mhtml": _loader(".mhtml"),
    "rtf": _loader(".rtf"),
    "pdf": _loader(".pdf"),
    "docx": _loader(".docx", docx_package),
    "odt": _loader(".odt", odt_package),
    "compare": compare_target,
}

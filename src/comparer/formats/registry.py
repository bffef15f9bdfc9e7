"""Choose the loader for a file and guard against input that is not an article at all."""

from __future__ import annotations

import logging
import os
import stat
import traceback
from pathlib import Path

from comparer.core.model import Version
from comparer.formats.base import Loader, LoadOptions, build_version
from comparer.formats.docx import DocxLoader
from comparer.formats.errors import LoadError
from comparer.formats.html import HtmlLoader
from comparer.formats.markdown import MarkdownLoader
from comparer.formats.mhtml import MhtmlLoader
from comparer.formats.odt import OdtLoader
from comparer.formats.pdf import PdfLoader
from comparer.formats.rtf import RtfLoader
from comparer.formats.text import TextLoader

MAX_FILE_BYTES = 50 * 1024 * 1024
_log = logging.getLogger(__name__)

_FORMAT_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "odt": "an OpenDocument text",
    "rtf": "an RTF document",
    "html": "a web page",
    "mhtml": "a web archive",
    "markdown": "Markdown",
    "text": "plain text",
}
# Content Comparer recognises but cannot read, with what to tell the user.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "is a PNG image, not a document with text"),
    (b"\xff\xd8\xff", "is a JPEG image, not a document with text"),
    (b"GIF8", "is a GIF image, not a document with text"),
    (b"\x1f\x8b", "is a gzip-compressed file; decompress it first"),
    (b"7z\xbc\xaf", "is a 7-Zip archive, not a document"),
    (b"Rar!", "is a RAR archive, not a document"),
    (b"\x7fELF", "is a program, not a document"),
    (b"MZ", "is a program, not a document"),
)


def loaders() -> list[Loader]:
    """Every loader, most specific first; the text loader comes last as the fallback."""
    return [
        PdfLoader(),
        DocxLoader(),
        OdtLoader(),
        RtfLoader(),
        MhtmlLoader(),
        HtmlLoader(),
        MarkdownLoader(),
        TextLoader(),
    ]


# Loaders whose sniff is a real claim about the content (magic bytes, markup); the others
# (Markdown, text) accept any text, so only the extension can pick them.
_BY_CONTENT = frozenset({"pdf", "docx", "odt", "rtf", "mhtml", "html"})


def load_path(path: str | os.PathLike[str], options: LoadOptions | None = None) -> Version:
    """Read the file at ``path`` (never writing to it) and load it as a version.

    Raises:
        LoadError: the file is missing, a folder, unreadable, empty, too large, binary,
            damaged, password-protected, or not a format Comparer reads.
    """
    label = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(label, "no such file") from None
    except OSError as exc:
        raise LoadError(label, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(label, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError(label, "is not a regular file (a device or pipe?)")
    if st.st_size > MAX_FILE_BYTES:
        raise LoadError(
            label,
            f"is too large ({st.st_size / 1048576:.0f} MB; "
            f"the limit is {MAX_FILE_BYTES // 1048576} MB)",
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadError(label, f"cannot be read ({exc.strerror or exc})") from None
    return load_bytes(data, label, options, mtime=st.st_mtime)


def load_bytes(
    data: bytes,
    path: str,
    options: LoadOptions | None = None,
    mtime: float | None = None,
    format_hint: str | None = None,
) -> Version:
    """Load ``data`` read from ``path`` (or pasted: ``path`` is then a label).

    Args:
        data: the file's (or the clipboard's) bytes.
        path: the file's name, or a label such as "clipboard".
        options: loading choices.
        mtime: the file's modification time, if known.
        format_hint: the loader to use when the content is ambiguous ("html" for
            clipboard HTML, "markdown", "text"); content that is unmistakably another
            format still wins.

    Raises:
        LoadError: the data cannot be loaded as an article; the message names ``path``.
    """
    options = options or LoadOptions()
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(path, f"is too large (the limit is {MAX_FILE_BYTES // 1048576} MB)")
    if not data.lstrip(b"\xef\xbb\xbf\xff\xfe").strip(b" \t\r\n\x00\x0b\x0c"):
        raise LoadError(path, "is empty")
    loader, note = _choose(data, path, format_hint)
    try:
        extracted = loader.extract(data, path, options)
    except LoadError:
        raise
    except RecursionError:
        raise LoadError(path, f"is {_FORMAT_NAMES[loader.name]} nested too deeply") from None
    except MemoryError:
        raise LoadError(path, f"is {_FORMAT_NAMES[loader.name]} too large to read") from None
    except Exception as exc:  # a library's failure on malformed input: never a traceback
        # the message says what the reader can act on; the library's own words go to
        # ``detail`` (``--debug``) and the log
        _log.debug("%s: the %s loader failed", path, loader.name, exc_info=exc)
        raise LoadError(
            path,
            f"could not be read as {_FORMAT_NAMES[loader.name]}: it is damaged, "
            "or uses something Comparer cannot read",
            detail="".join(traceback.format_exception(exc)),
        ) from exc
    if note:
        extracted.notes.insert(0, note)
    version = build_version(extracted, data, path, loader.name, mtime)
    if not version.paragraphs:
        raise LoadError(path, "has no text in it")
    return version


def choose_loader(data: bytes, path: str, format_hint: str | None = None) -> Loader:
    """The loader for ``data``: by content when it is unambiguous, else by extension.

    The content decides when it is unmistakable (magic bytes, markup), then the
    extension (or ``format_hint``), then text as the fallback.

    Raises:
        LoadError: the data is a kind of file Comparer cannot read.
    """
    return _choose(data, path, format_hint)[0]


def _choose(data: bytes, path: str, format_hint: str | None) -> tuple[Loader, str | None]:
    """The loader for ``data``, and a note when the content contradicts the file's name."""
    suffix = Path(path).suffix.lower() if path not in ("clipboard", "") else ""
    candidates = loaders()
    by_name = {loader.name: loader for loader in candidates}
    expected = next((c for c in candidates if suffix and suffix in c.extensions), None)
    if format_hint in by_name:
        expected = by_name[format_hint]
    _refuse_unsupported(data, path, expected)
    for loader in candidates:
        if loader.name in _BY_CONTENT and loader.sniff(data):
            note = None
            named = expected.name if expected is not None else loader.name
            if named != loader.name and named in _BY_CONTENT:
                note = (
                    f"The file is named like {_FORMAT_NAMES[named]} but holds "
                    f"{_FORMAT_NAMES[loader.name]}; it was read as such."
                )
            return loader, note
    if expected is not None and expected.name not in _BY_CONTENT and expected.sniff(data):
        return expected, None
    html = by_name["html"]
    fragment = isinstance(html, HtmlLoader) and html.sniff_fragment(data)
    if (format_hint == "html" or (expected is None and fragment)) and by_name["text"].sniff(data):
        return html, None
    text_loader = by_name["text"]
    if text_loader.sniff(data):
        if expected is not None and expected.name in ("pdf", "docx", "odt"):
            return text_loader, (
                f"The file is named like {_FORMAT_NAMES[expected.name]} but holds plain text;"
                " it was read as text."
            )
        return text_loader, None
    if expected is not None and expected.name in _BY_CONTENT:
        raise LoadError(
            path, f"is not {_FORMAT_NAMES[expected.name]} (damaged, or another kind of file)"
        )
    raise LoadError(path, "is binary data, not text or a document format Comparer reads")


def _refuse_unsupported(data: bytes, path: str, expected: Loader | None) -> None:
    """Raise a helpful error for kinds of file that look like documents but are not readable."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise LoadError(
                path, "is a password-protected Office document; save an unprotected copy"
            )
        raise LoadError(
            path, "is an old Office file (Word 97-2003 .doc?); save it as .docx and open that"
        )
    for magic, problem in _UNSUPPORTED_MAGIC:
        if data.startswith(magic) and (magic != b"MZ" or b"\x00" in data[:1024]):
            raise LoadError(path, problem)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        docx, odt = DocxLoader(), OdtLoader()
        if not docx.sniff(data) and not odt.sniff(data):
            if b"mimetypeapplication/vnd.oasis.opendocument" in data[:200]:
                raise LoadError(path, "is an OpenDocument file but not a text document")
            if b"[Content_Types].xml" in data:
                raise LoadError(path, "is an Office file but not a Word document")
            raise LoadError(path, "is a zip archive, not a document")

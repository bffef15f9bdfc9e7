"""Safe reading of zip packages of XML parts (Word .docx, OpenDocument .odt).

Guards written here rather than left to the libraries: python-docx and zipfile read
whatever a member claims to hold, so a zip bomb is refused by checking each member's
declared size and compression ratio before anything is inflated, and every read is capped.
XML is parsed with lxml set never to resolve entities, load DTDs or touch the network.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

from comparer.formats.errors import LoadError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one XML part, inflated
MAX_TOTAL_BYTES = 160 * 1024 * 1024  # the whole package, inflated
MAX_RATIO = 120  # inflated / compressed, for members large enough to matter
_RATIO_FLOOR = 2 * 1024 * 1024  # small members may compress as well as they like
# libxml2's words when a document nests deeper than it reads without its "huge" option
TOO_DEEP = "Excessive depth"


def open_package(data: bytes, path: str, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip package, refusing damaged archives and zip bombs.

    Args:
        data: the file's bytes.
        path: the file's name, for messages.
        kind: what the file should be ("Word document"), for messages.

    Raises:
        LoadError: the archive is damaged, or would inflate to an unreasonable size.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        problem = f"is a damaged or truncated {kind} (the zip archive is unreadable)"
        raise LoadError(path, problem) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if (
            info.file_size > MAX_MEMBER_BYTES
            or total > MAX_TOTAL_BYTES
            or (info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO)
        ):
            raise LoadError(
                path,
                f"is not a safe {kind}: its part {info.filename!r} would inflate to "
                f"{info.file_size / 1048576:.0f} MB (a zip bomb?)",
            )
        if info.flag_bits & 0x1:
            raise LoadError(path, f"is an encrypted {kind}; save an unprotected copy and open that")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str, kind: str) -> bytes | None:
    """The bytes of member ``name`` (None when absent), read with a size cap.

    Raises:
        LoadError: the member is damaged or larger than it claimed.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    try:
        with archive.open(info) as member:
            blob = member.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        problem = f"is a damaged or truncated {kind} (part {name!r} is unreadable)"
        raise LoadError(path, problem) from None
    if len(blob) > MAX_MEMBER_BYTES:
        raise LoadError(path, f"is not a safe {kind}: its part {name!r} is too large")
    return blob


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(blob: bytes, path: str, kind: str, part: str) -> Any:
    """Parse one XML part safely, returning its root element.

    Raises:
        LoadError: the XML is malformed.
    """
    try:
        return etree.fromstring(blob, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        problem = f"is a damaged {kind} (its part {part!r} is not well-formed XML)"
        if TOO_DEEP in str(exc):
            problem = f"is nested too deeply to read (its part {part!r} goes over 256 levels)"
        raise LoadError(path, problem, str(exc)) from None

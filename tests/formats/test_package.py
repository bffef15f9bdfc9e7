"""Safe reading of zip packages: damaged, encrypted and inflating archives refused in one line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from comparer.formats.errors import LoadError
from comparer.formats.package import MAX_RATIO, open_package, parse_xml, read_member

KIND = "Word document"


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_package_opens_and_its_parts_are_read() -> None:
    archive = open_package(_zip({"word/document.xml": b"<w:document/>"}), "a.docx", KIND)
    assert read_member(archive, "word/document.xml", "a.docx", KIND) == b"<w:document/>"
    assert read_member(archive, "word/footnotes.xml", "a.docx", KIND) is None


@pytest.mark.parametrize("data", [b"PK\x03\x04 cut short", b"not a zip at all"])
def test_a_damaged_package_is_one_line(data: bytes) -> None:
    with pytest.raises(LoadError) as caught:
        open_package(data, "a.docx", KIND)
    assert str(caught.value) == (
        "a.docx: is a damaged or truncated Word document (the zip archive is unreadable)"
    )


def test_a_part_that_inflates_far_beyond_its_size_is_refused_before_reading() -> None:
    bomb = _zip({"word/document.xml": b"\0" * (8 * 1024 * 1024)})
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml")
    assert info.file_size / info.compress_size > MAX_RATIO  # the fixture is what it claims
    with pytest.raises(LoadError, match=r"^a\.docx: is not a safe Word document: .*zip bomb"):
        open_package(bomb, "a.docx", KIND)


def test_a_small_part_may_compress_as_well_as_it_likes() -> None:
    archive = open_package(_zip({"styles.xml": b"\0" * 100_000}), "a.docx", KIND)
    assert read_member(archive, "styles.xml", "a.docx", KIND) == b"\0" * 100_000


def test_an_encrypted_package_asks_for_an_unprotected_copy() -> None:
    data = bytearray(_zip({"word/document.xml": b"<w:document/>"}, zipfile.ZIP_STORED))
    # set the "encrypted" flag in the local header and in the central directory
    for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(header) + offset
        data[at] |= 0x1
    with pytest.raises(LoadError, match="encrypted Word document; save an unprotected copy"):
        open_package(bytes(data), "a.docx", KIND)


def test_xml_entities_are_never_resolved_and_bad_xml_is_named(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN", encoding="utf-8")
    xml = f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]><d>before &x; after</d>'
    text = "".join(parse_xml(xml.encode(), "a.docx", KIND, "word/document.xml").itertext())
    assert "before" in text and "after" in text
    assert "SECRET-TOKEN" not in text
    with pytest.raises(LoadError) as caught:
        parse_xml(b"<d><unclosed></d>", "a.docx", KIND, "word/document.xml")
    assert str(caught.value) == (
        "a.docx: is a damaged Word document (its part 'word/document.xml' is not well-formed XML)"
    )
    assert caught.value.detail  # lxml's words, for --debug

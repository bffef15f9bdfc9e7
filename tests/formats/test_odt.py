# ruff: noqa: E501  (package XML is clearer unwrapped)
import io
import zipfile

import pytest

from comparer.core.model import Role
from comparer.formats import LoadError, load_bytes

from .builders import make_odt

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)


def odt_file(body: str, manifest_extra: str = "", doctype: str = "", kind: str = "text") -> bytes:
    """A minimal .odt whose ``office:text`` holds ``body``."""
    content = f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {NS}><office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>'
    manifest = f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {NS}><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}</manifest:file-entry></manifest:manifest>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _texts(version):
    return [version.text[p.start : p.end] for p in version.paragraphs]


def test_odfpy_document_with_list_table_note_and_title_style():
    from odf import teletype
    from odf.opendocument import OpenDocumentText
    from odf.style import Style
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    title_style = Style(name="Title", family="paragraph")
    document.styles.addElement(title_style)
    document.text.addElement(P(stylename=title_style, text="Bridge closed after flood"))
    document.text.addElement(H(outlinelevel=2, text="Background"))
    paragraph = P(text="The bridge was built in 1902.")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="According to the town archive."))
    note.addElement(body)
    paragraph.addElement(note)
    document.text.addElement(paragraph)
    items = List()
    for word in ("Sandbags", "Pumps"):
        item = ListItem()
        item.addElement(P(text=word))
        items.addElement(item)
    document.text.addElement(items)
    table = Table(name="T")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for a, b in (("Town", "Homes"), ("Marlow", "240")):
        row = TableRow()
        for value in (a, b):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    spaced = P()
    teletype.addTextToElement(spaced, "Two  spaces\tand a tab.")
    document.text.addElement(spaced)
    out = io.BytesIO()
    document.write(out)
    version = load_bytes(out.getvalue(), "bridge.odt")
    assert _texts(version) == [
        "Bridge closed after flood",
        "Background",
        "The bridge was built in 1902.[1]",
        "Sandbags",
        "Pumps",
        "Town | Homes",
        "Marlow | 240",
        "Two spaces and a tab.",
        "[1] According to the town archive.",
    ]
    roles = [p.role for p in version.paragraphs]
    assert roles[:2] == [Role.HEADING, Role.HEADING]
    assert roles[3] is Role.BODY
    assert version.title == "Bridge closed after flood"


def test_tracked_changes_read_as_accepted():
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>forty</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        '<text:p>The council counted <text:change text:change-id="c1"/>'
        '<text:change-start text:change-id="c2"/>forty-eight<text:change-end text:change-id="c2"/> homes.</text:p>'
    )
    version = load_bytes(odt_file(body), "tracked.odt")
    assert _texts(version) == ["The council counted forty-eight homes."]


def test_password_protected():
    data = odt_file("<text:p>x</text:p>", manifest_extra="<manifest:encryption-data/>")
    with pytest.raises(LoadError, match="password-protected"):
        load_bytes(data, "locked.odt")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doctype = f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    try:
        version = load_bytes(
            odt_file("<text:p>Before &xxe; after.</text:p>", doctype=doctype), "xxe.odt"
        )
    except LoadError:
        return
    assert "TOP-SECRET" not in version.text


def test_not_a_text_document():
    data = odt_file("", kind="spreadsheet")
    with pytest.raises(LoadError, match="not a text document"):
        load_bytes(data, "sheet.odt")


def test_xml_nested_too_deeply_says_so():
    body = "<text:p>" + "<text:span>" * 300 + "Deep." + "</text:span>" * 300 + "</text:p>"
    with pytest.raises(LoadError) as caught:
        load_bytes(odt_file(body), "deep.odt")
    assert str(caught.value) == (
        "deep.odt: is nested too deeply to read (its part 'content.xml' goes over 256 levels)"
    )


def test_when_the_document_says_it_was_saved_is_kept_apart_from_the_articles_date():
    version = load_bytes(make_odt(saved="2025-03-01T15:30:12.5"), "draft.odt")
    assert version.saved == "2025-03-01T15:30:12"
    assert version.date is None
    assert load_bytes(make_odt(), "plain.odt").saved is None

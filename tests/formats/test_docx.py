# ruff: noqa: E501  (package XML is clearer unwrapped)
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from comparer.core.model import Role
from comparer.formats import LoadError, load_bytes, load_path

from ..hostile_inputs import many_styles_docx, styled_paragraph
from ..hostile_inputs import word_file as hostile_word_file
from .builders import make_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""


def word_file(
    body: str, footnotes: str = "", doctype: str = "", extra: dict[str, bytes] | None = None
) -> bytes:
    """A minimal .docx around ``body`` (the inside of ``w:body``)."""
    document = f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'
    notes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f"{footnotes}</w:footnotes>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/footnotes.xml", notes)
        for name, blob in (extra or {}).items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _texts(version):
    return [version.text[p.start : p.end] for p in version.paragraphs]


def test_python_docx_document_headings_lists_tables():
    import docx

    document = docx.Document()
    document.core_properties.title = "Core title"
    document.add_heading("Storm over Tamsin", 0)
    document.add_paragraph("Opening words of the report.")
    document.add_heading("What happened", 1)
    document.add_paragraph("Sandbags", style="List Bullet")
    document.add_paragraph("Boats", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row, (a, b) in enumerate([("Town", "Homes"), ("Marlow", "240")]):
        table.cell(row, 0).text = a
        table.cell(row, 1).text = b
    document.add_paragraph("Closing words.")
    out = io.BytesIO()
    document.save(out)
    version = load_bytes(out.getvalue(), "storm.docx")
    assert _texts(version) == [
        "Storm over Tamsin",
        "Opening words of the report.",
        "What happened",
        "Sandbags",
        "Boats",
        "Town | Homes",
        "Marlow | 240",
        "Closing words.",
    ]
    roles = [p.role for p in version.paragraphs]
    assert roles[0] is Role.HEADING and roles[2] is Role.HEADING
    assert roles[3] is Role.BODY and roles[4] is Role.BODY  # short list items are not headings
    assert version.title == "Storm over Tamsin"


def test_tracked_changes_read_as_accepted():
    body = (
        '<w:p><w:r><w:t xml:space="preserve">The council counted </w:t></w:r>'
        '<w:del w:id="1" w:author="Ed"><w:r><w:delText>40</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Ed"><w:r><w:t>48</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> homes.</w:t></w:r></w:p>'
        '<w:ins w:id="3" w:author="Ed"><w:p><w:r><w:t>A whole new paragraph.</w:t></w:r></w:p></w:ins>'
        '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="Ed"/></w:rPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">Joined </w:t></w:r></w:p>'
        + para("to the next one.")
        + "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden text.</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        "<w:r><w:t>Visible.</w:t></w:r></w:p>"
    )
    version = load_bytes(word_file(body), "tracked.docx")
    assert _texts(version) == [
        "The council counted 48 homes.",
        "A whole new paragraph.",
        "Joined to the next one.",
        "Visible.",
    ]


def test_footnotes_are_cited_and_listed():
    body = (
        "<w:p><w:r><w:t>The river rose quickly.</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    )
    notes = '<w:footnote w:id="1"><w:p><w:r><w:t>Figures from the county engineers.</w:t></w:r></w:p></w:footnote>'
    version = load_bytes(word_file(body, notes), "notes.docx")
    assert _texts(version) == [
        "The river rose quickly.[1]",
        "[1] Figures from the county engineers.",
    ]


def test_nested_table_and_content_control():
    inner = f"<w:tbl><w:tr><w:tc>{para('inner cell')}</w:tc></w:tr></w:tbl>"
    body = (
        f"<w:tbl><w:tr><w:tc>{para('outer')}{inner}</w:tc><w:tc>{para('second')}</w:tc></w:tr></w:tbl>"
        f"<w:sdt><w:sdtContent>{para('Inside a content control.')}</w:sdtContent></w:sdt>"
    )
    version = load_bytes(word_file(body), "tables.docx")
    assert _texts(version) == ["outer inner cell | second", "Inside a content control."]


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = "<w:p><w:r><w:t>Before &xxe; after.</w:t></w:r></w:p>"
    try:
        version = load_bytes(word_file(body, doctype=doctype), "xxe.docx")
    except LoadError:
        return
    assert "TOP-SECRET" not in version.text


def test_zip_bomb_is_refused_quickly():
    body = para("Small text.")
    bomb = bytes(80 * 1024 * 1024)  # 80 MB of zeros deflate to about 80 kB
    data = word_file(body, extra={"word/media/huge.bin": bomb})
    with pytest.raises(LoadError, match="zip bomb"):
        load_bytes(data, "bomb.docx")


def test_high_ratio_member_is_refused():
    data = word_file(para("Small text."), extra={"word/media/zeros.bin": bytes(8 * 1024 * 1024)})
    with pytest.raises(LoadError, match="would inflate"):
        load_bytes(data, "ratio.docx")


def test_zip_without_document_part():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/other.xml", "<x/>")
    with pytest.raises(LoadError) as info:
        load_bytes(buffer.getvalue(), "hollow.docx")
    assert "\n" not in str(info.value)


def test_malformed_xml():
    data = word_file("<w:p><w:r><w:t>unclosed")
    with pytest.raises(LoadError, match="hollow.docx|malformed|damaged|not a readable|could not"):
        load_bytes(data, "hollow.docx")


def test_builder_article_loads():
    assert load_bytes(make_docx(), "a.docx").paragraphs


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("draft.docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        ("house.dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
        ("house.dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
    ],
)
def test_macro_enabled_documents_and_templates_are_read(
    name: str, content_type: str, tmp_path: Path
) -> None:
    plain = word_file(para("The council met on Friday.") + para("It voted 7 to 2."))
    source, buffer = zipfile.ZipFile(io.BytesIO(plain)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    content_type.encode(),
                )
            archive.writestr(info, blob)
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros never run")
    file = tmp_path / name
    file.write_bytes(buffer.getvalue())
    version = load_path(file)
    assert version.text == "The council met on Friday.\n\nIt voted 7 to 2."
    assert file.read_bytes() == buffer.getvalue()  # the user's file is untouched


def test_six_thousand_styles_each_based_on_another():
    version = load_bytes(many_styles_docx(6000), "styles.docx")
    assert [(p.role, version.text[p.start : p.end]) for p in version.paragraphs] == [
        (Role.HEADING, "Section 0"),
        (Role.BODY, "Text of section 0."),
        (Role.HEADING, "Section 3000"),
        (Role.BODY, "Text of section 3000."),
        (Role.HEADING, "Section 5999"),
        (Role.BODY, "Text of section 5999."),
    ]


def test_base_styles_are_followed_ten_steps_at_most():
    styles = '<w:style w:type="paragraph" w:styleId="S0"><w:name w:val="Heading 2"/></w:style>'
    styles += "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Plain {i}"/>'
        f'<w:basedOn w:val="S{i - 1}"/></w:style>'
        for i in range(1, 12)
    )
    # a style based on itself, and one on a style that does not exist
    styles += '<w:style w:type="paragraph" w:styleId="L"><w:basedOn w:val="L"/></w:style>'
    styles += '<w:style w:type="paragraph" w:styleId="M"><w:basedOn w:val="nowhere"/></w:style>'
    body = "".join(
        styled_paragraph(f"Styled {sid}.", sid) for sid in ("S1", "S10", "S11", "L", "M")
    )
    version = load_bytes(hostile_word_file(body, styles), "chain.docx")
    assert [p.role for p in version.paragraphs] == [
        Role.HEADING, Role.HEADING, Role.BODY, Role.BODY, Role.BODY
    ]


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE w:document SYSTEM "unknown.dtd">',
        '<!DOCTYPE w:document PUBLIC "-//Example//Words" "http://example.invalid/w.dtd">',
        '<!DOCTYPE w:document [<!ENTITY % more SYSTEM "unknown.ent"> %more;]>',
    ],
)
def test_unknown_entity_keeps_the_text_around_it(doctype):
    body = styled_paragraph("Before &x; after.") + styled_paragraph("Two &x;&x; entities &amp; more.")
    version = load_bytes(hostile_word_file(body, doctype=doctype), "entity.docx")
    assert _texts(version) == ["Before after.", "Two entities & more."]


def test_xml_nested_too_deeply_says_so():
    body = "<w:sdt><w:sdtContent>" * 200 + styled_paragraph("Deep.") + "</w:sdtContent></w:sdt>" * 200
    with pytest.raises(LoadError) as caught:
        load_bytes(hostile_word_file(body), "deep.docx")
    assert str(caught.value) == (
        "deep.docx: is nested too deeply to read (its XML goes over 256 levels)"
    )


def test_when_word_says_the_draft_was_saved_is_kept_apart_from_the_articles_date():
    version = load_bytes(make_docx(saved=datetime(2025, 3, 1, 15, 30)), "draft.docx")
    assert version.saved == "2025-03-01T15:30:00+00:00"
    assert version.date is None

import io
import os
import socket
import zipfile

import pytest

from comparer.formats import MAX_FILE_BYTES, LoadError, load_bytes, load_path
from comparer.formats.base import LoadOptions
from comparer.formats.docx import DocxLoader

from .builders import make_article_pdf, make_docx, make_html, make_odt, make_rtf, make_text
from .pdf_maker import Line, make_pdf


def _error(data: bytes, name: str) -> str:
    with pytest.raises(LoadError) as info:
        load_bytes(data, name)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    return message


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_path(tmp_path / "gone.txt")


def test_folder(tmp_path):
    with pytest.raises(LoadError, match="is a folder"):
        load_path(tmp_path)


def test_too_large_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MB written
    with pytest.raises(LoadError, match="too large"):
        load_path(big)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty(data):
    assert "is empty" in _error(data, "empty.txt")


@pytest.mark.parametrize("name", ["noise.bin", "noise.txt", "noise.pdf", "noise.docx", "noise"])
def test_random_bytes(name):
    data = bytes((i * 7919 + 13) % 256 for i in range(4096))
    message = _error(data, name)
    assert "binary" in message or "not" in message


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003"),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + bytes(60)
            + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        ("archive.zip", None, "zip archive, not a document"),
    ],
)
def test_unsupported_kinds(name, data, problem):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        data = buffer.getvalue()
    assert problem in _error(data, name)


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("cut.docx", make_docx, "damaged or truncated Word document"),
        ("cut.odt", make_odt, "damaged or truncated OpenDocument"),
        ("cut.pdf", make_article_pdf, ""),
    ],
)
def test_truncated_files(name, make, problem):
    data = make()
    cut = data[: len(data) // 2]
    try:
        version = load_bytes(cut, name)
    except LoadError as exc:
        assert problem in str(exc)
        assert "\n" not in str(exc)
    else:  # pdfium rebuilds what it can of a cut PDF; what it gives must be text
        assert name.endswith(".pdf") and version.paragraphs


def test_html_named_pdf_is_read_as_html_with_a_note():
    version = load_bytes(make_html(), "story.pdf")
    assert version.source_format == "html"
    assert any("named like a PDF" in note for note in version.notes)


def test_text_named_docx_is_read_as_text_with_a_note():
    version = load_bytes(make_text(), "story.docx")
    assert version.source_format == "text"
    assert version.notes


def test_rtf_named_txt_is_read_as_rtf():
    assert load_bytes(make_rtf(), "story.txt").source_format == "rtf"


def test_clipboard_html_fragment():
    fragment = b"<meta charset='utf-8'><p>Pasted <b>from</b> a page.</p><p>Second one.</p>"
    version = load_bytes(fragment, "clipboard", LoadOptions(full_page=True))
    assert version.source_format == "html"
    assert [version.text[p.start : p.end] for p in version.paragraphs] == [
        "Pasted from a page.",
        "Second one.",
    ]


def test_clipboard_text():
    version = load_bytes(b"Plain pasted words.\n", "clipboard")
    assert version.source_format == "text"


def test_format_hint_picks_markdown_for_clipboard():
    version = load_bytes(b"# Heading\n\nSome *words*.\n", "clipboard", format_hint="markdown")
    assert version.source_format == "markdown"
    assert version.text == "Heading\n\nSome words."


def test_input_file_is_not_written(tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(make_docx())
    os.chmod(path, 0o444)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    version = load_path(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert version.sha256 and version.size == len(before[0]) and version.mtime


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("a.html", make_html),
        ("a.docx", make_docx),
        ("a.odt", make_odt),
        ("a.pdf", make_article_pdf),
        ("a.rtf", make_rtf),
    ],
)
def test_loading_makes_no_network_connection(name, make, monkeypatch):
    attempts = []

    def record(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket, "create_connection", record)
    monkeypatch.setattr(socket, "getaddrinfo", record)
    load_bytes(make(), name)
    load_bytes(make(), name, LoadOptions(full_page=True))
    assert attempts == []


def test_library_failure_becomes_a_load_error(monkeypatch):
    from comparer.formats import rtf

    def explode(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(rtf, "_mark_headings", explode)
    message = _error(make_rtf(), "story.rtf")
    assert "could not be read as an RTF document" in message


def test_pdf_with_thousands_of_empty_pages_stops_early():
    data = make_pdf([[] for _ in range(3000)])
    message = _error(data, "blank.pdf")
    assert "no text" in message


def test_empty_pages_after_the_text_are_not_all_read():
    data = make_pdf(
        [[Line(72, 700, "The only words in this document.")]] + [[] for _ in range(500)]
    )
    version = load_bytes(data, "mostly-blank.pdf")
    assert version.text == "The only words in this document."
    assert any("stopped" in note for note in version.notes)


def test_clipboard_fragment_keeps_everything_selected():
    fragment = (
        b"<meta charset='utf-8'><h1>Ferry suspended</h1><p>The ferry was suspended on Thursday.</p>"
        b"<ul><li>Short item</li></ul><p>Last words.</p>"
    )
    version = load_bytes(fragment, "clipboard")
    assert [version.text[p.start : p.end] for p in version.paragraphs] == [
        "Ferry suspended",
        "The ferry was suspended on Thursday.",
        "Short item",
        "Last words.",
    ]


def test_html_hint_for_text_without_tags_at_the_start():
    version = load_bytes(b"Words first, <b>then</b> markup.", "clipboard", format_hint="html")
    assert version.source_format == "html"
    assert version.text == "Words first, then markup."


def test_a_loader_failure_reads_as_damage_with_the_detail_kept(monkeypatch):
    def fail(self, data, path, options):
        raise AttributeError("'lxml.etree._Element' object has no attribute 'body'")

    monkeypatch.setattr(DocxLoader, "extract", fail)
    with pytest.raises(LoadError) as caught:
        load_bytes(make_docx(), "story.docx")
    assert str(caught.value) == (
        "story.docx: could not be read as a Word document: it is damaged, "
        "or uses something Comparer cannot read"
    )
    assert "object has no attribute 'body'" in caught.value.detail

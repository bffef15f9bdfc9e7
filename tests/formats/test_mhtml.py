import pytest

from comparer.formats import LoadError, load_bytes
from comparer.formats.base import LoadOptions

from .builders import ARTICLE, make_mhtml


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
def test_web_archive_article(transfer):
    version = load_bytes(make_mhtml(transfer=transfer), "story.mhtml")
    assert version.source_format == "mhtml"
    assert version.encoding == "windows-1252"
    assert [version.text[p.start : p.end] for p in version.paragraphs] == ARTICLE.expected
    assert "Most read" not in version.text


def test_web_archive_full_page():
    version = load_bytes(make_mhtml(), "story.mht", LoadOptions(full_page=True))
    assert "Most read" in version.text
    assert "tracking code" not in version.text


def test_archive_without_a_page():
    data = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"iVBORw0K\r\n--b--\r\n"
    )
    with pytest.raises(LoadError, match="without an HTML page"):
        load_bytes(data, "empty.mhtml")


def _two_pages(snapshot: bytes, first: bytes, second: bytes) -> bytes:
    """An archive of two HTML parts; ``snapshot`` says which is the page."""
    boundary = b"----part----"

    def part(location: bytes, text: bytes) -> list[bytes]:
        return [
            b"--" + boundary,
            b"Content-Type: text/html; charset=utf-8",
            b"Content-Location: " + location,
            b"",
            b"<html><body><p>" + text + b"</p></body></html>",
        ]

    return b"\r\n".join(
        [
            b"Snapshot-Content-Location: " + snapshot,
            b"Subject: Two pages",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/related; type="text/html"; boundary="' + boundary + b'"',
            b"",
            *part(b"https://example.invalid/frame", b"A frame with an advertisement in it."),
            *part(first, "The first page, about the caf\u00e9.".encode()),
            *part(second, b"The second page, about the bridge."),
            b"--" + boundary + b"--",
            b"",
        ]
    )


@pytest.mark.parametrize(
    ("snapshot", "expected"),
    [
        ("https://example.invalid/caf\u00e9", "The first page, about the caf\u00e9."),
        ("https://example.invalid/\u043c\u043e\u0441\u0442", "The second page, about the bridge."),
    ],
)
def test_non_ascii_locations(snapshot: str, expected: str) -> None:
    data = _two_pages(
        snapshot.encode(),
        "https://example.invalid/caf\u00e9".encode(),
        "https://example.invalid/\u043c\u043e\u0441\u0442".encode(),
    )
    version = load_bytes(data, "page.mhtml", LoadOptions(full_page=True))
    assert version.text.strip() == expected

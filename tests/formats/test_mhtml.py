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

import time

import pytest

from comparer.formats import LoadError, load_bytes

WESTERN = "The caf\u00e9 owner said: \u201cWe\u2019ll reopen on Friday \u2013 na\u00efvely, perhaps.\u201d\n\nIt cost \u20ac40,000 to repair, and the fa\u00e7ade took longest.\n"
LATIN1 = "Le ma\u00eetre d\u2019h\u00f4tel".replace("\u2019", "'") + " a d\u00e9clar\u00e9 que la fa\u00e7ade sera r\u00e9par\u00e9e avant l'\u00e9t\u00e9.\n\n\u00c0 bient\u00f4t, dit-il, au caf\u00e9 pr\u00e8s du pont.\n"
ARABIC = "\u0642\u0627\u0644 \u0631\u0626\u064a\u0633 \u0627\u0644\u0628\u0644\u062f\u064a\u0629 \u0625\u0646 \u0627\u0644\u0641\u064a\u0636\u0627\u0646 \u062f\u0645\u0631 \u0623\u0631\u0628\u0639\u064a\u0646 \u0645\u0646\u0632\u0644\u0627 \u0641\u064a \u0627\u0644\u0628\u0644\u062f\u0629.\n\n\u0648\u0623\u0636\u0627\u0641 \u0623\u0646 \u0641\u0631\u0642 \u0627\u0644\u0625\u0646\u0642\u0627\u0630 \u0639\u0645\u0644\u062a \u0637\u0648\u0627\u0644 \u0627\u0644\u0644\u064a\u0644.\n"
HEBREW = "\u05e8\u05d0\u05e9 \u05d4\u05e2\u05d9\u05e8 \u05d0\u05de\u05e8 \u05e9\u05d4\u05e9\u05d9\u05d8\u05e4\u05d5\u05df \u05d4\u05e8\u05e1 \u05d0\u05e8\u05d1\u05e2\u05d9\u05dd \u05d1\u05ea\u05d9\u05dd \u05d1\u05e2\u05d9\u05e8 \u05d4\u05e7\u05d8\u05e0\u05d4.\n\n\u05e6\u05d5\u05d5\u05ea\u05d9 \u05d4\u05d7\u05d9\u05dc\u05d5\u05e5 \u05e2\u05d1\u05d3\u05d5 \u05db\u05dc \u05d4\u05dc\u05d9\u05dc\u05d4.\n"
CYRILLIC = "\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043d\u0430\u0432\u043e\u0434\u043d\u0435\u043d\u0438\u0435 \u0440\u0430\u0437\u0440\u0443\u0448\u0438\u043b\u043e \u0441\u043e\u0440\u043e\u043a \u0434\u043e\u043c\u043e\u0432.\n\n\u0421\u043f\u0430\u0441\u0430\u0442\u0435\u043b\u0438 \u0440\u0430\u0431\u043e\u0442\u0430\u043b\u0438 \u0432\u0441\u044e \u043d\u043e\u0447\u044c.\n"


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (WESTERN, WESTERN.encode("utf-8"), "utf-8"),
        (WESTERN, b"\xef\xbb\xbf" + WESTERN.encode("utf-8"), "utf-8-sig"),
        (WESTERN, WESTERN.encode("utf-16"), "utf-16"),
        (WESTERN, WESTERN.encode("utf-16-be"), "utf-16-be"),
        (WESTERN, WESTERN.encode("utf-16-le"), "utf-16-le"),
        (WESTERN, WESTERN.encode("utf-32"), "utf-32"),
        (WESTERN, WESTERN.encode("utf-32-le"), "utf-32-le"),
        (WESTERN, WESTERN.encode("cp1252"), "cp1252"),
        (LATIN1, LATIN1.encode("latin-1"), "cp1252"),
        (ARABIC, ARABIC.encode("cp1256"), "cp1256"),
        (ARABIC, ARABIC.encode("utf-8"), "utf-8"),
        (ARABIC, ARABIC.encode("utf-16"), "utf-16"),
        (HEBREW, HEBREW.encode("cp1255"), "cp1255"),
        (CYRILLIC, CYRILLIC.encode("cp1251"), "cp1251"),
    ],
)
def test_encodings(text, data, encoding):
    version = load_bytes(data, "story.txt")
    assert version.text == text.rstrip("\n") + "\n"
    assert version.encoding == encoding
    assert len(version.paragraphs) == 2


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends(newline):
    data = f"Title line{newline}{newline}First paragraph here.{newline}".encode()
    version = load_bytes(data, "story.txt")
    assert version.text == "Title line\n\nFirst paragraph here.\n"


def test_one_paragraph_per_line():
    version = load_bytes(b"Headline of the story\nFirst sentence.\nSecond one.\n", "story.txt")
    assert [version.paragraph_text(i) for i in range(len(version.paragraphs))] == [
        "Headline of the story",
        "First sentence.",
        "Second one.",
    ]


def test_ten_megabyte_single_line_is_quick():
    data = b"word " * (2 * 1024 * 1024)
    started = time.monotonic()
    version = load_bytes(data, "long.txt")
    assert time.monotonic() - started < 10
    assert len(version.paragraphs) == 1


def test_nul_bytes_are_binary():
    with pytest.raises(LoadError, match="binary"):
        load_bytes(b"text\x00\x01\x02\x03" * 100, "story.txt")

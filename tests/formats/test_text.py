import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.model import Role
from comparer.formats import LoadError, load_bytes
from comparer.formats.text import _add_block, split_paragraphs

WESTERN = (
    "The café owner said: “We’ll reopen on Friday – naïvely, perhaps.”\n\n"
    "It cost €40,000 to repair, and the façade took longest.\n"
)
LATIN1 = (
    "Le maître d'hôtel a déclaré que la façade sera réparée avant l'été.\n\n"
    "À bientôt, dit-il, au café près du pont.\n"
)
ARABIC = (
    "قال رئيس البلدية إن الفيضان دمر أربعين منزلا في البلدة.\n\n"
    "وأضاف أن فرق الإنقاذ عملت طوال الليل.\n"
)
HEBREW = "ראש העיר אמר שהשיטפון הרס ארבעים בתים בעיר הקטנה.\n\nצוותי החילוץ עבדו כל הלילה.\n"
CYRILLIC = (
    "Мэр города заявил, что наводнение разрушило сорок домов.\n\nСпасатели работали всю ночь.\n"
)


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
    version = load_bytes(data, "long.txt")
    assert len(version.paragraphs) == 1


def test_nul_bytes_are_binary():
    with pytest.raises(LoadError, match="binary"):
        load_bytes(b"text\x00\x01\x02\x03" * 100, "story.txt")


_PIECES = st.sampled_from(["Word", "A line.", " ", "\t", "\u00a0", "\n", "\n\n", "# Head", "x"])


def _blank_line_blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans by the rules as written: blocks between blank lines, then lines."""
    spans: list[tuple[int, int, Role | None]] = []
    pos = 0
    for match in re.finditer(r"\n[ \t\u00a0]*\n", text + "\n\n"):
        _add_block(text, pos, min(match.start(), len(text)), spans)
        pos = match.end()
    return [(start, end) for start, end, _ in spans]


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_paragraphs_are_the_blocks_between_blank_lines(text: str) -> None:
    if "\n\n" not in text and not re.search(r"\n[ \t\u00a0]*\n", text):
        return  # texts without blank lines are read line by line
    assert [(s, e) for s, e, _ in split_paragraphs(text)] == _blank_line_blocks(text)


_BODY = (
    "The committee heard evidence from economists on Tuesday about the growing gap between "
    "the richest and the poorest households in the region, and about what could close it."
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Committee hears of a widening gap\n\n{_BODY}\n", "Committee hears of a widening gap"),
        (f"# Committee hears of a widening gap\n\n{_BODY}\n", "Committee hears of a widening gap"),
        # a crosshead after the first paragraph is not the title
        (f"{_BODY}\n\nWEALTH AND ECONOMIC INEQUALITY\n\n{_BODY}\n", None),
        # nor are fragments: one word, a line running on, a line starting mid-sentence
        (f"Politics\n\n{_BODY}\n", None),
        (f"Officials in the region said that,\n\n{_BODY}\n", None),
        (f"and then the committee left\n\n{_BODY}\n", None),
    ],
)
def test_plain_text_title_is_the_opening_heading_only(text: str, title: str | None) -> None:
    assert load_bytes(text.encode("utf-8"), "story.txt").title == title

import base64

import pytest

from comparer.core.model import Role
from comparer.formats import load_bytes

from .builders import rtf_escape


def test_rtf_with_styles_codepage_unicode_and_table():
    rtf = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}"
        r"{\stylesheet{\s0 Normal;}{\s3\outlinelevel2 heading 3;}}"
        r"{\info{\title Bridge report}}"
        "\n"
        r"\pard\s3\outlinelevel2 Short history\par"
        "\n"
        r"\pard\s0 The caf\'e9 said \'93yes\'94.\tab It paid \'8040.\par"
        "\n"
        r"\pard Arabic: \u1575?\u1604?\u1580?\u1587?\u1585?.{\footnote \pard Not body text.}\par"
        "\n"
        r"\trowd\cellx2000\cellx4000 Town\cell Homes\cell\row"
        "\n}"
    ).encode("ascii")
    version = load_bytes(rtf, "report.rtf")
    assert [version.text[p.start : p.end] for p in version.paragraphs] == [
        "Short history",
        "The caf\u00e9 said \u201cyes\u201d. It paid \u20ac40.",
        "Arabic: \u0627\u0644\u062c\u0633\u0631.",
        "Town | Homes",
    ]
    assert version.paragraphs[0].role is Role.HEADING
    assert version.paragraphs[3].role is Role.BODY
    assert version.title == "Bridge report"
    assert version.encoding == "cp1252"


def test_other_codepage():
    text = "\u041c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u044b\u0442."
    raw = "".join(f"\\'{b:02x}" for b in text.encode("cp1251"))
    rtf = ("{\\rtf1\\ansi\\ansicpg1251 " + raw + "\\par}").encode("ascii")
    version = load_bytes(rtf, "ru.rtf")
    assert version.text == text
    assert version.encoding == "cp1251"


def test_truncated_rtf_still_gives_text_or_a_clear_error():
    rtf = ("{\\rtf1\\ansi " + rtf_escape("Cut off in the midd")).encode("ascii")
    version = load_bytes(rtf, "cut.rtf")
    assert version.text == "Cut off in the midd"


def _texts(data: bytes) -> list[str]:
    version = load_bytes(data, "story.rtf")
    return [version.text[p.start : p.end] for p in version.paragraphs]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(r"Before \u99999999999? after.", "Before \ufffd after.", id="huge-u"),
        pytest.param(r"Before \u-99999? after.", "Before \ufffd after.", id="negative-u"),
        pytest.param(r"Before \u1114112? after.", "Before \ufffd after.", id="past-unicode"),
        pytest.param(r"\uc Before after.", "Before after.", id="bare-uc"),
        pytest.param(r"\uc- Before \u233?after.", "Before \u00e9after.", id="uc-minus"),
        pytest.param(r"Smile \u-10179?\u-8704? now.", "Smile \U0001f600 now.", id="surrogate-pair"),
        pytest.param(r"Half \u-10179? a pair.", "Half \ufffd a pair.", id="lone-surrogate"),
        pytest.param(r"C:\\u99999999999 stays.", r"C:\u99999999999 stays.", id="escaped"),
    ],
)
def test_bad_unicode_escapes_are_read_past(body: str, expected: str) -> None:
    rtf = (r"{\rtf1\ansi " + body + r"\par Next paragraph.\par}").encode("ascii")
    assert _texts(rtf) == [expected, "Next paragraph."]


def test_font_with_a_character_set_python_lacks_is_read_as_windows_1252() -> None:
    rtf = (
        r"{\rtf1\ansi{\fonttbl{\f0\fcharset78 Osaka;}{\f1\fcharset0 Arial;}}"
        r"\f0 Caf\'e9 one.\par\f1 Caf\'e9 two.\par}"
    ).encode("ascii")
    assert _texts(rtf) == ["Caf\u00e9 one.", "Caf\u00e9 two."]


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(r"{\fonttbl " + r"\f1 x" * 100_000 + "}", id="font-table"),
        pytest.param(r"{\stylesheet{" + r"\s1 x" * 100_000 + "}}", id="one-long-style"),
    ],
)
def test_huge_tables_are_read(table: str) -> None:
    rtf = (r"{\rtf1\ansi" + table + r"\pard Hello there.\par}").encode("ascii")
    assert _texts(rtf) == ["Hello there."]


def test_headings_found_among_many_styles() -> None:
    sheet = "".join(rf"{{\s{n}\sbasedon0 Body {n};}}" for n in range(1, 5000))
    rtf = (
        r"{\rtf1\ansi{\stylesheet" + sheet + r"{\s7000\sbasedon0\snext0 heading 2;}}"
        r"\pard\s7000 A heading\par\pard\s3 Text.\par}"
    ).encode("ascii")
    version = load_bytes(rtf, "styles.rtf")
    assert [p.role for p in version.paragraphs] == [Role.HEADING, Role.BODY]


def test_a_fuzzed_document_whose_only_heading_is_empty_loads() -> None:
    # found by the fuzzer in CI: a header group left a heading with no text in it
    data = base64.b64decode(
        "e1xydGYjXHRmMVw7fX1cZjBcZmNoXAEAAAAAAAHVLTEwMTc5P1x1LTcwQlxwYTFyfQ=="
    )
    version = load_bytes(data, "fuzzed.rtf")
    assert version.title is None

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

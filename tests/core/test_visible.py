"""Control characters from files are written out, never passed to a terminal."""

from __future__ import annotations

import pytest

from comparer.core.visible import visible_line, visible_name, visible_text

from ..hostile_inputs import ESCAPES


@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
def test_no_control_character_survives(escape: str) -> None:
    for show in (visible_text, visible_line, visible_name):
        shown = show(f"before {escape} after")
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
        assert shown.startswith(("before ", '"before ')) and "after" in shown


def test_escapes_are_written_as_git_writes_them() -> None:
    assert visible_text("a\x1b]0;t\x07b") == "a\\x1b]0;t\\x07b"
    assert visible_text("C1 \x9b here") == "C1 \\x9b here"


def test_text_keeps_line_breaks_and_tabs_a_line_does_not() -> None:
    assert visible_text("one\ntwo\tthree\rfour") == "one\ntwo\tthree\\rfour"
    assert visible_line("one\ntwo\tthree") == "one\\ntwo\\tthree"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("back\\slash.txt", "back\\slash.txt"),
        ("two\nlines.txt", '"two\\nlines.txt"'),
        ('new\nand "quoted" \\n.txt', '"new\\nand \\"quoted\\" \\\\n.txt"'),
        ("evil\u202etxt.exe", '"evil\\u202etxt.exe"'),
    ],
)
def test_names_are_quoted_only_when_they_need_it(name: str, shown: str) -> None:
    assert visible_name(name) == shown


def test_ordinary_text_is_unchanged() -> None:
    text = "Caf\u00e9 \u201cquoted\u201d \u2014 \u0627\u0644\u062c\u0633\u0631 \U0001f600\n\tend"
    assert visible_text(text) == text


def test_a_name_that_is_not_utf8_shows_its_bytes() -> None:
    # Python reads the Latin-1 name "café.txt" with its byte 0xE9 kept as a lone surrogate
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    assert visible_line(name) == "caf\\xe9.txt"
    assert visible_name(name) == '"caf\\xe9.txt"'
    assert visible_line("\ud800") == "\\ud800"  # any other lone surrogate, as a code

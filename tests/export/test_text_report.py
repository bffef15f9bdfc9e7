from comparer.core.compare import compare
from comparer.export.text_report import render
from tests.core.factories import body


def test_marks_without_colour_use_brackets() -> None:
    old = body(["At least 40 people died on Sunday.", "The army said nothing."])
    new = body(["At least 48 people died on Sunday.", "The army said nothing.", "A new line."])
    out = render(compare([old, new]))
    assert "At least [-#40-]{+#48+} people died" in out
    assert "number: [-#40-] → {+#48+} (+8, +20%)" in out
    assert "{+A new line.+}" in out
    assert "1 unchanged paragraph" in out


def test_identical_versions_say_so() -> None:
    v = body(["Nothing changed here."])
    assert "no differences" in render(compare([v, v]))

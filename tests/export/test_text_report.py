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


def test_a_moved_sentence_is_named_with_its_paragraphs() -> None:
    moved = "Engineers said the wall along the river had held for most of the night."
    first = "The council met on Monday to discuss the flood defences and the cost of repairs."
    middle = "Schools in the valley will stay closed until Wednesday, the county said."
    last = "The mayor thanked the volunteers who filled sandbags until dawn on Sunday."
    old = body([f"{first} {moved}", middle, last])
    new = body([first, middle, f"{last} {moved}"])
    out = render(compare([old, new]))
    assert "moved sentence (¶1 → ¶3): Engineers said the wall along the river" in out


def test_a_re_attributed_quote_names_who_else_said_it() -> None:
    old = body(['"The levee will hold for now," said Ana Ruiz, the town engineer.'])
    new = body(['"The levee will hold for now," said Ben Cole, the county engineer.'])
    out = render(compare([old, new]))
    assert "Ana Ruiz: 1 → 0" in out
    assert "(same words given to Ben Cole)" in out

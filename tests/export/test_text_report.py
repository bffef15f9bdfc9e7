import pytest

from comparer.core.compare import compare
from comparer.export.text_report import _RESET, ANSI, render
from tests.core import flood_story
from tests.core.factories import body
from tests.hostile_inputs import ESCAPES, escape_story


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


def test_figures_added_and_removed_are_listed_apart_from_figures_changed() -> None:
    out = render(compare(list(flood_story.versions())))
    lines = [line.strip() for line in out.splitlines()]
    assert "number: [-#40-] → {+#48+} (+8, +20%)" in lines
    assert [line for line in lines if line.startswith("number ")] == [
        "number added (¶2): {+#200+}",
        "number removed (¶4): [-#12-]",
        "number added (¶5): {+#3,000+}",
    ]
    assert "· 1 number changed, 2 added, 1 removed ·" in out


def test_a_re_attributed_quote_names_who_else_said_it() -> None:
    old = body(['"The levee will hold for now," said Ana Ruiz, the town engineer.'])
    new = body(['"The levee will hold for now," said Ben Cole, the county engineer.'])
    out = render(compare([old, new]))
    assert "Ana Ruiz: 1 → 0" in out
    assert "(same words given to Ben Cole)" in out


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("escape", ESCAPES.values(), ids=ESCAPES.keys())
def test_escape_codes_in_articles_and_names_are_shown_not_obeyed(escape: str, colour: bool) -> None:
    old = body(escape_story(escape).split("\n\n"), path=f"old{escape}.txt")
    new = body(escape_story(escape, edited=True).split("\n\n"), path=f"new{escape}.txt")
    out = render(compare([old, new], parallel=False), colour=colour, show_equal=True)
    own = out.replace(ANSI.bold[0], "").replace(ANSI.dim[0], "").replace(_RESET, "")
    for marks in (ANSI.inserted, ANSI.deleted, ANSI.numeric_new, ANSI.numeric_old):
        own = own.replace(marks[0], "")
    assert escape not in out
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in own)
    shown = escape.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\x9b", "\\x9b")
    # in both names, the changed paragraph, the quote and the last paragraph
    assert out.count(shown) >= 5


# A pair written for the tests: people named, and sources without a name.
SOURCES_OLD = [
    '"We will not go back," said Maria Lopez, the union leader.',
    "Officials said the port would lose 3 million pounds a day.",
    '"Nothing moves," a spokesman said.',
]
SOURCES_NEW = [
    '"We will not go back," said Maria Lopez, the union leader.',
    '"Nothing moves," a spokesman said.',
    '"The talks must resume," said Tom Webb, the harbour master.',
    "Reports say the government is ready to step in.",
]


def test_unnamed_sources_are_listed_under_their_own_heading_after_the_people() -> None:
    out = render(compare([body(SOURCES_OLD), body(SOURCES_NEW)]))
    listed = out[out.index("Quoted:") :].splitlines()
    assert listed == [
        "Quoted:",
        "  Maria Lopez: 1 → 1",
        "  Tom Webb: 0 → 1  (new)",
        "Unnamed sources:",
        "  Officials: 1 → 0  (dropped)",
        "  a spokesman: 1 → 1",
        "  Reports: 0 → 1  (new)",
    ]


def test_no_unnamed_heading_without_unnamed_sources() -> None:
    out = render(compare([body(SOURCES_OLD[:1]), body(SOURCES_NEW[2:3])]))
    assert "Quoted:" in out and "Unnamed sources" not in out

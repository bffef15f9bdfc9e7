import pytest

from comparer.core.model import Role
from comparer.formats import LoadError, load_bytes

from .pdf_maker import Line, make_pdf, wrap

LEFT = [
    "The river rose through the night and reached the bridge before dawn, when the first "
    "families were woken by the volunteers knocking on doors.",
    "By eight o'clock the water covered the market square and the lower streets.",
]
RIGHT = [
    "Engineers said the flood defences built in 1987 had held for most of the night but "
    "were never designed for a rise of this size.",
    "The council will meet on Monday to decide how to pay for repairs.",
]


def _column(paragraphs, x, top, width=38):
    lines, y = [], top
    for paragraph in paragraphs:
        for row in wrap(paragraph, width):
            lines.append(Line(x, y, row, 10))
            y -= 12
        y -= 8
    return lines


def _texts(version):
    return [version.text[p.start : p.end] for p in version.paragraphs]


def test_two_columns_in_reading_order_even_when_drawn_interleaved():
    left, right = _column(LEFT, 72, 680), _column(RIGHT, 320, 680)
    drawn = [Line(72, 730, "Night of the flood", 22)]
    for pair in zip(left, right, strict=False):
        drawn.extend(pair)
    drawn.extend(left[len(right) :] + right[len(left) :])
    version = load_bytes(make_pdf([drawn]), "columns.pdf")
    assert _texts(version) == ["Night of the flood", *LEFT, *RIGHT]
    assert version.paragraphs[0].role is Role.HEADING
    assert version.title == "Night of the flood"


def test_running_headers_footers_and_page_numbers_are_dropped():
    pages = []
    sentences = [f"Sentence number {n} of the long report runs on here." for n in range(12)]
    for number in range(4):
        lines = [Line(72, 760, "Tamsin Valley Courier \u2013 Special report", 8)]
        y = 700
        for row in wrap(" ".join(sentences[number * 3 : number * 3 + 3]), 70):
            lines.append(Line(72, y, row))
            y -= 14
        lines.append(Line(72, 40, f"Printed for subscribers, page {number + 1} of 4", 8))
        lines.append(Line(500, 40, str(number + 1), 8))
        pages.append(lines)
    version = load_bytes(make_pdf(pages), "report.pdf")
    assert "Courier" not in version.text
    assert "Printed" not in version.text
    assert version.text.split() == " ".join(sentences).split()


def test_hyphenation_tabs_and_spacing():
    lines = [
        Line(72, 700, "The volunteers worked through the night to pro-"),
        Line(72, 686, "tect the houses\tnearest   the river, said the"),
        Line(72, 672, "mayor."),
    ]
    version = load_bytes(make_pdf([lines]), "h.pdf")
    assert version.text == (
        "The volunteers worked through the night to protect the houses nearest the river, "
        "said the mayor."
    )


def test_paragraph_continues_on_next_page():
    first = [Line(72, 700, "The last sentence on this page goes on")]
    second = [
        Line(72, 700, "onto the next page and ends there."),
        Line(72, 660, "A new paragraph."),
    ]
    version = load_bytes(make_pdf([first, second]), "p.pdf")
    assert _texts(version) == [
        "The last sentence on this page goes on onto the next page and ends there.",
        "A new paragraph.",
    ]


def test_metadata_title():
    version = load_bytes(
        make_pdf([[Line(72, 700, "Body words only.")]], title="Flood report"), "t.pdf"
    )
    assert version.title == "Flood report"


def test_password_protected_pdf():
    data = make_pdf([[Line(72, 700, "Secret words.")]], encrypted=True)
    with pytest.raises(LoadError, match="password-protected"):
        load_bytes(data, "locked.pdf")


def test_garbage_after_pdf_magic():
    with pytest.raises(LoadError, match="damaged"):
        load_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4, "broken.pdf")


def test_image_only_pdf_has_no_text_layer():
    with pytest.raises(LoadError, match="no text"):
        load_bytes(make_pdf([[]]), "scan.pdf")


def test_three_columns():
    texts = [
        ["First column words run on for a while here.", "And the first column ends here."],
        ["Second column carries the story further on.", "Then the second column ends."],
        ["Third column closes the story at last now.", "The third column ends it all."],
    ]
    drawn = []
    for index, column in enumerate(texts):
        drawn += _column(column, 40 + index * 190, 700, width=26)
    version = load_bytes(make_pdf([sorted(drawn, key=lambda ln: -ln.y)]), "three.pdf")
    assert _texts(version) == [t for column in texts for t in column]


def test_table_is_read_by_rows():
    rows = [("Town", "Homes"), ("Marlow", "240"), ("Kell", "35"), ("Harbourside", "1,300")]
    drawn = [Line(72, 700, "Homes evacuated by town, as counted by the council on Sunday.")]
    for index, (town, homes) in enumerate(rows):
        drawn += [Line(72, 670 - 14 * index, town), Line(400, 670 - 14 * index, homes)]
    version = load_bytes(make_pdf([drawn]), "table.pdf")
    assert "Town Homes Marlow 240 Kell 35 Harbourside 1,300" in version.text


def test_paragraphs_without_space_between_them():
    first = wrap("The first paragraph has enough words to fill two lines of the page here.", 40)
    second = wrap("The second one starts on an indented line and then runs on a little.", 40)
    drawn, y = [], 700
    for row in first:
        drawn.append(Line(72, y, row))
        y -= 13
    for index, row in enumerate(second):
        drawn.append(Line(90 if index == 0 else 72, y, row))
        y -= 13
    version = load_bytes(make_pdf([drawn]), "tight.pdf")
    assert _texts(version) == [" ".join(first), " ".join(second)]


def test_a_short_line_ends_its_paragraph_when_the_next_word_would_have_fitted():
    # no space between paragraphs, and the dateline ends without a full stop
    toll = "At least 6 people were killed when a passenger ferry caught fire off Kestrel Point."
    boats = "Lifeboats from four stations were sent to the scene, the coastguard said."
    rows = ["Last updated: 9 June 2025, 14:00", *wrap(toll, 60), *wrap(boats, 60)]
    drawn = [Line(72, 700 - 13 * k, row) for k, row in enumerate(rows)]
    version = load_bytes(make_pdf([drawn]), "tight.pdf")
    assert _texts(version) == ["Last updated: 9 June 2025, 14:00", toll, boats]


def test_a_line_wrapped_before_a_long_word_does_not_end_its_paragraph():
    # the first line leaves room for a short word, not for "Countryside"
    drawn = [
        Line(72, 700, "The council said the cost of the repairs would be met from the new"),
        Line(72, 687, "Countryside Restoration Fund, which the county set up in 1987 for"),
        Line(72, 674, "works of this kind."),
    ]
    version = load_bytes(make_pdf([drawn]), "tight.pdf")
    assert _texts(version) == [" ".join(line.text for line in drawn)]


def test_one_line_running_into_the_margin_does_not_split_the_others():
    rows = [
        "Readers can find the full report, with the inspectors' photographs",
        "and the list of every vessel they checked this year, on the website at",
        "https://agency.example/reports/2025/annual-review-of-passenger-vessels.pdf",
        "under its annual reviews, the agency said.",
        "The next review is due in the spring.",
    ]
    drawn = [Line(72, 700 - 13 * k, row) for k, row in enumerate(rows)]
    version = load_bytes(make_pdf([drawn]), "margin.pdf")
    assert _texts(version) == [" ".join(rows[:4]), rows[4]]

import pytest

from comparer.core.blocks import make_paragraphs
from comparer.core.model import Role
from comparer.core.roles import classify, iso_offset, metadata_date, parse_date

ROLES = [
    ("Flood waters reach the old town", Role.HEADING),
    ("Interview with the mayor", Role.HEADING),
    ("## Background", Role.HEADING),
    ("The river burst its banks on Tuesday, officials said.", Role.BODY),
    ('"We lost everything," she said', Role.BODY),
    ("Last Modified: 4 June 2024 10:20", Role.METADATA),
    ("Source: Coast Herald and agencies", Role.METADATA),
    ("Published: June 4, 2024", Role.METADATA),
    ('Watch the video below<object id="player" classid="clsid', Role.MARKUP),
    ('<embed src="player.swf" width="480"></object>', Role.MARKUP),
    ("<div class='ad'></div>", Role.MARKUP),
    ("Temperatures rose to 40C < 45C forecast, residents said.", Role.BODY),
]


@pytest.mark.parametrize(("text", "role"), ROLES)
def test_roles(text: str, role: Role) -> None:
    assert classify(text) is role


def test_metadata_dates() -> None:
    assert metadata_date("Last Modified: 19 May 2013 13:50") == "2013-05-19T13:50"
    assert metadata_date("Updated: March 3, 2025") == "2025-03-03"
    assert metadata_date("Source: agencies") is None
    assert parse_date("no date here") is None


def test_prose_that_mentions_a_tag_is_still_compared() -> None:
    prose = "The page used a <script> element to load the counter, the developers said. " * 5
    assert classify(prose) is Role.BODY


def test_a_long_paragraph_is_not_metadata() -> None:
    assert classify("Source: " + "a long account of what the source said, " * 10) is Role.BODY


def test_headings_in_scripts_without_capitals() -> None:
    assert classify("\u0627\u0646\u0647\u064a\u0627\u0631 \u0623\u0631\u0636\u064a") is Role.HEADING
    assert classify("a lowercase fragment of a sentence") is Role.BODY


LONG_PROSE = "The river burst its banks on Tuesday, officials said, and more rain is due. " * 4


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (LONG_PROSE, Role.BODY),
        ("  " + LONG_PROSE + "\n", Role.BODY),
        ("<div>" * 60 + LONG_PROSE, Role.MARKUP),  # long, but mostly tags
        ("# " + LONG_PROSE.rstrip(". "), Role.HEADING),  # a long Markdown heading
    ],
)
def test_long_paragraphs_are_classified_by_all_the_rules(text: str, role: Role) -> None:
    assert classify(text) is role


def test_paragraphs_of_a_loaded_text_get_the_roles_classify_gives() -> None:
    paragraphs = [LONG_PROSE.strip(), "Flood waters reach the old town", "<div>" * 60 + "x"]
    text = "\n\n".join(paragraphs)
    spans = []
    pos = 0
    for p in paragraphs:
        spans.append((pos, pos + len(p), None))
        pos += len(p) + 2
    made = make_paragraphs(text, spans)
    assert [p.role for p in made] == [classify(p) for p in paragraphs]
    assert [p.role for p in made] == [Role.BODY, Role.HEADING, Role.MARKUP]


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("2025-06-09T23:30:00-05:00", -300),
        ("2025-06-10T01:00:00Z", 0),
        ("2025-06-10T06:00+0530", 330),
        ("2025-06-10T06:00:00.250+01:00", 60),
        ("2025-06-10T06:00", None),  # a time without a zone
        ("2025-06-10", None),  # a day has no clock
        ("2025-06-10T06:00:00+25:00", None),  # no such offset
        (None, None),
    ],
)
def test_an_iso_dates_offset_from_utc(value, minutes) -> None:
    assert iso_offset(value) == minutes

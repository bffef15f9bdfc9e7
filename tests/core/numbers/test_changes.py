"""How a changed number's movement is worked out and described to the reader."""

from __future__ import annotations

import pytest

from comparer.core.compare import compare_pair
from comparer.core.model import NumberChange
from comparer.core.numbers.changes import delta_label
from tests.core.factories import body

LABELS = [
    ("At least 40 people died.", "At least 48 people died.", "+8, +20%"),
    ("It cost $4m.", "It cost $4.5m.", "+$0.5m, +12%"),
    ("It cost \u00a3900m.", "It cost \u00a31.2bn.", "+\u00a30.3bn, +33%"),
    ("It cost \u20ac4.5 million.", "It cost \u20ac4 million.", "-\u20ac0.5 million, -11%"),
    ("It cost $4,000.", "It cost $4,500.", "+$500, +12%"),
    ("A 40m sea wall.", "A 45m sea wall.", "+5m, +12%"),
    ("Unemployment is 9.5%.", "Unemployment is 10%.", "+0.5 points"),
    ("The vote is on 19 May 2013.", "The vote is on 21 May 2013.", "+2 days"),
    ("The vote is on May 31.", "The vote is on June 1.", "+1 day"),
    ("The train left at 06:00.", "The train left at 07:30.", "+1 h 30 min"),
    ("The train left at 18:15.", "The train left at 17:30.", "-45 min"),
    ("The river peaked after 2pm.", "The river peaked after 3pm.", "+1 h"),
    ("It was the 12th attempt.", "It was the 13th attempt.", "+1"),
    ("About a third of homes lost power.", "About half of homes lost power.", "+0.17, +50%"),
    ("The report was published in 2023.", "The report was published in 2024.", "+1"),
    ("Some 10,000 people attended.", "Some 9,990 people attended.", "-10"),
    ("About half of homes lost power.", "About 60% of homes lost power.", "+10 points"),
]


@pytest.mark.parametrize(("old", "new", "label"), LABELS)
def test_a_number_change_says_how_far_it_moved(old: str, new: str, label: str) -> None:
    pair = compare_pair(body([old]), body([new]))
    assert len(pair.numbers) == 1
    assert pair.numbers[0].delta_label == label


def test_no_label_without_values() -> None:
    assert delta_label("forty", "48", None, 48, "") == ""
    assert NumberChange("forty", "48", 0, 0).delta_label == ""


@pytest.mark.parametrize(
    ("old", "new", "arrow", "described"),
    [
        (
            "At least 40 people died.",
            "At least 48 people died.",
            "\u25b2",
            "40 \u2192 48 (+8, +20%)",
        ),
        ("It cost $4.5m.", "It cost $4m.", "\u25bc", "$4.5m \u2192 $4m (-$0.5m, -11%)"),
    ],
)
def test_a_number_change_knows_its_direction(
    old: str, new: str, arrow: str, described: str
) -> None:
    (number,) = compare_pair(body([old]), body([new])).numbers
    assert (number.arrow, number.describe()) == (arrow, described)
    assert number.direction == (1 if arrow == "\u25b2" else -1)


def test_a_number_of_unknown_value_has_no_arrow() -> None:
    number = NumberChange("forty", "48", 0, 0)
    assert (number.direction, number.arrow, number.describe()) == (0, "", "forty \u2192 48")

"""Report pieces: what each side of a changed paragraph shows, and the notes beside it."""

from __future__ import annotations

import pytest

from comparer.core.compare import compare_pair
from comparer.core.model import NumberChange
from comparer.export.report_marks import Mark, context, delta_note, entry_views, paragraph_numbers
from tests.core.factories import body


@pytest.mark.parametrize(("indices", "shown"), [((), ""), ((2,), "¶3"), ((2, 3), "¶3+4")])
def test_paragraphs_are_numbered_from_one(indices: tuple[int, ...], shown: str) -> None:
    assert paragraph_numbers(indices) == shown


def test_a_changed_number_notes_its_direction_and_delta() -> None:
    up = compare_pair(body(["At least 40 died."]), body(["At least 48 died."])).numbers[0]
    down = compare_pair(body(["It cost $4.5m."]), body(["It cost $4m."])).numbers[0]
    assert delta_note(up) == "▲ +8, +20%"
    assert delta_note(down) == "▼ -$0.5m, -11%"
    assert delta_note(NumberChange("forty", "48", 0, 0)) == ""


def test_a_changed_paragraph_shows_the_old_and_new_number_with_its_note() -> None:
    old, new = body(["At least 40 died."]), body(["At least 48 died."])
    (view,) = entry_views(old, new, compare_pair(old, new))
    marked_old = [(p.text, p.mark) for p in view.old if p.mark is not Mark.PLAIN]
    marked_new = [(p.text, p.mark, p.note) for p in view.new if p.mark is not Mark.PLAIN]
    assert marked_old == [("40", Mark.NUMBER_OLD)]
    assert marked_new == [("48", Mark.NUMBER_NEW, "▲ +8, +20%")]


def test_the_context_is_the_sentence_around_a_change_cut_to_a_few_words() -> None:
    text = "First sentence here. The toll rose to 48 on Monday night in the city. Last one."
    at = text.index("48")
    excerpt = context(text, at, at + 2, (0, len(text)), max_words=3)
    assert excerpt == "…toll rose to 48 on Monday night…"

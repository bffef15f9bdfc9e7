"""The JSON export: the ``comparer/1`` document, written exactly as ``json.dumps`` would."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.compare import compare
from comparer.core.model import Comparison
from comparer.export.json_export import FORMAT, comparison_dict, dumps
from tests.core.factories import body, version_from_paragraphs


def _reference(comparison: Comparison) -> str:
    data = comparison_dict(comparison)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_a_comparison_reads_back_as_the_documented_structure() -> None:
    old = body(["At least 40 people died.", "The army said nothing.", "Gone."])
    new = body(["At least 48 people died.", "A new line.", "The army said nothing."])
    comparison = compare([old, new])
    out = dumps(comparison)
    assert out == _reference(comparison)
    data = json.loads(out)
    assert data["format"] == FORMAT
    assert data["pairs"][0]["numbers"][0]["from"] == "40"
    assert data["pairs"][0]["numbers"][0]["to"] == "48"
    kinds = [e["kind"] for e in data["pairs"][0]["alignment"]]
    assert kinds == ["changed", "added", "equal", "deleted"]


def test_text_that_needs_escaping_is_written_as_json_dumps_writes_it() -> None:
    old = version_from_paragraphs(['He said "no" \\ then left.', "Tab\there; caf\u00e9 \U0001d5a8"])
    new = version_from_paragraphs(
        ['He said "yes" \\ then left.', "Tab\there; caf\u00e9 \U0001d5a9"]
    )
    comparison = compare([old, new, old])
    assert dumps(comparison) == _reference(comparison)


_PARAGRAPH = st.text(
    alphabet=st.sampled_from(list('ab 12."\\\u201c\u00e9\U0001d5a8\x01<#')), min_size=1, max_size=40
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=5), st.lists(_PARAGRAPH, min_size=1, max_size=5))
def test_any_comparison_is_written_as_json_dumps_writes_it(a: list[str], b: list[str]) -> None:
    a = [p for p in a if p.strip()] or ["x"]
    b = [p for p in b if p.strip()] or ["y"]
    comparison = compare([version_from_paragraphs(a), version_from_paragraphs(b)])
    assert dumps(comparison) == _reference(comparison)


def test_a_moved_sentence_is_written_with_both_places() -> None:
    moved = "Engineers said the wall along the river had held for most of the night."
    first = "The council met on Monday to discuss the flood defences and the cost of repairs."
    middle = "Schools in the valley will stay closed until Wednesday, the county said."
    last = "The mayor thanked the volunteers who filled sandbags until dawn on Sunday."
    old = body([f"{first} {moved}", middle, last])
    new = body([first, middle, f"{last} {moved}"])
    comparison = compare([old, new])
    out = dumps(comparison)
    assert out == _reference(comparison)
    [move] = json.loads(out)["pairs"][0]["moves"]
    assert old.text[move["from_start"] : move["from_end"]] == moved
    assert new.text[move["to_start"] : move["to_end"]] == moved
    assert move["similarity"] == 1.0

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

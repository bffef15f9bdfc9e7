"""The result model: what a reader of a comparison can rely on."""

from __future__ import annotations

import dataclasses

import pytest

from comparer.core.compare import compare
from comparer.core.model import AlignKind, Role, Summary
from tests.core.factories import body, version_from_paragraphs


def test_a_version_gives_each_paragraphs_text_and_a_short_name() -> None:
    version = body(["First.", "Second."], path="C:\\news\\draft-2.txt")
    assert [version.paragraph_text(i) for i in range(2)] == ["First.", "Second."]
    assert version.name == "draft-2.txt"
    assert body(["x"], path="").name == "untitled"


def test_only_body_and_headings_take_part() -> None:
    assert {role for role in Role if role.is_article} == {Role.BODY, Role.HEADING}


def test_every_alignment_kind_has_a_readers_label() -> None:
    assert AlignKind.DELETED.label == "removed"
    assert all(kind.label for kind in AlignKind)


def test_a_summary_differs_when_any_count_is_set() -> None:
    assert not Summary().has_differences
    for field in dataclasses.fields(Summary):
        assert Summary(**{field.name: 1}).has_differences


def test_a_paragraph_moved_unchanged_is_a_difference() -> None:
    old = body(["One.", "Two.", "Three."])
    new = body(["Three.", "One.", "Two."])
    comparison = compare([old, new], with_quotes=False)
    (pair,) = comparison.pairs
    assert not pair.changes
    assert any(entry.kind is AlignKind.MOVED for entry in pair.alignment)
    assert pair.differs and comparison.differs


def test_results_are_frozen() -> None:
    version = version_from_paragraphs(["A."])
    with pytest.raises(dataclasses.FrozenInstanceError):
        version.text = "B."  # type: ignore[misc]

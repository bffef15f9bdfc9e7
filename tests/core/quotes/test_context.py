"""The jobs' shared view of an extraction matches the extractor that is made of them."""

from __future__ import annotations

import inspect

import pytest

from comparer.core.quotes.context import Extraction
from comparer.core.quotes.extractor import QuoteExtractor

DECLARED = sorted(
    name
    for name, member in vars(Extraction).items()
    if inspect.isfunction(member) and not name.startswith("__")
)


def test_every_job_is_part_of_the_extractor() -> None:
    assert len(DECLARED) > 30  # every job's methods are declared, not a handful
    for name in DECLARED:
        assert callable(getattr(QuoteExtractor, name, None)), name


@pytest.mark.parametrize("name", DECLARED)
def test_each_job_method_takes_what_the_shared_view_says(name: str) -> None:
    declared = inspect.signature(getattr(Extraction, name))
    actual = inspect.signature(getattr(QuoteExtractor, name))
    assert list(declared.parameters) == list(actual.parameters)

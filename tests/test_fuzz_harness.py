"""The fuzzing harness: its seeds pass through its targets, and it knows a finding."""

from __future__ import annotations

import pytest
from fuzz.seeds import seeds
from fuzz.targets import TARGETS, Finding, _load

SEEDS = [(target, n, data) for target, inputs in seeds().items() for n, data in enumerate(inputs)]


@pytest.mark.parametrize(("target", "n", "data"), SEEDS, ids=[f"{t}-{n}" for t, n, _ in SEEDS])
def test_every_seed_is_a_result_or_a_clear_error(target: str, n: int, data: bytes) -> None:
    TARGETS[target](data)


def test_every_target_has_seeds() -> None:
    assert {t for t, _, _ in SEEDS} == set(TARGETS)


@pytest.mark.parametrize("name", ["two\nlines.txt", "carriage\rreturn.txt"])
def test_a_message_naming_a_file_with_a_line_break_is_no_finding(name: str) -> None:
    assert _load(b"", name) is None  # "is empty", on one line


@pytest.mark.parametrize(
    "problem",
    ["is damaged (AttributeError: 'x' object has no attribute 'y')", "is bad\non two lines"],
)
def test_a_message_with_internals_or_two_lines_is_a_finding(
    problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import comparer.formats

    def fail(data: bytes, path: str) -> None:
        error = comparer.formats.LoadError(path, "")
        error.args = (f"{path}: {problem}",)  # a message as a careless loader might make it
        raise error

    monkeypatch.setattr(comparer.formats, "load_bytes", fail)
    with pytest.raises(Finding):
        _load(b"text", "story.txt")

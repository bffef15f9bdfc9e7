"""Reading the archive index's answer, and choosing captures spread over a history."""

from __future__ import annotations

import json

import pytest

from comparer.web.capture import Capture
from comparer.web.cdx import parse_cdx_json, spread
from comparer.web.errors import WebError

HEADER = ["timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def _answer(*rows: list[str]) -> bytes:
    return json.dumps([HEADER, *rows]).encode()


def test_rows_become_captures_oldest_first() -> None:
    captures = parse_cdx_json(
        _answer(
            ["20240302093000", "https://n.example/s", "text/html", "200", "B", "1500"],
            ["20240301100000", "https://n.example/s", "text/html", "200", "A", "1400"],
        )
    )
    assert [(c.timestamp, c.digest, c.length) for c in captures] == [
        ("20240301100000", "A", 1400),
        ("20240302093000", "B", 1500),
    ]
    assert captures[0].label == "2024-03-01 10:00 UTC"
    assert captures[0].raw_url("https://a.example") == (
        "https://a.example/web/20240301100000id_/https://n.example/s"
    )


def test_neighbouring_identical_captures_fold_but_a_return_to_old_content_stays() -> None:
    rows = [
        [f"2024030{d}100000", "https://n.example/s", "text/html", "200", digest, "1"]
        for d, digest in zip(range(1, 6), "AABBA", strict=True)
    ]
    captures = parse_cdx_json(_answer(*rows))
    assert [c.digest for c in captures] == ["A", "B", "A"]


def test_unsuccessful_and_malformed_rows_are_skipped() -> None:
    captures = parse_cdx_json(
        _answer(
            ["20240301100000", "https://n.example/s", "text/html", "301", "A", "1"],
            ["yesterday", "https://n.example/s", "text/html", "200", "B", "1"],
            ["20240301100000", "https://n.example/s"],
            ["20240302100000", "https://n.example/s", "warc/revisit", "-", "C", "-"],
        )
    )
    assert [(c.digest, c.length) for c in captures] == [("C", 0)]


@pytest.mark.parametrize("data", [b"", b"[]", b"[[]]"])
def test_no_captures(data: bytes) -> None:
    assert parse_cdx_json(data) == []


@pytest.mark.parametrize(
    "data", [b"<html>Service unavailable</html>", b'{"error": 1}', b'[["a", "b"], ["1", "2"]]']
)
def test_an_answer_that_is_not_an_index_is_an_error(data: bytes) -> None:
    with pytest.raises(WebError, match="^the archive's answer"):
        parse_cdx_json(data)


def test_spread_keeps_the_first_and_last_and_spaces_the_rest() -> None:
    captures = [Capture(f"2024{m:02d}01000000", "u") for m in range(1, 13)]
    months = [int(c.timestamp[4:6]) for c in spread(captures, 4)]
    assert months == [1, 5, 8, 12]
    assert spread(captures, 20) == captures
    assert spread(captures, 1) == [captures[-1]]
    assert spread(captures, 2) == [captures[0], captures[-1]]

"""Web addresses and the dates that bound a history, as the user types them."""

from __future__ import annotations

import pytest

from comparer.web.address import (
    archive_timestamp,
    check_address,
    is_web_address,
    page_address,
    timestamp_iso,
)
from comparer.web.errors import WebError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://news.example/story", True),
        ("HTTP://news.example/", True),
        ("  http://news.example/a b", True),  # the scheme decides; check_address refuses it
        ("www.news.example/story", False),  # could be a file name
        ("story.html", False),
        ("ftp://news.example/story", False),
        ("file:///home/me/story.html", False),
    ],
)
def test_only_http_and_https_addresses_are_web_addresses(text: str, expected: bool) -> None:
    assert is_web_address(text) is expected


def test_an_address_keeps_its_query_and_loses_its_fragment() -> None:
    assert check_address(" https://news.example/s?id=4#top ") == "https://news.example/s?id=4"


@pytest.mark.parametrize("text", ["https://", "http:// spaced.example/", "story.html", ""])
def test_what_is_not_an_address_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(WebError) as caught:
        check_address(text)
    assert "\n" not in str(caught.value) and "web address" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", "2024"),
        ("2024-03", "202403"),
        ("2024-3-1", "20240301"),
        ("2024-03-01", "20240301"),
        ("2024-03-01T10:05", "202403011005"),
        ("2024-03-01 10:05:09", "20240301100509"),
        ("20240301100509", "20240301100509"),
        ("202403", "202403"),
    ],
)
def test_dates_become_the_archive_index_form(text: str, expected: str) -> None:
    assert archive_timestamp(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("March 2024", "--from March 2024: expected a date such as 2024-03-01"),
        ("20241", "--from 20241: expected a date such as 2024-03-01"),
        ("2024-13", "--from 2024-13: not a real date"),
        ("2023-02-29", "--from 2023-02-29: not a real date"),
    ],
)
def test_bad_dates_are_named(text: str, message: str) -> None:
    with pytest.raises(WebError, match=f"^{message}$"):
        archive_timestamp(text)


def test_capture_times_read_as_utc() -> None:
    assert timestamp_iso("20240301100509") == "2024-03-01T10:05:09Z"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "https://web.archive.org/web/20240301100000/https://news.example/s?id=4",
            "https://news.example/s?id=4",
        ),
        ("http://web.archive.org/web/2024id_/news.example/s", "http://news.example/s"),
        ("http://127.0.0.1:8000/web/20240301/https://news.example/s", "https://news.example/s"),
        (
            "https://news.example/web/2024/https://other.example/",
            "https://news.example/web/2024/https://other.example/",
        ),
        ("https://news.example/story", "https://news.example/story"),
    ],
)
def test_an_address_copied_from_the_archive_means_the_page_inside_it(
    given: str, expected: str
) -> None:
    assert page_address(given, "http://127.0.0.1:8000") == expected

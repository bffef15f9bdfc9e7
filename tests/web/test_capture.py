"""One capture as the archive's index lists it: its time, its kind and its addresses."""

from __future__ import annotations

import pytest

from comparer.web.capture import Capture

ARCHIVE = "http://127.0.0.1:8123"


def test_the_capture_time_reads_as_utc_for_json_and_for_people() -> None:
    capture = Capture("20240301100509", "https://example.org/news/flood")
    assert capture.captured == "2024-03-01T10:05:09Z"
    assert capture.label == "2024-03-01 10:05 UTC"


def test_the_raw_address_has_no_toolbar_and_the_people_address_is_the_archives_page() -> None:
    capture = Capture("20240301100509", "https://example.org/news/flood?page=2")
    assert capture.raw_url(ARCHIVE) == (
        f"{ARCHIVE}/web/20240301100509id_/https://example.org/news/flood?page=2"
    )
    assert capture.archive_url(ARCHIVE) == (
        f"{ARCHIVE}/web/20240301100509/https://example.org/news/flood?page=2"
    )


@pytest.mark.parametrize(
    ("mimetype", "is_page"),
    [
        ("text/html", True),
        ("TEXT/HTML", True),
        ("application/xhtml+xml", True),
        ("text/plain", True),
        ("image/jpeg", False),
        ("application/rss+xml", False),
        ("warc/revisit", False),
    ],
)
def test_only_html_and_text_captures_are_pages(mimetype: str, is_page: bool) -> None:
    assert Capture("20240301100509", "https://example.org/", mimetype=mimetype).is_page is is_page

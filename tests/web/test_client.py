"""The HTTP client's limits and manners, against the fake archive on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from comparer.web.client import TooLargeError, WebClient, WebStatusError, _retry_after
from comparer.web.errors import WebError
from comparer.web.options import WebOptions

from .archive_server import Behaviour, FakeArchive


def test_it_introduces_itself_and_reports_where_the_bytes_came_from(
    archive: FakeArchive, options: WebOptions
) -> None:
    archive.live["/b"] = Behaviour(body=b"<p>Hello</p>", content_type="text/html; charset=UTF-8")
    archive.behaviours["/a"] = Behaviour(redirect=archive.address("/b"))
    with WebClient(options) as client:
        fetched = client.get(archive.address("/a"), "the site")
    assert fetched.data == b"<p>Hello</p>"
    assert (fetched.requested, fetched.url) == (archive.address("/a"), archive.address("/b"))
    assert (fetched.content_type, fetched.charset) == ("text/html", "UTF-8")
    agent = archive.log[0].headers["User-Agent"]
    assert agent.startswith("Comparer/") and "fetches only addresses its user gives it" in agent


def test_a_body_over_the_limit_is_refused(archive: FakeArchive, options: WebOptions) -> None:
    archive.live["/big"] = Behaviour(body=b"x" * 300_000)
    with WebClient(options) as client, pytest.raises(TooLargeError) as caught:
        client.get(archive.address("/big"), "the site")
    assert str(caught.value) == "the site sent more than the 250 KB limit"


def test_error_statuses_are_named(archive: FakeArchive, options: WebOptions) -> None:
    with WebClient(options) as client, pytest.raises(WebStatusError) as caught:
        client.get(archive.address("/missing"), "the site")
    assert caught.value.status == 404
    assert str(caught.value) == "the site answered with an error (HTTP 404 Not Found)"


def test_nothing_listening_is_said_plainly(options: WebOptions) -> None:
    with WebClient(options) as client, pytest.raises(WebError) as caught:
        client.get("http://127.0.0.1:9/", "the archive")
    assert str(caught.value) == (
        "the archive could not be reached (127.0.0.1); is the computer online?"
    )


def test_retry_after_reads_seconds_and_dates() -> None:
    assert _retry_after("7") == 7.0
    assert _retry_after(None) == -1.0
    assert _retry_after("soon") == -1.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    assert 100 < _retry_after(later) <= 120
    earlier = format_datetime(datetime.now(UTC) - timedelta(seconds=120), usegmt=True)
    assert _retry_after(earlier) == 0.0


def test_cookies_are_never_sent_back(archive: FakeArchive, options: WebOptions) -> None:
    archive.live["/c"] = Behaviour(body=b"<p>Hello</p>", headers={"Set-Cookie": "id=42; Path=/"})
    with WebClient(options) as client:
        client.get(archive.address("/c"), "the site")
        client.get(archive.address("/c"), "the site")
    assert [r.headers.get("Cookie") for r in archive.log] == [None, None]

"""A page's history from the (fake) archive: what versions come back, and what is left out."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import replace

import pytest

from comparer.web.errors import WebCancelled, WebError
from comparer.web.history import HistoryRequest, list_captures, load_versions
from comparer.web.options import WebOptions

from .archive_server import Behaviour, FakeArchive
from .fixtures import STORY, STORY_TIMES
from .pages import VERSIONS, page


def test_distinct_captures_then_the_live_page(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    history = load_versions(story, options)
    assert [v.name for v in history.versions] == [
        "2024-03-01 10:00 UTC",
        "2024-03-02 09:30 UTC",
        "2024-03-04 18:00 UTC",
        history.versions[3].web.label,  # type: ignore[union-attr]
    ]
    assert history.versions[3].name.startswith("live page, ")
    assert (
        "9 people" in history.versions[3].text and "electrical cabinet" in history.versions[3].text
    )
    assert "4 people" in history.versions[0].text and "7 people" in history.versions[1].text
    assert history.notes == []


def test_the_index_is_asked_for_distinct_successful_captures_as_json(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    load_versions(story, options, HistoryRequest(since="2024", until="20240331"))
    (asked,) = archive.requests_to("/cdx/search/cdx")
    query = {k: v[0] for k, v in asked.query.items()}
    assert query["url"] == story
    assert query["output"] == "json"
    assert query["collapse"] == "digest"
    assert query["filter"] == "statuscode:200"
    assert query["fl"].split(",")[:2] == ["timestamp", "original"]
    assert (query["from"], query["to"]) == ("2024", "20240331")
    assert int(query["limit"]) > 0
    assert asked.headers["User-Agent"].startswith("Comparer/")


def test_duplicates_are_folded_even_when_the_archive_does_not(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.honour_collapse = False
    listing = list_captures(story, options)
    assert [c.timestamp for c in listing.captures] == list(STORY_TIMES)


def test_captures_are_fetched_raw_and_the_archive_banner_never_reaches_the_text(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    history = load_versions(story, options)
    fetched = archive.requests_to("/web/")
    assert len(fetched) == 3
    assert all(f"/web/{r.path.split('/')[2]}".endswith("id_") for r in fetched)
    for version in history.versions:
        for notice in ("Wayback", "archive", "captures of this page", "Archive notice"):
            assert notice not in version.text


def test_an_archive_that_adds_its_banner_to_raw_captures_still_gives_the_article(
    archive: FakeArchive, options: WebOptions
) -> None:
    from .pages import toolbar_page

    archive.add("/news/mirror", "20240301100000", toolbar_page(VERSIONS[0]))
    history = load_versions(archive.address("/news/mirror"), options, HistoryRequest(live=False))
    (version,) = history.versions
    assert "4 people were taken to hospital" in version.text
    assert "Wayback" not in version.text and "Archive notice" not in version.text


def test_each_version_carries_its_evidence(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    history = load_versions(story, options)
    first, live = history.versions[0], history.versions[-1]
    served = page(VERSIONS[0])
    assert first.sha256 == hashlib.sha256(served).hexdigest()
    assert first.size == len(served)
    assert first.web is not None
    assert first.web.url == story
    assert first.web.captured == "2024-03-01T10:00:00Z"
    assert first.web.archive_url == f"{archive.url}/web/20240301100000/{story}"
    assert first.web.received_from == f"{archive.url}/web/20240301100000id_/{story}"
    assert first.path == first.web.received_from
    assert live.web is not None and live.web.live and live.web.archive_url is None
    assert live.sha256 == hashlib.sha256(page(VERSIONS[3], extra="Live edition.")).hexdigest()


def test_a_live_page_reading_as_the_latest_capture_is_left_out(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    # The same article in different page furniture: the text compared is the same.
    archive.live[STORY] = Behaviour(body=page(VERSIONS[2], extra="Subscribe today."))
    history = load_versions(story, options)
    assert len(history.versions) == 3
    assert not history.versions[-1].web.live  # type: ignore[union-attr]
    assert history.notes == [
        "left out: the live page reads exactly as the capture of 2024-03-04 18:00 UTC"
    ]


def test_the_live_page_can_be_left_out(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    history = load_versions(story, options, HistoryRequest(live=False))
    assert len(history.versions) == 3
    assert not archive.requests_to(STORY)


def test_no_capture_is_said_plainly(archive: FakeArchive, options: WebOptions) -> None:
    with pytest.raises(WebError, match="^the archive has no capture of this address$"):
        load_versions(archive.address("/never/archived"), options)


def test_no_capture_in_the_range_names_it(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    with pytest.raises(WebError) as caught:
        load_versions(story, options, HistoryRequest(since="2025", until="2026"))
    assert str(caught.value) == "the archive has no capture of this address between 2025 and 2026"


def test_a_slow_archive_is_named_with_the_time_waited(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.behaviours["/cdx/search/cdx"] = Behaviour(delay=5)
    with pytest.raises(WebError) as caught:
        load_versions(story, options)
    assert str(caught.value) == "the archive did not answer within 0.5 s"


def test_the_archive_asking_to_slow_down_is_obeyed(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.behaviours["/cdx/search/cdx"] = Behaviour(too_many=1, retry_after="1")
    history = load_versions(story, options)
    assert len(history.versions) == 4
    assert len(archive.requests_to("/cdx/search/cdx")) == 2


def test_an_archive_that_keeps_refusing_is_given_up_on(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.behaviours["/cdx/search/cdx"] = Behaviour(too_many=100, retry_after="0")
    fast = replace(options, max_retries=1)
    with pytest.raises(WebError, match=r"too many requests.*\(HTTP 429\) after 2 tries"):
        load_versions(story, fast)
    assert len(archive.requests_to("/cdx/search/cdx")) == 2


def test_an_archive_asking_for_a_long_pause_gets_an_error_not_a_hang(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.behaviours["/cdx/search/cdx"] = Behaviour(too_many=1, retry_after="3600")
    with pytest.raises(WebError, match="asks to wait 3600 s"):
        load_versions(story, options)


def test_a_capture_time_that_is_not_exact_is_redirected_to_the_real_capture(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    from comparer.web.capture import Capture
    from comparer.web.history import fetch_versions

    wanted = Capture("20240302000000", story)  # the archive redirects to 20240302093000
    history = fetch_versions(story, [wanted], options, live=False)
    (version,) = history.versions
    assert version.web is not None
    assert version.web.captured == "2024-03-02T09:30:00Z"
    assert "20240302093000id_" in version.web.received_from
    assert "7 people" in version.text


def test_a_live_page_that_moved_is_followed(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    from comparer.web.history import fetch_versions

    old = archive.address("/old/harbour-fire")
    archive.behaviours["/old/harbour-fire"] = Behaviour(redirect=story)
    (live,) = fetch_versions(old, [], options).versions
    assert live.web is not None and live.web.url == old and live.web.received_from == story
    assert "electrical cabinet" in live.text


def test_too_many_redirects_leave_the_live_page_out(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.behaviours[STORY] = Behaviour(redirect=archive.address("/loop/a"))
    archive.behaviours["/loop/a"] = Behaviour(redirect=archive.address("/loop/b"))
    archive.behaviours["/loop/b"] = Behaviour(redirect=archive.address("/loop/a"))
    history = load_versions(story, options)
    assert len(history.versions) == 3
    assert history.notes == [
        "left out: the live page: the page's site (127.0.0.1) redirected more than 3 times"
    ]


def test_a_missing_capture_is_left_out_with_a_note(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    raw = f"/web/{STORY_TIMES[1]}id_/{story}"
    archive.behaviours[raw] = Behaviour(status=404)
    history = load_versions(story, options)
    assert [v.name for v in history.versions][:2] == [
        "2024-03-01 10:00 UTC",
        "2024-03-04 18:00 UTC",
    ]
    assert history.notes == [
        "left out: the capture of 2024-03-02 09:30 UTC: the archive does not have it (HTTP 404)"
    ]


def test_a_capture_that_is_not_a_page_is_left_out(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.add(STORY, "20240303120000", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "text/html")
    history = load_versions(story, options)
    assert len(history.versions) == 4
    assert history.notes == [
        "left out: the capture of 2024-03-03 12:00 UTC: is a PNG image, not a document with text"
    ]


def test_captures_the_index_says_are_not_pages_are_not_fetched(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    archive.add(STORY, "20240303120000", b"\x89PNG\r\n\x1a\n", "image/png")
    history = load_versions(story, options)
    assert len(history.versions) == 4
    assert not [r for r in archive.requests_to("/web/") if "20240303120000" in r.path]


def test_an_oversized_capture_is_left_out(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    huge = page(VERSIONS[1] + ("Filler paragraph of the archive test. " * 8000,))
    archive.add(STORY, "20240303120000", huge)
    history = load_versions(story, options)
    assert len(history.versions) == 4
    assert history.notes == [
        "left out: the capture of 2024-03-03 12:00 UTC: the archive sent more than the 250 KB limit"
    ]


def test_the_second_time_the_history_opens_offline(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    first = load_versions(story, options)
    served = len(archive.log)
    archive.go_offline()
    again = load_versions(story, options)
    assert [v.text for v in again.versions] == [v.text for v in first.versions[:3]]
    assert [v.sha256 for v in again.versions] == [v.sha256 for v in first.versions[:3]]
    assert len(archive.log) == served
    assert again.notes[0].startswith(
        "the archive could not be reached; its list of captures saved on "
    )
    assert again.notes[1].startswith(
        "left out: the live page: the page's site (127.0.0.1) could not be reached"
    )


def test_cancelling_stops_the_fetch(archive: FakeArchive, options: WebOptions, story: str) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(WebCancelled):
        load_versions(story, options, cancel=cancel)


def test_an_address_copied_from_the_archive_gives_the_page_history(
    archive: FakeArchive, options: WebOptions, story: str
) -> None:
    copied = f"{archive.url}/web/20240302093000/{story}"
    history = load_versions(copied, options)
    assert len(history.versions) == 4
    assert all(v.web is not None and v.web.url == story for v in history.versions)

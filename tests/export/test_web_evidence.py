"""Versions read from web addresses: their captures' evidence in the JSON and HTML reports."""

from __future__ import annotations

import json
from dataclasses import replace

from comparer.core.compare import compare
from comparer.core.model import WebOrigin
from comparer.export.html_report import render_html
from comparer.export.json_export import comparison_dict, dumps
from comparer.formats import load_bytes

PAGE = "https://news.example/harbour-fire"
RAW = "https://archive.example/web/20240301100000id_/https://news.example/harbour-fire"
SHOWN = "https://archive.example/web/20240301100000/https://news.example/harbour-fire"


def _comparison():
    old = load_bytes(b"The fire hurt 4 people.\n\nThe quay is closed.\n", "a.txt")
    new = load_bytes(b"The fire hurt 7 people.\n\nThe quay is closed.\n", "b.txt")
    old = replace(
        old,
        path=RAW,
        web=WebOrigin(PAGE, "2024-03-01T10:00:00Z", RAW, SHOWN, "2026-12-04T16:00:00Z"),
    )
    new = replace(
        new,
        path=PAGE,
        web=WebOrigin(PAGE, "2026-12-04T16:00:05Z", PAGE, None, "2026-12-04T16:00:05Z"),
    )
    return compare([old, new], with_quotes=False)


def test_json_records_each_capture_address_and_time_as_new_members() -> None:
    comparison = _comparison()
    data = json.loads(dumps(comparison))
    assert data == comparison_dict(comparison)
    capture, live = data["versions"]
    assert capture["web"] == {
        "url": PAGE,
        "live": False,
        "captured": "2024-03-01T10:00:00Z",
        "archive_url": SHOWN,
        "received_from": RAW,
        "fetched": "2026-12-04T16:00:00Z",
    }
    assert live["web"]["live"] is True and live["web"]["archive_url"] is None
    # the members every version has are still there, unrenamed
    assert {"path", "title", "date", "sha256", "encoding", "text", "paragraphs"} <= set(capture)


def test_json_of_files_has_no_web_member() -> None:
    old = load_bytes(b"One.\n", "a.txt")
    new = load_bytes(b"Two.\n", "b.txt")
    data = json.loads(dumps(compare([old, new], with_quotes=False)))
    assert all("web" not in v for v in data["versions"])


def test_html_report_lists_capture_times_addresses_and_hashes() -> None:
    comparison = _comparison()
    html = render_html(comparison)
    assert "Web addresses" in html
    assert "2024-03-01T10:00:00Z" in html
    assert f'<a href="{SHOWN}">' in html
    assert RAW in html
    assert "none: the live page, " + PAGE in html
    for version in comparison.versions:
        assert version.sha256 in html
    assert "v1 · 2024-03-01 10:00 UTC" in html  # versions are named by their capture time

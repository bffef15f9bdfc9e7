"""The cache of captures and capture lists: kept as received, checked, cleared safely."""

from __future__ import annotations

from pathlib import Path

from comparer.web.cache import CacheUsage, WebCache
from comparer.web.client import Fetched

ARCHIVE = "http://127.0.0.1:8123"
PAGE = "https://example.org/news/flood"


def _fetched(data: bytes = b"<p>The river rose 2 metres.</p>") -> Fetched:
    return Fetched(
        requested=f"{ARCHIVE}/web/20240301100509id_/{PAGE}",
        url=f"{ARCHIVE}/web/20240301100509id_/{PAGE}",
        content_type="text/html",
        charset="windows-1252",
        data=data,
        fetched="2024-05-01T12:00:00Z",
    )


def test_a_capture_comes_back_as_first_received(tmp_path: Path) -> None:
    cache = WebCache(tmp_path)
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE) is None
    cache.put_capture(ARCHIVE, "20240301100509", PAGE, _fetched())
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE) == _fetched()
    # another capture time, page or archive is another capture
    assert cache.get_capture(ARCHIVE, "20240302100509", PAGE) is None
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE + "/2") is None
    assert cache.get_capture("http://127.0.0.1:9", "20240301100509", PAGE) is None


def test_a_damaged_capture_is_not_used(tmp_path: Path) -> None:
    cache = WebCache(tmp_path)
    cache.put_capture(ARCHIVE, "20240301100509", PAGE, _fetched())
    (data_file,) = tmp_path.rglob("*.bin")
    data_file.write_bytes(b"<p>The river rose 9 metres.</p>")
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE) is None
    (facts_file,) = tmp_path.rglob("*.json")
    facts_file.write_text("{not json", encoding="utf-8")
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE) is None


def test_a_list_is_kept_per_query_whatever_the_order_of_its_keys(tmp_path: Path) -> None:
    cache = WebCache(tmp_path)
    saved = {"rows": [["20240301100509", PAGE]], "fetched": "2024-05-01T12:00:00Z"}
    cache.put_list(ARCHIVE, {"url": PAGE, "from": "2024"}, saved)
    assert cache.get_list(ARCHIVE, {"from": "2024", "url": PAGE}) == saved
    assert cache.get_list(ARCHIVE, {"url": PAGE, "from": "2023"}) is None


def test_an_unwritable_folder_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = WebCache(blocker)
    cache.put_capture(ARCHIVE, "20240301100509", PAGE, _fetched())  # no error
    cache.put_list(ARCHIVE, {"url": PAGE}, {"rows": []})
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE) is None
    assert cache.usage() == CacheUsage(0, 0)


def test_clearing_counts_what_was_there_and_leaves_other_files(tmp_path: Path) -> None:
    cache = WebCache(tmp_path)
    for timestamp in ("20240301100509", "20240302100509"):
        cache.put_capture(ARCHIVE, timestamp, PAGE, _fetched(b"x" * 100))
    cache.put_list(ARCHIVE, {"url": PAGE}, {"rows": []})
    # the folder may be one the user chose: their files are neither counted nor removed
    mine = tmp_path / "notes.txt"
    mine.write_text("the user's own file", encoding="utf-8")
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "disk.bin").write_bytes(b"y" * 10_000)
    usage = cache.usage()
    assert usage.captures == 2 and 200 < usage.size < 10_000
    assert cache.clear() == usage
    assert cache.usage() == CacheUsage(0, 0)
    assert mine.read_text(encoding="utf-8") == "the user's own file"
    assert (tmp_path / "backup" / "disk.bin").stat().st_size == 10_000
    assert cache.get_capture(ARCHIVE, "20240301100509", PAGE) is None


def test_a_missing_folder_holds_nothing(tmp_path: Path) -> None:
    assert WebCache(tmp_path / "never-made").usage() == CacheUsage(0, 0)

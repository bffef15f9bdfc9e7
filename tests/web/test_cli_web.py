"""The command line given a web address: compare, history, captures, clear-cache."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from comparer.cli import main
from comparer.web.options import WebOptions

from .archive_server import Behaviour, FakeArchive
from .fixtures import STORY
from .pages import VERSIONS, page


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, archive: FakeArchive, tmp_path: Path) -> FakeArchive:
    """The fake archive set as the archive (``COMPARER_ARCHIVE_URL``), a temporary cache."""
    monkeypatch.setenv("COMPARER_ARCHIVE_URL", archive.url)
    monkeypatch.setenv("COMPARER_CACHE_DIR", str(tmp_path / "cache"))
    short_timeouts(monkeypatch)
    return archive


def short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's options as the user's, with a timeout short enough for tests."""
    from_env = WebOptions.from_env

    def quick(archive_url: str | None = None) -> WebOptions:
        return replace(from_env(archive_url), timeout=0.5, trust_env=False)

    monkeypatch.setattr(WebOptions, "from_env", staticmethod(quick))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_url_compares_captures_and_live_page_in_order(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "compare", story, "--format", "json", "--no-quotes")
    assert status == 1 and err == ""
    data = json.loads(out)
    captured = [v["web"]["captured"] for v in data["versions"]]
    assert captured[:3] == ["2024-03-01T10:00:00Z", "2024-03-02T09:30:00Z", "2024-03-04T18:00:00Z"]
    assert [v["web"]["live"] for v in data["versions"]] == [False, False, False, True]
    assert [(p["from"], p["to"]) for p in data["pairs"]] == [(0, 1), (1, 2), (2, 3)]
    assert data["versions"][0]["sha256"] == hashlib.sha256(page(VERSIONS[0])).hexdigest()
    assert data["versions"][0]["web"]["archive_url"] == f"{env.url}/web/20240301100000/{story}"
    assert {(n["from"], n["to"]) for n in data["pairs"][0]["numbers"]} == {("4", "7")}


def test_compare_url_text_names_versions_by_capture_time(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "compare", story, "--no-live", "--no-quotes")
    assert status == 1
    assert "v1 2024-03-01 10:00 UTC  →  v2 2024-03-02 09:30 UTC" in out
    assert "number: [-#4-] → {+#7+}" in out


def test_archive_url_option_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch,
    archive: FakeArchive,
    story: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COMPARER_ARCHIVE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("COMPARER_CACHE_DIR", str(tmp_path))
    short_timeouts(monkeypatch)
    status, out, err = run(
        capsys, "compare", story, "--archive-url", archive.url, "--format", "json", "--no-quotes"
    )
    assert status == 1, err
    assert len(json.loads(out)["versions"]) == 4


def test_from_to_and_captures_choose_the_captures(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys,
        "compare",
        story,
        "--from",
        "2024-03-02",
        "--to",
        "2024-03-31",
        "--captures",
        "1",
        "--no-live",
        "--format",
        "json",
        "--no-quotes",
    )
    assert status == 2  # one capture: nothing to compare
    status, out, _ = run(
        capsys,
        "compare",
        story,
        "--from",
        "2024-03-02",
        "--to",
        "2024-03-31",
        "--format",
        "json",
        "--no-quotes",
    )
    assert status == 1
    names = [v["web"]["captured"][:10] for v in json.loads(out)["versions"]]
    assert names[:2] == ["2024-03-02", "2024-03-04"] and len(names) == 3
    (asked, *_) = [r for r in env.requests_to("/cdx/") if "from" in r.query]
    assert asked.query["from"] == ["20240302"] and asked.query["to"] == ["20240331"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "yesterday"],
            "comparer: --from yesterday: expected a date such as 2024-03-01\n",
        ),
        (["--to", "2024-02-30"], "comparer: --to 2024-02-30: not a real date\n"),
        (["--captures", "0"], "comparer: --captures 0: give a number of captures, 1 or more\n"),
    ],
)
def test_bad_web_options_are_one_line_and_exit_2(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(capsys, "compare", story, *args) == (2, "", message)


def test_archive_trouble_is_one_line_and_exit_2(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    env.behaviours["/cdx/search/cdx"] = Behaviour(delay=30)
    status, out, err = run(capsys, "compare", story, "--format", "json")
    assert (status, out) == (2, "")
    assert err == f"comparer: {story}: the archive did not answer within 0.5 s\n"


def test_no_capture_is_exit_2_in_the_readers_words(
    env: FakeArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    url = env.address("/nothing/here")
    assert run(capsys, "compare", url) == (
        2,
        "",
        f"comparer: {url}: the archive has no capture of this address\n",
    )


def test_captures_left_out_are_named_on_stderr(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    env.add(STORY, "20240303120000", b"GIF89a" + b"\x00" * 40)
    status, out, err = run(capsys, "compare", story, "--format", "json", "--no-quotes")
    assert status == 1 and len(json.loads(out)["versions"]) == 4
    assert err == (
        "comparer: note: left out: the capture of 2024-03-03 12:00 UTC: "
        "is a GIF image, not a document with text\n"
    )


def test_web_options_with_files_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).parents[1] / "data" / "bridge"
    status, out, err = run(
        capsys, "compare", str(data / "v1.txt"), str(data / "v2.txt"), "--captures", "3"
    )
    assert (status, out, err) == (2, "", "comparer: --captures applies to a web address only\n")


def test_a_file_and_an_address_together_are_refused(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "compare", "old.html", story)
    assert status == 2 and err.count("\n") == 1 and "not both" in err
    assert not env.log


def test_history_lists_versions_with_evidence_then_the_changes(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "history", story, "--no-quotes")
    assert status == 0 and err == ""
    assert out.startswith(f"{story}: 4 distinct versions, oldest first\n")
    assert f"v1  2024-03-01 10:00 UTC\n    {env.url}/web/20240301100000/{story}\n" in out
    assert f"    sha256 {hashlib.sha256(page(VERSIONS[0])).hexdigest()}" in out
    assert "v4  live page, " in out and f"live page, fetched from {story}" in out
    # then the story's history, in capture order, each capture dated by the archive
    assert "4 versions, in given order" in out
    assert "v3  2024-03-04 18:00 UTC  (captured 4 Mar 2024 18:00 UTC)" in out
    assert (
        "people were taken: 4 (v1, captured 1 Mar 2024 10:00 UTC) → "
        "7 (v2, captured 2 Mar 2024 09:30 UTC, +3, +75%) → "
        "9 (v3, captured 4 Mar 2024 18:00 UTC, +2, +29%)"
    ) in out


def test_history_of_an_address_as_json_carries_the_evidence(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "history", story, "--no-quotes", "--format", "json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["format"] == "comparer-history/1"
    first, live = data["versions"][0], data["versions"][-1]
    assert first["date_source"] == "capture" and first["web"]["archive_url"].startswith(env.url)
    assert first["sha256"] == hashlib.sha256(page(VERSIONS[0])).hexdigest()
    assert live["web"]["live"] is True and live["date_label"].startswith("fetched live ")


def test_history_needs_an_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history", "story.html") == (
        2,
        "",
        "comparer: history needs two or more files (versions of one story), "
        "or a web address (http:// or https://)\n",
    )


def test_captures_lists_time_type_size_and_digest(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "captures", story, "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert [c["captured"] for c in data["captures"]] == [
        "2024-03-01T10:00:00Z",
        "2024-03-02T09:30:00Z",
        "2024-03-04T18:00:00Z",
    ]
    assert all(c["raw_url"].endswith(f"id_/{story}") for c in data["captures"])
    assert not env.requests_to("/web/")  # listing downloads no capture
    status, out, _ = run(capsys, "captures", story)
    assert out.splitlines()[0].startswith("2024-03-01 10:00 UTC  text/html")


def test_clear_cache_empties_it(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "compare", story, "--no-quotes", "--no-live")
    status, out, _ = run(capsys, "clear-cache")
    assert status == 0 and out.startswith("removed 3 cached captures (")
    assert not list((tmp_path / "cache").rglob("*.bin"))
    assert run(capsys, "clear-cache")[1].startswith("removed 0 cached captures (0.0 MB)")


def test_html_report_of_a_web_comparison_carries_the_evidence(
    env: FakeArchive, story: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "report.html"
    status, out, err = run(
        capsys, "compare", story, "--no-quotes", "--format", "html", "-o", str(out_file)
    )
    assert (status, out, err) == (1, "", "")
    html = out_file.read_text(encoding="utf-8")
    assert f'<a href="{env.url}/web/20240301100000/{story}">' in html
    assert hashlib.sha256(page(VERSIONS[0])).hexdigest() in html
    assert "2024-03-04T18:00:00Z" in html


def test_comparer_url_opens_the_window_on_the_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import comparer.ui.app

    calls: list[tuple[object, ...]] = []

    def fake_run_app(files: list[str], **kwargs: object) -> int:
        calls.append((files, kwargs.get("web_address"), kwargs.get("archive_url")))
        return 0

    monkeypatch.setattr(comparer.ui.app, "run_app", fake_run_app)
    url = "https://news.example/story"
    assert run(capsys, url, "--archive-url", "http://127.0.0.1:8") == (0, "", "")
    assert calls == [([], url, "http://127.0.0.1:8")]
    assert run(capsys, url, "story.html")[0] == 2
    assert len(calls) == 1

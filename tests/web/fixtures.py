"""Fixtures for the web tests (here and in the window tests): a fake archive on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from comparer.web.options import WebOptions

from .archive_server import Behaviour, FakeArchive, start, stop
from .pages import VERSIONS, page

STORY = "/news/harbour-fire"
# Distinct captures at these times; each is captured again a few hours later with the
# same bytes (a duplicate the archive's index folds away).
STORY_TIMES = ("20240301100000", "20240302093000", "20240304180000")


@pytest.fixture
def archive(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeArchive]:
    """A running fake archive, empty; no proxy settings from the environment apply."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeArchive()
    server, thread = start(fake)
    yield fake
    stop(server, thread)


@pytest.fixture
def options(archive: FakeArchive, tmp_path: Path) -> WebOptions:
    """Options for the fake archive: short timeouts, a cache in a temporary folder."""
    return WebOptions(
        archive_url=archive.url,
        timeout=0.5,
        max_bytes=256_000,
        max_redirects=3,
        parallel=3,
        max_retries=2,
        max_wait=2.0,
        cache_dir=tmp_path / "cache",
        trust_env=False,
    )


@pytest.fixture
def story(archive: FakeArchive) -> str:
    """The harbour-fire page: 3 distinct captures (each with a duplicate), a newer live page.

    Returns:
        The page's address.
    """
    for index, stamp in enumerate(STORY_TIMES):
        body = page(VERSIONS[index])
        archive.add(STORY, stamp, body)
        archive.add(STORY, stamp[:8] + "235900", body)  # the same bytes, later that day
    archive.live[STORY] = Behaviour(body=page(VERSIONS[3], extra="Live edition."))
    return archive.address(STORY)

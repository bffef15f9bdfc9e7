"""A saved page is never a reason to go to the network, whatever it links to.

The pages below point at a live server (the fake archive on 127.0.0.1) in every way HTML
can: images, stylesheets, scripts, frames, a base address, a refresh, CSS imports. While
they load, any connection at all (even to this machine) fails the test, and afterwards
the server must have received nothing.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from comparer.cli import main
from comparer.formats import load_path

from .archive_server import Behaviour, FakeArchive
from .pages import VERSIONS


def _page_with_external_resources(url: str, paragraphs: tuple[str, ...]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<base href="{url}/base/">
<meta http-equiv="refresh" content="0; url={url}/refresh">
<link rel="stylesheet" href="{url}/style.css">
<link rel="canonical" href="{url}/news/harbour-fire">
<style>@import url("{url}/import.css"); body {{ background: url({url}/bg.png); }}</style>
<script src="{url}/app.js"></script>
<title>Fire at Kestrel Harbour warehouse</title></head>
<body>
<iframe src="{url}/frame.html"></iframe>
<article><h1>Fire at Kestrel Harbour warehouse</h1>
<img src="{url}/photo.jpg" srcset="{url}/photo-2x.jpg 2x" alt="The quay">
{body}
<object data="{url}/object.svg"></object><embed src="{url}/embed.swf">
<video src="{url}/clip.mp4" poster="{url}/poster.jpg"></video>
</article></body></html>
"""


def _mhtml_with_external_resources(url: str) -> str:
    html = _page_with_external_resources(url, VERSIONS[1])
    return (
        "From: <Saved by a browser>\r\n"
        "Subject: Fire at Kestrel Harbour warehouse\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----b"\r\n\r\n'
        "------b\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Location: {url}/news/harbour-fire\r\n\r\n{html}\r\n"
        f"------b\r\nContent-Type: image/jpeg\r\nContent-Location: {url}/photo.jpg\r\n\r\n"
        "not really a photo\r\n------b--\r\n"
    )


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail any connection and any name look-up, even to this machine, while in force."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args[1:] if len(args) > 1 else args)
        raise AssertionError(f"loading a saved page tried to use the network: {args[1:]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield attempts
    assert attempts == []


@pytest.fixture
def saved_pages(archive: FakeArchive, tmp_path: Path) -> list[Path]:
    for path in ("/style.css", "/app.js", "/photo.jpg", "/frame.html", "/refresh"):
        archive.live[path] = Behaviour(body=b"served")
    paths = []
    for index in (0, 1):
        path = tmp_path / f"v{index + 1}.html"
        path.write_text(_page_with_external_resources(archive.url, VERSIONS[index]), "utf-8")
        paths.append(path)
    mhtml = tmp_path / "v3.mhtml"
    mhtml.write_text(_mhtml_with_external_resources(archive.url), "utf-8", newline="")
    paths.append(mhtml)
    return paths


def test_loading_saved_pages_fetches_nothing(
    archive: FakeArchive, saved_pages: list[Path], no_connections: list[object]
) -> None:
    for path in saved_pages:
        for full_page in (False, True):
            from comparer.formats.base import LoadOptions

            version = load_path(path, LoadOptions(full_page=full_page))
            assert "Kestrel Harbour quay" in version.text
    assert archive.log == []


def test_comparing_saved_pages_on_the_command_line_fetches_nothing(
    archive: FakeArchive,
    saved_pages: list[Path],
    no_connections: list[object],
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["compare", *map(str, saved_pages), "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 1 and err == "" and '"web"' not in out
    assert archive.log == []

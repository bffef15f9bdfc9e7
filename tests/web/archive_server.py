"""A small web archive on 127.0.0.1 for the tests: an index of captures, captures, live pages.

It answers the Wayback Machine's CDX API (``/cdx/search/cdx`` with ``url``, ``output=json``,
``fl``, ``filter=statuscode:200``, ``collapse=digest``, ``from``, ``to``, ``limit``), serves
captures at ``/web/<timestamp>id_/<address>`` (raw) and ``/web/<timestamp>/<address>``
(with a banner, as an archive shows captures to people), redirects a capture time that is
not exact to the nearest capture, and serves live pages at any other path. Tests set
behaviours per path: a delay, a number of HTTP 429 answers, a redirect, an error status.
Every request is logged with its headers.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Stored:
    """One capture the archive holds."""

    timestamp: str
    body: bytes
    mimetype: str = "text/html"
    status: str = "200"
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            self.digest = base64.b32encode(hashlib.sha1(self.body).digest()).decode()


@dataclass
class Logged:
    """A request the server received."""

    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


@dataclass
class Behaviour:
    """How the server answers one path."""

    delay: float = 0.0
    too_many: int = 0  # answer HTTP 429 this many times first
    retry_after: str | None = "0"
    redirect: str | None = None
    status: int | None = None
    body: bytes | None = None
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeArchive:
    """The archive's content and behaviour; ``url`` is set once the server runs."""

    url: str = ""
    captures: dict[str, list[Stored]] = field(default_factory=dict)
    live: dict[str, Behaviour] = field(default_factory=dict)
    behaviours: dict[str, Behaviour] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    honour_collapse: bool = True
    stop: threading.Event = field(default_factory=threading.Event)
    offline: list[object] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def address(self, path: str) -> str:
        """A page address on this server (the "site" whose history the tests read)."""
        return f"{self.url}{path}"

    def add(self, path: str, timestamp: str, body: bytes, mimetype: str = "text/html") -> Stored:
        """Archive ``body`` as a capture of the page at ``path`` taken at ``timestamp``."""
        stored = Stored(timestamp, body, mimetype)
        self.captures.setdefault(self.address(path), []).append(stored)
        self.captures[self.address(path)].sort(key=lambda s: s.timestamp)
        return stored

    def go_offline(self) -> None:
        """Stop the server: its address now refuses connections, as a machine offline would."""
        for shut in self.offline:
            shut()  # type: ignore[operator]

    def requests_to(self, prefix: str) -> list[Logged]:
        """The requests whose path starts with ``prefix``."""
        with self.lock:
            return [r for r in self.log if r.path.startswith(prefix)]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet: the tests read ``FakeArchive.log``

    def do_GET(self) -> None:  # noqa: N802
        archive = self.server.archive
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        with archive.lock:
            archive.log.append(Logged(parts.path, query, dict(self.headers.items())))
        behaviour = archive.behaviours.get(parts.path)
        if behaviour is not None:
            if behaviour.delay and archive.stop.wait(behaviour.delay):
                return
            if behaviour.too_many > 0:
                behaviour.too_many -= 1
                headers = {"Retry-After": behaviour.retry_after} if behaviour.retry_after else {}
                self._send(429, b"slow down", "text/plain", headers)
                return
            if behaviour.redirect:
                self._send(302, b"", "text/plain", {"Location": behaviour.redirect})
                return
            if behaviour.status is not None:
                self._send(behaviour.status, behaviour.body or b"error", "text/html")
                return
        try:
            if parts.path == "/cdx/search/cdx":
                self._cdx(query)
            elif parts.path.startswith("/web/"):
                self._capture(self.path[len("/web/") :])
            else:
                self._live(parts.path)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(
        self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _cdx(self, query: dict[str, list[str]]) -> None:
        archive = self.server.archive
        url = query.get("url", [""])[0]
        fields = query.get("fl", ["urlkey,timestamp,original,mimetype,statuscode,digest,length"])
        names = fields[0].split(",")
        since, until = query.get("from", [""])[0], query.get("to", [""])[0]
        rows: list[list[str]] = []
        previous = None
        for stored in archive.captures.get(url, []):
            if since and stored.timestamp[: len(since)] < since:
                continue
            if until and stored.timestamp[: len(until)] > until:
                continue
            if "statuscode:200" in query.get("filter", []) and stored.status != "200":
                continue
            if archive.honour_collapse and "digest" in query.get("collapse", []):
                if stored.digest == previous:
                    continue
                previous = stored.digest
            record = {
                "urlkey": url,
                "timestamp": stored.timestamp,
                "original": url,
                "mimetype": stored.mimetype,
                "statuscode": stored.status,
                "digest": stored.digest,
                "length": str(len(stored.body) // 3 + 200),
            }
            rows.append([record.get(name, "") for name in names])
        limit = int(query.get("limit", ["0"])[0] or 0)
        if limit > 0:
            rows = rows[:limit]
        answer = [names, *rows] if rows else []
        self._send(200, json.dumps(answer).encode(), "application/json")

    def _capture(self, rest: str) -> None:
        archive = self.server.archive
        stamp, _, original = rest.partition("/")
        raw = stamp.endswith("id_")
        stamp = stamp.removesuffix("id_")
        stored = archive.captures.get(original, [])
        exact = next((s for s in stored if s.timestamp == stamp), None)
        if exact is None:
            if not stored:
                self._send(
                    404,
                    b"<html><body><p>Hrm. The archive has not archived that URL.</p></body></html>",
                    "text/html",
                )
                return
            nearest = min(stored, key=lambda s: abs(int(s.timestamp) - int(stamp.ljust(14, "0"))))
            target = f"/web/{nearest.timestamp}{'id_' if raw else ''}/{original}"
            self._send(302, b"", "text/plain", {"Location": archive.url + target})
            return
        if raw:
            self._send(200, exact.body, exact.mimetype)
        else:
            from .pages import toolbar_page

            self._send(
                200,
                toolbar_page(("This page is shown with the archive's banner.",) * 3),
                "text/html",
            )

    def _live(self, path: str) -> None:
        live = self.server.archive.live.get(path)
        if live is None or live.body is None:
            self._send(404, b"<html><body>Not found</body></html>", "text/html")
            return
        self._send(live.status or 200, live.body, live.content_type, live.headers)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, archive: FakeArchive) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.archive = archive

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up (the timeout tests) is expected


def start(archive: FakeArchive) -> tuple[_Server, threading.Thread]:
    """Serve ``archive`` on a free port of 127.0.0.1 in a thread; sets ``archive.url``."""
    server = _Server(archive)
    host, port = server.server_address[:2]
    archive.url = f"http://{host}:{port}"
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="fake-archive", daemon=True
    )
    thread.start()
    archive.offline.append(lambda: stop(server, thread))
    return server, thread


def stop(server: _Server, thread: threading.Thread) -> None:
    """Stop serving (again is harmless); wakes any answer still waiting out a delay."""
    if server.archive.stop.is_set():
        return
    server.archive.stop.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)

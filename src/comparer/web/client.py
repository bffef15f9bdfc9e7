"""HTTP for the web package: bounded, polite, and with errors in the reader's words.

httpx does the protocol work (connections, redirects, decompression, timeouts); this
module adds what a polite, bounded client needs on top: a size limit enforced while the
body streams in, a pause shared by every request when a server answers HTTP 429 (for as
long as its ``Retry-After`` asks, within a limit), cancellation between chunks, and one
line of explanation for every way a request can fail.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from comparer.web.address import now_iso
from comparer.web.errors import WebCancelled, WebError
from comparer.web.options import WebOptions

_CHUNK = 64 * 1024


class WebStatusError(WebError):
    """A server answered with an error status (404, 500, …)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class TooLargeError(WebError):
    """A page or capture was larger than the size limit."""


@dataclass(frozen=True)
class Fetched:
    """What one request brought back.

    Attributes:
        requested: the address asked for.
        url: the address the bytes came from, after redirects.
        content_type: the server's ``Content-Type`` (lower case, parameters dropped).
        charset: the ``charset`` parameter of ``Content-Type``, if any.
        data: the body as received (after HTTP content decoding such as gzip).
        fetched: when it was received (ISO 8601 in UTC).
    """

    requested: str
    url: str
    content_type: str
    charset: str | None
    data: bytes
    fetched: str


def megabytes(size: int) -> str:
    """``size`` bytes as a reader reads a limit: "20 MB", "250 KB"."""
    if size < 1048576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1048576:.3g} MB"


class WebClient:
    """GET requests with a timeout, a size limit, a redirect limit and back-off on HTTP 429.

    Safe to share between threads: the connection pool is httpx's, and a pause asked
    for by one server answer holds back every request of this client.
    """

    def __init__(self, options: WebOptions, cancel: threading.Event | None = None) -> None:
        self.options = options
        self.cancel = cancel or threading.Event()
        self._lock = threading.Lock()
        self._resume_at = 0.0
        self._http = httpx.Client(
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=True,
            max_redirects=options.max_redirects,
            headers={"User-Agent": options.user_agent},
            limits=httpx.Limits(max_connections=max(1, options.parallel)),
            trust_env=options.trust_env,
            # no cookie is kept, so none is ever sent back (docs/network.md)
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
        )

    def __enter__(self) -> WebClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def get(self, url: str, who: str, params: dict[str, str] | None = None) -> Fetched:
        """Fetch ``url`` and return its body.

        Args:
            url: the address.
            who: how errors name the server ("the archive", "the page's site").
            params: query parameters to add.

        Raises:
            WebStatusError: the server answered with an error status.
            TooLargeError: the body is larger than the size limit.
            WebCancelled: the user cancelled.
            WebError: anything else (no answer in time, too many redirects, …).
        """
        attempt = 0
        while True:
            self._wait_turn()
            try:
                result = self._get_once(url, who, params)
            except httpx.TimeoutException:
                raise WebError(f"{who} did not answer within {self.options.timeout:g} s") from None
            except httpx.TooManyRedirects:
                raise WebError(
                    f"{who} redirected more than {self.options.max_redirects} times"
                ) from None
            except httpx.ConnectError:
                host = urlsplit(url).hostname or url
                raise WebError(
                    f"{who} could not be reached ({host}); is the computer online?"
                ) from None
            except (httpx.UnsupportedProtocol, httpx.InvalidURL):
                raise WebError(f"{who} pointed to an address Comparer cannot fetch") from None
            except httpx.HTTPError as exc:
                raise WebError(f"{who} broke off the connection ({type(exc).__name__})") from None
            if isinstance(result, Fetched):
                return result
            attempt += 1
            self._back_off(result, attempt, who)

    def _get_once(self, url: str, who: str, params: dict[str, str] | None) -> Fetched | float:
        """One request: the body, or how long to wait (seconds, -1: unsaid) after HTTP 429."""
        with self._http.stream("GET", url, params=params) as response:
            if response.status_code == 429:
                return _retry_after(response.headers.get("Retry-After"))
            if response.status_code >= 400:
                raise WebStatusError(
                    f"{who} answered with an error (HTTP {response.status_code}"
                    f"{' ' + response.reason_phrase if response.reason_phrase else ''})",
                    response.status_code,
                )
            limit = self.options.max_bytes
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise TooLargeError(f"{who} sent more than the {megabytes(limit)} limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes(_CHUNK):
                if self.cancel.is_set():
                    raise WebCancelled()
                size += len(chunk)
                if size > limit:
                    raise TooLargeError(f"{who} sent more than the {megabytes(limit)} limit")
                chunks.append(chunk)
            content_type = response.headers.get("Content-Type", "")
            kind, _, rest = content_type.partition(";")
            charset = None
            for param in rest.split(";"):
                name, _, value = param.partition("=")
                if name.strip().lower() == "charset" and value.strip():
                    charset = value.strip().strip("\"'")
            return Fetched(
                requested=url if not params else str(response.request.url),
                url=str(response.url),
                content_type=kind.strip().lower(),
                charset=charset,
                data=b"".join(chunks),
                fetched=now_iso(),
            )

    def _back_off(self, asked: float, attempt: int, who: str) -> None:
        """Pause every request of this client after an HTTP 429, or give up."""
        if attempt > self.options.max_retries:
            raise WebError(
                f"{who} kept answering 'too many requests' (HTTP 429) after "
                f"{attempt} tries; try again later"
            )
        wait = asked if asked >= 0 else float(2 ** (attempt - 1))
        if wait > self.options.max_wait:
            raise WebError(
                f"{who} is busy and asks to wait {wait:.0f} s before the next request; "
                "try again later"
            )
        with self._lock:
            self._resume_at = max(self._resume_at, time.monotonic() + wait)

    def _wait_turn(self) -> None:
        """Wait out a pause a server asked for; raise if the user cancels meanwhile."""
        while True:
            if self.cancel.is_set():
                raise WebCancelled()
            with self._lock:
                delay = self._resume_at - time.monotonic()
            if delay <= 0:
                return
            if self.cancel.wait(delay):
                raise WebCancelled()


def _retry_after(value: str | None) -> float:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); -1 if unsaid."""
    if not value:
        return -1.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return -1.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())

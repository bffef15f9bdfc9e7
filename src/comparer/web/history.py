"""A web address's history as versions to compare: archived captures, then the live page.

``load_versions`` is the one call the command line (``comparer compare URL``,
``comparer history URL``) needs; the window's dialog calls its two halves,
``list_captures`` and ``fetch_versions``, so the user can choose captures in between.
Each version is loaded by ``comparer.formats`` from the bytes received, exactly as a
saved page is, and carries its evidence in ``Version.web``; its ``sha256`` and ``size``
are of the bytes received.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from comparer.core.blocks import sha256_hex
from comparer.core.model import Version, WebOrigin
from comparer.formats import LoadError, LoadOptions, load_bytes
from comparer.web.address import check_address, now_iso, page_address, timestamp_iso
from comparer.web.archive_markup import strip_archive_markup
from comparer.web.cache import WebCache
from comparer.web.capture import Capture
from comparer.web.cdx import CaptureList, CdxReader, spread
from comparer.web.client import Fetched, WebClient, WebStatusError
from comparer.web.errors import WebCancelled, WebError
from comparer.web.options import WebOptions

Progress = Callable[[int, int, str], None]
"""Called as work advances: (steps done, steps in all, what was just done)."""

DEFAULT_CAPTURES = 20
_RAW_CAPTURE = re.compile(r"/web/(\d{4,14})id_/")
# Media types that are not documents at all; anything else goes to the loaders, which
# read pages, text, PDFs and office documents and refuse the rest by their content.
_NOT_DOCUMENTS = (
    "image/",
    "audio/",
    "video/",
    "font/",
    "text/css",
    "application/javascript",
    "text/javascript",
    "application/json",
    "application/zip",
)


@dataclass(frozen=True)
class HistoryRequest:
    """Which part of a page's history to load.

    Attributes:
        since: the earliest capture time, as the archive's index takes it ("20240301").
        until: the latest capture time, in the same form (inclusive).
        captures: the most captures to open; when there are more, the first, the last
            and captures evenly spaced between them are taken.
        live: whether the live page is fetched and added last.
        full_page: read the pages' whole text rather than the extracted article.
    """

    since: str | None = None
    until: str | None = None
    captures: int = DEFAULT_CAPTURES
    live: bool = True
    full_page: bool = False


@dataclass
class WebHistory:
    """Versions of a page, oldest capture first and the live page last.

    Attributes:
        url: the page's address.
        versions: the versions loaded, each with its evidence in ``Version.web``.
        notes: one line per capture (or live page) left out, and why; also a line when
            the list of captures came from the cache.
        listing: the archive's list of distinct captures.
    """

    url: str
    versions: list[Version] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    listing: CaptureList | None = None


def list_captures(
    url: str,
    options: WebOptions,
    since: str | None = None,
    until: str | None = None,
    cancel: threading.Event | None = None,
) -> CaptureList:
    """The archive's distinct captures of ``url``, oldest first.

    When the archive cannot be reached but a list for the same question was saved
    before, that list is returned with ``saved`` set.

    Raises:
        WebError: the address or the archive's address is not valid, or the archive
            could not be asked and nothing was saved.
    """
    url = page_address(check_address(url), options.archive_url)
    _check_archive(options)
    cache = WebCache(options.cache_folder()) if options.use_cache else None
    with WebClient(options, cancel) as client:
        reader = CdxReader(client, options)
        query = reader.query(url, since, until)
        try:
            listing = reader.list(url, since, until)
        except WebCancelled:
            raise
        except WebError:
            saved = cache.get_list(options.archive_base, query) if cache else None
            if saved is None:
                raise
            return _listing_from_saved(url, query, saved)
    if cache is not None:
        cache.put_list(options.archive_base, query, _listing_to_saved(listing))
    return listing


def fetch_versions(
    url: str,
    captures: Sequence[Capture],
    options: WebOptions,
    *,
    live: bool = True,
    full_page: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> WebHistory:
    """Fetch (or read from the cache) ``captures`` and the live page, and load them.

    At most ``options.parallel`` requests run at once. A capture that cannot be fetched
    or read is left out with a note; so is the live page, and a version whose text
    reads exactly as the one before it (the live page included: it is added only when
    it differs from the latest capture).

    Raises:
        WebCancelled: ``cancel`` was set.
    """
    url = page_address(check_address(url), options.archive_url)
    cancel = cancel or threading.Event()
    history = WebHistory(url)
    cache = WebCache(options.cache_folder()) if options.use_cache else None
    total = len(captures) + (1 if live else 0)
    done = 0
    results: dict[int, Version | str] = {}
    with WebClient(options, cancel) as client:
        # The pool is shut down by hand: on cancel, without waiting for requests still
        # blocked on a slow server; closing the client then ends them.
        pool = ThreadPoolExecutor(
            max_workers=max(1, options.parallel), thread_name_prefix="comparer-web"
        )
        futures: dict[Future[Version], int] = {}
        for index, capture in enumerate(captures):
            future = pool.submit(_capture_version, client, cache, options, url, capture, full_page)
            futures[future] = index
        if live:
            futures[pool.submit(_live_version, client, url, full_page)] = len(captures)
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if cancel.is_set():
                    raise WebCancelled()
                for future in finished:
                    index = futures[future]
                    results[index] = _outcome(future, captures, index)
                    done += 1
                    if progress is not None:
                        label = captures[index].label if index < len(captures) else "live page"
                        progress(done, total, label)
        except BaseException:
            cancel.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    previous: Version | None = None
    for index in sorted(results):
        result = results[index]
        if isinstance(result, str):
            history.notes.append(f"left out: {result}")
            continue
        if previous is not None and result.text == previous.text:
            which = "the live page" if index == len(captures) else f"the capture of {result.name}"
            history.notes.append(
                f"left out: {which} reads exactly as the capture of {previous.name}"
            )
            continue
        history.versions.append(result)
        previous = result
    return history


def load_versions(
    url: str,
    options: WebOptions,
    request: HistoryRequest | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> WebHistory:
    """The versions of ``url``: its distinct captures in the archive, then the live page.

    Args:
        url: the page's address (``http://`` or ``https://``).
        options: where the archive is, limits, the cache.
        request: the time range, how many captures, whether the live page is added.
        progress: called after each capture is fetched.
        cancel: set it to stop; ``WebCancelled`` is raised.

    Raises:
        WebError: the archive has no capture in the range, or cannot be asked.
    """
    request = request or HistoryRequest()
    listing = list_captures(url, options, request.since, request.until, cancel)
    pages = [c for c in listing.captures if c.is_page]
    if not listing.captures:
        raise WebError(f"the archive has no capture of this address{_range(request)}")
    if not pages:
        kinds = ", ".join(sorted({c.mimetype for c in listing.captures}))
        raise WebError(
            f"the archive's captures of this address{_range(request)} are not pages ({kinds})"
        )
    history = fetch_versions(
        listing.url,
        spread(pages, request.captures),
        options,
        live=request.live,
        full_page=request.full_page,
        progress=progress,
        cancel=cancel,
    )
    history.listing = listing
    if listing.saved:
        history.notes.insert(
            0,
            "the archive could not be reached; its list of captures saved on "
            f"{listing.saved.replace('T', ' ')[:16]} UTC was used",
        )
    if listing.truncated:
        history.notes.insert(
            0,
            f"the archive lists more than {options.max_listed} distinct captures; "
            "only the first ones were looked at (narrow the dates with --from/--to)",
        )
    return history


def _outcome(future: Future[Version], captures: Sequence[Capture], index: int) -> Version | str:
    """A fetched version, or why it is left out.

    Raises:
        WebCancelled: the user cancelled.
    """
    try:
        return future.result()
    except WebCancelled:
        raise
    except (WebError, LoadError) as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad capture must not lose the others
        what = (
            f"the capture of {captures[index].label}" if index < len(captures) else "the live page"
        )
        return f"{what}: could not be read ({type(exc).__name__})"


def _range(request: HistoryRequest) -> str:
    if request.since and request.until:
        return f" between {request.since} and {request.until}"
    if request.since:
        return f" since {request.since}"
    if request.until:
        return f" until {request.until}"
    return ""


def _check_archive(options: WebOptions) -> None:
    try:
        check_address(options.archive_url)
    except WebError:
        raise WebError(
            f"the archive's address {options.archive_url!r} is not a web address "
            "(--archive-url, COMPARER_ARCHIVE_URL)"
        ) from None


def _capture_version(
    client: WebClient,
    cache: WebCache | None,
    options: WebOptions,
    url: str,
    capture: Capture,
    full_page: bool,
) -> Version:
    """Fetch one capture in its raw form (or read it from the cache) and load it."""
    base = options.archive_base
    what = f"the capture of {capture.label}"
    fetched = cache.get_capture(base, capture.timestamp, capture.original) if cache else None
    if fetched is None:
        try:
            fetched = client.get(capture.raw_url(base), "the archive")
        except WebStatusError as exc:
            if exc.status == 404:
                raise WebError(f"{what}: the archive does not have it (HTTP 404)") from None
            raise WebError(f"{what}: {exc}") from None
        except WebCancelled:
            raise
        except WebError as exc:
            raise WebError(f"{what}: {exc}") from None
        if cache is not None:
            cache.put_capture(base, capture.timestamp, capture.original, fetched)
    moved = _RAW_CAPTURE.search(urlsplit(fetched.url).path)
    timestamp = moved.group(1).ljust(14, "0") if moved else capture.timestamp
    origin = WebOrigin(
        url=url,
        captured=timestamp_iso(timestamp),
        received_from=fetched.url,
        archive_url=replace(capture, timestamp=timestamp).archive_url(base),
        fetched=fetched.fetched,
    )
    return _load(fetched, what, origin, full_page)


def _live_version(client: WebClient, url: str, full_page: bool) -> Version:
    """Fetch the page from its own site, now."""
    host = urlsplit(url).hostname or url
    try:
        fetched = client.get(url, f"the page's site ({host})")
    except WebCancelled:
        raise
    except WebError as exc:
        raise WebError(f"the live page: {exc}") from None
    origin = WebOrigin(
        url=url,
        captured=fetched.fetched or now_iso(),
        received_from=fetched.url,
        fetched=fetched.fetched,
    )
    return _load(fetched, "the live page", origin, full_page)


def _load(fetched: Fetched, what: str, origin: WebOrigin, full_page: bool) -> Version:
    """Load the bytes received as a saved page is loaded, with the evidence attached.

    Raises:
        LoadError: the bytes are not a page (or document) with text.
    """
    kind = fetched.content_type
    if kind.startswith(_NOT_DOCUMENTS):
        raise LoadError(what, f"is {kind}, not a page with text")
    hint = "html" if kind in ("text/html", "application/xhtml+xml") else None
    if kind == "text/plain":
        hint = "text"
    version = load_bytes(
        strip_archive_markup(fetched.data), what, LoadOptions(full_page=full_page), format_hint=hint
    )
    return replace(
        version,
        path=origin.received_from,
        sha256=sha256_hex(fetched.data),
        size=len(fetched.data),
        web=origin,
    )


def _listing_to_saved(listing: CaptureList) -> dict[str, object]:
    return {
        "saved": now_iso(),
        "truncated": listing.truncated,
        "captures": [
            [c.timestamp, c.original, c.mimetype, c.status, c.digest, c.length]
            for c in listing.captures
        ],
    }


def _listing_from_saved(url: str, query: dict[str, str], saved: dict[str, object]) -> CaptureList:
    rows = saved.get("captures")
    captures: list[Capture] = []
    if isinstance(rows, list):
        for row in rows:
            if isinstance(row, list) and len(row) == 6:
                stamp, original, mimetype, status, digest, length = row
                captures.append(
                    Capture(
                        str(stamp),
                        str(original),
                        str(mimetype),
                        str(status),
                        str(digest),
                        int(length) if isinstance(length, int) else 0,
                    )
                )
    return CaptureList(
        url=url,
        captures=tuple(captures),
        truncated=bool(saved.get("truncated")),
        saved=str(saved.get("saved", "")) or "an earlier day",
        query=query,
    )

"""The archive's index of captures (the Wayback Machine's CDX API), read as a list.

The request asks for JSON (``output=json``), only the fields used (``fl=``), successful
captures (``filter=statuscode:200``), one capture per run of identical content
(``collapse=digest``, which folds neighbouring captures with the same digest) and at most
``max_listed`` of them (``limit=``), within ``from=``/``to=`` when given. The same folding
is done again here, so a mirror that ignores ``collapse`` still lists distinct captures.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from comparer.web.capture import Capture
from comparer.web.client import WebClient, WebStatusError
from comparer.web.errors import WebError
from comparer.web.options import WebOptions

FIELDS = ("timestamp", "original", "mimetype", "statuscode", "digest", "length")
ARCHIVE = "the archive"


@dataclass(frozen=True)
class CaptureList:
    """The distinct captures of an address, oldest first.

    Attributes:
        url: the address asked about.
        captures: one capture per run of identical content, oldest first.
        truncated: the archive has more than were asked for (``max_listed``).
        saved: when the list came from the cache because the archive could not be
            reached: when it was saved (ISO 8601 UTC); "" when it is fresh.
        query: the parameters sent to the archive's index.
    """

    url: str
    captures: tuple[Capture, ...]
    truncated: bool = False
    saved: str = ""
    query: dict[str, str] = field(default_factory=dict)


class CdxReader:
    """Asks the archive's index for the captures of an address."""

    def __init__(self, client: WebClient, options: WebOptions) -> None:
        self.client = client
        self.options = options

    def query(self, url: str, since: str | None = None, until: str | None = None) -> dict[str, str]:
        """The parameters of the index request for ``url`` between ``since`` and ``until``."""
        params = {
            "url": url,
            "output": "json",
            "fl": ",".join(FIELDS),
            "filter": "statuscode:200",
            "collapse": "digest",
            "limit": str(self.options.max_listed + 1),
        }
        if since:
            params["from"] = since
        if until:
            params["to"] = until
        return params

    def list(self, url: str, since: str | None = None, until: str | None = None) -> CaptureList:
        """The distinct captures of ``url``, oldest first (possibly none).

        Raises:
            WebError: the archive could not be asked, or its answer is not an index.
        """
        params = self.query(url, since, until)
        endpoint = f"{self.options.archive_base}/cdx/search/cdx"
        try:
            fetched = self.client.get(endpoint, ARCHIVE, params)
        except WebStatusError as exc:
            if exc.status == 404:
                raise WebError(
                    f"the archive has no index of captures at {endpoint} (HTTP 404); "
                    "check the archive's address"
                ) from None
            raise
        captures = parse_cdx_json(fetched.data)
        truncated = len(captures) > self.options.max_listed
        return CaptureList(
            url=url,
            captures=tuple(captures[: self.options.max_listed]),
            truncated=truncated,
            query=params,
        )


def parse_cdx_json(data: bytes) -> list[Capture]:
    """Captures from the index's JSON answer: a header row of field names, then one row each.

    Neighbouring captures with the same digest are folded into the first, as
    ``collapse=digest`` does; rows the archive marks as not a success are dropped.

    Raises:
        WebError: the answer is not the index's JSON.
    """
    if not data.strip():
        return []
    try:
        rows = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WebError("the archive's answer is not a list of captures (not JSON)") from None
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise WebError("the archive's answer is not a list of captures")
    rows = [r for r in rows if r]  # an empty row precedes a resumption key
    if not rows:
        return []
    header = [str(name) for name in rows[0]]
    if "timestamp" not in header or "original" not in header:
        raise WebError("the archive's answer lists no capture times or addresses")
    captures: list[Capture] = []
    for row in rows[1:]:
        if len(row) != len(header):
            continue
        record = dict(zip(header, (str(v) for v in row), strict=True))
        stamp = record["timestamp"]
        if not (stamp.isdigit() and 4 <= len(stamp) <= 14):
            continue
        status = record.get("statuscode", "200")
        if status not in ("200", "-", ""):
            continue
        length = record.get("length", "")
        capture = Capture(
            timestamp=stamp.ljust(14, "0"),
            original=record["original"],
            mimetype=record.get("mimetype", "") or "unknown",
            status=status,
            digest=record.get("digest", ""),
            length=int(length) if length.isdigit() else 0,
        )
        captures.append(capture)
    captures.sort(key=lambda c: c.timestamp)
    distinct: list[Capture] = []
    for capture in captures:
        if distinct and capture.digest and capture.digest == distinct[-1].digest:
            continue
        distinct.append(capture)
    return distinct


def spread(captures: Sequence[Capture], count: int) -> list[Capture]:
    """At most ``count`` captures, spread over the whole history.

    All of them when there are few enough; else the first, the last and captures evenly
    spaced between them.
    """
    if count <= 0:
        return []
    if len(captures) <= count:
        return list(captures)
    if count == 1:
        return [captures[-1]]
    last = len(captures) - 1
    indices = sorted({round(k * last / (count - 1)) for k in range(count)})
    return [captures[i] for i in indices]

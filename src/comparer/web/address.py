"""Recognising web addresses and reading the dates that bound a page's history."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from comparer.web.errors import WebError

_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?Z?)?)?)?$"
)
_DIGITS = re.compile(r"^\d{4,14}$")


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an ``http://`` or ``https://`` address (never a file name).

    Only the scheme decides: a file called ``www.example.com`` stays a file.
    """
    return bool(_SCHEME.match(text.strip()))


def check_address(text: str) -> str:
    """The address ``text`` stripped of spaces and any ``#fragment``, once checked.

    Raises:
        WebError: it is not an ``http(s)://`` address with a host name.
    """
    address = text.strip()
    if not is_web_address(address):
        raise WebError("not a web address (it must start with http:// or https://)")
    try:
        parts = urlsplit(address)
        host = parts.hostname
    except ValueError:
        host = None
    if not host or any(c.isspace() for c in address):
        raise WebError("not a web address Comparer can read (a site name, no spaces)")
    return address.split("#", 1)[0]


_ARCHIVED = re.compile(r"^https?://([^/]+)/web/\d{1,14}[a-z_]*/(.+)$", re.IGNORECASE)
_WAYBACK_HOSTS = frozenset({"web.archive.org", "wayback.archive.org"})


def page_address(address: str, archive_url: str) -> str:
    """The page an archive address shows: its own address is returned unchanged.

    People often copy a capture's address from the archive
    (``https://web.archive.org/web/20240301100000/https://news.example/story``); its
    history is that of the page inside it.
    """
    match = _ARCHIVED.match(address)
    if match is None:
        return address
    host = match.group(1).lower()
    archive_host = (urlsplit(archive_url).netloc or "").lower()
    if host not in _WAYBACK_HOSTS and host != archive_host:
        return address
    inner = match.group(2)
    if not is_web_address(inner):
        inner = "http://" + inner
    return inner


def archive_timestamp(text: str, end: bool = False) -> str:
    """A date as the archive's index takes it: ``2024``, ``202403``, ``20240301``, ….

    Accepts ``2024``, ``2024-03``, ``2024-03-01``, ``2024-03-01T10:00`` and the archive's
    own 4 to 14 digit form. Both ends of a range are inclusive, as in the archive's index.

    Args:
        text: the date as the user wrote it.
        end: whether it closes a range (only used to word the error).

    Raises:
        WebError: the text is not a date.
    """
    option = "--to" if end else "--from"
    value = text.strip()
    if _DIGITS.match(value) and len(value) % 2 == 0:
        digits = value
    else:
        match = _DATE.match(value)
        if match is None:
            raise WebError(f"{option} {text}: expected a date such as 2024-03-01")
        digits = match["y"]
        for key in ("m", "d", "H", "M", "S"):
            if match[key] is None:
                break
            digits += f"{int(match[key]):02d}"
    padded = digits + "0101000000"[len(digits) - 4 :] if len(digits) < 14 else digits
    try:
        datetime.strptime(padded, "%Y%m%d%H%M%S")
    except ValueError:
        raise WebError(f"{option} {text}: not a real date") from None
    return digits


def timestamp_iso(timestamp: str) -> str:
    """The archive's 14-digit capture time as ISO 8601 in UTC: ``2024-03-01T10:00:00Z``."""
    moment = datetime.strptime(timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def now_iso() -> str:
    """The current time as ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

"""One archived capture of a page, as the archive's index lists it."""

from __future__ import annotations

from dataclasses import dataclass

from comparer.web.address import timestamp_iso

# Media types whose captures are pages to read; others (images, feeds, …) are listed but
# not chosen unless the user ticks them.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class Capture:
    """A capture in the archive.

    Attributes:
        timestamp: the capture time as the archive writes it (14 digits, UTC).
        original: the address that was captured, as the archive recorded it.
        mimetype: the media type the page's site sent.
        status: the HTTP status the page's site answered with.
        digest: the archive's digest of the captured content: equal digests, equal bytes.
        length: the size in bytes of the archived record (compressed), as the index
            gives it; 0 when unknown.
    """

    timestamp: str
    original: str
    mimetype: str = "text/html"
    status: str = "200"
    digest: str = ""
    length: int = 0

    @property
    def captured(self) -> str:
        """The capture time as ISO 8601 in UTC: ``2024-03-01T10:00:00Z``."""
        return timestamp_iso(self.timestamp)

    @property
    def label(self) -> str:
        """The capture time as the window and reports show it: ``2024-03-01 10:00 UTC``."""
        return self.captured.replace("T", " ")[:16] + " UTC"

    @property
    def is_page(self) -> bool:
        """Whether the archive says this capture is a page (HTML or text)."""
        return self.mimetype.lower().startswith(PAGE_TYPES)

    def raw_url(self, archive_base: str) -> str:
        """The capture's raw address: the ``id_`` form, the bytes as captured, no toolbar."""
        return f"{archive_base}/web/{self.timestamp}id_/{self.original}"

    def archive_url(self, archive_base: str) -> str:
        """The capture's address for people: the archive's own page for it."""
        return f"{archive_base}/web/{self.timestamp}/{self.original}"

"""Web archive loader (``.mhtml``/``.mht``, as browsers save "Webpage, single file").

An MHTML file is a MIME multipart message: the stdlib ``email`` package splits it and
undoes quoted-printable or base64; the HTML part is then read like any saved page.
Other parts (images, style sheets, frames) are never looked at.

Browsers write a page's address into the headers as it is, non-ASCII letters included,
which the ``email`` package hands back as a ``Header`` object of unknown 8-bit bytes
rather than text; ``_header`` reads such bytes as UTF-8, the encoding browsers use.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import re
from email.message import Message

from comparer.formats.base import Extracted, LoadOptions
from comparer.formats.errors import LoadError
from comparer.formats.html import decode_html, extract_html

_MAX_PARTS = 5000


class MhtmlLoader:
    """Reads web pages saved as single-file web archives."""

    name: str = "mhtml"
    extensions: tuple[str, ...] = (".mhtml", ".mht")

    def sniff(self, data: bytes) -> bool:
        """A MIME message with a multipart body, as browsers write web archives."""
        head = data[:4096].lower()
        if data[:1] in (b"<", b"{", b"%") or b"\x00" in head:
            return False
        header_end = re.search(rb"\r?\n\r?\n", head)
        headers = head[: header_end.start()] if header_end else head
        return b"mime-version:" in headers and (
            b"multipart/" in headers or b"content-type: text/html" in headers
        )

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Find the page's HTML part, decode it and extract the article."""
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        part = _html_part(message, path)
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            raise LoadError(path, "is a web archive whose page is empty")
        html, encoding = decode_html(payload, path, declared=part.get_content_charset())
        extracted = extract_html(html, encoding, path, options)
        if extracted.title is None:
            subject = message.get("Subject")
            if isinstance(subject, email.header.Header):
                extracted.title = _header(message, "Subject") or None
            elif subject:
                extracted.title = str(email.header.make_header(email.header.decode_header(subject)))
        return extracted


def _header(message: Message, name: str) -> str:
    """The header ``name`` as text (empty when absent), raw 8-bit bytes read as UTF-8."""
    value = message.get(name)
    if value is None:
        return ""
    if not isinstance(value, email.header.Header):
        return str(value).strip()
    parts = []
    for chunk, charset in email.header.decode_header(value):
        if isinstance(chunk, bytes):
            try:
                chunk = chunk.decode(charset or "utf-8", "replace")
            except LookupError:  # "unknown-8bit", or a name Python does not know
                chunk = chunk.decode("utf-8", "replace")
        parts.append(chunk)
    return "".join(parts).strip()


def _html_part(message: Message, path: str) -> Message:
    """The archive's main page: the part at the snapshot's location, else the first HTML part."""
    if not message.is_multipart():
        if message.get_content_type() == "text/html":
            return message
        raise LoadError(path, "is a MIME message without a web page in it")
    location = _header(message, "Snapshot-Content-Location")
    first: Message | None = None
    for count, part in enumerate(message.walk()):
        if count > _MAX_PARTS:
            break
        if part.get_content_type() not in ("text/html", "application/xhtml+xml"):
            continue
        if location and _header(part, "Content-Location") == location:
            return part
        if first is None:
            first = part
    if first is None:
        raise LoadError(path, "is a web archive without an HTML page in it")
    return first

"""An archive's stored text (plain, or HTML paragraphs as diffengine keeps it) as a Version.

Archives hold the article text itself, not a file: diffengine and NewsEdits keep
``<p>…</p>`` paragraphs, JSON Lines files hold plain text. Paragraph tags are read with
lxml (already a dependency) rather than the web-page loader, whose article extraction is
made for whole pages and would drop short fragments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from comparer.core.blocks import Block
from comparer.core.model import Version
from comparer.formats import LoadError, load_bytes
from comparer.formats.base import Extracted, build_version

_PARAGRAPH_TAG = re.compile(r"<\s*/?\s*(p|br|div|h[1-6]|li)\b", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]{0,400}>")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is split into paragraphs by HTML tags."""
    return _PARAGRAPH_TAG.search(text) is not None


def html_paragraphs(text: str) -> list[str]:
    """The text of each paragraph of an HTML fragment, tags removed, entities decoded."""
    from lxml import html as lxml_html

    pieces = re.split(r"<\s*/?\s*(?:p|div|h[1-6]|li)\b[^>]*>|<\s*br\s*/?\s*>", text, flags=re.I)
    out: list[str] = []
    for piece in pieces:
        if not piece.strip():
            continue
        try:
            words = lxml_html.fragment_fromstring(piece, create_parent="div").text_content()
        except Exception:  # noqa: BLE001 - lxml's parser errors on odd fragments: strip tags
            words = _ANY_TAG.sub(" ", piece)
        words = " ".join(words.split())
        if words:
            out.append(words)
    return out


def text_version(
    text: str,
    label: str,
    title: str | None = None,
    date: str | None = None,
) -> Version:
    """A version of the stored ``text`` (plain text, or HTML paragraphs).

    Raises:
        LoadError: the text is empty.
    """
    if looks_like_html(text):
        return blocks_version(html_paragraphs(text), label, title, date)
    version = load_bytes(text.encode("utf-8"), label, format_hint="text")
    return _with(version, title, date)


def blocks_version(
    paragraphs: Sequence[str], label: str, title: str | None = None, date: str | None = None
) -> Version:
    """A version made of these paragraphs, in order.

    Raises:
        LoadError: there is no text.
    """
    blocks = [Block(p) for p in paragraphs if p.strip()]
    if not blocks:
        raise LoadError(label, "has no text in it")
    data = "\n\n".join(b.text for b in blocks).encode("utf-8")
    return _with(build_version(Extracted(blocks=blocks), data, label, "archive"), title, date)


def _with(version: Version, title: str | None, date: str | None) -> Version:
    from dataclasses import replace

    return replace(
        version,
        title=title.strip() if title and title.strip() else version.title,
        date=date or version.date,
    )

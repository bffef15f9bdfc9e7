"""Decide what a paragraph of plain text is: body, heading, markup debris or metadata.

Hand-written because no library classifies lines of copied article text: the rules are a
few regular expressions for what pages leave behind (tags, "Last Modified:" lines).
"""

from __future__ import annotations

import re
from datetime import datetime

from comparer.core.model import Role
from comparer.core.numbers.lexicon import MONTHS

_TAG = re.compile(
    r"<\s*/?\s*(?:object|embed|iframe|script|style|div|span|param|img|video|audio|source|"
    r"noscript|form|input|button|table|tr|td|th|tbody|thead|ul|ol|li|p|a|br|hr|meta|link|"
    r"figure|figcaption|section|article|aside|nav|header|footer|svg|path|picture|h[1-6])"
    r"(?:\s[^<>]*)?/?\s*(?:>|$)",
    re.IGNORECASE,
)
MARKUP_SHARE = 0.25  # share of a paragraph in tags that makes it debris
METADATA_MAX = 200  # a "Source: …" or "Updated: …" line is short
_TAG_LIKE = re.compile(r"<[^<>]{0,400}>")
_METADATA = re.compile(
    r"^\s*(?:last\s+(?:modified|updated)|updated|published|posted|first\s+published|"
    r"source|sources|copyright|date|filed|dateline)\s*:\s*\S",
    re.IGNORECASE,
)
_DATED_METADATA = re.compile(
    r"^\s*(?:last\s+(?:modified|updated)|updated|published|posted|first\s+published|date|filed)"
    r"\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_FINAL_PUNCT = ".!?;:,\"'\u201d\u2019\u2026)]"
_DATE_PATTERNS = [
    # 19 May 2013 13:50
    re.compile(
        r"(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
    ),
    # May 19, 2013 1:50
    re.compile(
        r"(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2}))?"
    ),
    # 2013-05-19 13:50 / 2013-05-19T13:50
    re.compile(r"(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})(?:[T\s](?P<H>\d{2}):(?P<M>\d{2}))?"),
]


def classify(text: str) -> Role:
    """The role of one paragraph of plain text.

    Args:
        text: the paragraph's text.
    """
    stripped = text.strip()
    if not stripped:
        return Role.BODY
    if is_plain_prose(stripped):
        return Role.BODY
    if "<" in stripped and _is_markup(stripped):  # without a "<" there is no tag
        return Role.MARKUP
    if len(stripped) <= METADATA_MAX and _METADATA.match(stripped):
        return Role.METADATA
    if stripped.startswith("#") and stripped.lstrip("#").startswith(" "):
        return Role.HEADING
    if _looks_like_heading(stripped):
        return Role.HEADING
    return Role.BODY


def is_plain_prose(stripped: str) -> bool:
    """Whether a stripped, non-empty paragraph is body text by a cheap first test.

    Ordinary prose is settled at once: too long for metadata or a heading (whose limit of
    110 characters is below this one), not a Markdown heading, and without a "<" no tag
    can make it markup. ``classify`` gives ``Role.BODY`` for every such paragraph.
    """
    return len(stripped) > METADATA_MAX and stripped[0] != "#" and "<" not in stripped


def _is_markup(text: str) -> bool:
    """Whether a paragraph is mostly page debris: tags make up a good share of it.

    A tag or two inside prose (an article about HTML, a "<b>" left in a quote) does not
    make a paragraph debris: it would then never be compared.
    """
    # Neither pattern has a capturing group: ``findall`` gives the whole matches.
    tag_chars = len("".join(_TAG.findall(text)))
    if tag_chars == 0 and ">" in text:  # a tag-like run needs a ">"
        tag_chars = len("".join(_TAG_LIKE.findall(text))) // 2
    return tag_chars >= MARKUP_SHARE * len(text)


def _looks_like_heading(text: str) -> bool:
    # The cheap tests first; splitting into words is the dearest one.
    if len(text) > 110 or text[-1] in _FINAL_PUNCT:
        return False
    if text[0] in "\"'\u201c\u2018-\u2013\u2014*\u2022":
        return False
    if len(text.split()) > 14:
        return False
    return not text[0].islower()  # scripts without capitals (Arabic, Hebrew) count too


def metadata_date(text: str) -> str | None:
    """The ISO date of a "Last Modified: 19 May 2013 13:50" style paragraph, if any."""
    match = _DATED_METADATA.match(text.strip())
    if not match:
        return None
    return parse_date(match.group("rest"))


def iso_date(value: str | None) -> str | None:
    """A date given in a file's metadata, in ISO form: "2013-05-19", "2013-05-19T13:50".

    Already-ISO values keep their minutes; anything else is read by ``parse_date``.
    """
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        day = f"{match.group(1)}-{match.group(2)}-{match.group(3)}"  # "2009/06/04" too
        return f"{day}T{match.group(4)}" if match.group(4) else day
    return parse_date(value)


_ISO_DATE = re.compile(r"\s*(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}:\d{2}))?")
# what may follow an ISO time: seconds and their fraction, then the offset from UTC
_ISO_OFFSET = re.compile(r"(?::\d{2}(?:[.,]\d+)?)?\s*(?:(Z)|([+\u2212-])(\d{2}):?(\d{2})?)\s*$")


def iso_offset(value: str | None) -> int | None:
    """The offset from UTC, in minutes, that an ISO date and time carries, if any.

    "2025-06-09T23:30:00-05:00" gives -300 and "2025-06-10T01:00:00Z" gives 0; a date
    without a time, or a time without an offset, gives None: its zone is unknown.
    """
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if not match or not match.group(4):
        return None
    offset = _ISO_OFFSET.match(value, match.end())
    if offset is None:
        return None
    if offset.group(1):
        return 0
    minutes = int(offset.group(3)) * 60 + int(offset.group(4) or 0)
    if minutes > 14 * 60:  # no place on Earth is further from UTC
        return None
    return -minutes if offset.group(2) != "+" else minutes


def parse_date(text: str) -> str | None:
    """Parse the first recognisable date in ``text`` to ISO form (minutes if given)."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        try:
            month = int(groups["mn"]) if groups.get("mn") else MONTHS[groups["m"].lower()]
            when = datetime(int(groups["y"]), month, int(groups["d"]))
        except (KeyError, ValueError):
            continue
        if groups.get("H") is not None and groups.get("M") is not None:
            hour, minute = int(groups["H"]), int(groups["M"])
            if hour < 24 and minute < 60:
                return when.replace(hour=hour, minute=minute).strftime("%Y-%m-%dT%H:%M")
        return when.strftime("%Y-%m-%d")
    return None

"""Removing what a web archive adds to a page, so its notices never reach the text.

Captures are fetched in their raw form (the ``id_`` address), which the Wayback Machine
serves without its toolbar. Some archives and mirrors add their banner, scripts or notice
anyway, and the user may paste a capture's ordinary address; the blocks they insert are
marked by fixed comments, and are cut out here by those markers before the page is read.
No library knows these markers, hence a few regular expressions.
"""

from __future__ import annotations

import re

_BLOCKS = (
    # The Wayback Machine's banner ("The Wayback Machine - https://…", capture counts).
    rb"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->",
    # Its playback scripts and styles, at the top of <head>.
    rb"<script[^>]*(?:bundle-playback|wombat|athena|archive\.org/includes)[^>]*>.*?"
    rb"<!--\s*End Wayback Rewrite JS Include\s*-->",
    # pywb-based archives (many national web archives) mark their banner this way.
    rb"<!--\s*WB Insert\s*-->.*?<!--\s*End WB Insert\s*-->",
)
_PATTERN = re.compile(b"|".join(b"(?:" + b + b")" for b in _BLOCKS), re.IGNORECASE | re.DOTALL)
_HINT = re.compile(rb"WAYBACK|WB Insert", re.IGNORECASE)


def strip_archive_markup(data: bytes) -> bytes:
    """``data`` without the blocks an archive inserts into a captured page.

    Pages without any such block (nearly all raw captures) come back unchanged.
    """
    if not _HINT.search(data):
        return data
    return _PATTERN.sub(b"", data)

"""A web page's furniture, set apart where another version of the story prints it.

A story is often read from files of several kinds: one version saved as a web page,
another printed to PDF by a browser or turned into a Word document. The web page is read
for its article; the printed page keeps everything the browser drew, so its menus ("Home |
News | Sport"), its lists of other stories and its footer would read as paragraphs added
and removed at every change of format, noise in the one list a fact-checker reads.

Each web page read for its article keeps the lines of its own menus, side lists, header
and footer (``Version.furniture``). In the story's other versions, a paragraph made only
of such lines (a printed page can run several of them together) is page debris
(``Role.MARKUP``): shown dimmed, as on the page, and never counted as a change. A
paragraph with any words of its own stays article text, so nothing the article says is
ever set apart. Web pages themselves are left as they were read: one read whole
(``--full-page``) shows what the reader asked for.

Hand-written: no library knows which lines of one file are the furniture of another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from comparer.core.model import Paragraph, Role, Version

_WEB_FORMATS = frozenset({"html", "mhtml"})


def set_apart_furniture(versions: Sequence[Version]) -> tuple[Version, ...]:
    """``versions``, with the paragraphs that are another version's page furniture set apart.

    Returns the same versions (the same objects) where nothing is set apart.
    """
    lines = {" ".join(line.split()) for v in versions for line in v.furniture}
    lines.discard("")
    if not lines:
        return tuple(versions)
    words = {word for line in lines for word in line.split()}
    longest_first = sorted(lines, key=len, reverse=True)
    out = []
    for version in versions:
        if version.source_format in _WEB_FORMATS:
            out.append(version)
            continue
        paragraphs = tuple(
            Paragraph(p.start, p.end, Role.MARKUP)
            if p.role.is_article
            and _only_furniture(version.text[p.start : p.end], words, longest_first)
            else p
            for p in version.paragraphs
        )
        pairs = zip(paragraphs, version.paragraphs, strict=True)
        changed = any(a.role is not b.role for a, b in pairs)
        out.append(replace(version, paragraphs=paragraphs) if changed else version)
    return tuple(out)


def _only_furniture(text: str, words: set[str], longest_first: list[str]) -> bool:
    """Whether ``text`` is made of furniture lines alone, with nothing of its own between."""
    flat = " ".join(text.split())
    if not flat or not set(flat.split()) <= words:
        return False  # a word no furniture line has: the paragraph says something of its own
    for line in longest_first:
        if line in flat:
            flat = flat.replace(line, " ")
    return not any(ch.isalnum() for ch in flat)

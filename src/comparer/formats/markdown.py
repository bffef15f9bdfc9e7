"""Markdown loader (markdown-it-py): headings as headings, inline markup reduced to its words.

Links keep their text, images and raw HTML are dropped, tables become one paragraph per
row. A YAML front-matter block (``---`` … ``---``), common in static-site articles, is read
by hand for ``title``, ``date`` and ``author`` lines: markdown-it has no front-matter rule
in its core, and a full YAML parser is not needed for three plain keys.
"""

from __future__ import annotations

import re
from typing import Any

from comparer.core.version import Block, Role
from comparer.formats.base import Extracted, LoadOptions, body_role
from comparer.formats.html import _iso_date
from comparer.formats.text import TextLoader, decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0]+")


class MarkdownLoader:
    """Reads ``.md`` files (recognised by their extension only: any text may be Markdown)."""

    name: str = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")

    def sniff(self, data: bytes) -> bool:
        """Markdown is text: whatever the text loader would accept."""
        return TextLoader().sniff(data)

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Decode the file, read any front matter, and render the Markdown to blocks."""
        from markdown_it import MarkdownIt

        text, encoding = decode_text(data, path)
        meta: dict[str, str] = {}
        front = _FRONT_MATTER.match(text)
        if front:
            meta = _front_matter(front.group(1))
            text = text[front.end() :]
        parser = MarkdownIt("commonmark").enable("table")
        blocks = _blocks(parser.parse(text))
        title = meta.get("title") or next((b.text for b in blocks if b.role is Role.HEADING), None)
        if meta.get("title") and (not blocks or blocks[0].role is not Role.HEADING):
            blocks.insert(0, Block(meta["title"], Role.HEADING))
        return Extracted(
            blocks=blocks,
            encoding=encoding,
            title=title,
            date=_iso_date(meta.get("date")),
            byline=meta.get("author"),
        )


def _front_matter(source: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in source.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("title", "date", "author", "updated"):
            found.setdefault(key.strip().lower(), value.strip().strip("\"'"))
    if "updated" in found:
        found["date"] = found["updated"]
    return found


def _blocks(tokens: list[Any]) -> list[Block]:
    blocks: list[Block] = []
    heading = False
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if row:
                blocks.append(Block(" | ".join(row), Role.BODY))
            row = None
        elif kind == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                if text:
                    row.append(text)
            elif text:
                blocks.append(Block(text, Role.HEADING if heading else body_role(text)))
        elif kind in ("fence", "code_block"):
            code = token.content.strip("\n")
            if code.strip():
                blocks.append(Block(code, Role.BODY))
    return blocks


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)

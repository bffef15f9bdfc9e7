"""Markdown loader (markdown-it-py): headings as headings, inline markup reduced to its words.

Links keep their text, images and raw HTML are dropped, tables become one paragraph per
row. Inline markup is parsed paragraph by paragraph, and a paragraph thick with markup
characters (or any past a budget for the whole file) is stripped with plain regular
expressions instead, because markdown-it's inline parser takes tens of microseconds per
markup character and a hostile file could hold millions.

A YAML front-matter block (``---`` … ``---``), common in static-site articles, is read by
hand for ``title``, ``date`` and ``author`` lines: markdown-it has no front-matter rule in
its core, and a full YAML parser is not needed for three plain keys.
"""

from __future__ import annotations

import re
from typing import Any

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.core.roles import iso_date, iso_offset
from comparer.formats.base import Extracted, LoadOptions, body_role
from comparer.formats.text import TextLoader, decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0]+")
_MARKUP_CHARS = re.compile(r"[*_\[\]()!<>`\\&]")
_PARAGRAPH_MARKUP_LIMIT = 5_000  # markup characters in one paragraph
_FILE_MARKUP_BUDGET = 100_000  # markup characters for the whole file
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_TAG = re.compile(r"<[^<>\n]{1,500}>")
_EMPHASIS = re.compile(r"\*\*|__|\*|`")


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
        blocks_only = MarkdownIt("commonmark").enable("table").disable("inline")
        inline = _InlineReader(MarkdownIt("commonmark"))
        env: dict[str, Any] = {}
        blocks = _blocks(blocks_only.parse(text, env), inline, env)
        title = meta.get("title") or next((b.text for b in blocks if b.role is Role.HEADING), None)
        if meta.get("title") and (not blocks or blocks[0].role is not Role.HEADING):
            blocks.insert(0, Block(meta["title"], Role.HEADING))
        return Extracted(
            blocks=blocks,
            encoding=encoding,
            title=title,
            date=iso_date(meta.get("date")),
            byline=meta.get("author"),
            utc_offset=iso_offset(meta.get("date")),
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


class _InlineReader:
    """Inline Markdown to plain text, within a budget of markup characters."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.budget = _FILE_MARKUP_BUDGET

    def text(self, source: str, env: dict[str, Any]) -> str:
        markup = len(_MARKUP_CHARS.findall(source))
        if markup == 0:
            return _fold(source.replace("\n", " "))
        if markup > _PARAGRAPH_MARKUP_LIMIT or markup > self.budget:
            return _fold(_strip_markup(source))
        self.budget -= markup
        tokens = self.parser.parseInline(source, env)
        return _inline_text(tokens[0].children or []) if tokens else ""


def _strip_markup(source: str) -> str:
    source = _IMAGE.sub("", source)
    source = _LINK.sub(r"\1", source)
    source = _TAG.sub("", source)
    return _EMPHASIS.sub("", source).replace("\n", " ")


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _blocks(tokens: list[Any], inline: _InlineReader, env: dict[str, Any]) -> list[Block]:
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
            text = inline.text(token.content, env)
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

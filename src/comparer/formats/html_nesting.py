"""Deeply nested web pages rewritten shallow, so that no text past the parser's depth is lost.

libxml2 (lxml's HTML parser) stops building the tree at 256 levels of nesting and drops
everything inside and after that point; the page then reads as a few paragraphs, or as
"no text" at all. No parser option reads an unbounded depth (``huge_tree`` only moves the
limit to 2,048), so such a page is read a second time with the standard library's
tokenizer, which has no depth limit, and written out again with every element past
``MAX_DEPTH`` levels laid side by side instead of inside each other: the text, its order
and its paragraph breaks are kept, only the pointless nesting goes.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

MAX_DEPTH = 160  # well inside libxml2's 256 levels, and Python's recursion limit downstream

# elements with no content, never pushed on the stack
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
# past the depth limit these keep their name (a heading stays a heading); other block
# elements become paragraphs, and inline elements lose their tags
_NAMED = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"})
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var", "big", "tt", "strike", "nobr",
    }
)  # fmt: skip
# whose content is never visible text
_RAW = frozenset({"script", "style", "template", "noscript", "svg", "math"})


def too_deep(error_log: object) -> bool:
    """Whether lxml's parser log says the page was cut at its depth limit."""
    return any("depth" in str(entry).lower() for entry in error_log)  # type: ignore[attr-defined]


def flatten(page: str, max_depth: int = MAX_DEPTH) -> str:
    """``page`` written again with no element nested deeper than ``max_depth``.

    Elements up to that depth are written as they were; deeper ones lose their nesting:
    each deeper block starts a new block at the limit, and inline markup keeps only its
    text. Every character of text is kept, in order.
    """
    writer = _Flattener(max_depth)
    writer.feed(page)
    writer.close()
    return writer.result()


class _Flattener(HTMLParser):
    """A tokenizer that writes the page back with its depth bounded."""

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self._max = max_depth
        self._out: list[str] = []
        self._stack: list[str] = []  # elements open at or above the limit, as written
        self._deep = 0  # elements open past the limit, not written
        self._flat: str | None = None  # the block open at the limit for deep text
        self._raw: str | None = None  # inside a script or style past the limit

    def result(self) -> str:
        """The page written so far, every open element closed."""
        self._close_flat()
        self._out.extend(f"</{tag}>" for tag in reversed(self._stack))
        self._stack.clear()
        return "".join(self._out)

    def _close_flat(self) -> None:
        if self._flat is not None:
            self._out.append(f"</{self._flat}>")
            self._flat = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Write the tag at its depth, or as a new block at the limit when deeper."""
        if self._raw is not None:
            return
        if len(self._stack) < self._max and not self._deep:
            self._out.append(self.get_starttag_text() or f"<{tag}>")
            if tag not in _VOID:
                self._stack.append(tag)
            return
        if tag in _RAW:
            self._raw = tag
            return
        if tag == "br":
            self._out.append("<br>")
        elif tag not in _INLINE and tag not in _VOID:
            self._close_flat()
            self._flat = tag if tag in _NAMED else "p"
            self._out.append(f"<{self._flat}>")
        if tag not in _VOID:
            self._deep += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed tag: written as is when shallow, a line break kept when deep."""
        if self._raw is not None:
            return
        if len(self._stack) < self._max and not self._deep:
            self._out.append(self.get_starttag_text() or f"<{tag}/>")
        elif tag == "br":
            self._out.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        """Close the element; past the limit, a block's end also ends the flat block."""
        if self._raw is not None:
            if tag == self._raw:
                self._raw = None
            return
        if self._deep:
            if tag not in _VOID:
                self._deep -= 1
            if tag not in _INLINE:
                self._close_flat()
            return
        if tag in self._stack:
            self._close_flat()
            while self._stack:
                open_tag = self._stack.pop()
                self._out.append(f"</{open_tag}>")
                if open_tag == tag:
                    break

    def handle_data(self, data: str) -> None:
        """Text, inside the open flat block when past the limit."""
        if self._raw is not None:
            return
        if self._deep and self._flat is None and data.strip():
            self._flat = "p"
            self._out.append("<p>")
        self._out.append(html.escape(data, quote=False) if self._deep else data)

    def handle_entityref(self, name: str) -> None:
        """An entity reference, passed through for lxml to read."""
        if self._raw is None:
            self.handle_data_raw(f"&{name};")

    def handle_charref(self, name: str) -> None:
        """A character reference, passed through for lxml to read."""
        if self._raw is None:
            self.handle_data_raw(f"&#{name};")

    def handle_data_raw(self, markup: str) -> None:
        """Markup that is text already (a reference), written without escaping."""
        if self._deep and self._flat is None:
            self._flat = "p"
            self._out.append("<p>")
        self._out.append(markup)

    def handle_decl(self, decl: str) -> None:
        """The doctype, kept."""
        self._out.append(f"<!{decl}>")

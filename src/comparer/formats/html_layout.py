"""Old page layouts made readable before the article is looked for in them.

News pages of the 2000s (the BBC's ``.stm`` pages and their like) lay out a page with
tables, separate paragraphs with ``<br><br>`` instead of ``<p>``, and put navigation,
"KEY STORIES" link boxes, image captions, a "Page last updated at 19:26 GMT" line and a
"Site Version" bar around the story. trafilatura reads a layout table as a data table
and such a story as one paragraph, so the page is first put in the shape it is read in:
layout tables become plain blocks, runs between double line breaks become paragraphs,
and the furniture is taken out (the "last updated" time is kept as the page's date).
Written by hand because the extraction libraries leave these old layouts to the caller.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from comparer.core.roles import parse_date

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside",
        "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "figure", "figcaption", "form", "center", "address",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "caption",
    }
)  # fmt: skip
# what inside a table's cell shows that the table lays out a page rather than holds data
_LAYOUT_CONTENT = frozenset(
    {"p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "form"}
)
_UPDATED = re.compile(
    r"^\s*(?:page\s+)?(?:last\s+)?(?:updated|modified|published)(?:\s+(?:at|on))?\s*:?\s*"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?:\s*(?P<ampm>[ap]\.?m\.?))?", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_SENTENCE_END = ".!?\"\u201d\u2019"
_CAPTION_ELEMENTS = 24  # elements in a caption's box at most (image, caption, a few spans)
_MAX_FURNITURE = 300  # characters: a link box, caption or date line is never longer


@dataclass(frozen=True)
class Layout:
    """What the page's furniture said about the page itself."""

    updated: str | None = None  # "2009-06-04T19:26" from "Page last updated at 19:26 GMT, …"


def tidy_layout(tree: Any) -> Layout:
    """Reshape an old-style page in place (see the module's docstring) and say what it found."""
    body = tree.find("body")
    root = body if body is not None else tree
    _unwrap_layout_tables(root)
    _paragraphs_from_breaks(root)
    updated = _take_updated_lines(root)
    _drop_captions(root)
    _drop_link_boxes(root)
    _drop_empty_box_titles(root)
    return Layout(updated=updated)


def _tag(element: Any) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _text(element: Any) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _remove(element: Any) -> None:
    """Take ``element`` out of the tree, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + " " + tail
        else:
            parent.text = (parent.text or "") + " " + tail
    parent.remove(element)


def _unwrap_layout_tables(root: Any) -> None:
    """Tables that lay out the page (blocks or paragraph breaks in cells) become divs."""
    for table in reversed(list(root.iter("table"))):
        cells = list(table.iter("td", "th"))
        layout = any(
            _tag(inner) in _LAYOUT_CONTENT for cell in cells for inner in cell.iterdescendants()
        ) or any(_double_breaks(cell) for cell in cells)
        if layout:
            parts = table.iterdescendants("thead", "tbody", "tfoot", "tr", "td", "th")
            for element in [table, *parts]:
                element.tag = "div"


def _double_breaks(element: Any) -> bool:
    children = list(element)
    return any(
        _tag(a) == "br" and _tag(b) == "br" and not (a.tail or "").strip()
        for a, b in zip(children, children[1:], strict=False)
    )


def _paragraphs_from_breaks(root: Any) -> None:
    """Text separated by two or more ``<br>`` becomes paragraphs of its own."""
    for parent in [e for e in root.iter() if _tag(e) and _double_breaks(e)]:
        _split_at_double_breaks(parent)


def _split_at_double_breaks(parent: Any) -> None:
    from lxml import etree

    children = list(parent)
    pieces: list[Any] = []  # new children: paragraphs and the blocks kept as they were
    run_text = parent.text or ""
    run: list[Any] = []

    def flush() -> None:
        nonlocal run_text
        while run and _tag(run[-1]) == "br" and not (run[-1].tail or "").strip():
            run.pop()
        if run_text.strip() or any(_text(n) or (n.tail or "").strip() for n in run):
            paragraph = etree.Element("p")
            paragraph.text = run_text
            for node in run:
                paragraph.append(node)
            pieces.append(paragraph)
        run_text = ""
        run.clear()

    index = 0
    while index < len(children):
        child = children[index]
        if _tag(child) in _BLOCK_TAGS:
            flush()
            run_text, child.tail = child.tail or "", None
            pieces.append(child)
        elif _tag(child) == "br" and _break_follows(children, index):
            flush()
            while _break_follows(children, index):
                index += 1
            run_text = children[index].tail or ""
        else:
            run.append(child)
        index += 1
    flush()
    parent.text = None
    for child in list(parent):
        parent.remove(child)
    for piece in pieces:
        parent.append(piece)
    if _tag(parent) == "p":  # a paragraph cannot hold paragraphs
        parent.tag = "div"


def _break_follows(children: list[Any], index: int) -> bool:
    """Whether another ``<br>`` follows ``children[index]`` with only space between."""
    return (
        index + 1 < len(children)
        and _tag(children[index + 1]) == "br"
        and not (children[index].tail or "").strip()
    )


def _leaf_blocks(root: Any) -> list[Any]:
    """Block elements with no block inside them, deepest first (one pass over the tree)."""
    holds_block: set[Any] = set()  # elements with a block somewhere inside
    leaves = []
    for element in reversed(list(root.iter())):  # children before their parents
        if _tag(element) in _BLOCK_TAGS:
            if element not in holds_block:
                leaves.append(element)
            parent = element.getparent()
            if parent is not None:
                holds_block.add(parent)
        elif element in holds_block:
            parent = element.getparent()
            if parent is not None:
                holds_block.add(parent)
    return leaves


def _take_updated_lines(root: Any) -> str | None:
    """Remove "Page last updated at 19:26 GMT, 4 June 2009" lines; return the first as a date."""
    found: str | None = None
    for block in _leaf_blocks(root):
        text = _text(block)
        match = _UPDATED.match(text) if len(text) < 120 else None
        if not match:
            continue
        when = _date_and_time(match.group("rest"))
        if when is None:
            continue
        found = found or when
        _remove(block)
    return found


def _date_and_time(text: str) -> str | None:
    """``2009-06-04T19:26`` from "19:26 GMT, Thursday, 4 June 2009"; None without a date."""
    day = parse_date(_CLOCK.sub(" ", text))
    if day is None:
        return None
    clock = _CLOCK.search(text)
    if clock is None:
        return day
    hour, minute = int(clock.group("h")), int(clock.group("m"))
    ampm = (clock.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{day[:10]}T{hour:02d}:{minute:02d}"


def _drop_captions(root: Any) -> None:
    """Remove an image's caption: the small box that holds the image and a line of text."""
    for figure in list(root.iter("figcaption")):
        _remove(figure)
    for image in list(root.iter("img")):
        box = image.getparent()
        for _ in range(4):
            if box is None or _tag(box) in ("p", "li", "body", "article", "main"):
                break
            if next(itertools.islice(box.iter(), _CAPTION_ELEMENTS, None), None) is not None:
                break  # a box this large holds more than a picture and its caption
            text = _text(box)
            if text:
                blocks = [d for d in box.iterdescendants() if _tag(d) in _BLOCK_TAGS and _text(d)]
                paragraphs = any(_tag(d) == "p" for d in blocks)  # the story, not a caption
                small = len(text) < 200 and len(blocks) <= 2 and not paragraphs
                if small and _tag(box) in _BLOCK_TAGS | {"span"}:
                    _remove(box)
                break
            box = box.getparent()


def _drop_link_boxes(root: Any) -> None:
    """Remove short blocks that are mostly links: menus, link lists, "Site Version" bars."""
    for block in _leaf_blocks(root):
        if block.getparent() is None or _tag(block) in ("h1", "h2"):
            continue
        text = _text(block)
        if not text or len(text) > _MAX_FURNITURE:
            continue
        linked = sum(len(_text(a)) for a in block.iter("a"))
        # a sentence full of links (a wiki's paragraph) ends like a sentence; menus do not
        if linked >= 0.5 * len(text) and text[-1] not in _SENTENCE_END:
            _remove(block)


def _box_title(element: Any) -> bool:
    """A short line in capitals, as link boxes are titled ("KEY STORIES")."""
    text = _text(element)
    letters = [c for c in text if c.isalpha()]
    return 0 < len(text) <= 60 and len(letters) >= 3 and all(c.isupper() for c in letters)


def _drop_empty_box_titles(root: Any) -> None:
    """Remove box titles whose box is gone: nothing but other titles follows them."""
    for block in _leaf_blocks(root):
        if block.getparent() is None or not _box_title(block):
            continue
        following = block.getnext()
        empty = not (block.tail or "").strip()
        while empty and following is not None:
            if _box_title(following):
                break
            empty = not _text(following) and not (following.tail or "").strip()
            following = following.getnext()
        if empty:
            _remove(block)

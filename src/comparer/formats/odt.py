"""OpenDocument text (``.odt``) loader, reading the package's XML directly.

Read with zip + lxml rather than odfpy: odfpy parses with SAX into a full object model
and offers no way to cap sizes, while the few elements an article uses (headings,
paragraphs, lists, tables, notes) are simple to walk. Tracked changes read as accepted:
deleted text lives in ``text:tracked-changes``, which is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.formats.base import Extracted, LoadOptions, body_role, saved_time
from comparer.formats.errors import LoadError
from comparer.formats.package import open_package, parse_xml, read_member

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_KIND = "OpenDocument text"
_SPACES = re.compile(r"[ \t\u00a0]+")
_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _H = _q("text:p"), _q("text:h")
_LIST, _ITEM, _HEADER = _q("text:list"), _q("text:list-item"), _q("text:list-header")
_SECTION = _q("text:section")
_TABLE, _ROW, _CELL = _q("table:table"), _q("table:table-row"), _q("table:table-cell")
_ROW_GROUPS = frozenset(
    {_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")}
)
_NOTE, _NOTE_CITATION, _NOTE_BODY = _q("text:note"), _q("text:note-citation"), _q("text:note-body")
_SKIP_INLINE = frozenset(
    {_q("office:annotation"), _q("text:tracked-changes"), _q("text:bookmark-ref")}
)
_STYLE_NAME = _q("text:style-name")


class OdtLoader:
    """Reads OpenDocument text files (LibreOffice Writer's own format)."""

    name: str = "odt"
    extensions: tuple[str, ...] = (".odt", ".ott")

    def sniff(self, data: bytes) -> bool:
        """A zip archive whose ``mimetype`` member names OpenDocument text."""
        return data.startswith(b"PK\x03\x04") and _MIMETYPE in data[:200]

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Read the document body, then the notes it cites."""
        archive = open_package(data, path, _KIND)
        manifest = read_member(archive, "META-INF/manifest.xml", path, _KIND)
        if manifest is not None and b"encryption-data" in manifest:
            raise LoadError(path, "is password-protected; save an unprotected copy and open that")
        content = read_member(archive, "content.xml", path, _KIND)
        if content is None:
            raise LoadError(path, "is a zip archive but not an OpenDocument text (no content.xml)")
        root = parse_xml(content, path, _KIND, "content.xml")
        styles_blob = read_member(archive, "styles.xml", path, _KIND)
        styles_root = parse_xml(styles_blob, path, _KIND, "styles.xml") if styles_blob else None
        reader = _Reader(_style_parents(root, styles_root))
        body = root.find(f"{_q('office:body')}/{_q('office:text')}")
        if body is None:
            raise LoadError(path, "is an OpenDocument file but not a text document")
        blocks = list(reader.read(body))
        for number, note in enumerate(reader.notes, start=1):
            blocks.append(Block(f"[{number}] {note}", Role.BODY))
        title = _meta_title(archive, path)
        if title is None:
            title = next((b.text for b in reader.titles), None)
        return Extracted(blocks=blocks, title=title, saved=_meta_saved(archive, path))


def _meta_title(archive: Any, path: str) -> str | None:
    return _meta_text(archive, path, "dc:title")


def _meta_saved(archive: Any, path: str) -> str | None:
    """When the document's metadata says it was last saved (``dc:date``), if it says so."""
    return saved_time(_meta_text(archive, path, "dc:date"))


def _meta_text(archive: Any, path: str, name: str) -> str | None:
    blob = read_member(archive, "meta.xml", path, _KIND)
    if not blob:
        return None
    element = parse_xml(blob, path, _KIND, "meta.xml").find(f".//{_q(name)}")
    text = (element.text or "").strip() if element is not None else ""
    return text or None


def _style_parents(*roots: Any) -> dict[str, str]:
    """Style name → parent style name, from automatic and named styles."""
    parents: dict[str, str] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(_q("style:style")):
            name = style.get(_q("style:name"))
            parent = style.get(_q("style:parent-style-name"))
            if name and parent:
                parents[name] = parent
    return parents


class _Reader:
    def __init__(self, parents: dict[str, str]) -> None:
        self.parents = parents
        self.notes: list[str] = []
        self.titles: list[Block] = []

    def _base_style(self, name: str) -> str:
        seen = 0
        while seen < 20:
            low = name.lower()
            if low.startswith(("heading", "title", "subtitle")):
                return low
            if name not in self.parents:
                return low
            name = self.parents[name]
            seen += 1
        return name.lower()

    def read(self, container: Any) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == _H:
                text = self.inline(child)
                if text:
                    yield Block(text, Role.HEADING)
            elif tag == _P:
                text = self.inline(child)
                if not text:
                    continue
                style = self._base_style(child.get(_STYLE_NAME, ""))
                heading = style.startswith(("heading", "title", "subtitle"))
                role = Role.HEADING if heading else body_role(text)
                block = Block(text, role)
                if style == "title":
                    self.titles.append(block)
                yield block
            elif tag in (_LIST, _ITEM, _HEADER, _SECTION):
                yield from self.read(child)
            elif tag == _TABLE:
                yield from self._table(child)

    def _table(self, table: Any) -> Iterator[Block]:
        for row in _rows(table):
            cells = []
            for cell in row:
                if cell.tag != _CELL:
                    continue
                parts = [self.inline(p) for p in cell.iter(_P, _H)]
                text = " ".join(p for p in parts if p)
                if text:
                    cells.append(text)
            if cells:
                yield Block(" | ".join(cells), Role.BODY)

    def inline(self, element: Any) -> str:
        """The text of a paragraph or heading, with notes cited as ``[n]``."""
        parts: list[str] = [element.text or ""]
        stack: list[tuple[Iterator[Any], Any]] = [(iter(element), element)]
        while stack:
            iterator, parent = stack[-1]
            child = next(iterator, None)
            if child is None:
                stack.pop()
                if stack:
                    parts.append(parent.tail or "")
                continue
            tag = child.tag
            descend = False
            if isinstance(tag, str) and tag not in _SKIP_INLINE:
                if tag == _q("text:s"):
                    try:
                        count = int(child.get(_q("text:c"), "1"))
                    except ValueError:
                        count = 1
                    parts.append(" " * min(max(count, 1), 100))
                elif tag == _q("text:tab"):
                    parts.append(" ")
                elif tag == _q("text:line-break"):
                    parts.append("\n")
                elif tag == _NOTE:
                    body = child.find(_NOTE_BODY)
                    if body is not None:
                        texts = [self.inline(p) for p in body.iter(_P, _H)]
                        self.notes.append(" ".join(t for t in texts if t))
                        parts.append(f"[{len(self.notes)}]")
                elif tag in (_P, _H):
                    parts.append(" ")
                    descend = True
                elif not tag.startswith("{urn:oasis:names:tc:opendocument:xmlns:drawing"):
                    descend = True
            if descend:
                parts.append(child.text or "")
                stack.append((iter(child), child))
            else:
                parts.append(child.tail or "")
        text = "".join(parts).replace("\u00ad", "")
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(line for line in lines if line)


def _rows(container: Any) -> Iterator[Any]:
    """The rows of a table in order, looking inside row groups but not nested tables."""
    for child in container:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)

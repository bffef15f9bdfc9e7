"""Word ``.docx`` loader: paragraphs, headings, lists, tables, footnotes, tracked changes.

python-docx opens the package and resolves styles, but its ``Paragraph.text`` skips text
inside ``w:ins`` (tracked insertions) and sees nothing of footnotes, so the paragraph
text is gathered here by walking the XML: insertions kept, deletions, hidden runs and
field codes dropped, which reads the document as if every tracked change were accepted.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.formats.base import Extracted, LoadOptions, body_role, saved_time
from comparer.formats.errors import LoadError
from comparer.formats.package import TOO_DEEP, open_package, parse_xml, read_member

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_KIND = "Word document"
_UNDEFINED_ENTITY = re.compile(r"Entity '([^']{1,40})' not defined")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


# Subtrees whose text is not part of the accepted document.
_SKIP = frozenset(
    {
        _w("del"), _w("moveFrom"), _w("delText"), _w("instrText"), _w("delInstrText"),
        _w("pPr"), _w("rPr"), _w("txbxContent"), _w("commentReference"),
        f"{{{_MC}}}Fallback",
    }
)
_HEADING_STYLES = ("heading", "title", "subtitle")
_NOTE_FURNITURE = ("separator", "continuationSeparator", "continuationNotice")


_DOCUMENT_MAIN = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
# Macro-enabled documents (.docm) and templates (.dotx, .dotm) hold the same body XML under
# another content type, which python-docx refuses to open.
_OTHER_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _as_plain_document(archive: zipfile.ZipFile, types: bytes, data: bytes, path: str) -> bytes:
    """``data``, or for a macro-enabled document or a template, a copy labelled as a document.

    Only the label of the main part changes, in a copy made in memory: the body is read
    the same way, the macros are never run, and the user's file is not touched.
    """
    other = next((t for t in _OTHER_MAINS if t in types), None)
    if other is None:
        return data
    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as out:
        for info in archive.infolist():
            if info.filename == "[Content_Types].xml":
                out.writestr(info.filename, types.replace(other, _DOCUMENT_MAIN))
            else:
                out.writestr(info.filename, read_member(archive, info.filename, path, _KIND) or b"")
    return copy.getvalue()


class DocxLoader:
    """Reads Word 2007+ documents: ``.docx``, and ``.docm``, ``.dotx``, ``.dotm`` alike."""

    name: str = "docx"
    extensions: tuple[str, ...] = (".docx", ".docm", ".dotx", ".dotm")

    def sniff(self, data: bytes) -> bool:
        """A zip archive holding a ``word/`` folder."""
        return (
            data.startswith(b"PK\x03\x04") and b"word/" in data and b"[Content_Types].xml" in data
        )

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Read the document's body, then its footnotes and endnotes."""
        archive = open_package(data, path, _KIND)
        types = read_member(archive, "[Content_Types].xml", path, _KIND)
        if types is None:
            raise LoadError(path, "is a zip archive but not a Word document (no content types)")
        data = _as_plain_document(archive, types, data, path)
        document = _open_document(data, path)
        body = document.element.find(_w("body"))
        if body is None:
            raise LoadError(path, "is a damaged Word document (its main part holds no text body)")
        try:
            styles = _style_names(document)
        except (AttributeError, KeyError, ValueError):
            styles = {}  # a style sheet python-docx cannot reach: read the text without it
        reader = _BodyReader(styles)
        reader.notes["footnote"] = _notes(document, path, "footnotes", "footnote")
        reader.notes["endnote"] = _notes(document, path, "endnotes", "endnote")
        blocks = list(reader.read(body))
        blocks.extend(reader.cited_notes())
        title = next((b.text for b in reader.titles), None)
        if title is None:
            title = _core_title(document)
        return Extracted(blocks=blocks, title=title, saved=_core_saved(document))


def _open_document(data: bytes, path: str) -> Any:
    """The python-docx document in ``data``, or a LoadError saying what is wrong with it."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        entity = _UNDEFINED_ENTITY.search(str(exc))
        if entity:
            problem = f"its text uses an entity it never defines (&{entity.group(1)};)"
        elif TOO_DEEP in str(exc):
            problem = "is nested too deeply to read (its XML goes over 256 levels)"
            raise LoadError(path, problem, str(exc)) from None
        else:
            problem = "one of its parts is not well-formed XML"
        raise LoadError(path, f"is a damaged Word document ({problem})", str(exc)) from None
    except (AttributeError, TypeError) as exc:
        # python-docx expects each part's root element; another one leaves it stranded
        problem = "is a damaged Word document (one of its parts is not what its name says)"
        raise LoadError(path, problem, repr(exc)) from None
    except PackageNotFoundError as exc:
        raise LoadError(path, "is not a Word document (no main document in it)", str(exc)) from None
    except KeyError as exc:
        problem = "is a damaged Word document (a part it refers to is missing)"
        raise LoadError(path, problem, repr(exc)) from None
    except ValueError as exc:
        raise LoadError(path, "is a damaged Word document", str(exc)) from None


def _core_title(document: Any) -> str | None:
    """The title in the document's properties, if it has one python-docx can read."""
    try:
        return (document.core_properties.title or "").strip() or None
    except (AttributeError, KeyError, ValueError):
        return None


def _core_saved(document: Any) -> str | None:
    """When the document's properties say it was last saved (UTC), if they say so."""
    try:
        moment = document.core_properties.modified
    except (AttributeError, KeyError, ValueError):
        return None
    if not isinstance(moment, datetime):
        return None
    if moment.tzinfo is None:  # python-docx gives the property's UTC time without a zone
        moment = moment.replace(tzinfo=UTC)
    return saved_time(moment.isoformat())


def _style_names(document: Any) -> dict[str, str]:
    """Style id → lower-case name, with headings' base styles followed.

    Read from the style sheet's XML with one index by id: python-docx's ``base_style``
    searches every style for each step, which made a sheet of thousands of styles
    (each based on the one before) take minutes.
    """
    sheet = document.styles.element
    styles: list[tuple[str, str, str | None]] = []  # (id, lower-case name, base id)
    first_by_id: dict[str, tuple[str, str | None]] = {}
    for element in sheet.iterchildren(_w("style")):
        if element.get(_w("type")) == "numbering":
            continue  # numbering styles name lists, never paragraphs
        style_id = element.get(_w("styleId"))
        name_el = element.find(_w("name"))
        based_on = element.find(_w("basedOn"))
        name = ((name_el.get(_w("val")) if name_el is not None else None) or "").lower()
        base = based_on.get(_w("val")) if based_on is not None else None
        if style_id is None:
            continue
        styles.append((style_id, name, base))
        first_by_id.setdefault(style_id, (name, base))
    names: dict[str, str] = {}
    for style_id, name, base in styles:
        depth = 0
        while not name.startswith(_HEADING_STYLES) and base is not None and depth < 10:
            found = first_by_id.get(base)
            if found is None:
                break
            if found[0].startswith(_HEADING_STYLES):
                name = found[0]
            base = found[1]
            depth += 1
        names[style_id] = name
    return names


def _notes(document: Any, path: str, part_name: str, tag: str) -> dict[str, str]:
    """Footnote or endnote id → its text."""
    found: dict[str, str] = {}
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith(f"/{part_name}.xml"):
            root = parse_xml(part.blob, path, _KIND, part_name)
            for note in root.iter(_w(tag)):
                if note.get(_w("type")) in _NOTE_FURNITURE:
                    continue
                texts = [_paragraph_text(p, {}) for p in note.iter(_w("p"))]
                text = " ".join(t for t in texts if t)
                if text:
                    found[note.get(_w("id"), "")] = text
            break
    return found


class _BodyReader:
    """Walks the body, keeping titles found and the order notes are cited in."""

    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.titles: list[Block] = []
        self.notes: dict[str, dict[str, str]] = {}
        self.citations: list[tuple[str, str]] = []  # (kind, id) in order of citation
        self._pending = ""  # text of a paragraph whose mark was deleted: joins the next

    def read(self, container: Any) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == _w("p"):
                yield from self._paragraph(child)
            elif tag == _w("tbl"):
                yield from self._table(child)
            elif tag in (_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")):
                inner = child.find(_w("sdtContent")) if tag == _w("sdt") else child
                if inner is not None:
                    yield from self.read(inner)
        if self._pending:
            yield Block(self._pending)
            self._pending = ""

    def _paragraph(self, p: Any) -> Iterator[Block]:
        text = _paragraph_text(p, self.notes, self.citations)
        ppr = p.find(_w("pPr"))
        if ppr is not None:
            mark = ppr.find(_w("rPr"))
            if mark is not None and mark.find(_w("del")) is not None:
                # the paragraph mark is a tracked deletion: accepted, this joins the next
                self._pending = f"{self._pending} {text}".strip()
                return
        if self._pending:
            text = f"{self._pending} {text}".strip()
            self._pending = ""
        if not text:
            return
        role: Role | None = None
        style = ""
        if ppr is not None:
            style_el = ppr.find(_w("pStyle"))
            if style_el is not None:
                style = self.styles.get(style_el.get(_w("val"), ""), "")
            outline = ppr.find(_w("outlineLvl"))
            if outline is not None and outline.get(_w("val"), "9") < "9":
                role = Role.HEADING
        if style.startswith(_HEADING_STYLES):
            role = Role.HEADING
        block = Block(text, role or body_role(text))
        if style == "title":
            self.titles.append(block)
        yield block

    def _table(self, table: Any) -> Iterator[Block]:
        for row in table.iter(_w("tr")):
            if _nearest(row, _w("tbl")) is not table:
                continue
            cells = []
            for cell in row.iter(_w("tc")):
                if _nearest(cell, _w("tr")) is not row:
                    continue
                texts = [
                    _paragraph_text(p, self.notes, self.citations)
                    for p in cell.iter(_w("p"))
                ]
                cell_text = " ".join(t for t in texts if t)
                if cell_text:
                    cells.append(cell_text)
            if cells:
                yield Block(" | ".join(cells), Role.BODY)

    def cited_notes(self) -> list[Block]:
        blocks = []
        for number, (kind, note_id) in enumerate(self.citations, start=1):
            text = self.notes.get(kind, {}).get(note_id)
            if text:
                blocks.append(Block(f"[{number}] {text}", Role.BODY))
        return blocks


def _nearest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _paragraph_text(
    p: Any,
    notes: dict[str, dict[str, str]],
    citations: list[tuple[str, str]] | None = None,
) -> str:
    """The accepted text of paragraph ``p``, with note citations as ``[n]``."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _w("r"):
            rpr = child.find(_w("rPr"))
            if rpr is not None and rpr.find(_w("vanish")) is not None:
                continue
        if tag == _w("t"):
            parts.append(child.text or "")
            # an entity the parser left unresolved ("Before &x; after.") is a child node:
            # the text after it is its tail, kept as the OpenDocument loader keeps it
            parts.extend(inner.tail or "" for inner in child)
        elif tag in (_w("tab"), _w("ptab")):
            parts.append(" ")
        elif tag in (_w("br"), _w("cr")):
            parts.append("\n")
        elif tag == _w("noBreakHyphen"):
            parts.append("-")
        elif tag in (_w("footnoteReference"), _w("endnoteReference")) and citations is not None:
            kind = "footnote" if tag == _w("footnoteReference") else "endnote"
            citations.append((kind, child.get(_w("id"), "")))
            parts.append(f"[{len(citations)}]")
        elif tag == _w("p") and parts:
            parts.append(" ")  # nested paragraph (e.g. in a content control)
            stack.append(iter(child))
        else:
            stack.append(iter(child))
    text = "".join(parts).replace("\u00ad", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)

"""Web page loader: the article of an HTML page (trafilatura), or the page's visible text.

trafilatura finds the article and drops navigation, adverts, "most read" boxes, cookie
banners and footers; it is given the page as a string, never a URL, so nothing is fetched.
Two things are done by hand: decoding the bytes (to record the encoding used, honouring
``<meta charset>``) and the full-page mode, a plain walk over lxml's tree that keeps
visible text in blocks, because no library offers "all visible text, in paragraphs".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.core.roles import iso_date, iso_offset
from comparer.formats.base import Extracted, LoadOptions, body_role
from comparer.formats.errors import LoadError
from comparer.formats.html_layout import tidy_layout
from comparer.formats.html_nesting import MAX_DEPTH, flatten, too_deep
from comparer.formats.text import decode_text

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)[\s/>]",
    re.IGNORECASE | re.DOTALL,
)
_FRAGMENT_START = re.compile(
    rb"^(?:\s|<!--.*?-->)*<(?:meta|title|div|p|span|article|section|table|h[1-6]|ul|ol|"
    rb"b|i|a|br|style|link|base|strong|em|blockquote|figure|header|main)[\s/>]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:!doctype\s+html|html[\s>]|body[\s>])", re.IGNORECASE)
_CF_HTML = re.compile(rb"^Version:\d+\.\d+\s.*?StartHTML:\s*(-?\d+)", re.DOTALL)
# trafilatura takes about 50 microseconds per element; past this many, the page's full
# text is shown instead, so that loading stays within a few seconds
_MAX_TREE_ELEMENTS = 60_000

_DROPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "head", "select", "option", "button", "input", "textarea",
        "audio", "video", "map", "dialog",
    }
)
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside",
        "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "tr", "figure", "figcaption", "form", "fieldset", "legend", "hr", "address",
        "details", "summary", "caption", "center", "body", "html",
        "h1", "h2", "h3", "h4", "h5", "h6",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_DATE_META = (
    "article:modified_time", "og:updated_time", "dateModified", "last-modified",
    "article:published_time", "datePublished", "OriginalPublicationDate", "date", "dc.date",
    "pubdate",
)
_JSON_LD_DATE = re.compile(r'"(dateModified|datePublished)"\s*:\s*"([^"]{8,40})"')


class HtmlLoader:
    """Reads saved web pages (``.html``, ``.htm``) and HTML pasted from the clipboard."""

    name: str = "html"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, data: bytes) -> bool:
        """A page that opens with HTML markup, or declares itself HTML near its start."""
        head = _utf8_head(data)
        if _CF_HTML.match(head):
            return True
        return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))

    def sniff_fragment(self, data: bytes) -> bool:
        """Whether ``data`` opens with an HTML tag, as HTML copied to the clipboard does.

        Weaker than ``sniff``: a text file may start with a stray tag too, so this is
        used only where no file name says what the data is.
        """
        return bool(_FRAGMENT_START.match(_utf8_head(data)))

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Decode the page and extract its article (or, with ``full_page``, all its text).

        A fragment of a page (HTML copied to the clipboard: no ``<html>`` or ``<body>``,
        or marked by ``StartFragment`` comments) is already what the user chose, so all
        of its text is kept.
        """
        html, encoding = decode_html(data, path)
        start = html.find("<!--StartFragment-->")
        end = html.find("<!--EndFragment-->")
        if 0 <= start < end:
            html = html[start + len("<!--StartFragment-->") : end]
            options = LoadOptions(full_page=True)
        elif not self.sniff(_utf8_head(html[:4096].encode("utf-8"))):
            options = LoadOptions(full_page=True)
        return extract_html(html, encoding, path, options)


def _utf8_head(data: bytes) -> bytes:
    head = data[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", errors="replace").encode("utf-8")
    return head


def decode_html(data: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Decode an HTML page's bytes: BOM, then ``declared`` or ``<meta charset>``, then detection.

    Returns:
        The page as text and the name of the encoding used.
    """
    cf = _CF_HTML.match(data[:4096])
    if cf:
        # Windows clipboard HTML: a header of byte offsets precedes the markup
        start = int(cf.group(1))
        data = data[start:] if 0 < start < len(data) else data[data.find(b"<") :]
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, path)
    candidates = []
    if declared:
        candidates.append(declared)
    meta = _META_CHARSET.search(data[:8192])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in candidates:
        name = name.strip().lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"  # what browsers do, by the HTML standard
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    return decode_text(data, path)


def extract_html(html: str, encoding: str, path: str, options: LoadOptions) -> Extracted:
    """The article (or the full page's text) of the page ``html``.

    Raises:
        LoadError: the page cannot be parsed, or is too deeply nested or too large.
    """
    notes: list[str] = []
    tree = _parse(html, path, notes)
    if options.full_page:
        result = _full_page(tree, encoding, path, len(html))
        result.notes[:0] = notes
        return result
    import trafilatura

    page_title = _page_title(tree)
    page_date, page_offset = _meta_date(tree)  # before trafilatura edits the tree
    furniture = _page_furniture(tree)
    if sum(1 for _ in tree.iter()) > _MAX_TREE_ELEMENTS:
        result = _full_page(tree, encoding, path, len(html))
        result.notes[:0] = notes
        result.notes.append("The page is too large to find its article: showing all its text.")
        return result
    layout = tidy_layout(tree)
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            as_dict=False,
            config=_trafilatura_config(),
        )
    except RecursionError:
        document = None
    body = getattr(document, "body", None) if document is not None else None
    blocks = list(_article_blocks(body)) if body is not None else []
    if not any(b.text.strip() for b in blocks):
        result = _full_page(_parse(html, path), encoding, path, len(html))
        result.notes[:0] = notes
        result.notes.append("No article was found in the page: showing all its text.")
        return result
    title = _clean(getattr(document, "title", None) or "") or page_title
    if title and _clean(blocks[0].text) != title:
        blocks.insert(0, Block(title, Role.HEADING))
    found_date = getattr(document, "date", None)
    own_date = page_date or iso_date(found_date)
    date = _with_time(own_date, layout.updated)
    # the offset is known only for the date that carried it, not a time taken from the text
    offset = (page_offset if page_date else iso_offset(found_date)) if date == own_date else None
    byline = _clean(getattr(document, "author", None) or "") or None
    article = {_clean(b.text) for b in blocks}
    return Extracted(
        blocks=blocks, encoding=encoding, title=title or None, date=date, byline=byline,
        notes=notes, utc_offset=offset,
        furniture=tuple(line for line in furniture if line not in article),
    )


_FURNITURE = ("nav", "header", "footer", "aside")
_OWN_PARTS = ("header", "footer")  # of an article: its title and byline, not the page's


def _page_furniture(tree: Any) -> tuple[str, ...]:
    """The lines of the page's menus, side lists, header and footer, in page order.

    Kept with the article so that a story can tell them in another version of the page
    that was printed whole (a browser's PDF): see :mod:`comparer.core.furniture`. An
    article's own header and footer are not furniture, nor is anything the article holds.
    """
    lines: list[str] = []
    for element in tree.iter(*_FURNITURE):
        ancestors = [a.tag for a in element.iterancestors()]
        if any(tag in _FURNITURE for tag in ancestors):
            continue  # read with the furniture around it
        if element.tag in _OWN_PARTS and "article" in ancestors:
            continue
        for text, _heading in _visible_blocks(element):
            lines.extend(line for line in text.split("\n") if line)
    return tuple(dict.fromkeys(lines))


@functools.cache
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE_ELEMENTS))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout in threads
    # The date comes from the page's markup (meta tags, <time>, date classes), never from a
    # guess over every date-like string in the text: that guess read "Paragraph 1995" as
    # 1 January 1995, and on a long page took most of the loading time.
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    # Below this many characters trafilatura distrusts its result and falls back to a
    # baseline that runs the whole page into one paragraph; short articles are real.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    return config


def _parse(html: str, path: str, notes: list[str] | None = None) -> Any:
    """The page's tree; a page nested past the parser's depth limit is read flattened.

    ``notes`` receives a line saying so, since the page's nesting is then not kept.
    """
    import lxml.html
    from lxml import etree

    # lxml refuses str input with an encoding declaration; the page is already decoded
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html[:1024]) + html[1024:]
    if not html.strip():
        raise LoadError(path, "is an empty web page")

    def parse(markup: str) -> tuple[Any, Any]:
        parser = lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, huge_tree=False,
            remove_blank_text=False,
        )
        try:
            return lxml.html.document_fromstring(markup, parser=parser), parser.error_log
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
            if too_deep(parser.error_log):
                return None, parser.error_log
            raise LoadError(
                path,
                "is not a readable web page: its markup is damaged beyond repair",
                f"{type(exc).__name__}: {exc}",
            ) from None
        except RecursionError:
            return None, ["depth"]

    tree, log = parse(html)
    if tree is None or too_deep(log):
        tree, log = parse(flatten(html))
        if tree is None or too_deep(log):
            raise LoadError(path, "is a web page nested too deeply to read")
        if notes is not None:
            notes.append(
                f"The page is nested more than {MAX_DEPTH} elements deep: "
                "its text is all read, but its deepest elements are laid out side by side."
            )
    return tree


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _article_blocks(body: Any) -> Iterator[Block]:
    """Blocks from trafilatura's output tree (head, p, list/item, table/row/cell, quote)."""
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            text = _clean(child.text_content() if hasattr(child, "text_content") else _text(child))
            if text:
                yield Block(text, Role.HEADING)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_clean(_text(cell)) for cell in row if cell.tag == "cell"]
                line = " | ".join(c for c in cells if c)
                if line:
                    yield Block(line, Role.BODY)
        elif tag in ("list", "quote", "div", "section") or (
            tag == "item" and any(c.tag in ("p", "list", "quote") for c in child)
        ):
            if (child.text or "").strip():
                yield Block(_clean(child.text or ""))
            yield from _article_blocks(child)
            if (child.tail or "").strip() and tag != "item":
                yield Block(_clean(child.tail or ""))
        elif tag in ("p", "item", "code", "quote"):
            for piece in _split_breaks(child):
                if piece:
                    yield Block(piece, body_role(piece))
        elif tag:
            text = _clean(_text(child))
            if text:
                yield Block(text)


def _text(element: Any) -> str:
    return "".join(element.itertext())


def _split_breaks(element: Any) -> list[str]:
    """The element's text, split into paragraphs at line breaks (``<lb/>``)."""
    pieces: list[str] = [element.text or ""]
    for sub in element.iter():
        if sub is element:
            continue
        if sub.tag == "lb":
            pieces.append("\n\n")
        else:
            pieces.append(sub.text or "")
        pieces.append(sub.tail or "")
    return [_clean(p) for p in "".join(pieces).split("\n\n")]


def _page_title(tree: Any) -> str:
    found = tree.find(".//title")
    return _clean(found.text_content()) if found is not None else ""


def _meta_date(tree: Any) -> tuple[str | None, int | None]:
    """The page's own most recent date, to the minute when it says so, and its UTC offset.

    The offset (in minutes) is None when the page gives none: a time without a zone.
    """
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key.lower(), content)
    for key in _DATE_META:
        if key.lower() in values:
            found = iso_date(values[key.lower()])
            if found:
                return found, iso_offset(values[key.lower()])
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            found_dates = dict(_JSON_LD_DATE.findall(script.text or ""))
            for key in ("dateModified", "datePublished"):
                found = iso_date(found_dates.get(key))
                if found:
                    return found, iso_offset(found_dates.get(key))
    for time in tree.iter("time"):
        found = iso_date(time.get("datetime"))
        if found:
            return found, iso_offset(time.get("datetime"))
    return None, None


def _with_time(date: str | None, updated: str | None) -> str | None:
    """The page's date, with the time of its "last updated" line when the date has none."""
    if date is None:
        return updated
    if updated is not None and "T" not in date and updated.startswith(date):
        return updated
    return date


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _visible_blocks(root: Any) -> list[tuple[str, bool]]:
    """The visible text under ``root``, one entry per block-level element: (text, heading).

    A block's lines (``<br>``) are kept apart by newlines; the text after ``root`` itself
    is not part of it.
    """
    from lxml import etree

    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    heading_depth = 0

    def flush() -> None:
        text = "\n".join(
            line for line in (_clean(x) for x in "".join(current).split("\n")) if line
        )
        if text:
            blocks.append((text, heading_depth > 0))
        current.clear()

    skipping: Any = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                current.append(element.tail or "")
            continue
        if event == "start":
            if not tag or tag in _DROPPED or _hidden(element):
                skipping = element
                continue
            if tag in _BLOCKS:
                flush()
                if tag in _HEADINGS:
                    heading_depth += 1
            elif tag == "br":
                current.append("\n")
            elif tag in _CELLS and current and "".join(current).strip():
                current.append(" | ")
            current.append(element.text or "")
        else:
            if tag in _BLOCKS:
                flush()
                if tag in _HEADINGS:
                    heading_depth -= 1
            if element is not root:
                current.append(element.tail or "")
    flush()
    return blocks


def _full_page(tree: Any, encoding: str, path: str, source_size: int = 0) -> Extracted:
    """All the page's visible text, one block per block-level element."""
    body = tree.find("body")
    blocks = [
        Block(text, Role.HEADING if heading else body_role(text))
        for text, heading in _visible_blocks(body if body is not None else tree)
    ]
    if not blocks and source_size > 9_000_000:
        # libxml2 drops a text node over 10 MB rather than read it
        raise LoadError(path, "is a web page with a block of text too large to read (over 10 MB)")
    title = _page_title(tree) or None
    date, offset = _meta_date(tree)
    return Extracted(
        blocks=blocks, encoding=encoding, title=title, date=date, utc_offset=offset
    )

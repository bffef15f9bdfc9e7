"""PDF loader (pypdfium2): the text layer, with paragraphs rebuilt from positioned lines.

pdfium gives lines of text with their boxes but no paragraphs, so the layout analysis is
written here, kept deliberately simple: lines are ordered by column (a vertical gutter
that no line crosses splits a page in two), running headers and footers (lines repeated
near the top or bottom of most pages) and bare page numbers are dropped, lines are joined
into paragraphs where the spacing, font size and indentation say so, and words hyphenated
at a line end are joined. Work is bounded: at most ``MAX_PAGES`` pages and ``TIME_BUDGET``
seconds, and a long run of empty pages stops the reading early.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from comparer.core.blocks import Block
from comparer.core.model import Role
from comparer.formats.base import Extracted, LoadOptions
from comparer.formats.errors import LoadError

MAX_PAGES = 2000
TIME_BUDGET = 20.0  # seconds
EMPTY_RUN_LIMIT = 200  # consecutive pages without text before reading stops
_BAND = 0.09  # share of the page height at top and bottom where running lines live
_LOCK = threading.Lock()  # pdfium is not thread-safe
_SPACES = re.compile(r"[ \t\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# Latin ligatures a PDF may carry as one character when its font has no Unicode map for them
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB06: "st"}
_WORD_OR_BREAK = re.compile(r"[\r\n]|[^\s]+")
_BREAK = "\ufffe"  # pdfium's mark, and ours, for a hyphen that ends a line
_BROKEN_WORD = re.compile(r"(?<!\w)(\w++)\ufffe(\w+)")
_WORD = re.compile(r"\w+(?:[-\u2010]\w+)*")
_NO_HYPHENATION = re.compile(r"Skia|Chrom|Mozilla|Firefox|Safari|WebKit|\bQt\b", re.IGNORECASE)
_ADDRESS = re.compile(r"^(?:https?|file|ftp)://\S+$|^www\.\S+\.\S+$", re.IGNORECASE)
_PAGE_COUNT = re.compile(r"^(?:page\s*)?\d{1,4}\s*(?:/|of)\s*\d{1,4}$", re.IGNORECASE)
_PRINT_TIME = re.compile(
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
)
_HYPHENS = ("-", "\u00ad", "\x02", "\ufffe", "\u2010")
_SENTENCE_END = ".!?:;\"'\u201d\u2019)]\u2026"
_PDFIUM_ERRORS = {
    1: "cannot be read (an unknown PDF error)",
    2: "cannot be read",
    3: "is a damaged or truncated PDF",
    4: "is a password-protected PDF; save an unprotected copy and open that",
    5: "is a PDF protected by a security scheme Comparer cannot open",
    6: "is a damaged PDF (a page is unreadable)",
}


@dataclass
class _Line:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    size: float
    baseline: float


class PdfLoader:
    """Reads the text of ``.pdf`` files."""

    name: str = "pdf"
    extensions: tuple[str, ...] = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        """``%PDF-`` near the start, where every PDF puts it."""
        return b"%PDF-" in data[:1024]

    def extract(self, data: bytes, path: str, options: LoadOptions) -> Extracted:
        """Read every page's lines and rebuild the paragraphs."""
        with _LOCK:
            pages, notes, metadata = _read_pages(data, path)
        if not any(pages):
            raise LoadError(path, "has no text layer (a scanned image?): no text to compare")
        blocks = _paragraphs(
            pages,
            hyphenates=_may_hyphenate(metadata),
            title=(metadata.get("Title") or "").strip(),
        )
        title = (metadata.get("Title") or "").strip()
        if not title or re.search(r"\.(docx?|pdf|odt|rtf|txt)$|^Microsoft Word", title, re.I):
            title = next((b.text for b in blocks if b.role is Role.HEADING), "")
        return Extracted(blocks=blocks, title=title or None, notes=notes)


def _read_pages(data: bytes, path: str) -> tuple[list[list[_Line]], list[str], dict[str, str]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", 1)
        raise LoadError(path, _PDFIUM_ERRORS.get(code, "cannot be read as a PDF")) from None
    notes: list[str] = []
    pages: list[list[_Line]] = []
    try:
        count = len(document)
        if count == 0:
            raise LoadError(path, "is a PDF without pages")
        if count > MAX_PAGES:
            notes.append(f"Only the first {MAX_PAGES} of {count} pages were read.")
        started = time.monotonic()
        empty_run = 0
        for index in range(min(count, MAX_PAGES)):
            if time.monotonic() - started > TIME_BUDGET:
                notes.append(f"Reading stopped after {index} of {count} pages (taking too long).")
                break
            try:
                page = document[index]
            except pdfium.PdfiumError:
                notes.append(f"Page {index + 1} could not be read and was skipped.")
                pages.append([])
                continue
            try:
                _width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    lines = _page_lines(textpage, pdfium_c)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(_mark_bands(lines, height))
            empty_run = 0 if lines else empty_run + 1
            if empty_run >= EMPTY_RUN_LIMIT and index + 1 < count:
                if not any(pages):
                    raise LoadError(
                        path, f"has no text in its first {index + 1} pages (a scan? empty pages?)"
                    )
                notes.append(f"Reading stopped at page {index + 1}: the pages after it are empty.")
                break
        try:
            metadata = dict(document.get_metadata_dict())
        except pdfium.PdfiumError:
            metadata = {}
    finally:
        document.close()
    return pages, notes, metadata


def _page_lines(textpage: Any, pdfium_c: Any) -> list[_Line]:
    """The page's lines with their boxes, baselines and font sizes, cut from pdfium's text.

    pdfium's own text stream (what ``get_text_range`` returns) already has the words right:
    it puts the spaces between words, including those a PDF writer leaves out (Qt places
    every glyph on its own), and reads each character once. The lines are cut from that
    stream where pdfium ends a line, where the baseline moves (pdfium sometimes runs two
    lines together) and where a wide gap opens on one baseline (a gutter between columns),
    so that the layout analysis below has lines to work with, never rebuilt words. Only
    the first and last character of each word are measured: that is where a line can end.
    """
    raw = textpage.raw
    text = _page_text(raw, pdfium_c)
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    lines: list[_Line] = []
    words: list[str] = []
    current: _Line | None = None
    middle = 0.0  # the vertical middle of the current line's first character box

    def close() -> None:
        nonlocal current
        if current is not None and words:
            current.text = " ".join(words).translate(_LIGATURES)
            lines.append(current)
        current = None
        words.clear()

    for match in _WORD_OR_BREAK.finditer(text):
        word = match.group()
        if word in ("\r", "\n"):
            close()
            continue
        first, last = match.start(), match.end() - 1
        if not loose_box(raw, first, box_ref):
            if current is not None:
                words.append(word)
            continue
        if current is not None:
            size = current.size
            gap = box.left - current.right
            if abs((box.top + box.bottom) / 2 - middle) > 0.5 * size or not (
                -2 * size < gap < 1.2 * size
            ):
                close()
        if current is None:
            size = _font_size(raw, first, pdfium_c, matrix)
            if size <= 0:
                size = max(box.top - box.bottom, 1.0)
            baseline = box.bottom
            if pdfium_c.FPDFText_GetCharOrigin(
                raw, first, ctypes.byref(origin_x), ctypes.byref(origin_y)
            ):
                baseline = origin_y.value
            current = _Line(box.left, box.bottom, box.right, box.top, "", size, baseline)
            middle = (box.top + box.bottom) / 2
        else:
            current.right = max(current.right, box.right)
            current.top = max(current.top, box.top)
            current.bottom = min(current.bottom, box.bottom)
        if last != first and loose_box(raw, last, box_ref):
            current.right = max(current.right, box.right)
        words.append(word)
    close()
    return lines


def _page_text(raw: Any, pdfium_c: Any) -> str:
    """The page's text as pdfium reads it, one string character per pdfium character."""
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = max(0, min(pdfium_c.FPDFText_GetText(raw, 0, count, buffer) - 1, count))
    units = buffer[:written]
    if any(0xD800 <= unit < 0xE000 for unit in units):
        # characters beyond the 16-bit range: ask for each one, to keep indexes aligned
        codes = [pdfium_c.FPDFText_GetUnicode(raw, index) for index in range(written)]
        return "".join(chr(c) if 0 < c < 0x110000 else " " for c in codes)
    return "".join(map(chr, units)).replace("\x00", " ")


def _font_size(raw: Any, index: int, pdfium_c: Any, matrix: Any) -> float:
    """The size a character is drawn at on the page, in points.

    pdfium reports the size set in the text state; writers that scale the text matrix
    instead (Qt sets a size of 300 and shrinks it) need that scale applied.
    """
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    if pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(matrix)):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if scale > 0:
            size *= scale
    return size


def _mark_bands(lines: list[_Line], height: float) -> list[_Line]:
    """Tag lines in the top and bottom bands (text prefixed by a marker) for later checks."""
    for line in lines:
        if line.bottom > height * (1 - _BAND):
            line.text = "\x00T" + line.text
        elif line.top < height * _BAND:
            line.text = "\x00B" + line.text
    return lines


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", _SPACES.sub(" ", text).strip().lower())


def _drop_running_lines(pages: list[list[_Line]], title: str = "") -> list[list[_Line]]:
    """Pages without running headers, footers, page numbers and a browser's print stamps."""
    counts: Counter[str] = Counter()
    for lines in pages:
        keys = {_running_key(ln.text[2:]) for ln in lines if ln.text.startswith("\x00")}
        counts.update(keys)
    pages_with_text = sum(1 for lines in pages if lines)
    threshold = max(2, int(pages_with_text * 0.5 + 0.5))
    sizes = sorted(ln.size for lines in pages for ln in lines)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    kept_pages = []
    for lines in pages:
        kept = []
        for line in lines:
            if line.text.startswith("\x00"):
                text = line.text[2:]
                if _PAGE_NUMBER.match(text.strip()):
                    continue
                if pages_with_text >= 2 and counts[_running_key(text)] >= threshold:
                    continue
                if _print_stamp(text.strip(), line.size < 0.9 * body_size, title):
                    continue
                line.text = text
            kept.append(line)
        kept_pages.append(kept)
    return kept_pages


def _print_stamp(text: str, small: bool, title: str) -> bool:
    """Whether a line at a page's top or bottom is what a browser prints around a page.

    Browsers print the page's address, the date and time of printing, the title and
    "1/2" in small type in the margins; left in, a page saved twice reads as changed.
    """
    if _ADDRESS.match(text):
        return True
    if not small:
        return False
    if _PAGE_COUNT.match(text):
        return True
    stamp = _PRINT_TIME.match(text)
    rest = text[stamp.end() :].strip() if stamp else text
    return bool(stamp and not rest) or bool(title and rest == title)


def _reading_order(lines: list[_Line], depth: int = 0) -> list[list[_Line]]:
    """The page's lines as columns in reading order, each column top to bottom.

    A page splits at a vertical gutter that (almost) no line crosses; lines that do cross
    it (a headline over both columns) close the band of columns above them. Each side may
    split again, for three or four columns.
    """
    if not lines:
        return []
    ordered = sorted(lines, key=lambda ln: (-ln.baseline, ln.left))
    gutter = _find_gutter(lines) if depth < 3 else None
    if gutter is None:
        return [_rows_in_order(ordered)]
    columns: list[list[_Line]] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def close_band() -> None:
        for side in (left, right):
            if side:
                columns.extend(_reading_order(list(side), depth + 1))
        left.clear()
        right.clear()

    for line in ordered:
        if line.left < gutter < line.right:  # a full-width line: closes the band above it
            close_band()
            columns.append([line])
        elif line.right <= gutter:
            left.append(line)
        else:
            right.append(line)
    close_band()
    return columns


def _find_gutter(lines: list[_Line]) -> float | None:
    """The x of a gutter between columns of running text, if the lines have one."""
    if len(lines) < 6:
        return None
    lefts = min(ln.left for ln in lines)
    width = max(ln.right for ln in lines) - lefts
    if width <= 0:
        return None
    best: tuple[int, float] | None = None
    steps = 60
    for step in range(int(steps * 0.3), int(steps * 0.7) + 1):
        x = lefts + width * step / steps
        crossing = sum(1 for ln in lines if ln.left < x < ln.right)
        left_side = [ln for ln in lines if ln.right <= x]
        right_side = [ln for ln in lines if ln.left >= x]
        balanced = min(len(left_side), len(right_side)) >= max(3, len(lines) // 5)
        if balanced and (best is None or crossing < best[0]) and _prose(left_side, right_side):
            best = (crossing, x)
    if best is not None and best[0] <= max(2, len(lines) // 10):
        return best[1]
    return None


def _prose(*sides: list[_Line]) -> bool:
    """Whether each side holds lines of running text, not the short cells of a table."""
    return all(statistics.median(len(ln.text) for ln in side) >= 16 for side in sides)


def _rows_in_order(lines: list[_Line]) -> list[_Line]:
    """Lines sorted top to bottom, those sharing a baseline left to right."""
    out: list[_Line] = []
    for line in lines:
        same_row = out and abs(out[-1].baseline - line.baseline) < 0.3 * line.size
        if same_row and line.left < out[-1].left:
            out.insert(len(out) - 1, line)
        else:
            out.append(line)
    return out


def _paragraphs(
    raw_pages: list[list[_Line]], hyphenates: bool = True, title: str = ""
) -> list[Block]:
    pages = _drop_running_lines(raw_pages, title)
    # the body's font size: the median size weighted by how much text is set in it
    sizes = [
        round(ln.size, 1)
        for lines in pages
        for ln in lines
        for _ in range(max(len(ln.text) // 20, 1))
    ]
    body_size = statistics.median(sizes) if sizes else 10.0
    steps: list[float] = []
    columns_per_page = [_reading_order(lines) for lines in pages]
    for columns in columns_per_page:
        for column in columns:
            for a, b in zip(column, column[1:], strict=False):
                step = a.baseline - b.baseline
                if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5 and step > 0:
                    steps.append(step)
    line_step = _line_step(steps, body_size)
    # Where paragraphs are set apart by space, a short line ending a sentence is no sign
    # of a paragraph's end; where they are not, it is the best sign there is.
    spaced = sum(1 for step in steps if step > 1.45 * line_step) >= max(1, len(steps) // 50)
    blocks: list[tuple[list[str], float]] = []  # lines of a paragraph, its font size
    last: _Line | None = None  # the line read last, in any column
    for columns in columns_per_page:
        for column in columns:
            col_left = min(ln.left for ln in column)
            col_right = _right_edge(column)
            previous: _Line | None = None
            for line in column:
                if previous is None or _breaks(
                    previous, line, line_step, col_left, col_right, spaced
                ):
                    if (
                        previous is None
                        and blocks
                        and _continues(blocks[-1], last, line, body_size)
                    ):
                        blocks[-1][0].append(line.text)
                    else:
                        blocks.append(([line.text], line.size))
                else:
                    blocks[-1][0].append(line.text)
                previous = last = line
        last = None  # a new page: its first line is never a heading's second line
    texts = [(_join_lines(lines), size) for lines, size in blocks]
    texts = _resolve_line_end_hyphens(texts, hyphenates)
    return [
        Block(text, Role.HEADING if size > body_size * 1.15 else None)
        for text, size in texts
        if text
    ]


def _line_step(steps: list[float], body_size: float) -> float:
    """The usual distance between the baselines of two lines of one paragraph.

    News is written in paragraphs of one or two lines, so on a printed page the step from
    one paragraph to the next can be as common as the step between a paragraph's lines,
    and the median of all steps would fall between the two. The line step is therefore
    taken from the closest steps (the lowest quarter and those near it), as long as they
    are a plausible line spacing for the body's size. It is capped, since a short text may
    have no two lines of one paragraph to measure it from.
    """
    if not steps:
        return body_size * 1.25
    ordered = sorted(steps)
    low = ordered[len(ordered) // 4]
    close = [step for step in ordered if step <= low * 1.15]
    if low >= 0.9 * body_size and len(close) >= 2:
        step = statistics.median(close)
    else:
        step = statistics.median(ordered)
    return min(step, 2.1 * body_size)


def _right_edge(column: list[_Line]) -> float:
    """Where a column's full lines end: the right edge most of its lines reach.

    Not the rightmost edge of all, so that one line running into the margin (a long
    address) does not make every full line look as if it ended early.
    """
    rights = sorted(ln.right for ln in column)
    return rights[int(0.9 * (len(rights) - 1))]


def _breaks(
    previous: _Line,
    line: _Line,
    line_step: float,
    col_left: float,
    col_right: float,
    spaced: bool,
) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous`` in the same column."""
    if abs(previous.size - line.size) > 0.15 * max(previous.size, line.size):
        return True
    gap = previous.baseline - line.baseline
    if gap > 1.45 * max(line_step, line.size) or gap < -0.5 * line.size:
        return True
    ends_sentence = previous.text.rstrip()[-1:] in _SENTENCE_END
    if gap < 0.5 * line.size:  # a cell further along the same row of a table
        return ends_sentence and line.left > previous.right
    if spaced:
        return False
    size = line.size
    short = previous.right < col_right - 4 * size
    indented = line.left > col_left + 1.2 * size and line.left > previous.left + 1.2 * size
    return (
        (short and ends_sentence)
        or (indented and ends_sentence)
        or _word_fits(previous, line, col_right)
    )


def _word_fits(previous: _Line, line: _Line, col_right: float) -> bool:
    """Whether the first word of ``line`` would have fitted at the end of ``previous``.

    Text set flush left wraps a word to the next line only when it does not fit; where it
    would have, the line before ended its paragraph (a dateline, a byline, a heading set
    in the body's size), whether or not it ends a sentence. Only a line that starts where
    the one before did can have been wrapped from it. The word's width is estimated from
    the line's average character width, with room to spare for a wide word.
    """
    last = previous.text.rstrip()
    words = line.text.split()
    if not words or not last or last[-1] in _HYPHENS or line.left > previous.left + line.size:
        return False
    per_char = (line.right - line.left) / max(len(line.text.strip()), 1)
    needed = (len(words[0]) + 1) * per_char * 1.3 + 0.5 * line.size
    return col_right - previous.right > needed


def _continues(
    block: tuple[list[str], float], previous: _Line | None, line: _Line, body_size: float
) -> bool:
    """Whether the first line of a column carries on the paragraph before it.

    Body text does when the sentence runs on; a large heading wrapped over two lines, whose
    second line is short enough to sit over one column only, does when it sits right under
    the first line.
    """
    last = block[0][-1].rstrip()
    if abs(block[1] - line.size) > 0.15 * body_size or not last:
        return False
    first = line.text.lstrip()[:1]
    if last[-1] in _SENTENCE_END:
        return False
    if first.islower() or last[-1] in _HYPHENS:
        return True
    return (
        previous is not None
        and line.size > body_size * 1.15
        and abs(previous.size - line.size) < 0.15 * line.size
        and 0 < previous.baseline - line.baseline < 1.6 * line.size
    )


def _join_lines(lines: list[str]) -> str:
    """The lines of a paragraph as one text; a hyphen ending a line is marked ``_BREAK``.

    Whether such a hyphen belongs to the word ("well-supplied") or only to the line break
    ("pro-tect") is decided for the whole document by ``_resolve_line_end_hyphens``.
    """
    text = ""
    for raw in lines:
        line = raw.strip().replace("\x02", _BREAK)
        if not line:
            continue
        if not text:
            text = line
        elif text[-1] == "\u00ad":
            text = text[:-1] + line
        elif text[-1] in _HYPHENS and len(text) > 1 and text[-2].isalpha() and line[0].islower():
            text = text[:-1] + _BREAK + line
        else:
            text = f"{text} {line}"
    text = text.replace("\u00ad", "")
    return _SPACES.sub(" ", text).strip()


def _may_hyphenate(metadata: dict[str, str]) -> bool:
    """Whether the program that wrote the PDF may have split words at line ends.

    Browsers (Chromium's Skia, Firefox, Safari) and Qt break lines only where the text
    allows it, so a hyphen they leave at a line's end is part of the word.
    """
    writer = f"{metadata.get('Producer', '')} {metadata.get('Creator', '')}"
    return not _NO_HYPHENATION.search(writer)


def _resolve_line_end_hyphens(
    texts: list[tuple[str, float]], hyphenates: bool
) -> list[tuple[str, float]]:
    """Each line-end hyphen kept ("well-supplied") or dropped ("protect").

    The document decides first: a word written elsewhere in it with its hyphen, or without
    it, shows which is meant. Failing that, the hyphen is kept when the writer does not
    hyphenate words and dropped when it may have.
    """
    if not any(_BREAK in text for text, _size in texts):
        return texts
    words: set[str] = set()
    for text, _size in texts:
        words.update(w.lower() for w in _WORD.findall(text.replace(_BREAK, " ")))

    def resolve(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        if f"{before}-{after}".lower() in words:
            return f"{before}-{after}"
        if f"{before}{after}".lower() in words:
            return before + after
        return f"{before}{'' if hyphenates else '-'}{after}"

    out = []
    for text, size in texts:
        text = _BROKEN_WORD.sub(resolve, text)
        out.append((text.replace(_BREAK, "-" if not hyphenates else ""), size))
    return out

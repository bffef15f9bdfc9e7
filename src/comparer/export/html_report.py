"""A self-contained HTML report of a comparison, for browsers, printing and Qt's PDF writer.

The report needs no script, font or image from anywhere: all it shows is in the one file,
and a Content-Security-Policy forbids the browser to fetch anything even if article text
held markup (it never does: every piece of article text is escaped). The same markup serves
browsers (``flavour="browser"``) and Qt's rich-text engine (``flavour="qt"``), which reads
a subset of CSS; only the stylesheet and a few table attributes differ.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Literal

import comparer
from comparer.core.figure_edits import figure_edits
from comparer.core.model import AlignKind, Comparison, PairComparison, Speaker, Version
from comparer.core.speakers import UNNAMED
from comparer.core.story import iso_date_with_offset
from comparer.core.summary import summary_line
from comparer.export.report_css import browser_css, qt_css
from comparer.export.report_marks import (
    EntryView,
    Mark,
    Piece,
    context,
    delta_note,
    entry_views,
    paragraph_numbers,
)
from comparer.export.story_report import StoryContext, story_sections

Layout = Literal["side-by-side", "inline"]
Flavour = Literal["browser", "qt"]
LAYOUTS: tuple[Layout, ...] = ("side-by-side", "inline")
# Page debris (an <embed> element, a "Source:" line) is shown as the window shows it:
# its first line, cut to this many characters, dimmed.
DEBRIS_CHARS = 80
_STRUCK = (Mark.DELETED, Mark.NUMBER_OLD)
_UNDERLINED = (Mark.INSERTED, Mark.NUMBER_NEW)

# Characters HTML forbids (C0 controls but tab and line ends, DEL, C1 controls, lone
# surrogates, and the two non-characters at the end of the BMP) become U+FFFD.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    """``text`` escaped for HTML element content and quoted attribute values."""
    return html.escape(_FORBIDDEN.sub("\ufffd", text.replace("\r\n", "\n")), quote=True)


def render_html(
    comparison: Comparison,
    layout: str = "side-by-side",
    *,
    flavour: Flavour = "browser",
    exported_at: datetime | None = None,
    story: StoryContext | None = None,
) -> str:
    """The comparison as one self-contained HTML document.

    Args:
        comparison: what to report.
        layout: "side-by-side" (a table, one row per aligned paragraph) or "inline"
            (one text, deletions struck through before insertions).
        flavour: "browser" for a file to open or print in any browser; "qt" for
            ``QTextDocument`` (the PDF and the print preview), whose CSS is a subset.
        exported_at: the export time to state (default: now); given for reproducible tests.
        story: when the comparison is part of a longer story, its history: the report then
            opens with the story's timeline, figures and speakers over time, and numbers
            the versions as the story does.

    Returns:
        The document as text (write it as UTF-8).

    Raises:
        ValueError: ``layout`` is not one of ``LAYOUTS``.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    when = (exported_at or datetime.now(UTC)).astimezone(UTC)
    report = _Report(comparison, layout, flavour, story)
    title = report_title(comparison)
    css = browser_css(landscape=layout == "side-by-side") if flavour == "browser" else qt_css()
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # Forbid every fetch: the report is evidence and must not phone anywhere.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="Comparer {esc(comparer.__version__)}">',
        f"<title>{esc(title)} (Comparer report)</title>",
        f"<style>\n{css}</style>",
        "</head>",
        f'<body class="{layout}">',
    ]
    body = [
        *report.header(title, when),
        *(story_sections(story, report.table("story")) if story is not None else []),
        *report.overview(),
        *report.speakers(),
        *report.texts(),
        *report.evidence(when),
        "</body>",
        "</html>",
    ]
    return "\n".join(head + body) + "\n"


def collapsed(pieces: Sequence[Piece]) -> tuple[Piece, ...]:
    """Page debris as one plain line: its first line, cut to ``DEBRIS_CHARS`` with "…"."""
    text = "".join(piece.text for piece in pieces).strip()
    first = text.split("\n", 1)[0].strip()
    if len(first) > DEBRIS_CHARS:
        first = first[:DEBRIS_CHARS].rstrip() + "…"
    elif first != text:
        first += " …"
    return (Piece(first),) if first else ()


def report_title(comparison: Comparison) -> str:
    """The article's title as the newest version gives it, or a plain description."""
    for version in reversed(comparison.versions):
        if version.title:
            return version.title
    return f"{len(comparison.versions)} versions of an article"


def before_after_text(comparison: Comparison, pair_index: int, change_index: int) -> str:
    """A change as two lines of plain text, for a corrections note or the clipboard.

    Each line holds the sentence around the change in that version, cut to twenty
    words on either side of it (``…`` marks a cut)::

        Before: At least 12 people were killed when a section of the bridge collapsed…
        After: At least 17 people were killed when a section of the bridge collapsed…

    Args:
        comparison: the comparison the change belongs to.
        pair_index: index into ``comparison.pairs``.
        change_index: index into that pair's ``changes``.

    Raises:
        IndexError: either index is out of range.
    """
    pair = comparison.pairs[pair_index]
    change = pair.changes[change_index]
    entry = pair.alignment[change.entry] if 0 <= change.entry < len(pair.alignment) else None
    old = comparison.versions[pair.from_index]
    new = comparison.versions[pair.to_index]
    from_ = entry.from_ if entry else ()
    to = entry.to if entry else ()
    before = _excerpt(old, change.from_start, change.from_end, from_)
    after = _excerpt(new, change.to_start, change.to_end, to)
    if entry is not None and entry.kind is AlignKind.ADDED:
        before = "(not in this version: paragraph added)"
    if entry is not None and entry.kind is AlignKind.DELETED:
        after = "(not in this version: paragraph removed)"
    return f"Before: {before}\nAfter: {after}"


def _excerpt(version: Version, start: int, end: int, indices: Sequence[int]) -> str:
    bounds = _paragraph_bounds(version, start, indices)
    return context(version.text, start, end, bounds)


def _paragraph_index(version: Version, offset: int) -> int:
    """The index of the paragraph of ``version`` that holds ``offset``."""
    starts = [p.start for p in version.paragraphs]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _paragraph_bounds(version: Version, offset: int, indices: Sequence[int]) -> tuple[int, int]:
    """The span of the paragraph holding ``offset``, preferring the entry's paragraphs."""
    candidates = [version.paragraphs[i] for i in indices if 0 <= i < len(version.paragraphs)]
    for group in (candidates, list(version.paragraphs)):
        for p in group:
            if p.start <= offset <= p.end:
                return p.start, p.end
    if candidates:
        nearest = min(candidates, key=lambda p: min(abs(p.start - offset), abs(p.end - offset)))
        return nearest.start, nearest.end
    return 0, len(version.text)


def iso_utc(moment: datetime) -> str:
    """``moment`` in UTC as ISO 8601 to the second, with a ``Z``: 2025-03-03T08:15:00Z."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _utc(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    try:
        return iso_utc(datetime.fromtimestamp(seconds, UTC))
    except (OverflowError, OSError, ValueError):
        return "unknown"


def options_line(comparison: Comparison) -> str:
    """Every comparison option and its value: "ignore case: no, ignore whitespace: no"."""

    def shown(value: object) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)

    return ", ".join(
        f"{f.name.replace('_', ' ')}: {shown(getattr(comparison.options, f.name))}"
        for f in dataclasses.fields(comparison.options)
    )


class _Report:
    """The parts of the report, each a list of lines of HTML."""

    def __init__(
        self,
        comparison: Comparison,
        layout: str,
        flavour: Flavour,
        story: StoryContext | None = None,
    ) -> None:
        self.comparison = comparison
        self.story = story
        self.layout = layout
        self.flavour = flavour
        self.qt = flavour == "qt"

    # Qt's rich text ignores CSS borders on tables unless told with attributes.
    def _table(self, css_class: str) -> str:
        if self.qt:
            return (
                f'<table class="{css_class}" border="1" cellspacing="0" cellpadding="4" '
                'width="100%">'
            )
        return f'<table class="{css_class}">'

    def table(self, css_class: str) -> str:
        """The opening tag of a table of class ``css_class``."""
        return self._table(css_class)

    def _label(self, index: int) -> str:
        return self.story.label(index) if self.story is not None else f"v{index + 1}"

    def _version_name(self, index: int) -> str:
        return f"{self._label(index)} · {self.comparison.versions[index].name}"

    def _pair_title(self, pair: PairComparison) -> str:
        return f"{self._version_name(pair.from_index)} → {self._version_name(pair.to_index)}"

    def header(self, title: str, when: datetime) -> list[str]:
        versions = self.comparison.versions
        out = [
            "<header>",
            f"<h1>{esc(title)}</h1>",
            f'<p class="sub">Comparison of {len(versions)} versions by Comparer '
            f"{esc(comparer.__version__)}, exported {esc(iso_utc(when))}"
            "</p>",
            self._table("versions"),
            "<thead><tr><th>Version</th><th>File</th><th>Title</th><th>Date</th></tr></thead>",
            "<tbody>",
        ]
        for index, version in enumerate(versions):
            out.append(
                f"<tr><td>{self._label(index)}</td><td>{esc(version.name)}</td>"
                f"<td>{esc(version.title or '')}</td>"
                f"<td>{esc(iso_date_with_offset(version) or 'unknown')}</td>"
                "</tr>"
            )
        out += ["</tbody>", "</table>", *self._legend(), "</header>"]
        return out

    def _legend(self) -> list[str]:
        return [
            '<p class="legend">Key: '
            + self._piece(Piece("deleted", Mark.DELETED))
            + " · "
            + self._piece(Piece("added", Mark.INSERTED))
            + " · number changed "
            + self._piece(Piece("40", Mark.NUMBER_OLD))
            + " "
            + self._piece(Piece("48", Mark.NUMBER_NEW, "▲ +8"))
            + " · "
            + self._piece(Piece("typographic only", Mark.TYPO_NEW))
            + ' · <span class="moved">moved paragraph</span>'
            + ' · <span class="dim">markup or metadata</span></p>'
        ]

    def overview(self) -> list[str]:
        out = ['<section class="overview">', "<h2>Summary</h2>"]
        for number, pair in enumerate(self.comparison.pairs, start=1):
            out.append(
                f'<h3><a href="#pair-{number}">{esc(self._pair_title(pair))}</a></h3>'
                if len(self.comparison.pairs) > 1
                else f"<h3>{esc(self._pair_title(pair))}</h3>"
            )
            out.append(f'<p class="summary">{esc(self._summary(pair))}</p>')
            out += self._numbers(pair)
            out += self._figures(pair)
            out += self._moves(pair)
        out.append("</section>")
        return out

    def _summary(self, pair: PairComparison) -> str:
        """The pair's one-line summary, figures added and removed counted."""
        versions = self.comparison.versions
        figures = figure_edits(pair, versions[pair.from_index].text, versions[pair.to_index].text)
        return summary_line(pair, figures=figures)

    def _numbers(self, pair: PairComparison) -> list[str]:
        if not pair.numbers:
            return []
        new = self.comparison.versions[pair.to_index]
        out = [
            self._table("numbers"),
            "<caption>Changed numbers</caption>",
            "<thead><tr><th>¶</th><th>Before</th><th>After</th><th>Change</th>"
            f"<th>In {esc(self._label(pair.to_index))}</th></tr></thead>",
            "<tbody>",
        ]
        for n in pair.numbers:
            to: tuple[int, ...] = ()
            if 0 <= n.change < len(pair.changes):
                entry_index = pair.changes[n.change].entry
                if 0 <= entry_index < len(pair.alignment):
                    to = pair.alignment[entry_index].to
            bounds = _paragraph_bounds(new, n.to_start, to)
            where = context(new.text, n.to_start, n.to_start + len(n.to_text), bounds, 8)
            out.append(
                f"<tr><td>{esc(paragraph_numbers(to))}</td>"
                f"<td>{self._piece(Piece(n.from_text, Mark.NUMBER_OLD))}</td>"
                f"<td>{self._piece(Piece(n.to_text, Mark.NUMBER_NEW))}</td>"
                f'<td class="delta-cell">{esc(delta_note(n) or "–")}</td>'
                f'<td class="ctx">{esc(where)}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
        return out

    def _figures(self, pair: PairComparison) -> list[str]:
        """The numbers the pair adds or removes, apart from the numbers it changes."""
        old, new = (
            self.comparison.versions[pair.from_index],
            self.comparison.versions[pair.to_index],
        )
        edits = figure_edits(pair, old.text, new.text)
        if not edits:
            return []
        out = [
            self._table("figures"),
            "<caption>Numbers added or removed</caption>",
            "<thead><tr><th>¶</th><th>Number</th><th></th><th>In context</th></tr></thead>",
            "<tbody>",
        ]
        for f in edits:
            version = new if f.added else old
            index = _paragraph_index(version, f.start)
            bounds = (version.paragraphs[index].start, version.paragraphs[index].end)
            where = context(version.text, f.start, f.end, bounds, 8)
            mark = Mark.NUMBER_NEW if f.added else Mark.NUMBER_OLD
            label = self._label(pair.to_index if f.added else pair.from_index)
            out.append(
                f"<tr><td>{esc(paragraph_numbers((index,)))} ({label})</td>"
                f"<td>{self._piece(Piece(f.text, mark))}</td>"
                f"<td>{'added' if f.added else 'removed'}</td>"
                f'<td class="ctx">{esc(where)}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
        return out

    def _moves(self, pair: PairComparison) -> list[str]:
        """The sentences the pair moves, each with the paragraphs it left and came to."""
        if not pair.moves:
            return []
        old, new = (
            self.comparison.versions[pair.from_index],
            self.comparison.versions[pair.to_index],
        )
        out = [
            self._table("moves"),
            "<caption>Moved sentences</caption>",
            "<thead><tr><th>From</th><th>To</th><th>Sentence</th></tr></thead>",
            "<tbody>",
        ]
        for m in pair.moves:
            edited = "" if m.similarity >= 1.0 else " (edited)"
            out.append(
                f"<tr><td>{esc(paragraph_numbers((_paragraph_index(old, m.from_start),)))}</td>"
                f"<td>{esc(paragraph_numbers((_paragraph_index(new, m.to_start),)))}</td>"
                f"<td>{esc(new.text[m.to_start : m.to_end])}{edited}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
        return out

    def speakers(self) -> list[str]:
        speakers: Sequence[Speaker] = self.comparison.speakers
        if not speakers:
            return []
        count = len(self.comparison.versions)
        heads = "".join(f"<th>{self._label(i)}</th>" for i in range(count))
        out = [
            '<section class="speakers">',
            "<h2>Who is quoted</h2>",
            self._table("speakers"),
            f"<thead><tr><th>Speaker</th>{heads}<th>Notes</th></tr></thead>",
            "<tbody>",
        ]
        # the people and bodies named, then the unnamed sources under a heading row
        named = [s for s in speakers if UNNAMED not in s.badges]
        unnamed = [s for s in speakers if UNNAMED in s.badges]
        out += [self._speaker_row(speaker, count) for speaker in named]
        if unnamed:
            out += [
                "</tbody>",
                '<tbody class="unnamed">',
                f'<tr class="group"><th colspan="{count + 2}" scope="rowgroup">'
                "Unnamed sources</th></tr>",
            ]
            out += [self._speaker_row(speaker, count) for speaker in unnamed]
        out += [
            "</tbody>",
            "</table>",
            '<p class="note">Quotes per version, direct and indirect.</p>',
            "</section>",
        ]
        return out

    def _speaker_row(self, speaker: Speaker, count: int) -> str:
        counts = list(speaker.quotes_per_version)[:count]
        counts += [0] * (count - len(counts))
        cells = "".join(f'<td class="count">{n}</td>' for n in counts)
        # Browsers draw badges as pills; Qt cannot, so it gets a comma between them. Under
        # the heading, "unnamed source" on each row would say it twice.
        badges = (", " if self.qt else " ").join(
            f'<span class="badge">{esc(b)}</span>' for b in speaker.badges if b != UNNAMED
        )
        return f"<tr><td>{esc(speaker.name)}</td>{cells}<td>{badges}</td></tr>"

    def texts(self) -> list[str]:
        out: list[str] = []
        for number, pair in enumerate(self.comparison.pairs, start=1):
            old = self.comparison.versions[pair.from_index]
            new = self.comparison.versions[pair.to_index]
            out += [
                f'<section class="pair" id="pair-{number}">',
                f'<h2 class="pair-title">{esc(self._pair_title(pair))}</h2>',
                f'<p class="summary">{esc(self._summary(pair))}</p>',
            ]
            views = entry_views(old, new, pair)
            if self.layout == "side-by-side":
                out += self._side_by_side(pair, views)
            else:
                out += self._inline(pair, views)
            out.append("</section>")
        return out

    def _side_by_side(self, pair: PairComparison, views: list[EntryView]) -> list[str]:
        out = [
            self._table("sbs"),
            "<thead><tr>"
            f'<th class="old">{esc(self._version_name(pair.from_index))}</th>'
            f'<th class="new">{esc(self._version_name(pair.to_index))}</th>'
            "</tr></thead>",
            "<tbody>",
        ]
        for view in views:
            kind = view.entry.kind
            old_meta = paragraph_numbers(view.entry.from_)
            if kind is AlignKind.MOVED and view.entry.to:
                old_meta += f" · moved to {paragraph_numbers(view.entry.to)}"
            new_meta = paragraph_numbers(view.entry.to)
            if kind is not AlignKind.EQUAL:
                new_meta += f" · {view.label}"
            old_pieces, new_pieces = view.old, view.new
            if kind is AlignKind.IGNORED:
                old_pieces, new_pieces = collapsed(old_pieces), collapsed(new_pieces)
            old_cell = self._cell("old", old_meta, old_pieces, "added" if not old_pieces else "")
            new_cell = self._cell("new", new_meta, new_pieces, "removed" if not new_pieces else "")
            out.append(f'<tr class="k-{kind}">{old_cell}{new_cell}</tr>')
        out += ["</tbody>", "</table>"]
        return out

    def _cell(self, side: str, meta: str, pieces: Sequence[Piece], placeholder: str) -> str:
        width = ' width="50%"' if self.qt else ""
        if placeholder:
            return (
                f'<td class="{side} empty"{width}>'
                f'<div class="placeholder">({esc(placeholder)})</div></td>'
            )
        meta_html = self._meta(meta)
        return (
            f'<td class="{side}"{width}>{meta_html}'
            f'<div class="tx">{self._pieces(pieces)}</div></td>'
        )

    def _meta(self, meta: str) -> str:
        if " · moved" in meta:
            number, _, rest = meta.partition(" · ")
            return f'<div class="pm">{esc(number)} · <span class="moved">{esc(rest)}</span></div>'
        return f'<div class="pm">{esc(meta)}</div>'

    def _inline(self, pair: PairComparison, views: list[EntryView]) -> list[str]:
        out = ['<div class="inline-text">']
        for view in views:
            entry = view.entry
            where = (
                f"{paragraph_numbers(entry.from_) or '–'} → {paragraph_numbers(entry.to) or '–'}"
            )
            meta = where if entry.kind is AlignKind.EQUAL else f"{where} · {view.label}"
            pieces = collapsed(view.inline) if entry.kind is AlignKind.IGNORED else view.inline
            out.append(
                f'<div class="para k-{entry.kind}">{self._meta(meta)}'
                f'<div class="tx">{self._pieces(pieces)}</div></div>'
            )
        out.append("</div>")
        return out

    def _pieces(self, pieces: Sequence[Piece]) -> str:
        out: list[str] = []
        previous = Mark.PLAIN
        for piece in pieces:
            if previous in _STRUCK and piece.mark in _UNDERLINED:
                # Inline, "12" struck then "17" reads as "1217": keep a thin space between.
                out.append("\u2009")
            out.append(self._piece(piece))
            previous = piece.mark
        return "".join(out)

    def _piece(self, piece: Piece) -> str:
        text = esc(piece.text)
        mark = piece.mark
        if mark is Mark.PLAIN:
            return text
        if mark in (Mark.TYPO_OLD, Mark.TYPO_NEW):
            title = f' title="{esc(piece.note)}"' if piece.note else ""
            return f'<span class="typo"{title}>{text}</span>'
        if self.qt:
            # QTextDocument does not style <ins>; spans with classes it does.
            opening, closing = f'<span class="{mark}">', "</span>"
        elif mark in (Mark.DELETED, Mark.NUMBER_OLD):
            opening, closing = f'<del class="{mark}">', "</del>"
        else:
            opening, closing = f'<ins class="{mark}">', "</ins>"
        note = f'<span class="delta">{esc(piece.note)}</span>' if piece.note else ""
        return f"{opening}{text}{closing}{note}"

    def _web_evidence(self) -> list[str]:
        """Where and when each version read from a web address was captured."""
        if not any(v.web is not None for v in self.comparison.versions):
            return []
        out = [
            "<h3>Web addresses</h3>",
            self._table("evidence web"),
            "<thead><tr><th>Version</th><th>Captured (UTC)</th><th>Archive address</th>"
            "<th>Bytes received from</th><th>Received (UTC)</th><th>SHA-256</th></tr></thead>",
            "<tbody>",
        ]
        for index, v in enumerate(self.comparison.versions):
            web = v.web
            if web is None:
                continue
            archive = (
                f'<a href="{esc(web.archive_url)}">{esc(web.archive_url)}</a>'
                if web.archive_url
                else f"none: the live page, {esc(web.url)}"
            )
            out.append(
                f"<tr><td>{self._label(index)}</td><td>{esc(web.captured)}</td>"
                f'<td class="url">{archive}</td><td class="url">{esc(web.received_from)}</td>'
                f"<td>{esc(web.fetched or 'unknown')}</td>"
                f'<td class="sha">{esc(v.sha256 or "unknown")}</td></tr>'
            )
        out += [
            "</tbody>",
            "</table>",
            '<p class="note">For a web address, SHA-256 is of the bytes received from the '
            "address in the table (after HTTP decompression).</p>",
        ]
        return out

    def evidence(self, when: datetime) -> list[str]:
        out = [
            '<section class="evidence">',
            "<h2>Evidence</h2>",
            self._table("evidence"),
            "<thead><tr><th>Version</th><th>File</th><th>SHA-256</th><th>Size</th>"
            "<th>Modified (UTC)</th><th>Encoding</th><th>Format</th><th>Date</th></tr></thead>",
            "<tbody>",
        ]
        for index, v in enumerate(self.comparison.versions):
            out.append(
                f"<tr><td>{self._label(index)}</td><td>{esc(v.name)}</td>"
                f'<td class="sha">{esc(v.sha256 or "unknown")}</td>'
                f'<td class="count">{v.size:,} bytes</td><td>{esc(_utc(v.mtime))}</td>'
                f"<td>{esc(v.encoding)}</td><td>{esc(v.source_format)}</td>"
                f"<td>{esc(iso_date_with_offset(v) or 'unknown')}</td></tr>"
            )
        out += ["</tbody>", "</table>", *self._web_evidence()]
        options = options_line(self.comparison)
        out += [
            '<dl class="facts">',
            f"<dt>Comparison options</dt><dd>{esc(options or 'defaults')}</dd>",
            f"<dt>Exported (UTC)</dt><dd>{esc(iso_utc(when))}</dd>",
            f"<dt>Comparer version</dt><dd>{esc(comparer.__version__)}</dd>",
            "</dl>",
            '<p class="note">SHA-256 is of each file\'s bytes as read; recompute it to check '
            "that a file is the one compared here.</p>",
            "</section>",
        ]
        return out

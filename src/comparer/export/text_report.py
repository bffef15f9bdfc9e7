r"""A readable terminal rendering of a comparison, paragraph by paragraph.

Every piece of text from the files (and the files' names) goes through
``comparer.core.visible`` first: an escape sequence in an article is printed as ``\x1b``,
never obeyed by the terminal, and only the report's own colours reach it as escapes.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from comparer.core.figure_edits import figure_edits
from comparer.core.model import (
    AlignKind,
    Category,
    Change,
    Comparison,
    PairComparison,
    Speaker,
    Version,
)
from comparer.core.speakers import UNNAMED
from comparer.core.summary import summary_line
from comparer.core.visible import visible_line, visible_text


@dataclass(frozen=True)
class Style:
    """How marks are written: ANSI escapes on a terminal, brackets elsewhere."""

    deleted: tuple[str, str]
    inserted: tuple[str, str]
    numeric_old: tuple[str, str]
    numeric_new: tuple[str, str]
    typographic: tuple[str, str]
    dim: tuple[str, str]
    bold: tuple[str, str]


PLAIN = Style(
    deleted=("[-", "-]"),
    inserted=("{+", "+}"),
    numeric_old=("[-#", "-]"),
    numeric_new=("{+#", "+}"),
    typographic=("", ""),
    dim=("", ""),
    bold=("", ""),
)
_RESET = "\033[0m"
ANSI = Style(
    deleted=("\033[9;38;5;166m", _RESET),  # strike-through, vermillion
    inserted=("\033[4;38;5;25m", _RESET),  # underline, blue
    numeric_old=("\033[1;9;30;48;5;214m", _RESET),  # bold on orange, struck
    numeric_new=("\033[1;4;30;48;5;214m", _RESET),  # bold on orange, underlined
    typographic=("\033[2m", _RESET),
    dim=("\033[2m", _RESET),
    bold=("\033[1m", _RESET),
)


def render(comparison: Comparison, colour: bool = False, show_equal: bool = False) -> str:
    """The comparison as text for a terminal.

    Args:
        comparison: what to render.
        colour: use ANSI colours and strike-through/underline (for a terminal).
        show_equal: print unchanged paragraphs in full instead of counting them.
    """
    style = ANSI if colour else PLAIN
    out: list[str] = []
    for pair in comparison.pairs:
        out.extend(_render_pair(comparison, pair, style, show_equal))
    if comparison.speakers:
        # the people and bodies named, then the unnamed sources under a heading of their own
        named = [s for s in comparison.speakers if UNNAMED not in s.badges]
        unnamed = [s for s in comparison.speakers if UNNAMED in s.badges]
        out.append(_wrap("Quoted:", style.bold))
        out.extend(_speaker_line(speaker) for speaker in named)
        if unnamed:
            out.append(_wrap("Unnamed sources:", style.bold))
            out.extend(_speaker_line(speaker) for speaker in unnamed)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _speaker_line(speaker: Speaker) -> str:
    """One speaker: their quotes per version and what changed (the heading says unnamed)."""
    counts = " → ".join(str(n) for n in speaker.quotes_per_version)
    shown = [b for b in speaker.badges if b != UNNAMED]
    badges = f"  ({', '.join(shown)})" if shown else ""
    if speaker.reattributed_with:
        given = ", ".join(visible_line(w) for w in speaker.reattributed_with)
        badges += f"  (same words given to {given})"
    return f"  {visible_line(speaker.name)}: {counts}{badges}"


def _render_pair(
    comparison: Comparison, pair: PairComparison, style: Style, show_equal: bool
) -> list[str]:
    old = comparison.versions[pair.from_index]
    new = comparison.versions[pair.to_index]
    figures = figure_edits(pair, old.text, new.text)
    out = [
        _wrap(
            f"v{pair.from_index + 1} {visible_line(old.name)}  →  "
            f"v{pair.to_index + 1} {visible_line(new.name)}",
            style.bold,
        ),
        summary_line(pair, figures=figures),
    ]
    if not pair.differs:
        out.append("")
        return out
    for n in pair.numbers:
        delta = f" ({visible_line(n.delta_label)})" if n.delta_label else ""
        out.append(
            "  number: "
            + _wrap(visible_line(n.from_text), style.numeric_old)
            + " → "
            + _wrap(visible_line(n.to_text), style.numeric_new)
            + delta
        )
    for f in figures:
        marks = style.numeric_new if f.added else style.numeric_old
        paragraph = _paragraph_at(new if f.added else old, f.start) + 1
        out.append(
            f"  number {'added' if f.added else 'removed'} (¶{paragraph}): "
            + _wrap(visible_line(f.text), marks)
        )
    for m in pair.moves:
        sentence = new.text[m.to_start : m.to_end]
        edited = "" if m.similarity >= 1.0 else ", edited"
        where = f"¶{_paragraph_at(old, m.from_start) + 1} → ¶{_paragraph_at(new, m.to_start) + 1}"
        out.append(f"  moved sentence ({where}{edited}): {_clip(visible_line(sentence))}")
    out.append("")
    by_entry: dict[int, list[Change]] = defaultdict(list)
    for change in pair.changes:
        by_entry[change.entry].append(change)
    unchanged = 0
    for index, entry in enumerate(pair.alignment):
        if entry.kind is AlignKind.EQUAL and not show_equal:
            unchanged += 1
            continue
        if unchanged:
            out.append(
                _wrap(
                    f"  … {unchanged} unchanged paragraph{'s' if unchanged > 1 else ''} …",
                    style.dim,
                )
            )
            out.append("")
            unchanged = 0
        out.extend(
            _render_entry(old, new, entry.kind, entry.from_, entry.to, by_entry[index], style)
        )
        out.append("")
    if unchanged:
        out.append(
            _wrap(f"  … {unchanged} unchanged paragraph{'s' if unchanged > 1 else ''} …", style.dim)
        )
        out.append("")
    return out


def _paragraph_at(version: Version, offset: int) -> int:
    """The index of the paragraph of ``version`` that holds ``offset``."""
    starts = [p.start for p in version.paragraphs]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _clip(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _render_entry(
    old: Version,
    new: Version,
    kind: AlignKind,
    from_: tuple[int, ...],
    to: tuple[int, ...],
    changes: list[Change],
    style: Style,
) -> list[str]:
    where = _where(from_, to)
    if kind is AlignKind.EQUAL:
        return [f"¶{where}", "  " + visible_text(new.paragraph_text(to[0]))]
    if kind is AlignKind.IGNORED:
        para = old.paragraph_text(from_[0]) if from_ else new.paragraph_text(to[0])
        short = visible_line(para if len(para) < 70 else para[:67] + "…")
        return [_wrap(f"¶{where} {kind.label}: {short}", style.dim)]
    if kind is AlignKind.ADDED:
        return [
            f"¶{where} added",
            "  " + _wrap(visible_text(new.paragraph_text(to[0])), style.inserted),
        ]
    if kind is AlignKind.DELETED:
        return [
            f"¶{where} removed",
            "  " + _wrap(visible_text(old.paragraph_text(from_[0])), style.deleted),
        ]
    label = kind.label
    if kind is AlignKind.MOVED:
        label = f"moved from ¶{from_[0] + 1}"
    typographic_only = bool(changes) and all(c.category is Category.TYPOGRAPHIC for c in changes)
    if typographic_only:
        label += " (typography only)"
    start = new.paragraphs[to[0]].start
    end = new.paragraphs[to[-1]].end
    pieces: list[str] = []
    pos = start
    for change in sorted(changes, key=lambda c: (c.to_start, c.from_start)):
        pieces.append(visible_text(new.text[pos : change.to_start]))
        if change.category is Category.NUMERIC:
            del_style, ins_style = style.numeric_old, style.numeric_new
        elif change.category is Category.TYPOGRAPHIC:
            del_style = ins_style = style.typographic
        else:
            del_style, ins_style = style.deleted, style.inserted
        from_text, to_text = visible_text(change.from_text), visible_text(change.to_text)
        if change.category is Category.TYPOGRAPHIC:
            pieces.append(_wrap(to_text, ins_style) if to_text else "")
        else:
            if from_text:
                pieces.append(_wrap(from_text, del_style))
            if to_text:
                pieces.append(_wrap(to_text, ins_style))
        pos = change.to_end
    pieces.append(visible_text(new.text[pos:end]))
    body = "".join(pieces).replace("\n", "\n  ")
    return [f"¶{where} {label}", "  " + body]


def _where(from_: tuple[int, ...], to: tuple[int, ...]) -> str:
    def nums(idx: tuple[int, ...]) -> str:
        return "+".join(str(i + 1) for i in idx) if idx else "–"

    return f"{nums(from_)}→{nums(to)}"


def _wrap(text: str, marks: tuple[str, str]) -> str:
    if not text:
        return ""
    return f"{marks[0]}{text}{marks[1]}"

"""A story's history as JSON (``comparer-history/1``, docs/history-format.md) and as text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from comparer.core.history import StoryHistory
from comparer.core.lineage import RESTORED, Lineage, Return
from comparer.core.model import Version
from comparer.core.story import (
    DOCUMENT,
    article_moment,
    date_label,
    date_source,
    local_moment,
    offset_label,
    own_moments,
    saved_moment,
    utc_offset,
)
from comparer.core.visible import visible_line
from comparer.export.json_export import pair_dict, pair_dict_summary, version_dict

FORMAT = "comparer-history/1"
ADDED = "added"  # how a pair reports a paragraph that came back


def _file_saved(seconds: float | None) -> str | None:
    if not seconds:
        return None
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def history_dict(history: StoryHistory, order: str, given: Sequence[int]) -> dict[str, Any]:
    """The history as JSON-ready data.

    Args:
        history: the story's history, versions in reading order.
        order: how the order was decided: "date" or "given".
        given: for each version in reading order, its place in the order given (0-based).
    """
    quotes = history.quotes or tuple(() for _ in history.versions)
    versions = []
    for k, (version, found) in enumerate(zip(history.versions, quotes, strict=True)):
        versions.append(
            {
                **version_dict(version, found),
                "date_source": date_source(version),
                "date_label": date_label(version),
                "utc_offset": utc_offset(version),
                "file_saved": _file_saved(version.mtime),
                "document_saved": version.saved,
                "given_position": given[k],
            }
        )
    steps = []
    for pair, entry in zip(history.pairs, history.timeline[1:], strict=True):
        steps.append(
            {
                "from": pair.from_index,
                "to": pair.to_index,
                "summary": pair_dict_summary(pair),
                "speakers_new": entry.speakers_new,
                "speakers_dropped": entry.speakers_dropped,
            }
        )
    return {
        "format": FORMAT,
        "order": order,
        "versions": versions,
        "steps": steps,
        "lineages": [lineage_dict(lineage) for lineage in history.lineages],
        "figures": [
            {
                "label": figure.label,
                "unit": figure.unit,
                "values": [
                    {"version": p.version, "text": p.text, "value": p.value, "start": p.start}
                    for p in figure.points
                ],
                "steps": [
                    {
                        "from": s.from_version,
                        "to": s.to_version,
                        "from_text": s.number.from_text,
                        "to_text": s.number.to_text,
                        "delta": s.number.delta_label,
                    }
                    for s in figure.steps
                ],
            }
            for figure in history.figures
        ],
        "speakers": [
            {
                "name": t.name,
                "quotes_per_version": list(t.quotes_per_version),
                "first": t.first,
                "last": t.last,
                "steps": [
                    {"from": s.from_version, "to": s.from_version + 1, "kind": s.kind}
                    for s in t.steps
                ],
            }
            for t in history.speaker_timelines
        ],
    }


def lineage_dict(lineage: Lineage) -> dict[str, Any]:
    """One lineage as JSON.

    ``steps`` holds what each pair's comparison reports (so a step where the paragraph came
    back reads "added", as in ``comparer/1``); ``returns`` tells those steps apart as
    "restored", each with its changes since the paragraph was last seen.
    """
    return {
        "paragraphs": [list(cell) for cell in lineage.cells],
        "steps": [ADDED if step == RESTORED else step for step in lineage.steps],
        "returns": [_return_dict(back) for back in lineage.returns],
    }


def _return_dict(back: Return) -> dict[str, Any]:
    compared = pair_dict(back.comparison)
    return {
        "step": back.step,
        "kind": RESTORED,
        "from": back.since,
        "to": back.version,
        "similarity": back.similarity,
        "alignment": compared["alignment"],
        "changes": compared["changes"],
        "numbers": compared["numbers"],
    }


def history_dumps(history: StoryHistory, order: str, given: Sequence[int]) -> str:
    """The history as a JSON document (UTF-8 text, non-ASCII kept as is)."""
    return json.dumps(history_dict(history, order, given), ensure_ascii=False) + "\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def short_dates(versions: Sequence[Version]) -> list[str]:
    """Each version's date label, as short as the story allows.

    Every version dated by its article on one day: the time alone ("06:10"); within one
    year: no year ("9 Jun 07:45"); otherwise the whole label.

    Versions dated only by their files' times, or all by their documents' own record of
    their last save, are shortened the same way and keep saying so ("file saved 20:22",
    "document saved 3 Dec 09:15"), so that the file names beside them in the timeline are
    not crowded out. An article's time is on its own clock, followed by its offset from
    UTC when the page gives one ("9 Jun 23:30 UTC−5").
    """
    own = [local_moment(v) for v in versions]
    timed = all(m is not None for m in own) and all("T" in (v.date or "") for v in versions)
    sources = {date_source(v) for v in versions}
    moments: list[datetime | None] | None = None
    prefix = ""
    zones = [""] * len(versions)
    if timed:
        moments = list(own)
        offsets = [utc_offset(v) for v in versions]
        zones = [f" {offset_label(o)}" if o is not None else "" for o in offsets]
    elif sources == {DOCUMENT}:
        moments = [saved_moment(v) for v in versions]
        prefix = "document saved "
    elif all(m is None and v.web is None and v.mtime for m, v in zip(own, versions, strict=True)):
        moments = [datetime.fromtimestamp(v.mtime or 0.0) for v in versions]
        prefix = "file saved "
    if moments is not None:
        if len({m.date() for m in moments if m is not None}) == 1:
            shown = [m.strftime("%H:%M") if m else "" for m in moments]
        elif len({m.year for m in moments if m is not None}) == 1:
            shown = [m.strftime("%d %b %H:%M").lstrip("0") if m else "" for m in moments]
        else:
            return [date_label(v) for v in versions]
        return [prefix + s + z if s else "" for s, z in zip(shown, zones, strict=True)]
    return [date_label(v) for v in versions]


def figure_line(history: StoryHistory, index: int) -> str:
    """A figure as one line: "people have died: 12 (v1, 06:50) → 17 (v2, 11:40, +5, +42%)"."""
    figure = history.figures[index]
    dates = short_dates(history.versions)
    steps = {s.to_version: s for s in figure.steps}
    parts = []
    shown = None
    for point in figure.points:
        step = steps.get(point.version)
        if shown is not None and step is None:
            continue  # unchanged since the value shown last
        when = dates[point.version]
        bits = [f"v{point.version + 1}"] + ([when] if when else [])
        if step is not None and step.number.delta_label:
            bits.append(step.number.delta_label)
        parts.append(f"{point.text} ({', '.join(bits)})")
        shown = point
    return f"{figure.label or 'figure'}: " + " → ".join(parts)


def speaker_marks(quotes_per_version: Sequence[int]) -> str:
    """One mark per version: "●" quoted, "·" not."""
    return "".join("●" if n else "·" for n in quotes_per_version)


def return_line(back: Return) -> str:
    """A paragraph's return in words: "restored in v4 (last in v2), reworded: on → to find"."""
    head = f"restored in v{back.version + 1} (last in v{back.since + 1})"
    changes = [c for c in back.comparison.changes if c.from_text or c.to_text]
    if not changes:
        return head + ", unchanged"
    shown = [
        f"{' '.join(c.from_text.split()) or '+'} → {' '.join(c.to_text.split()) or '−'}"
        for c in changes[:3]
    ]
    more = f" and {len(changes) - 3} more" if len(changes) > 3 else ""
    return head + ", reworded: " + "; ".join(shown) + more


def order_words(versions: Sequence[Version], order: str) -> str:
    """How ``versions`` are ordered, in words true of them all: "in date order".

    ``order`` is "date" or "given". Put in date order, versions without a date keep their
    places, and the words say so ("in date order; 2 undated versions kept their places");
    where no article has a date the documents' saved times ordered them, and where nothing
    has a date nothing moved.
    """
    if order != "date":
        return f"in {order} order"
    undated = sum(moment is None for moment in own_moments(versions))
    if undated == len(versions):
        return "in given order (none has a date)"
    if all(article_moment(v) is None for v in versions):
        words = "in the order they were saved in"
    else:
        words = "in date order"
    if undated:
        kept = "version kept its place" if undated == 1 else "versions kept their places"
        words += f"; {undated} undated {kept}"
    return words


def history_text(history: StoryHistory, order: str) -> str:
    """The history for a terminal: timeline, figures, speakers over time, paragraphs."""
    versions = history.versions
    lines = [f"{_plural(len(versions), 'version')}, {order_words(versions, order)}", ""]
    lines.append("Timeline")
    for entry in history.timeline:
        version = history.versions[entry.version]
        when = date_label(version) or "no date"
        head = f"  v{entry.version + 1}  {version.name}  ({when})"
        if entry.summary is None:
            lines.append(head)
            continue
        s = entry.summary
        bits = [
            _plural(s.numbers_changed, "number") + " changed",
            f"{s.paragraphs_added} added",
            f"{s.paragraphs_deleted} removed",
            f"{s.paragraphs_changed} changed",
        ]
        if s.paragraphs_moved:
            bits.append(f"{s.paragraphs_moved} moved")
        if entry.speakers_new is not None:
            bits.append(f"speakers +{entry.speakers_new} −{entry.speakers_dropped}")
        lines.append(head + ": " + ", ".join(bits))
    lines += ["", "Figures"]
    if not history.figures:
        lines.append("  no number changed")
    lines += [f"  {figure_line(history, i)}" for i in range(len(history.figures))]
    if history.speaker_timelines:
        lines += ["", "Speakers over time"]
        width = max(len(t.name) for t in history.speaker_timelines)
        # the people and bodies named, then the unnamed sources under a heading
        named = [t for t in history.speaker_timelines if not t.unnamed]
        unnamed = [t for t in history.speaker_timelines if t.unnamed]
        for group, timelines in (("", named), ("Unnamed sources", unnamed)):
            if group and timelines:
                lines.append(f"  {group}:")
            for t in timelines:
                events = ", ".join(f"{s.kind} in v{s.from_version + 2}" for s in t.steps)
                lines.append(
                    f"  {t.name.ljust(width)}  {speaker_marks(t.quotes_per_version)}"
                    f"  v{t.first + 1}–v{t.last + 1}" + (f"  ({events})" if events else "")
                )
    lines += ["", "Paragraphs (changed at least once)"]
    for lineage in history.lineages:
        if all(step in ("equal", "", "ignored") for step in lineage.steps):
            continue
        where = " ".join(
            ",".join(f"¶{p + 1}" for p in cell) if cell else "–" for cell in lineage.cells
        )
        first = lineage.first
        text = history.versions[first].paragraph_text(lineage.cells[first][0])
        text = " ".join(text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        kinds = " ".join(step or "·" for step in lineage.steps)
        lines.append(f"  {where}  [{kinds}]  {text}")
        lines += [f"      {return_line(back)}" for back in lineage.returns]
    # names and article text go to a terminal: their control characters are written out
    return "\n".join(visible_line(line) for line in lines) + "\n"

"""The story's part of a report: its timeline, figures and speakers over time, as HTML.

A report of a story opens with these, then gives the pair (or pairs) the reader chose,
numbered as they are in the story (a report of v5 → v6 says "v5" and "v6").
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from comparer.core.history import StoryHistory
from comparer.core.speaker_timeline import SpeakerTimeline
from comparer.core.story import date_label
from comparer.export.history_json import figure_line, speaker_marks


@dataclass(frozen=True)
class StoryContext:
    """A story's history, and which of its versions the report's comparison holds."""

    history: StoryHistory
    shown: tuple[int, ...]  # story number (0-based) of each version in the comparison

    def label(self, index: int) -> str:
        """The story's name for the comparison's version ``index`` ("v5")."""
        return f"v{(self.shown[index] if index < len(self.shown) else index) + 1}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _counts(history: StoryHistory, version: int) -> str:
    entry = history.timeline[version]
    s = entry.summary
    if s is None:
        return "first version"
    if not s.has_differences:
        return "no change"
    bits = [
        f"{s.numbers_changed} number{'s' if s.numbers_changed != 1 else ''} changed",
        f"{s.paragraphs_added} added",
        f"{s.paragraphs_deleted} removed",
        f"{s.paragraphs_changed} changed",
    ]
    if s.paragraphs_moved:
        bits.append(f"{s.paragraphs_moved} moved")
    if entry.speakers_new or entry.speakers_dropped:
        bits.append(f"speakers +{entry.speakers_new or 0} −{entry.speakers_dropped or 0}")
    return ", ".join(bits)


def story_sections(story: StoryContext, table: str) -> list[str]:
    """The timeline, figures and speakers over time, as lines of HTML.

    Args:
        story: the history and the versions the report goes on to compare.
        table: the opening ``<table>`` tag to use (Qt needs border attributes).
    """
    history = story.history
    n = len(history.versions)
    out = [
        '<section class="story">',
        f"<h2>The story in {n} versions</h2>",
        table.replace('class="', 'class="timeline '),
        "<thead><tr><th>Version</th><th>Date</th><th>File</th>"
        "<th>What changed since the one before</th></tr></thead>",
        "<tbody>",
    ]
    for v, version in enumerate(history.versions):
        mark = " ◆" if v in story.shown else ""
        out.append(
            f"<tr><td>v{v + 1}{mark}</td><td>{_esc(date_label(version) or 'no date')}</td>"
            f"<td>{_esc(version.name)}</td><td>{_esc(_counts(history, v))}</td></tr>"
        )
    shown = ", ".join(f"v{v + 1}" for v in story.shown)
    out += [
        "</tbody>",
        "</table>",
        f'<p class="note">◆ compared in this report: {_esc(shown)}.</p>',
        "<h2>Figures</h2>",
    ]
    if history.figures:
        out.append('<ul class="figures">')
        out += [f"<li>{_esc(figure_line(history, i))}</li>" for i in range(len(history.figures))]
        out.append("</ul>")
    else:
        out.append('<p class="note">No number changed in the story.</p>')
    if history.speaker_timelines:
        heads = "".join(f"<th>v{v + 1}</th>" for v in range(n))
        out += [
            "<h2>Speakers over time</h2>",
            table.replace('class="', 'class="speakers-over-time '),
            f"<thead><tr><th>Speaker</th>{heads}<th>What happened</th></tr></thead>",
            "<tbody>",
        ]
        # the people and bodies named, then the unnamed sources under a heading row
        named = [t for t in history.speaker_timelines if not t.unnamed]
        unnamed = [t for t in history.speaker_timelines if t.unnamed]
        out += [_timeline_row(t) for t in named]
        if unnamed:
            out += [
                "</tbody>",
                '<tbody class="unnamed">',
                f'<tr class="group"><th colspan="{n + 2}" scope="rowgroup">'
                "Unnamed sources</th></tr>",
            ]
            out += [_timeline_row(t) for t in unnamed]
        out += [
            "</tbody>",
            "</table>",
            '<p class="note">● quoted in that version, · not quoted.</p>',
        ]
    out.append("</section>")
    return out


def _timeline_row(timeline: SpeakerTimeline) -> str:
    """A speaker's row in "Speakers over time": a mark per version, then what happened."""
    marks = "".join(
        f'<td class="count">{m}</td>' for m in speaker_marks(timeline.quotes_per_version)
    )
    events = ", ".join(f"{s.kind} in v{s.from_version + 2}" for s in timeline.steps)
    return f"<tr><td>{_esc(timeline.name)}</td>{marks}<td>{_esc(events)}</td></tr>"

"""A story's whole history: its timeline, paragraph lineages, figures and speakers over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparer.core.figures import Figure, follow_figures
from comparer.core.lineage import Lineage, build_lineages
from comparer.core.model import PairComparison, Quote, Speaker, Summary, Version
from comparer.core.speaker_timeline import ADDED, DROPPED, SpeakerTimeline, speaker_timelines
from comparer.core.speakers import list_speakers
from comparer.core.story import Story


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One version in the timeline, with what changed since the one before.

    ``summary`` is None for the first version. ``speakers_new`` and ``speakers_dropped``
    are None while the quotes have not been read.
    """

    version: int
    summary: Summary | None
    speakers_new: int | None = None
    speakers_dropped: int | None = None


@dataclass(frozen=True)
class StoryHistory:
    """Everything a reader of a story's history sees, for versions in reading order."""

    versions: tuple[Version, ...]
    pairs: tuple[PairComparison, ...]
    timeline: tuple[TimelineEntry, ...]
    lineages: tuple[Lineage, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[tuple[Quote, ...], ...] = ()
    speakers: tuple[Speaker, ...] = ()
    speaker_timelines: tuple[SpeakerTimeline, ...] = ()


def timeline_entries(
    n: int,
    summaries: Sequence[Summary | None],
    timelines: Sequence[SpeakerTimeline] | None = None,
) -> tuple[TimelineEntry, ...]:
    """The timeline of ``n`` versions from the consecutive pairs' summaries known so far.

    Args:
        n: how many versions.
        summaries: per consecutive pair, its summary, or None while not compared yet.
        timelines: the speakers over time, or None while the quotes are not read.
    """
    out = [TimelineEntry(0, None, None if timelines is None else 0, None)]
    for k in range(1, n):
        new = dropped = None
        if timelines is not None:
            kinds = [s.kind for t in timelines for s in t.steps if s.from_version == k - 1]
            new, dropped = kinds.count(ADDED), kinds.count(DROPPED)
        out.append(TimelineEntry(k, summaries[k - 1], new, dropped))
    return tuple(out)


def build_history(story: Story, with_quotes: bool = True, parallel: bool = False) -> StoryHistory:
    """Compare every consecutive pair of ``story`` (those not compared yet) and trace it.

    Args:
        story: the versions in reading order.
        with_quotes: also find who is quoted in each version, and the speakers over time.
        parallel: find the quotes in child processes while the pairs are compared
            (``Story.quotes_later``); only for single-threaded callers.
    """
    found = story.quotes_later(parallel) if with_quotes else None
    pairs = story.consecutive()
    versions = story.versions
    lineages = build_lineages(versions, pairs, story.options)
    figures = follow_figures(versions, pairs)
    summaries = [p.summary for p in pairs]
    if found is None:
        return StoryHistory(
            versions, pairs, timeline_entries(len(versions), summaries), lineages, figures
        )
    quotes = found()
    speakers = list_speakers(quotes)
    timelines = speaker_timelines(speakers, quotes)
    return StoryHistory(
        versions,
        pairs,
        timeline_entries(len(versions), summaries, timelines),
        lineages,
        figures,
        quotes,
        speakers,
        timelines,
    )

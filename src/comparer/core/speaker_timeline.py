"""Speakers over time: who is quoted in which version, and what happened at each step.

``list_speakers`` says who is quoted in each version and gives the story-wide badges;
this module turns that into a row per speaker with one mark per version and the steps
where the speaker was added, dropped, reworded or re-attributed, so a reader can see when
a voice entered or left the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from comparer.core.model import Quote, Speaker
from comparer.core.speakers import UNNAMED, fold_words

ADDED, DROPPED, REWORDED, REATTRIBUTED = "added", "dropped", "reworded", "re-attributed"
_REWORDED_MIN_RATIO = 0.5
_REATTRIBUTED_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class SpeakerStep:
    """Something that happened to a speaker between versions ``from_version`` and the next."""

    from_version: int
    kind: str  # "added", "dropped", "reworded", "re-attributed"


@dataclass(frozen=True, slots=True)
class SpeakerTimeline:
    """One speaker across the story.

    Attributes:
        name: the fullest name used for them.
        quotes_per_version: how many quotes they have in each version (0: not quoted).
        steps: what happened at each step, oldest first.
        unnamed: whether they are a source without a name ("officials", "a spokesman"),
            listed in a group of their own after the people and bodies named.
    """

    name: str
    quotes_per_version: tuple[int, ...]
    steps: tuple[SpeakerStep, ...]
    unnamed: bool = False

    @property
    def first(self) -> int:
        """The first version that quotes them (-1 if none)."""
        return next((v for v, n in enumerate(self.quotes_per_version) if n), -1)

    @property
    def last(self) -> int:
        """The last version that quotes them (-1 if none)."""
        present = [v for v, n in enumerate(self.quotes_per_version) if n]
        return present[-1] if present else -1


def speaker_timelines(
    speakers: Sequence[Speaker], quotes: Sequence[Sequence[Quote]]
) -> tuple[SpeakerTimeline, ...]:
    """A timeline per speaker, in the order ``list_speakers`` gives them.

    Args:
        speakers: ``list_speakers(quotes)``.
        quotes: each version's quotes, in reading order.
    """
    said: list[dict[int, set[tuple[str, ...]]]] = []  # per speaker: version → quotes' words
    for speaker in speakers:
        per_version: dict[int, set[tuple[str, ...]]] = {}
        for v, i in speaker.quotes:
            words = fold_words(quotes[v][i].text)
            if words:
                per_version.setdefault(v, set()).add(words)
        said.append(per_version)
    by_words: dict[tuple[int, tuple[str, ...]], set[int]] = {}  # (version, words) → speakers
    for s, per_version in enumerate(said):
        for v, all_words in per_version.items():
            for words in all_words:
                if len(words) >= _REATTRIBUTED_MIN_WORDS:
                    by_words.setdefault((v, words), set()).add(s)
    out: list[SpeakerTimeline] = []
    n = len(quotes)
    for s, speaker in enumerate(speakers):
        counts = speaker.quotes_per_version
        steps: list[SpeakerStep] = []
        for k in range(n - 1):
            if not counts[k] and counts[k + 1]:
                steps.append(SpeakerStep(k, ADDED))
            if counts[k] and not counts[k + 1]:
                steps.append(SpeakerStep(k, DROPPED))
            before, after = said[s].get(k, set()), said[s].get(k + 1, set())
            if before and after and _reworded(before, after):
                steps.append(SpeakerStep(k, REWORDED))
            if any(
                other != s
                for words in after
                for other in by_words.get((k, words), ())
                if len(words) >= _REATTRIBUTED_MIN_WORDS
            ):
                steps.append(SpeakerStep(k, REATTRIBUTED))
        out.append(SpeakerTimeline(speaker.name, counts, tuple(steps), UNNAMED in speaker.badges))
    return tuple(out)


def _reworded(before: set[tuple[str, ...]], after: set[tuple[str, ...]]) -> bool:
    """Whether a quote of ``before`` lives on in ``after`` with other words."""
    for words in before - after:
        for other in after - before:
            if SequenceMatcher(None, words, other, autojunk=False).ratio() >= _REWORDED_MIN_RATIO:
                return True
    return False

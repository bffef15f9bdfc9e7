"""Speakers over time: one mark per version, and what happened to each voice at each step."""

from __future__ import annotations

from comparer.core.model import Quote, QuoteKind
from comparer.core.speaker_timeline import (
    ADDED,
    DROPPED,
    REATTRIBUTED,
    REWORDED,
    SpeakerStep,
    SpeakerTimeline,
    speaker_timelines,
)
from comparer.core.speakers import list_speakers


def q(text: str, speaker: str | None) -> Quote:
    """A direct quote; offsets do not matter to the timeline."""
    return Quote(0, len(text), f"\u201c{text}\u201d", QuoteKind.DIRECT, speaker, None, None)


def timelines(*versions: list[Quote]) -> dict[str, SpeakerTimeline]:
    quotes = [list(v) for v in versions]
    return {t.name: t for t in speaker_timelines(list_speakers(quotes), quotes)}


def test_a_voice_that_enters_then_leaves() -> None:
    found = timelines(
        [q("We are still searching the rubble", "Ana Ruiz")],
        [
            q("We are still searching the rubble", "Ana Ruiz"),
            q("The roads are open again", "Tom Harker"),
        ],
        [q("We are still searching the rubble", "Ana Ruiz")],
    )
    harker = found["Tom Harker"]
    assert harker.quotes_per_version == (0, 1, 0)
    assert harker.steps == (SpeakerStep(0, ADDED), SpeakerStep(1, DROPPED))
    assert (harker.first, harker.last) == (1, 1)
    ruiz = found["Ana Ruiz"]
    assert ruiz.steps == () and (ruiz.first, ruiz.last) == (0, 2)


def test_a_quote_that_lives_on_in_other_words_is_reworded() -> None:
    found = timelines(
        [q("We are still searching the rubble for survivors", "Ana Ruiz")],
        [q("We are still searching the rubble for more survivors tonight", "Ana Ruiz")],
        [q("The rescue is over", "Ana Ruiz")],
    )
    # only the first step keeps the quote's words; the second is a new quote
    assert found["Ana Ruiz"].steps == (SpeakerStep(0, REWORDED),)


def test_only_typography_changed_is_not_rewording() -> None:
    found = timelines(
        [q("It's too early to say", "Ana Ruiz")],
        [q("IT\u2019S TOO EARLY TO SAY", "Ana Ruiz")],
    )
    assert found["Ana Ruiz"].steps == ()


def test_words_given_to_someone_else_are_re_attributed_to_the_new_speaker() -> None:
    words = "We are still searching the rubble"
    found = timelines(
        [q(words, "Ana Ruiz")],
        [q(words, "Tom Harker")],
    )
    assert found["Tom Harker"].steps == (SpeakerStep(0, ADDED), SpeakerStep(0, REATTRIBUTED))
    assert found["Ana Ruiz"].steps == (SpeakerStep(0, DROPPED),)


def test_a_short_phrase_shared_by_two_speakers_is_not_re_attribution() -> None:
    found = timelines(
        [q("No comment", "Ana Ruiz")],
        [q("No comment", "Tom Harker"), q("No comment", "Ana Ruiz")],
    )
    assert found["Tom Harker"].steps == (SpeakerStep(0, ADDED),)


def test_a_surname_alone_is_the_same_speaker() -> None:
    found = timelines(
        [q("We are still searching the rubble", "Ana Ruiz")],
        [q("The roads are open again", "Ruiz")],
    )
    assert list(found) == ["Ana Ruiz"]
    assert found["Ana Ruiz"].quotes_per_version == (1, 1)


def test_someone_never_quoted_has_no_first_or_last_version() -> None:
    timeline = SpeakerTimeline("Nobody", (0, 0, 0), ())
    assert (timeline.first, timeline.last) == (-1, -1)

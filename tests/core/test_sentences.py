"""Sentences inside paragraphs: split, aligned, diffed one by one, linked when moved."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.compare import compare
from comparer.core.model import AlignKind, ChangeKind
from comparer.core.sentences import (
    moved_sentence_edits,
    moved_sentences,
    sentence_spans,
    similarity,
    split_sentences,
)
from tests.core import flood_story
from tests.core.factories import version_from_paragraphs


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He left. She stayed.", ["He left. ", "She stayed."]),
        ("Mr. Ban said so. Then he left.", ["Mr. Ban said so. ", "Then he left."]),
        ("On Nov. 28 the U.S. Army left. It rained.",
         ["On Nov. 28 the U.S. Army left. ", "It rained."]),
        ("J. R. Smith spoke. Why? Nobody knows!",
         ["J. R. Smith spoke. ", "Why? ", "Nobody knows!"]),
        ('"It is over." The crowd left.', ['"It is over." ', "The crowd left."]),
        ("It rose to 3.5 percent. Then 4 percent.",
         ["It rose to 3.5 percent. ", "Then 4 percent."]),
        ("no full stop at the end", ["no full stop at the end"]),
    ],
)  # fmt: skip
def test_sentences_are_split_where_a_reader_would(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


# One paragraph holding a whole article, and the same article a day later: one sentence
# corrected, one moved to the top and edited, one added, one removed.
OLD = (
    "Kody Brown and his wives arrived in Las Vegas in 2011 after leaving their home state. "
    "Meri Brown said the move had been hard on the children. "
    "The family now runs a jewellery business from a rented office near the airport. "
    "Neighbours said they had not been told about the filming. "
    "The show returns in March with twelve episodes."
)
NEW = (
    "The show returns in March with ten new episodes. "
    "Kody Brown and his wives moved to Las Vegas in 2011 after leaving their home state. "
    "Robyn Brown said the move had been hard on the children. "
    "A spokesman for the network declined to comment on the lawsuit filed this week. "
    "The family now runs a jewellery business from a rented office near the airport."
)


def _pair(old: str, new: str):  # type: ignore[no-untyped-def]
    versions = [version_from_paragraphs(["Headline of the story", p]) for p in (old, new)]
    return versions, compare(versions).pairs[0]


def test_a_heavily_edited_one_paragraph_article_shows_its_corrections() -> None:
    (old, new), pair = _pair(OLD, NEW)
    kinds = [e.kind for e in pair.alignment]
    assert AlignKind.ADDED not in kinds and AlignKind.DELETED not in kinds
    assert [e.kind for e in pair.alignment][1] is AlignKind.CHANGED
    replaced = [(c.from_text, c.to_text) for c in pair.changes if c.kind is ChangeKind.REPLACE]
    assert ("Meri", "Robyn") in replaced
    assert ("arrived in", "moved to") in replaced
    moves = [
        (old.text[m.from_start : m.from_end], new.text[m.to_start : m.to_end]) for m in pair.moves
    ]
    assert moves == [
        ("The show returns in March with twelve episodes.",
         "The show returns in March with ten new episodes.")
    ]  # fmt: skip


def test_unrelated_sentences_are_removed_and_added_whole_never_mixed() -> None:
    (old, new), pair = _pair(OLD, NEW)
    new_sentences = {NEW[a:b].strip() for a, b in split_sentences(NEW)}
    old_sentences = {OLD[a:b].strip() for a, b in split_sentences(OLD)}
    inserted = [c.to_text.strip() for c in pair.changes if c.kind is ChangeKind.INSERT]
    deleted = [c.from_text.strip() for c in pair.changes if c.kind is ChangeKind.DELETE]
    added = "A spokesman for the network declined to comment on the lawsuit filed this week."
    assert added in inserted
    assert any("Neighbours said they had not been told" in d for d in deleted)
    for change in pair.changes:  # a change lies inside one sentence, or is whole sentences
        assert _inside_or_whole(change.from_text, old_sentences)
        assert _inside_or_whole(change.to_text, new_sentences)


def _inside_or_whole(text: str, sentences: set[str]) -> bool:
    text = text.strip()
    if any(text in s for s in sentences):
        return True
    pieces = [text[a:b].strip() for a, b in split_sentences(text)]
    return all(piece in sentences for piece in pieces)


def test_a_sentence_moved_and_edited_is_linked_as_moved() -> None:
    removed = [(OLD.index("The show returns"), len(OLD))]
    added = [(0, NEW.index(" Kody"))]
    moves = moved_sentences(OLD, NEW, removed, added)
    assert [(OLD[m.from_start : m.from_end], NEW[m.to_start : m.to_end]) for m in moves] == [
        ("The show returns in March with twelve episodes.",
         "The show returns in March with ten new episodes.")
    ]  # fmt: skip


def test_a_short_sentence_that_recurs_is_not_a_move() -> None:
    old, new = "He declined to comment.", "He declined to comment."
    assert moved_sentences(old, new, [(0, len(old))], [(0, len(new))]) == []


def test_a_sentence_split_in_two_is_one_sentence_edited() -> None:
    old = "The bridge closed at noon, and the ferry stopped running an hour later. Rain fell."
    new = "The bridge closed at noon. And the ferry stopped running an hour later. Rain fell."
    spans = sentence_spans(old, new)
    assert [(old[s.from_start : s.from_end], new[s.to_start : s.to_end]) for s in spans] == [
        (", and", ". And")
    ]


def test_sentence_similarity_ignores_typography_and_case() -> None:
    assert similarity('He said "no."', "he said \u201cNo.\u201d") == 1.0


_SENTENCES = st.sampled_from(
    [
        "The army said 40 people died.",
        "The army said 48 people died.",
        "Rebels held the town.",
        "Rebels still held the town on Monday.",
        "Mr. Ban spoke.",
        "Nobody spoke.",
        "It rained!",
        "Was it over?",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCES, max_size=6), st.lists(_SENTENCES, max_size=6))
def test_sentence_changes_rebuild_the_newer_text(old_list: list[str], new_list: list[str]) -> None:
    old, new = " ".join(old_list), " ".join(new_list)
    spans = sentence_spans(old, new)
    rebuilt, pos = [], 0
    for s in spans:
        assert s.from_start >= pos
        rebuilt.append(old[pos : s.from_start])
        rebuilt.append(new[s.to_start : s.to_end])
        pos = s.from_end
    rebuilt.append(old[pos:])
    assert "".join(rebuilt) == new


def test_a_long_run_of_marks_is_one_sentence() -> None:
    # read from the start of the run once (a hundred thousand dots, an ellipsis gone wild)
    dots = "." * 200_000
    assert split_sentences(dots) == [(0, len(dots))]
    assert split_sentences(f"It ended{dots} Then it began.") == [
        (0, len(dots) + 9),
        (len(dots) + 9, len(dots) + 23),
    ]


def test_the_words_edited_in_a_moved_sentence_are_its_only_edits() -> None:
    old, new = flood_story.versions()
    pair = compare([old, new], with_quotes=False).pairs[0]
    edits = {
        new.text[m.to_start : m.to_end]: [
            (old.text[s.from_start : s.from_end], new.text[s.to_start : s.to_end], typographic)
            for s, typographic in moved_sentence_edits(old.text, new.text, m)
        ]
        for m in pair.moves
    }
    rescue = next(k for k in edits if k.startswith("Rescue teams"))
    assert edits[rescue] == [("", "the ", False)]
    # the full stop the sentence left at its old place, or found at its new one, is
    # where it sits, not an edit of it
    roads = next(k for k in edits if k.startswith("Roads into"))
    assert roads.endswith("traffic.") and edits[roads] == []


def test_a_figure_facing_words_is_not_cut_out_of_its_change() -> None:
    # "villages" → "200" would interleave the sentence that left with the clause that
    # came: "said[. Rescue … reach]{, and} [villages]{200} [cut off …]{were injured}"
    old, new = flood_story.versions()
    pair = compare([old, new], with_quotes=False).pairs[0]
    second = [c for c in pair.changes if c.entry == 1]
    assert [(c.from_text, c.to_text) for c in second] == [
        ("40", "48"),
        (
            ". Rescue teams worked through the night to reach villages cut off by the water",
            ", and 200 were injured",
        ),
    ]
    moved = [old.text[m.from_start : m.from_end] for m in pair.moves]
    assert "Rescue teams worked through the night to reach villages cut off by the water" in moved

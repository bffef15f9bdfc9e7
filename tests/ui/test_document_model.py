"""Rows, spans and stops built from a comparison, without a window."""

from __future__ import annotations

from comparer.core.compare import compare
from comparer.formats import load_path
from comparer.sample import sample_paths
from comparer.ui.document_model import (
    DEL,
    FIG_DEL,
    FIG_INS,
    INS,
    MOVED_NEW,
    MOVED_OLD,
    NUM_NEW,
    NUM_OLD,
    build_model,
    build_single,
)
from tests.core import flood_story
from tests.core.test_figure_edits import figure_kept_in_its_paragraph


def _model(indices: tuple[int, ...] = (0, 1, 2)):
    paths = sample_paths()
    return build_model(compare([load_path(paths[i]) for i in indices]))


def test_every_paragraph_is_in_exactly_one_row() -> None:
    model = _model()
    for v, version in enumerate(model.versions):
        seen = [p for row in model.rows for p in row.cells[v]]
        assert sorted(seen) == list(range(len(version.paragraphs)))


def test_each_pane_keeps_reading_order() -> None:
    model = _model()
    for v in range(len(model.versions)):
        seen = [p for row in model.rows for p in row.cells[v]]
        assert seen == sorted(seen)


def test_moved_paragraph_has_a_row_at_both_places_linked_to_each_other() -> None:
    model = _model((0, 1))
    moved_to = [r for r, row in enumerate(model.rows) if row.pair_kinds[0] == "moved_to"]
    moved_from = [r for r, row in enumerate(model.rows) if row.pair_kinds[0] == "moved_from"]
    assert len(moved_to) == len(moved_from) == 1
    assert model.links[(moved_to[0], 0)].target_row == moved_from[0]
    assert model.links[(moved_from[0], 1)].target_row == moved_to[0]
    assert moved_to[0] < moved_from[0]


def test_split_paragraph_shares_one_row() -> None:
    model = _model((1, 2))
    split = [row for row in model.rows if row.pair_kinds[0] == "split"]
    assert len(split) == 1
    assert len(split[0].cells[0]) == 1 and len(split[0].cells[1]) == 2


def test_number_and_word_spans_carry_their_side() -> None:
    model = _model((0, 1))
    old, new = model.versions
    styles_old = {
        (old.text[s.start : s.end], s.style) for spans in model.spans[0].values() for s in spans
    }
    styles_new = {
        (new.text[s.start : s.end], s.style) for spans in model.spans[1].values() for s in spans
    }
    assert ("12", NUM_OLD) in styles_old
    assert ("17", NUM_NEW) in styles_new
    assert ("local ", DEL) in styles_old
    assert any(style == INS for _text, style in styles_new)


def test_stops_follow_reading_order() -> None:
    model = _model()
    rows = [s.row for s in model.stops]
    assert rows == sorted(rows)
    assert {s.category for s in model.stops} >= {"numeric", "text", "typographic"}


def test_single_version_has_no_marks() -> None:
    version = load_path(sample_paths()[0])
    model = build_single(version)
    assert len(model.rows) == len(version.paragraphs)
    assert model.stops == [] and model.pairs == ()


def _flood():
    return build_model(compare(list(flood_story.versions()), with_quotes=False))


def _marks(model, version: int) -> list[tuple[str, str, int]]:
    text = model.versions[version].text
    return [
        (text[s.start : s.end], s.style, s.move)
        for p in sorted(model.spans[version])
        for s in model.spans[version][p]
    ]


def test_a_moved_sentence_is_marked_moved_at_both_places_not_removed_and_added() -> None:
    model = _flood()
    old, new = _marks(model, 0), _marks(model, 1)
    for m, move in enumerate(model.pairs[0].moves):
        left = [(t, style) for t, style, mv in old if mv == m]
        right = [(t, style) for t, style, mv in new if mv == m]
        assert {style for _t, style in left} <= {MOVED_OLD, DEL}
        assert {style for _t, style in right} <= {MOVED_NEW, INS}
        assert (
            "".join(t for t, _s in left) == model.versions[0].text[move.from_start : move.from_end]
        )
    # the one edited on the way shows its edit as a word change
    assert ("the ", INS, 0) in new
    # what the moved sentences leave of their changes is no mark at all when only a space
    assert all(t.strip() for t, style, _mv in old + new if style in (DEL, INS))


def test_each_moved_sentence_is_one_stop_at_its_new_place() -> None:
    model = _flood()
    moved = [s for s in model.stops if s.category == "moved"]
    new = model.versions[1].text
    assert [new[s.start : s.end][:20] for s in moved] == [
        "Rescue teams worked ",
        "“We are doing everyt",
        "Roads into the valle",
        "Another 30 millimetr",
    ]
    assert [model.move_places(0, s.move) for s in moved] == [(1, 2), (2, 2), (2, 3), (4, 4)]
    # a change that was only a sentence moving in or out is no stop of its own
    texts = [model.change_texts(0, s.change) for s in model.stops if s.change >= 0]
    assert all("Roads into" not in a + b for a, b in texts)


def test_a_figure_added_or_removed_is_marked_apart_from_a_figure_changed() -> None:
    model = _flood()
    old, new = _marks(model, 0), _marks(model, 1)
    assert ("40", NUM_OLD, -1) in old and ("48", NUM_NEW, -1) in new
    assert [t for t, style, _m in new if style == FIG_INS] == ["200", "3,000"]
    assert [t for t, style, _m in old if style == FIG_DEL] == ["12"]
    # the words around an added figure are words, not a number change
    assert (" were injured", INS, -1) in new
    assert ("30", NUM_OLD, -1) not in old


def test_a_change_whose_figure_stays_in_its_paragraph_is_a_change_of_words() -> None:
    old, new = figure_kept_in_its_paragraph()
    model = build_model(compare([old, new], with_quotes=False))
    assert [s.category for s in model.stops] == ["text", "text"]
    styles = {s.style for spans in model.spans[0].values() for s in spans}
    styles |= {s.style for spans in model.spans[1].values() for s in spans}
    assert styles == {DEL, INS}


def test_a_figure_changed_as_its_sentence_moved_is_marked_a_number_change_at_both_places() -> None:
    from tests.core import storm_story

    model = build_model(compare(list(storm_story.versions()), with_quotes=False))
    pair = model.pairs[0]
    old, new = _marks(model, 0), _marks(model, 1)
    for n in pair.numbers:
        assert n.move >= 0
        assert (n.from_text, NUM_OLD, n.move) in old
        assert (n.to_text, NUM_NEW, n.move) in new
        # the rest of the sentence stays marked as moved, its figure not as words
        assert (n.from_text, DEL, n.move) not in old
        assert (n.to_text, INS, n.move) not in new
    # neither is a figure added or removed: only those of the unrelated sentences are
    assert {t for t, style, _mv in old + new if style in (FIG_DEL, FIG_INS)} == {"300", "12"}
    # a reader steps to each moved sentence, and to what is left of the changes they lay
    # in only where something else changed (the sentence that came after "48"'s, placed
    # where its change starts)
    versions = model.versions
    stops = [
        (s.category, s.move, versions[s.version].text[s.start : s.end].strip())
        for s in model.stops
    ]
    assert stops == [
        ("moved", 0, versions[1].text[pair.moves[0].to_start : pair.moves[0].to_end]),
        ("numeric", -1, "About 300 people slept in the hall on Monday night."),
        ("numeric", -1, "Some 12 schools will stay closed until the weekend, the council said."),
        ("moved", 1, versions[1].text[pair.moves[1].to_start : pair.moves[1].to_end]),
    ]

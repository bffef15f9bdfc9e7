"""Rows, spans and stops built from a comparison, without a window."""

from __future__ import annotations

from comparer.core.compare import compare
from comparer.formats import load_path
from comparer.sample import sample_paths
from comparer.ui.document_model import DEL, INS, NUM_NEW, NUM_OLD, build_model, build_single


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

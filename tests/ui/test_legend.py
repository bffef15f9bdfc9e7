"""The key to the marks: as much of it as the room allows, never a word cut."""

from __future__ import annotations

import pytest

from comparer.ui.legend import FULL, SAMPLES, STACKED, Legend
from comparer.ui.theme import Theme


@pytest.fixture
def legend(qtbot) -> Legend:
    legend = Legend(Theme.light())
    qtbot.addWidget(legend)
    legend.show()
    qtbot.waitExposed(legend)
    return legend


def test_every_mark_is_explained(legend: Legend) -> None:
    assert [m for _s, m in legend.items()] == [
        "removed",
        "added",
        "number changed",
        "typography",
        "moved",
    ]
    assert all(m == "" for _s, m in legend.items(SAMPLES))
    assert "struck through" in legend.toolTip()
    assert legend.accessibleDescription() == legend.toolTip()


def test_the_form_fits_the_room(legend: Legend) -> None:
    tall = int(legend.sizeHint().height() * 2.5)
    legend.resize(int(legend.width_of(FULL)) + 2, legend.sizeHint().height())
    assert legend.form() == FULL
    legend.resize(int(legend.width_of(STACKED)) + 2, tall)
    assert legend.width_of(STACKED) < legend.width_of(FULL)
    assert legend.form() == STACKED
    legend.resize(int(legend.width_of(STACKED)) + 2, legend.sizeHint().height() // 2)
    assert legend.form() == SAMPLES  # two rows would not fit in the height
    legend.resize(int(legend.width_of(SAMPLES)) + 2, tall)
    assert legend.form() == SAMPLES
    assert legend.minimumSizeHint().width() <= legend.width_of(SAMPLES) + 1


def test_typography_leaves_the_key_when_it_is_not_marked(legend: Legend) -> None:
    wide = legend.width_of(FULL)
    legend.set_ignore_typography(True)
    assert "typography" not in [m for _s, m in legend.items()]
    assert legend.width_of(FULL) < wide
    assert "typography" not in legend.accessibleDescription()
    legend.set_ignore_typography(False)
    assert "typography" in legend.accessibleDescription()

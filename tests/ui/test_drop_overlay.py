"""Dragging files over the window: the plan for the drop, and the highlight that shows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from comparer.ui.drop_overlay import DropOverlay, drop_plan
from comparer.ui.theme import Theme


@pytest.mark.parametrize(
    ("paths", "versions", "pane", "target", "says"),
    [
        (["a.txt", "b.txt"], 0, -1, -1, "compare these 2 files"),
        (["a.txt", "b.txt"], 3, 1, -1, "compare these 2 files"),
        (["a.txt"], 0, -1, -1, "open a.txt"),
        (["b.txt"], 1, 0, -1, "compare b.txt as the newer version"),
        (["c.txt"], 2, 1, 1, "put c.txt in place of v2"),
        (["c.txt"], 2, -1, -1, "add c.txt as v3"),
    ],
)
def test_the_plan_says_what_a_drop_does(paths, versions, pane, target, says) -> None:
    plan = drop_plan(paths, versions, pane)
    assert plan.pane == target
    assert says in plan.text


def test_the_overlay_highlights_the_target_and_lets_the_mouse_through(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    overlay = DropOverlay(Theme.light(), window)
    overlay.show_target(QRect(400, 0, 400, 500), "Drop to put c.txt in place of v2")
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    assert overlay.target() == QRect(400, 0, 400, 500)
    image = overlay.grab().toImage()
    tinted = image.pixelColor(600, 60)
    untouched = image.pixelColor(100, 60)
    assert tinted != untouched  # the pane under the pointer is tinted, the other is not
    assert overlay.accessibleDescription() == "Drop to put c.txt in place of v2"
    overlay.clear()
    assert not overlay.isVisible()

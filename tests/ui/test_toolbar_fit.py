"""The toolbar on small screens: labelled buttons while they fit with the legend, else icons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from comparer.ui.legend import Legend
from comparer.ui.theme import Theme
from comparer.ui.toolbar_fit import LABELLED, ToolbarFitter, labels_shown


@pytest.fixture
def bar(qtbot) -> tuple[QToolBar, ToolbarFitter, QAction]:
    toolbar = QToolBar()
    qtbot.addWidget(toolbar)
    toolbar.setToolButtonStyle(LABELLED)
    for name in ("Open Files", "Previous Change", "Next Change", "Export Report"):
        toolbar.addAction(QAction(name, toolbar))
    legend_action = toolbar.addWidget(Legend(Theme.light()))
    fitter = ToolbarFitter(toolbar, toolbar.widgetForAction(legend_action))
    toolbar.show()
    qtbot.waitExposed(toolbar)
    return toolbar, fitter, legend_action


def test_labels_while_they_fit_icons_when_they_do_not(qtbot, bar) -> None:
    toolbar, fitter, _legend = bar
    needed = fitter.needed_width()
    toolbar.resize(needed + 20, toolbar.height())
    qtbot.waitUntil(lambda: labels_shown(toolbar))
    toolbar.resize(needed // 2, toolbar.height())
    qtbot.waitUntil(lambda: not labels_shown(toolbar))
    toolbar.resize(needed + 20, toolbar.height())  # room again: the labels come back
    qtbot.waitUntil(lambda: labels_shown(toolbar))


def test_the_room_needed_is_measured_with_labels_even_when_icons_show(bar) -> None:
    toolbar, fitter, legend = bar
    with_labels = fitter.needed_width()
    toolbar.resize(with_labels // 2, toolbar.height())
    fitter.fit()
    assert not labels_shown(toolbar)
    assert fitter.needed_width() == with_labels  # so the labels can come back
    legend.setVisible(False)  # no comparison: no legend to keep room for
    assert fitter.needed_width() < with_labels
